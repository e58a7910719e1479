/// How a rule picks one of its managers.
public enum RoutingStrategy: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// Take turns, in the order the rule lists its managers, skipping inactive and capped ones.
    ///
    /// The turn comes from a per-rule counter kept in Postgres and incremented atomically by
    /// the caller: the pick is `eligible[counter % eligible.count]`, so it is fair across
    /// restarts, workers and processes.
    case roundRobin = "round_robin"
    /// The eligible manager with the fewest open leads (ties: the one listed first).
    case workload
    /// Always the rule's one manager (falls through when that manager is inactive or capped).
    case fixed

    /// The spelling used in rules files.
    public var description: String { rawValue }
}
