/// The first, database-free half of routing one lead: which rules match and which managers
/// they may pick, and what the database must supply to finish.
///
/// Made by ``RoutingRules/plan(_:)``; finished by ``decide(_:)``. See ``RoutingRules/plan(_:)``
/// for the protocol.
public struct RoutingPlan: Sendable, Hashable {
    /// A rule (or the fallback) whose conditions hold and that has at least one active manager.
    public struct Candidate: Sendable, Hashable {
        /// The rule's name; ``RoutingFallback/ruleName`` for the fallback.
        public var rule: String
        /// How the rule picks.
        public var strategy: RoutingStrategy
        /// The rule's active managers, in the rule's order (caps are applied by ``decide(_:)``).
        public var managers: [String]
        /// One phrase per condition that held.
        public var reasons: [String]
        /// Active managers' caps (manager key → max open leads).
        public var caps: [String: Int]
        /// Inactive managers the rule lists, skipped.
        public var inactive: [String]

        /// True for the fallback.
        public var isFallback: Bool { rule == RoutingFallback.ruleName }
    }

    /// One rule's part in the evaluation, in rule order.
    enum Step: Sendable, Hashable {
        case notMatched(rule: String, reason: String)
        case noActiveManager(rule: String, inactive: [String])
        case candidate(Candidate)
    }

    /// The lead routed.
    public let input: RoutingInput
    let steps: [Step]
    /// Manager key → display name, for explanations.
    let names: [String: String]

    /// Rules whose conditions hold and that have an active manager, in order, ending with
    /// the fallback when it has an active manager. The first candidate with an eligible
    /// manager (active, below cap) takes the lead.
    public var candidates: [Candidate] {
        steps.compactMap { if case .candidate(let candidate) = $0 { candidate } else { nil } }
    }

    /// Manager keys whose current open-lead counts ``decide(_:)`` needs, in order; empty when
    /// no count matters (the first candidate has no capped manager and is not `workload`).
    ///
    /// Only the candidates up to the first one that cannot fall through are considered: a
    /// candidate without caps always has an eligible manager.
    public var openLeadCountsNeeded: [String] {
        var keys: [String] = []
        for candidate in candidates {
            for key in candidate.managers where candidate.strategy == .workload || candidate.caps[key] != nil {
                if !keys.contains(key) { keys.append(key) }
            }
            if candidate.caps.isEmpty { break }
        }
        return keys
    }

    /// The candidate that will take the lead given these open-lead counts, or nil when none
    /// has an eligible manager.
    public func selectedCandidate(openLeads: [String: Int]) -> Candidate? {
        candidates.first { !eligible($0, openLeads: openLeads).isEmpty }
    }

    /// The rule whose round-robin counter the caller must increment (atomically, in Postgres)
    /// and pass in ``RoutingState/counters``; nil when the lead will not be routed round-robin.
    ///
    /// - Parameter openLeads: The counts for ``openLeadCountsNeeded`` (empty when none are needed).
    public func roundRobinCounterRule(openLeads: [String: Int] = [:]) -> String? {
        guard let candidate = selectedCandidate(openLeads: openLeads), candidate.strategy == .roundRobin else { return nil }
        return candidate.rule
    }

    /// The candidate's managers that can take a lead: active (already) and below their cap.
    func eligible(_ candidate: Candidate, openLeads: [String: Int]) -> [String] {
        candidate.managers.filter { key in
            guard let cap = candidate.caps[key] else { return true }
            return (openLeads[key] ?? 0) < cap
        }
    }

    /// `Dana Whitfield (dana)`.
    func display(_ key: String) -> String {
        names[key].map { "\($0) (\(key))" } ?? key
    }
}
