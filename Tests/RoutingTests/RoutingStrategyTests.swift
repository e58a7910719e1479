import Routing
import Testing

@Suite("Routing strategies")
struct RoutingStrategyTests {
    static let roundRobin = """
        rules:
          - name: everyone
            managers: [ann, bo, cy]
            strategy: round_robin
        fallback: {managers: ann, strategy: fixed}
        """

    @Test func roundRobinTakesTurnsInListedOrder() throws {
        let rules = try RoutingFixture.withManagers(Self.roundRobin)
        let picks = (0..<7).map { rules.route(RoutingFixture.austinRemodel, state: RoutingState(rule: "everyone", counter: $0)).manager }
        #expect(picks == ["ann", "bo", "cy", "ann", "bo", "cy", "ann"])

        let decision = rules.route(RoutingFixture.austinRemodel, state: RoutingState(rule: "everyone", counter: 4))
        #expect(decision.rule == "everyone")
        #expect(decision.strategy == .roundRobin)
        #expect(decision.outcome == .routed)
        #expect(decision.explanation == "Rule 'everyone' matched (it has no conditions). Assigned to Bo Banks (bo) by round-robin: position 2 of 3 (counter 4).")
    }

    @Test func roundRobinIsFairOverConsecutiveCounters() throws {
        let rules = try RoutingFixture.withManagers(Self.roundRobin)
        // Workers take counter values in any order; what matters is that the values are consecutive.
        var counters = Array(0..<300)
        var generator = SplitMix64(seed: 6)
        counters.shuffle(using: &generator)
        var tally: [String: Int] = [:]
        for counter in counters {
            let decision = rules.route(RoutingFixture.austinRemodel, state: RoutingState(rule: "everyone", counter: counter))
            tally[decision.manager ?? "none", default: 0] += 1
        }
        #expect(tally == ["ann": 100, "bo": 100, "cy": 100])
    }

    /// The Postgres counter row, as concurrent workers see it: one atomic increment each.
    actor CounterRow {
        private var value = 0
        func increment() -> Int {
            defer { value += 1 }
            return value
        }
    }

    @Test func roundRobinIsFairAcrossConcurrentWorkers() async throws {
        let rules = try RoutingFixture.withManagers(Self.roundRobin)
        let row = CounterRow()
        let tally = try await withThrowingTaskGroup(of: [String: Int].self) { group in
            for _ in 0..<6 {  // six workers, 50 leads each, interleaving freely
                group.addTask {
                    var mine: [String: Int] = [:]
                    for _ in 0..<50 {
                        let plan = rules.plan(RoutingFixture.austinRemodel)
                        let rule = try #require(plan.roundRobinCounterRule())
                        let counter = await row.increment()
                        mine[plan.decide(RoutingState(rule: rule, counter: counter)).manager ?? "none", default: 0] += 1
                    }
                    return mine
                }
            }
            return try await group.reduce(into: [String: Int]()) { total, part in total.merge(part, uniquingKeysWith: +) }
        }
        #expect(tally == ["ann": 100, "bo": 100, "cy": 100])
    }

    @Test func roundRobinIsFairOverTheActiveManagersWhenOneIsInactive() throws {
        let rules = try RoutingFixture.rules("""
            managers:
              - {key: ann, name: Ann Avery}
              - {key: bo, name: Bo Banks, active: false}
              - {key: cy, name: Cy Cole}
            """ + "\n" + Self.roundRobin)
        var tally: [String: Int] = [:]
        for counter in 0..<300 {
            let decision = rules.route(RoutingFixture.austinRemodel, state: RoutingState(rule: "everyone", counter: counter))
            tally[decision.manager ?? "none", default: 0] += 1
        }
        #expect(tally == ["ann": 150, "cy": 150])
        let decision = rules.route(RoutingFixture.austinRemodel, state: RoutingState(rule: "everyone", counter: 1))
        #expect(decision.explanation.contains("by round-robin: position 2 of 2 (counter 1)"))
        #expect(decision.explanation.contains("Skipped: bo inactive."))
    }

    @Test func roundRobinSkipsManagersAtTheirCap() throws {
        let rules = try RoutingFixture.rules("""
            managers:
              - {key: ann, name: Ann Avery}
              - {key: bo, name: Bo Banks, max_open_leads: 10}
              - {key: cy, name: Cy Cole}
            """ + "\n" + Self.roundRobin)
        let plan = rules.plan(RoutingFixture.austinRemodel)
        #expect(plan.openLeadCountsNeeded == ["bo"])
        let picks = (0..<4).map { plan.decide(RoutingState(openLeads: ["bo": 10], counters: ["everyone": $0])).manager }
        #expect(picks == ["ann", "cy", "ann", "cy"])
        let below = (0..<3).map { plan.decide(RoutingState(openLeads: ["bo": 9], counters: ["everyone": $0])).manager }
        #expect(below == ["ann", "bo", "cy"])
        #expect(plan.decide(RoutingState(openLeads: ["bo": 10], counters: ["everyone": 0])).explanation.contains("Skipped: bo at cap 10/10."))
    }

