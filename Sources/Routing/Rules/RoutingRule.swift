/// One ordered rule: when its conditions hold, one of its managers is picked by its strategy.
///
/// ```yaml
/// rules:
///   - name: austin-remodels
///     when:
///       zip_prefixes: ["787"]
///       project_types: [remodel, kitchen_remodel]
///     managers: [priya, marco]
///     strategy: round_robin
/// ```
public struct RoutingRule: Sendable, Hashable, Codable {
    /// Unique within the rules; names the round-robin counter and appears in every decision.
    public var name: String
    /// What the lead must look like; empty conditions match every lead.
    public var conditions: RoutingConditions
    /// Manager keys the rule picks from, in round-robin order.
    public var managers: [String]
    /// How one of `managers` is picked.
    public var strategy: RoutingStrategy

    /// Creates a rule. ``RoutingRules/init(builder:managers:rules:fallback:)`` validates it.
    public init(name: String, conditions: RoutingConditions = RoutingConditions(), managers: [String], strategy: RoutingStrategy) {
        self.name = name
        self.conditions = conditions
        self.managers = managers
        self.strategy = strategy
    }

    enum CodingKeys: String, CodingKey {
        case name
        case conditions = "when"
        case managers, strategy
    }

    /// Decodes a rule; an absent `when` means no conditions.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        conditions = try c.decodeIfPresent(RoutingConditions.self, forKey: .conditions) ?? RoutingConditions()
        managers = try c.decode([String].self, forKey: .managers)
        strategy = try c.decode(RoutingStrategy.self, forKey: .strategy)
    }
}

/// What happens to a lead no rule took: the last step of every evaluation.
///
/// ```yaml
/// fallback:
///   managers: [dana, priya, marco, sam]
///   strategy: workload
/// ```
public struct RoutingFallback: Sendable, Hashable, Codable {
    /// The name decisions and the round-robin counter use for the fallback.
    public static let ruleName = "fallback"

    /// Manager keys, in round-robin order.
    public var managers: [String]
    /// How one of `managers` is picked.
    public var strategy: RoutingStrategy

    /// Creates a fallback.
    public init(managers: [String], strategy: RoutingStrategy) {
        self.managers = managers
        self.strategy = strategy
    }

    /// The fallback as an unconditional rule named `fallback`.
    var asRule: RoutingRule {
        RoutingRule(name: Self.ruleName, managers: managers, strategy: strategy)
    }
}
