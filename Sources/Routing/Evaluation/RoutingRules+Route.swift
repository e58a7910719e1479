extension RoutingRules {
    /// Step one of routing a lead: which rules match and which managers they may pick.
    ///
    /// Routing is split so the caller fetches from Postgres only what this lead needs:
    ///
    /// 1. `let plan = rules.plan(input)` — pure, no database.
    /// 2. If ``RoutingPlan/openLeadCountsNeeded`` is not empty, count those managers' open leads
    ///    (one `GROUP BY assignee` query). Usually it is empty: counts matter only for
    ///    `workload` rules and managers with a cap.
    /// 3. If `plan.roundRobinCounterRule(openLeads: counts)` names a rule, atomically increment
    ///    that rule's counter row for the builder and keep the value it had.
    /// 4. `let decision = plan.decide(RoutingState(openLeads: counts, counters: [rule: value]))`
    ///    — pure; store the decision with the lead.
    ///
    /// Step 3 comes after step 2 because caps can make a matching rule fall through; the
    /// counter of a rule that will not take the lead is then left alone, so every increment
    /// is one assignment and consecutive counter values walk the eligible managers in turn.
    ///
    /// > Note: Counts are read before the lead is written, so two workers routing at the same
    /// > instant could both see a manager one below their cap, or both pick the least-loaded
    /// > manager. The gateway's storage places one builder's leads one transaction at a time
    /// > (a per-builder advisory lock held from the lead lookup through routing to commit), so
    /// > caps are exact there; a caller routing without such a lock gets caps soft by at most
    /// > its number of concurrent workers. Round-robin needs no lock: the increment is atomic.
    ///
    /// - Parameter input: The lead's routing facts.
    /// - Returns: The plan: candidates in order, and what step 2 and 3 must fetch.
    public func plan(_ input: RoutingInput) -> RoutingPlan {
        var steps: [RoutingPlan.Step] = []
        var names: [String: String] = [:]
        for rule in rules + [fallback.asRule] {
            let reasons: [String]
            switch rule.conditions.evaluate(input) {
            case .failed(let reason):
                steps.append(.notMatched(rule: rule.name, reason: reason))
                continue
            case .held(let held):
                reasons = held
            }
            var active: [String] = []
            var inactive: [String] = []
            var caps: [String: Int] = [:]
            for key in rule.managers {
                guard let manager = manager(key) else { continue }
                names[key] = manager.name
                guard manager.isActive else { inactive.append(key); continue }
                active.append(key)
                if let cap = manager.maxOpenLeads { caps[key] = cap }
            }
            if active.isEmpty {
                steps.append(.noActiveManager(rule: rule.name, inactive: inactive))
            } else {
                steps.append(.candidate(RoutingPlan.Candidate(
                    rule: rule.name, strategy: rule.strategy, managers: active, reasons: reasons, caps: caps, inactive: inactive
                )))
            }
        }
        return RoutingPlan(input: input, steps: steps, names: names)
    }

    /// Routes a lead in one call: ``plan(_:)`` then ``RoutingPlan/decide(_:)``.
    ///
    /// Use it when `state` already holds everything (tests, `routing explain`, imports that
    /// keep counts in memory); the gateway follows the protocol in ``plan(_:)`` instead.
    public func route(_ input: RoutingInput, state: RoutingState) -> RoutingDecision {
        plan(input).decide(state)
    }

    /// The decision for a merged inquiry that keeps the existing lead's assignee, with the
    /// manager's name, and a note when that manager is no longer active or not in the rules.
    public func keptAssignee(_ key: String, existingLead: String? = nil) -> RoutingDecision {
        let manager = manager(key)
        var note: String?
        if manager == nil {
            note = "Note: \(key) is not in the current routing rules."
        } else if manager?.isActive == false {
            note = "Note: \(key) is inactive; reassign by hand if needed."
        }
        return .keptAssignee(key, managerName: manager?.name, existingLead: existingLead, note: note)
    }
}
