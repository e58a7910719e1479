import YAMLFiles

/// One builder's routing configuration: its project managers, ordered rules and a fallback.
///
/// Load it from a YAML file with ``init(yaml:file:)`` or ``load(file:)`` (errors name the file,
/// line and column), store it in Postgres as JSON (it is `Codable`; the JSON has the file's
/// shape and keys) and decode it back. Then route a lead with ``plan(_:)`` and
/// ``RoutingPlan/decide(_:)``, or in one call with ``route(_:state:)``.
///
/// Evaluation: rules are tried in file order; the first rule whose conditions all hold and
/// that has an eligible manager (active, below their cap) picks one by its strategy. A rule
/// that matches but has no eligible manager falls through to the next rule, and the
/// explanation says so. When no rule takes the lead, the fallback does; when the fallback has
/// no eligible manager either, the decision has no manager.
///
/// The file format:
/// ```yaml
/// builder: hill-country-homes        # optional: the builder slug the file is for
/// managers:
///   - {key: dana, name: Dana Whitfield, email: dana@example.com, max_open_leads: 25}
///   - {key: priya, name: Priya Shah, email: priya@example.com}
///   - {key: marco, name: Marco Ruiz, email: marco@example.com, active: false}
/// rules:
///   - name: custom-homes-800k
///     when: {project_types: [custom_home], budget: {min: 800k}}
///     managers: dana
///     strategy: fixed
///   - name: austin-remodels
///     when: {zip_prefixes: ["787"], project_types: [remodel, kitchen_remodel]}
///     managers: [priya, marco]
///     strategy: round_robin
/// fallback:
///   managers: [dana, priya]
///   strategy: workload
/// ```
public struct RoutingRules: Sendable, Hashable {
    /// The builder slug the rules are for, when the file names one.
    public private(set) var builder: String?
    /// Every manager the rules may name, active or not.
    public private(set) var managers: [ProjectManager]
    /// Rules in evaluation order.
    public private(set) var rules: [RoutingRule]
    /// What takes leads no rule took.
    public private(set) var fallback: RoutingFallback

    /// Creates rules in code, checking them as a file would be checked.
    ///
    /// Condition values are normalised: states become USPS codes, project types and sources
    /// lowercase slugs.
    ///
    /// - Throws: ``RoutingRulesError`` (without a position; `file` is `label`) for a duplicate
    ///   manager key, a rule naming an unknown manager or none, a duplicate rule name, a `fixed`
    ///   rule with more than one manager, or a condition value that cannot match.
    public init(
        builder: String? = nil, managers: [ProjectManager], rules: [RoutingRule], fallback: RoutingFallback,
        label: String = "routing rules"
    ) throws {
        func fail(_ code: RoutingRulesError.Code, _ reason: String) -> RoutingRulesError {
            RoutingRulesError(code: code, file: label, reason: reason)
        }
        var keys: Set<String> = []
        for manager in managers {
            if let problem = Self.problem(managerKey: manager.key) { throw fail(.invalidValue, problem) }
            guard keys.insert(manager.key).inserted else {
                throw fail(.duplicateManager, "manager key '\(manager.key)' is defined twice")
            }
            if manager.name.trimmingWhitespace().isEmpty { throw fail(.invalidValue, "manager '\(manager.key)' has no name") }
            if let cap = manager.maxOpenLeads, cap < 0 {
                throw fail(.invalidValue, "manager '\(manager.key)': max_open_leads must not be negative")
            }
        }
        var names: Set<String> = []
        var checkedRules: [RoutingRule] = []
        for rule in rules + [fallback.asRule] {
            let isFallback = checkedRules.count == rules.count
            let what = isFallback ? "the fallback" : "rule '\(rule.name)'"
            if !isFallback {
                if rule.name.trimmingWhitespace().isEmpty { throw fail(.invalidValue, "a rule has an empty name") }
                if rule.name == RoutingFallback.ruleName {
                    throw fail(.duplicateRule, "'\(RoutingFallback.ruleName)' is reserved for the fallback; rename the rule")
                }
                guard names.insert(rule.name).inserted else { throw fail(.duplicateRule, "rule name '\(rule.name)' is used twice") }
            }
            if let (code, problem) = Self.problem(managers: rule.managers, strategy: rule.strategy, known: keys, what: what) {
                throw fail(code, problem)
            }
            var checked = rule
            do {
                checked.conditions = try rule.conditions.normalized()
            } catch {
                throw fail(.invalidValue, "\(what): \(error.reason)")
            }
            checkedRules.append(checked)
        }
        self.init(unchecked: builder, managers: managers, rules: Array(checkedRules.dropLast()), fallback: fallback)
    }

    /// Rules already checked (by the YAML reader, which reports positions).
    init(unchecked builder: String?, managers: [ProjectManager], rules: [RoutingRule], fallback: RoutingFallback) {
        self.builder = builder
        self.managers = managers
        self.rules = rules
        self.fallback = fallback
    }

    /// The manager with `key`, active or not.
    public func manager(_ key: String) -> ProjectManager? {
        managers.first { $0.key == key }
    }

    /// Why a manager key is unusable, or nil.
    static func problem(managerKey key: String) -> String? {
        if key.trimmingWhitespace().isEmpty { return "a manager has an empty key" }
        if key != key.trimmingWhitespace() { return "manager key '\(key)' has surrounding spaces" }
        return nil
    }

    /// Why a rule's manager list is unusable, or nil.
    static func problem(
        managers: [String], strategy: RoutingStrategy, known: Set<String>, what: String
    ) -> (RoutingRulesError.Code, String)? {
        if managers.isEmpty { return (.noManagers, "\(what) lists no managers") }
        if let unknown = managers.first(where: { !known.contains($0) }) {
            return (.unknownManager, "\(what) names unknown manager '\(unknown)' (known: \(known.sorted().joined(separator: ", ")))")
        }
        if Set(managers).count != managers.count { return (.invalidValue, "\(what) lists a manager twice") }
        if strategy == .fixed && managers.count != 1 {
            return (.noManagers, "\(what) uses strategy fixed, which takes exactly one manager (it lists \(managers.count))")
        }
        return nil
    }
}
