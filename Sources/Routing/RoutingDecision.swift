/// Which project manager a lead goes to, and why.
///
/// Store every decision with the lead: ``explanation`` is one readable paragraph naming the
/// rule that matched and each condition that held, why this manager (round-robin position,
/// open-lead count against cap, or fixed assignee), and which earlier rules did not match or
/// had no eligible manager. It contains the lead's state, city, ZIP, project type, source and
/// budget but no name, e-mail or phone.
public struct RoutingDecision: Sendable, Hashable, Codable {
    /// How the decision came about.
    public enum Outcome: String, Sendable, Hashable, Codable {
        /// A rule or the fallback picked a manager.
        case routed
        /// A merged inquiry kept the existing lead's assignee; no rule was evaluated.
        case keptAssignee = "kept_assignee"
        /// No rule and not the fallback had an eligible manager: the lead has no assignee.
        case unassigned
    }

    /// The manager's key, or nil when no rule and no fallback had an eligible manager.
    public var manager: String?
    /// The rule that picked the manager (``RoutingFallback/ruleName`` for the fallback); nil
    /// for a kept assignee or an unassigned lead.
    public var rule: String?
    /// The strategy that picked the manager; nil when no rule did.
    public var strategy: RoutingStrategy?
    /// How the decision came about.
    public var outcome: Outcome
    /// Which rule matched and why, why this manager, and which earlier rules did not apply.
    public var explanation: String

    /// Creates a decision; `outcome` defaults to ``Outcome/routed`` with a manager and
    /// ``Outcome/unassigned`` without.
    public init(
        manager: String?, rule: String?, strategy: RoutingStrategy? = nil, outcome: Outcome? = nil, explanation: String
    ) {
        self.manager = manager
        self.rule = rule
        self.strategy = strategy
        self.outcome = outcome ?? (manager == nil ? .unassigned : .routed)
        self.explanation = explanation
    }

    /// True when the fallback, not a rule, picked the manager.
    public var isFallback: Bool { outcome == .routed && rule == RoutingFallback.ruleName }

    /// The decision for a merged inquiry: the existing lead keeps its assignee.
    ///
    /// Merging is decided before routing; the caller does not route a merged inquiry but
    /// stores this decision so every inquiry's explanation reads the same way. When the
    /// existing lead has no assignee, route the inquiry as usual instead.
    ///
    /// - Parameters:
    ///   - manager: The existing lead's assignee (a manager key).
    ///   - managerName: The manager's display name, when known.
    ///   - existingLead: The existing lead's id, for the explanation.
    ///   - note: Anything to add (``RoutingRules/keptAssignee(_:existingLead:)`` notes an
    ///     assignee who is no longer active).
    public static func keptAssignee(
        _ manager: String, managerName: String? = nil, existingLead: String? = nil, note: String? = nil
    ) -> RoutingDecision {
        let who = managerName.map { "\($0) (\(manager))" } ?? manager
        let lead = existingLead.map { "existing lead \($0)" } ?? "an existing lead"
        var text = "Merged into \(lead): kept its assignee \(who); routing rules were not evaluated."
        if let note { text += " \(note)" }
        return RoutingDecision(manager: manager, rule: nil, strategy: nil, outcome: .keptAssignee, explanation: text)
    }

    enum CodingKeys: String, CodingKey {
        case manager, rule, strategy, outcome, explanation
    }
}
