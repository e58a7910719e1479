extension RoutingPlan {
    /// Step two: the decision, given the open-lead counts and round-robin counter the plan
    /// asked for. Pure; see ``RoutingRules/plan(_:)`` for the protocol.
    ///
    /// - Round-robin: the candidate's eligible managers (active, below cap) in rule order;
    ///   the pick is `eligible[counter % eligible.count]`.
    /// - Workload: the eligible manager with the fewest open leads; ties go to the one listed first.
    /// - Fixed: the rule's one manager when eligible.
    ///
    /// A candidate without an eligible manager falls through to the next one. When none is
    /// left the decision has no manager (``RoutingDecision/Outcome/unassigned``).
    public func decide(_ state: RoutingState) -> RoutingDecision {
        var passedOver: [String] = []
        var notes: [String] = []
        for step in steps {
            switch step {
            case .notMatched(let rule, let reason):
                if rule != RoutingFallback.ruleName { passedOver.append("'\(rule)' did not match (\(reason))") }
            case .noActiveManager(let rule, let inactive):
                passedOver.append("\(label(rule)) every manager is inactive (\(inactive.joined(separator: ", ")))")
            case .candidate(let candidate):
                let eligible = eligible(candidate, openLeads: state.openLeads)
                for key in candidate.managers where candidate.caps[key] != nil || candidate.strategy == .workload {
                    if state.openLeads[key] == nil { notes.append("open-lead count for \(key) not supplied; taken as 0") }
                }
                guard !eligible.isEmpty else {
                    let capped = candidate.managers.map { "\($0) at cap \(state.openLeads[$0] ?? 0)/\(candidate.caps[$0] ?? 0)" }
                    let inactive = candidate.inactive.map { "\($0) inactive" }
                    passedOver.append("\(label(candidate.rule)) every manager is inactive or at their cap (\((capped + inactive).joined(separator: ", ")))")
                    continue
                }
                return decision(candidate, eligible: eligible, state: state, passedOver: passedOver, notes: &notes)
            }
        }
        var text = "No manager available: the lead is left unassigned."
        if !passedOver.isEmpty { text += " " + sentence("Rules tried", passedOver) }
        if !notes.isEmpty { text += " " + sentence("Note", notes) }
        return RoutingDecision(manager: nil, rule: nil, strategy: nil, outcome: .unassigned, explanation: text)
    }

    private func decision(
        _ candidate: Candidate, eligible: [String], state: RoutingState, passedOver: [String], notes: inout [String]
    ) -> RoutingDecision {
        let picked: String
        let why: String
        switch candidate.strategy {
        case .roundRobin:
            let counter: Int
            if let value = state.counters[candidate.rule] {
                counter = value
            } else {
                counter = 0
                notes.append("no round-robin counter supplied for '\(candidate.rule)'; taken as 0")
            }
            let index = ((counter % eligible.count) + eligible.count) % eligible.count
            picked = eligible[index]
            why = "by round-robin: position \(index + 1) of \(eligible.count) (counter \(counter))"
        case .workload:
            picked = eligible.min { (state.openLeads[$0] ?? 0) < (state.openLeads[$1] ?? 0) }!
            let count = state.openLeads[picked] ?? 0
            let cap = candidate.caps[picked].map { " of cap \($0)" } ?? ", no cap"
            let others = eligible.filter { $0 != picked }.map { "\($0) \(state.openLeads[$0] ?? 0)" }
            why = "by workload: fewest open leads, \(count)\(cap)" + (others.isEmpty ? "" : " (others: \(others.joined(separator: ", ")))")
        case .fixed:
            picked = eligible[0]
            why = candidate.isFallback ? "as the fallback's fixed assignee" : "as the rule's fixed assignee"
        }

        var text: String
        if candidate.isFallback {
            text = passedOver.isEmpty && steps.count == 1 ? "No rules; the fallback applies." : "No rule took the lead; the fallback applies."
        } else if candidate.reasons.isEmpty {
            text = "Rule '\(candidate.rule)' matched (it has no conditions)."
        } else {
            text = "Rule '\(candidate.rule)' matched: \(candidate.reasons.joined(separator: "; "))."
        }
        text += " Assigned to \(display(picked)) \(why)."
        let skipped = candidate.inactive.map { "\($0) inactive" }
            + candidate.managers.filter { !eligible.contains($0) }.map {
                "\($0) at cap \(state.openLeads[$0] ?? 0)/\(candidate.caps[$0] ?? 0)"
            }
        if !skipped.isEmpty { text += " " + sentence("Skipped", skipped) }
        if !passedOver.isEmpty { text += " " + sentence(candidate.isFallback ? "Rules" : "Earlier rules", passedOver) }
        if !notes.isEmpty { text += " " + sentence("Note", notes) }
        return RoutingDecision(manager: picked, rule: candidate.rule, strategy: candidate.strategy, outcome: .routed, explanation: text)
    }

    /// The start of "no eligible manager": `'remodels' matched but` or `the fallback:`.
    private func label(_ rule: String) -> String {
        rule == RoutingFallback.ruleName ? "the fallback:" : "'\(rule)' matched but"
    }

    /// `Head: a; b; c.`, at most ``maxListed`` items.
    private func sentence(_ head: String, _ items: [String]) -> String {
        let shown = items.prefix(Self.maxListed).joined(separator: "; ")
        let more = items.count > Self.maxListed ? "; and \(items.count - Self.maxListed) more" : ""
        return "\(head): \(shown)\(more)."
    }

    /// How many earlier rules (or notes) an explanation lists before "and N more".
    static let maxListed = 10
}
