public import Foundation
import YAMLFiles
import Yams

extension RoutingRules {
    private static let topKeys: Set<String> = ["builder", "managers", "rules", "fallback"]
    private static let managerKeys: Set<String> = ["key", "name", "email", "active", "max_open_leads"]
    private static let ruleKeys: Set<String> = ["name", "when", "managers", "strategy"]
    private static let fallbackKeys: Set<String> = ["managers", "strategy"]
    private static let conditionKeys: Set<String> = Set(
        [RoutingConditions.CodingKeys.states, .cities, .zips, .zipPrefixes, .projectTypes, .sources, .budget].map(\.rawValue)
    )
    private static let budgetKeys: Set<String> = ["min", "max"]

    /// Reads rules from a YAML file.
    ///
    /// - Parameter file: The rules file.
    /// - Throws: ``RoutingRulesError`` naming the file, line and column of the first problem.
    public static func load(file: URL) throws -> RoutingRules {
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw RoutingRulesError(code: .unreadableFile, file: file.path, line: 1, column: 1, reason: "cannot read the file: \(error)")
        }
        return try RoutingRules(yaml: text, file: file.path)
    }

    /// Reads rules from YAML text.
    ///
    /// - Parameters:
    ///   - yaml: The file's contents.
    ///   - file: The path, for error messages.
    /// - Throws: ``RoutingRulesError`` naming the file, line and column of the first problem:
    ///   invalid YAML, an unknown key, a value of the wrong type, an unknown strategy, a rule
    ///   without managers or naming an unknown one, a duplicate manager key or rule name, or a
    ///   condition value that cannot match (unknown state, project type or source; a malformed
    ///   ZIP; a budget whose min is above its max).
    public init(yaml: String, file: String) throws {
        guard let root = try RoutingNode.document(yaml, file: file) else {
            throw RoutingRulesError(code: .missingKey, file: file, line: 1, column: 1, reason: "the file is empty")
        }
        let top = try root.mapping("routing rules", allowed: Self.topKeys)

        let builder = try top["builder"]?.text("builder")

        let managersNode = try top.required("managers", in: "the rules file")
        guard case .sequence = managersNode.node else {
            throw managersNode.error(.wrongType, "managers must be a list of managers (- key: ..., name: ...)")
        }
        var managers: [ProjectManager] = []
        for node in try managersNode.list("managers") {
            let manager = try Self.manager(node)
            if let problem = Self.problem(managerKey: manager.key) {
                throw (try node.mapping("a manager", allowed: Self.managerKeys)["key"] ?? node).error(.invalidValue, problem)
            }
            if managers.contains(where: { $0.key == manager.key }) {
                let keyNode = try node.mapping("a manager", allowed: Self.managerKeys)["key"] ?? node
                throw keyNode.error(.duplicateManager, "manager key '\(manager.key)' is defined twice")
            }
            managers.append(manager)
        }
        let known = Set(managers.map(\.key))

        var rules: [RoutingRule] = []
        if let rulesNode = top["rules"], !rulesNode.isNull {
            guard case .sequence = rulesNode.node else {
                throw rulesNode.error(.wrongType, "rules must be a list of rules (- name: ...)")
            }
            for node in try rulesNode.list("rules") {
                let (rule, nameNode) = try Self.rule(node, known: known)
                if rule.name == RoutingFallback.ruleName {
                    throw nameNode.error(.duplicateRule, "'\(RoutingFallback.ruleName)' is reserved for the fallback; rename the rule")
                }
                if rules.contains(where: { $0.name == rule.name }) {
                    throw nameNode.error(.duplicateRule, "rule name '\(rule.name)' is used twice")
                }
                rules.append(rule)
            }
        }

        let fallbackNode = try top.required("fallback", in: "the rules file")
        let fallbackPairs = try fallbackNode.mapping("the fallback", allowed: Self.fallbackKeys)
        let (fallbackManagers, fallbackStrategy) = try Self.assignment(fallbackPairs, known: known, what: "the fallback")

        self.init(
            unchecked: builder, managers: managers, rules: rules,
            fallback: RoutingFallback(managers: fallbackManagers, strategy: fallbackStrategy)
        )
    }

    private static func manager(_ node: RoutingNode) throws -> ProjectManager {
        let pairs = try node.mapping("a manager", allowed: managerKeys)
        let key = try pairs.required("key", in: "a manager").text("a manager's key")
        let name = try pairs.required("name", in: "manager '\(key)'").text("manager '\(key)': name")
        return ProjectManager(
            key: key,
            name: name,
            email: try pairs["email"]?.text("manager '\(key)': email"),
            isActive: try pairs["active"]?.bool("manager '\(key)': active") ?? true,
            maxOpenLeads: try pairs["max_open_leads"]?.count("manager '\(key)': max_open_leads")
        )
    }

    private static func rule(_ node: RoutingNode, known: Set<String>) throws -> (RoutingRule, RoutingNode) {
        let pairs = try node.mapping("a rule", allowed: ruleKeys)
        let nameNode = try pairs.required("name", in: "a rule")
        let name = try nameNode.text("a rule's name")
        let what = "rule '\(name)'"
        let conditions = try pairs["when"].map { try Self.conditions($0, what: what) } ?? RoutingConditions()
        let (managers, strategy) = try assignment(pairs, known: known, what: what)
        return (RoutingRule(name: name, conditions: conditions, managers: managers, strategy: strategy), nameNode)
    }

    /// `managers` and `strategy` of a rule or the fallback, checked against the known managers.
    private static func assignment(
        _ pairs: RoutingNode.Pairs, known: Set<String>, what: String
    ) throws -> ([String], RoutingStrategy) {
        let strategyNode = try pairs.required("strategy", in: what)
        let strategyName = try strategyNode.text("\(what): strategy")
        guard let strategy = RoutingStrategy(rawValue: strategyName) else {
            let names = RoutingStrategy.allCases.map(\.rawValue).joined(separator: ", ")
            throw strategyNode.error(.unknownStrategy, "\(what): unknown strategy '\(strategyName)' (known: \(names))")
        }
        guard let managersNode = pairs["managers"], !managersNode.isNull else {
            throw (pairs["managers"] ?? pairs.owner).error(.noManagers, "\(what) lists no managers")
        }
        let entries = try managersNode.list("\(what): managers")
        var managers: [String] = []
        for entry in entries {
            let key = try entry.text("each manager of \(what)")
            guard known.contains(key) else {
                throw entry.error(.unknownManager, "\(what) names unknown manager '\(key)' (known: \(known.sorted().joined(separator: ", ")))")
            }
            guard !managers.contains(key) else { throw entry.error(.invalidValue, "\(what) lists manager '\(key)' twice") }
            managers.append(key)
        }
        if let (code, problem) = problem(managers: managers, strategy: strategy, known: known, what: what) {
            throw managersNode.error(code, problem)
        }
        return (managers, strategy)
    }

    private static func conditions(_ node: RoutingNode, what: String) throws -> RoutingConditions {
        var conditions = RoutingConditions()
        for (key, _, value) in try node.mapping("\(what): when", allowed: conditionKeys).entries {
            let codingKey = RoutingConditions.CodingKeys(rawValue: key)!
            if codingKey == .budget {
                conditions.budget = try budget(value, what: what)
                continue
            }
            var values: [String] = []
            for entry in try value.list("\(what): \(key)") {
                do {
                    let normalized = try RoutingConditions.normalize(try entry.text("each entry of \(what): \(key)"), for: codingKey)
                    if !values.contains(normalized) { values.append(normalized) }
                } catch let problem as RoutingConditions.Problem {
                    throw entry.error(.invalidValue, "\(what): \(problem.reason)")
                }
            }
            switch codingKey {
            case .states: conditions.states = values
            case .cities: conditions.cities = values
            case .zips: conditions.zips = values
            case .zipPrefixes: conditions.zipPrefixes = values
            case .projectTypes: conditions.projectTypes = values
            case .sources: conditions.sources = values
            case .budget: break
            }
        }
        return conditions
    }

    private static func budget(_ node: RoutingNode, what: String) throws -> BudgetCondition {
        let pairs = try node.mapping("\(what): budget", allowed: budgetKeys)
        let budget = BudgetCondition(
            min: try pairs["min"]?.dollars("\(what): budget min"),
            max: try pairs["max"]?.dollars("\(what): budget max")
        )
        do {
            try RoutingConditions.check(budget)
        } catch {
            throw node.error(.invalidValue, "\(what): \(error.reason)")
        }
        return budget
    }
}