    @Test func roundRobinCountersArePerRule() throws {
        let rules = try RoutingFixture.withManagers("""
            rules:
              - name: remodels
                when: {project_types: kitchen_remodel}
                managers: [ann, bo]
                strategy: round_robin
              - name: others
                managers: [bo, cy]
                strategy: round_robin
            fallback: {managers: ann, strategy: fixed}
            """)
        let state = RoutingState(counters: ["remodels": 1, "others": 0])
        #expect(rules.route(RoutingFixture.austinRemodel, state: state).manager == "bo")
        var other = RoutingFixture.austinRemodel
        other.projectType = "pool"
        #expect(rules.route(other, state: state).manager == "bo")
        #expect(rules.route(other, state: state).rule == "others")
    }

    @Test func workloadPicksFewestOpenLeads() throws {
        let rules = try RoutingFixture.withManagers("""
            rules: []
            fallback: {managers: [ann, bo, cy], strategy: workload}
            """)
        let plan = rules.plan(RoutingFixture.austinRemodel)
        #expect(plan.openLeadCountsNeeded == ["ann", "bo", "cy"])
        #expect(plan.roundRobinCounterRule(openLeads: ["ann": 5, "bo": 2, "cy": 7]) == nil)
        let decision = plan.decide(RoutingState(openLeads: ["ann": 5, "bo": 2, "cy": 7]))
        #expect(decision.manager == "bo")
        #expect(decision.rule == "fallback")
        #expect(decision.isFallback)
        #expect(decision.strategy == .workload)
        #expect(decision.explanation == "No rules; the fallback applies. Assigned to Bo Banks (bo) by workload: fewest open leads, 2, no cap (others: ann 5, cy 7).")
    }

    @Test func workloadTiesGoToTheManagerListedFirst() throws {
        let rules = try RoutingFixture.withManagers("""
            fallback: {managers: [cy, ann, bo], strategy: workload}
            """)
        #expect(rules.route(RoutingFixture.austinRemodel, state: RoutingState(openLeads: ["ann": 3, "bo": 3, "cy": 3])).manager == "cy")
        #expect(rules.route(RoutingFixture.austinRemodel, state: RoutingState(openLeads: ["ann": 3, "bo": 3, "cy": 4])).manager == "ann")
    }

    @Test func workloadSkipsManagersAtTheirCap() throws {
        let rules = try RoutingFixture.rules("""
            managers:
              - {key: ann, name: Ann Avery, max_open_leads: 3}
              - {key: bo, name: Bo Banks, max_open_leads: 12}
              - {key: cy, name: Cy Cole}
            fallback: {managers: [ann, bo, cy], strategy: workload}
            """)
        let decision = rules.route(RoutingFixture.austinRemodel, state: RoutingState(openLeads: ["ann": 3, "bo": 4, "cy": 9]))
        #expect(decision.manager == "bo")
        #expect(decision.explanation.contains("by workload: fewest open leads, 4 of cap 12 (others: cy 9)"))
        #expect(decision.explanation.contains("Skipped: ann at cap 3/3."))
    }

