/// What only the database knows at the moment of routing.
///
/// Fill in only what ``RoutingPlan`` asks for (see ``RoutingRules/plan(_:)`` for the protocol):
/// - ``openLeads``: the current number of open leads for each key in
///   ``RoutingPlan/openLeadCountsNeeded``;
/// - ``counters``: for the rule ``RoutingPlan/roundRobinCounterRule(openLeads:)`` names, the value
///   the caller got by atomically incrementing that rule's counter row in Postgres
///   (`UPDATE routing_counters SET value = value + 1 WHERE builder_id = $1 AND rule = $2
///   RETURNING value - 1`). Consecutive values, whichever worker or process obtains them, walk
///   the rule's eligible managers in turn.
///
/// A missing count is taken as 0 and a missing counter as 0; the decision's explanation says so.
public struct RoutingState: Sendable, Hashable {
    /// Manager key → number of open leads currently assigned to that manager.
    public var openLeads: [String: Int]
    /// Rule name (``RoutingFallback/ruleName`` for the fallback) → round-robin counter value.
    public var counters: [String: Int]

    /// Creates a state.
    public init(openLeads: [String: Int] = [:], counters: [String: Int] = [:]) {
        self.openLeads = openLeads
        self.counters = counters
    }

    /// A state with one rule's round-robin counter.
    public init(openLeads: [String: Int] = [:], rule: String, counter: Int) {
        self.init(openLeads: openLeads, counters: [rule: counter])
    }
}