    @Test func fixedAssignsTheOneManager() throws {
        let rules = try RoutingFixture.withManagers("""
            rules:
              - name: houzz
                when: {sources: houzz}
                managers: cy
                strategy: fixed
            fallback: {managers: ann, strategy: fixed}
            """)
        let decision = rules.route(RoutingFixture.austinRemodel, state: RoutingState())
        #expect(decision == RoutingDecision(
            manager: "cy", rule: "houzz", strategy: .fixed, outcome: .routed,
            explanation: "Rule 'houzz' matched: source houzz is listed. Assigned to Cy Cole (cy) as the rule's fixed assignee."
        ))
    }

    @Test func ruleWithOnlyInactiveManagersFallsThrough() throws {
        let rules = try RoutingFixture.rules("""
            managers:
              - {key: ann, name: Ann Avery, active: false}
              - {key: bo, name: Bo Banks}
            rules:
              - name: vip
                when: {states: TX}
                managers: ann
                strategy: fixed
              - name: texas
                when: {states: TX}
                managers: [ann, bo]
                strategy: round_robin
            fallback: {managers: ann, strategy: fixed}
            """)
        let plan = rules.plan(RoutingFixture.austinRemodel)
        #expect(plan.candidates.map(\.rule) == ["texas"])
        #expect(plan.candidates.first?.managers == ["bo"])
        #expect(plan.roundRobinCounterRule() == "texas")
        let decision = plan.decide(RoutingState(rule: "texas", counter: 17))
        #expect(decision.manager == "bo")
        #expect(decision.rule == "texas")
        #expect(decision.explanation == "Rule 'texas' matched: state TX is listed. Assigned to Bo Banks (bo) by round-robin: position 1 of 1 (counter 17). Skipped: ann inactive. Earlier rules: 'vip' matched but every manager is inactive (ann).")
    }

    @Test func ruleWithEveryManagerAtCapFallsThroughToTheNextRule() throws {
        let rules = try RoutingFixture.rules("""
            managers:
              - {key: ann, name: Ann Avery, max_open_leads: 2}
              - {key: bo, name: Bo Banks, max_open_leads: 5, active: false}
              - {key: cy, name: Cy Cole}
            rules:
              - name: remodels
                when: {project_types: [kitchen_remodel, remodel]}
                managers: [ann, bo]
                strategy: round_robin
              - name: austin
                when: {cities: austin}
                managers: [cy, ann]
                strategy: round_robin
            fallback: {managers: ann, strategy: fixed}
            """)
        let plan = rules.plan(RoutingFixture.austinRemodel)
        #expect(plan.candidates.map(\.rule) == ["remodels", "austin", "fallback"])
        // "remodels" may fall through (ann has a cap), "austin" may too (ann), the fallback
        // has ann only: every count that can change the outcome is asked for, once.
        #expect(plan.openLeadCountsNeeded == ["ann"])
        #expect(plan.roundRobinCounterRule(openLeads: ["ann": 1]) == "remodels")
        #expect(plan.roundRobinCounterRule(openLeads: ["ann": 2]) == "austin")

        let decision = plan.decide(RoutingState(openLeads: ["ann": 2], counters: ["austin": 5]))
        #expect(decision.manager == "cy")
        #expect(decision.rule == "austin")
        #expect(decision.explanation.hasPrefix("Rule 'austin' matched: city Austin is listed. Assigned to Cy Cole (cy) by round-robin: position 1 of 1 (counter 5)."))
        #expect(decision.explanation.contains("Earlier rules: 'remodels' matched but every manager is inactive or at their cap (ann at cap 2/2, bo inactive)."))
    }

    @Test func noRuleMatchesSoTheFallbackDecides() throws {
        let rules = try RoutingFixture.withManagers("""
            rules:
              - name: pools
                when: {project_types: pool}
                managers: ann
                strategy: fixed
              - name: california
                when: {states: CA}
                managers: bo
                strategy: fixed
            fallback: {managers: [bo, cy], strategy: round_robin}
            """)
        let plan = rules.plan(RoutingFixture.austinRemodel)
        #expect(plan.candidates.map(\.rule) == ["fallback"])
        #expect(plan.roundRobinCounterRule() == "fallback")
        let decision = plan.decide(RoutingState(rule: "fallback", counter: 3))
        #expect(decision.manager == "cy")
        #expect(decision.rule == "fallback")
        #expect(decision.explanation == "No rule took the lead; the fallback applies. Assigned to Cy Cole (cy) by round-robin: position 2 of 2 (counter 3). Rules: 'pools' did not match (project type kitchen_remodel not in [pool]); 'california' did not match (state TX not in [CA]).")
    }

    @Test func noActiveManagerAnywhereLeavesTheLeadUnassigned() throws {
        let rules = try RoutingFixture.rules("""
            managers:
              - {key: ann, name: Ann Avery, active: false}
              - {key: bo, name: Bo Banks, max_open_leads: 4}
            rules:
              - name: texas
                when: {states: TX}
                managers: ann
                strategy: fixed
              - name: pools
                when: {project_types: pool}
                managers: bo
                strategy: fixed
            fallback: {managers: [ann, bo], strategy: workload}
            """)
        let decision = rules.route(RoutingFixture.austinRemodel, state: RoutingState(openLeads: ["bo": 4]))
        #expect(decision.manager == nil)
        #expect(decision.rule == nil)
        #expect(decision.strategy == nil)
        #expect(decision.outcome == .unassigned)
        #expect(decision.explanation == "No manager available: the lead is left unassigned. Rules tried: 'texas' matched but every manager is inactive (ann); 'pools' did not match (project type kitchen_remodel not in [pool]); the fallback: every manager is inactive or at their cap (bo at cap 4/4, ann inactive).")
        #expect(rules.plan(RoutingFixture.austinRemodel).roundRobinCounterRule(openLeads: ["bo": 4]) == nil)
    }

    @Test func missingCountsAndCountersAreTakenAsZeroAndSaidSo() throws {
        let rules = try RoutingFixture.withManagers("""
            rules:
              - {name: all, managers: [ann, bo], strategy: round_robin}
            fallback: {managers: [ann, bo, cy], strategy: workload}
            """)
        let decision = rules.route(RoutingFixture.austinRemodel, state: RoutingState())
        #expect(decision.manager == "ann")
        #expect(decision.explanation.hasSuffix("Note: no round-robin counter supplied for 'all'; taken as 0."))

        let fallback = try RoutingFixture.withManagers("fallback: {managers: [ann, bo], strategy: workload}")
        let workload = fallback.route(RoutingFixture.austinRemodel, state: RoutingState(openLeads: ["ann": 1]))
        #expect(workload.manager == "bo")
        #expect(workload.explanation.hasSuffix("Note: open-lead count for bo not supplied; taken as 0."))
    }

    @Test func twoStepProtocolFetchesOnlyWhatTheMatchedRuleNeeds() throws {
        let rules = try RoutingFixture.rules("""
            managers:
              - {key: ann, name: Ann Avery, max_open_leads: 20}
              - {key: bo, name: Bo Banks}
              - {key: cy, name: Cy Cole}
            rules:
              - name: remodels
                when: {project_types: kitchen_remodel}
                managers: [bo, cy]
                strategy: round_robin
            fallback: {managers: [ann, bo, cy], strategy: workload}
            """)
        // Remodel: an uncapped round-robin rule; no counts, one counter.
        let remodel = rules.plan(RoutingFixture.austinRemodel)
        #expect(remodel.candidates.map(\.rule) == ["remodels", "fallback"])
        #expect(remodel.openLeadCountsNeeded.isEmpty)
        #expect(remodel.roundRobinCounterRule() == "remodels")
        #expect(remodel.decide(RoutingState(rule: "remodels", counter: 8)).manager == "bo")

        // Anything else: the workload fallback; counts for its managers, no counter.
        var pool = RoutingFixture.austinRemodel
        pool.projectType = "pool"
        let other = rules.plan(pool)
        #expect(other.candidates.map(\.rule) == ["fallback"])
        #expect(other.openLeadCountsNeeded == ["ann", "bo", "cy"])
        #expect(other.roundRobinCounterRule(openLeads: ["ann": 0, "bo": 1, "cy": 1]) == nil)
        #expect(other.decide(RoutingState(openLeads: ["ann": 0, "bo": 1, "cy": 1])).manager == "ann")
        #expect(other.decide(RoutingState(openLeads: ["ann": 20, "bo": 1, "cy": 1])).manager == "bo")
    }

    @Test func longListsOfEarlierRulesAreCut() throws {
        let many = (1...12).map { "  - {name: pool-\($0), when: {project_types: pool}, managers: ann, strategy: fixed}" }
        let rules = try RoutingFixture.withManagers("rules:\n" + many.joined(separator: "\n") + "\nfallback: {managers: bo, strategy: fixed}\n")
        let decision = rules.route(RoutingFixture.austinRemodel, state: RoutingState())
        #expect(decision.manager == "bo")
        #expect(decision.explanation.hasPrefix("No rule took the lead; the fallback applies. Assigned to Bo Banks (bo) as the fallback's fixed assignee. Rules: 'pool-1' did not match"))
        #expect(decision.explanation.contains("'pool-10' did not match (project type kitchen_remodel not in [pool]); and 2 more."))
        #expect(!decision.explanation.contains("pool-11"))
    }

    @Test func keptAssigneeExplainsTheMerge() throws {
        let plain = RoutingDecision.keptAssignee("bo", managerName: "Bo Banks", existingLead: "0f8c")
        #expect(plain.manager == "bo")
        #expect(plain.outcome == .keptAssignee)
        #expect(plain.rule == nil)
        #expect(plain.explanation == "Merged into existing lead 0f8c: kept its assignee Bo Banks (bo); routing rules were not evaluated.")

        let rules = try RoutingFixture.rules("""
            managers:
              - {key: ann, name: Ann Avery, active: false}
              - {key: bo, name: Bo Banks}
            fallback: {managers: bo, strategy: fixed}
            """)
        #expect(rules.keptAssignee("bo").explanation == "Merged into an existing lead: kept its assignee Bo Banks (bo); routing rules were not evaluated.")
        #expect(rules.keptAssignee("ann", existingLead: "42").explanation.hasSuffix("Note: ann is inactive; reassign by hand if needed."))
        #expect(rules.keptAssignee("zed").explanation.hasSuffix("Note: zed is not in the current routing rules."))
    }
}

/// A small seeded generator, so shuffles are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
