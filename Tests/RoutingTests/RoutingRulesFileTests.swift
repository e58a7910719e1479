import Foundation
import Routing
import Testing
import YAMLFiles

@Suite("Routing rules files")
struct RoutingRulesFileTests {
    /// The error some YAML gives, checked for code, file, line, column and reason.
    private func expectError(
        _ yaml: String, _ code: RoutingRulesError.Code, line: Int, column: Int, _ reason: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        do {
            _ = try RoutingRules(yaml: yaml, file: "deploy/routing.yaml")
            Issue.record("expected an error containing \"\(reason)\"", sourceLocation: sourceLocation)
        } catch let error as RoutingRulesError {
            #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
            #expect(error.file == "deploy/routing.yaml", sourceLocation: sourceLocation)
            #expect("\(error.line):\(error.column)" == "\(line):\(column)", "\(error)", sourceLocation: sourceLocation)
            #expect(error.reason.contains(reason), "\(error)", sourceLocation: sourceLocation)
            #expect(error.description.hasPrefix("deploy/routing.yaml:\(line):\(column): "), sourceLocation: sourceLocation)
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        }
    }

    static var exampleFile: URL {
        URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("deploy/routing.example.yaml")
    }

    // MARK: Loading

    @Test func theExampleFileLoadsAndRoutes() throws {
        let rules = try RoutingRules.load(file: Self.exampleFile)
        #expect(rules.builder == "hill-country-homes")
        #expect(rules.managers.map(\.key) == ["dana", "priya", "marco", "sam", "jordan"])
        #expect(rules.manager("jordan")?.isActive == false)
        #expect(rules.manager("dana")?.maxOpenLeads == 30)
        #expect(rules.rules.map(\.name) == ["custom-homes-800k-plus", "austin-remodels", "austin-metro", "san-antonio", "marketplace-leads"])
        #expect(rules.fallback == RoutingFallback(managers: ["dana", "priya", "marco", "sam"], strategy: .workload))

        let counts = ["dana": 12, "priya": 30, "marco": 28, "sam": 25]
        func route(_ input: RoutingInput, counter: Int = 0) -> RoutingDecision {
            let plan = rules.plan(input)
            let needed = Dictionary(uniqueKeysWithValues: plan.openLeadCountsNeeded.map { ($0, counts[$0]!) })
            var state = RoutingState(openLeads: needed)
            if let rule = plan.roundRobinCounterRule(openLeads: needed) { state.counters[rule] = counter }
            return plan.decide(state)
        }
        // A $900k custom home in Westlake goes to the senior PM.
        let custom = route(RoutingInput(state: "TX", city: "Austin", postalCode: "78746", projectType: "custom_home", source: "zillow", budgetLow: 900_000, budgetHigh: 1_200_000))
        #expect(custom.manager == "dana")
        #expect(custom.rule == "custom-homes-800k-plus")
        // A $500k custom home is not "800k plus": Austin metro by workload (dana has the fewest).
        let smaller = route(RoutingInput(state: "TX", postalCode: "78746", projectType: "custom_home", budgetLow: 500_000, budgetHigh: 600_000))
        #expect(smaller.rule == "austin-metro")
        #expect(smaller.manager == "dana")
        // Austin remodels alternate between Priya and Marco; Jordan is on leave.
        let remodel = RoutingFixture.austinRemodel
        #expect(route(remodel, counter: 10).manager == "priya")
        #expect(route(remodel, counter: 11).manager == "marco")
        #expect(route(remodel, counter: 11).explanation.contains("Skipped: jordan inactive."))
        // San Antonio goes to Sam, except that Sam is at his cap of 25: the Houzz rule takes it.
        let sanAntonio = RoutingInput(state: "TX", city: "San Antonio", postalCode: "78209", projectType: "remodel", source: "houzz")
        let decision = route(sanAntonio, counter: 3)
        #expect(decision.rule == "marketplace-leads")
        #expect(decision.manager == "marco")
        #expect(decision.explanation.contains("'san-antonio' matched but every manager is inactive or at their cap (sam at cap 25/25)"))
    }

    @Test func conditionValuesAreNormalised() throws {
        let rules = try RoutingFixture.withManagers("""
            rules:
              - name: r
                when:
                  states: [Texas, tx, N.M.]
                  project_types: Custom Home
                  sources: [Website Form]
                  zips: [02134, 78704]
                  budget: {min: 800_000, max: $1.5M}
                managers: ann
                strategy: fixed
            fallback: {managers: cy, strategy: fixed}
            """)
        #expect(rules.rules[0].conditions == RoutingConditions(
            states: ["TX", "NM"], zips: ["02134", "78704"], projectTypes: ["custom_home"], sources: ["website_form"],
            budget: BudgetCondition(min: 800_000, max: 1_500_000)
        ))
    }

    @Test func rulesRoundTripThroughJSON() throws {
        let rules = try RoutingRules.load(file: Self.exampleFile)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = try encoder.encode(rules)
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.contains("\"zip_prefixes\":[\"786\",\"787\"]"))
        #expect(text.contains("\"max_open_leads\":30"))
        #expect(text.contains("\"strategy\":\"round_robin\""))
        #expect(text.contains("\"when\":{"))
        #expect(!text.contains("\"cities\":[]"))  // unset conditions are left out
        let decoded = try JSONDecoder().decode(RoutingRules.self, from: json)
        #expect(decoded == rules)

        let decision = rules.route(RoutingFixture.austinRemodel, state: RoutingState(rule: "austin-remodels", counter: 1))
        let stored = try JSONDecoder().decode(RoutingDecision.self, from: try encoder.encode(decision))
        #expect(stored == decision)
        #expect(String(decoding: try encoder.encode(decision), as: UTF8.self).contains("\"strategy\":\"round_robin\""))
    }

    @Test func storedRulesAreCheckedWhenDecoded() throws {
        let json = """
            {"managers": [{"key": "ann", "name": "Ann"}],
             "rules": [{"name": "r", "managers": ["bob"], "strategy": "fixed"}],
             "fallback": {"managers": ["ann"], "strategy": "workload"}}
            """
        #expect {
            try JSONDecoder().decode(RoutingRules.self, from: Data(json.utf8))
        } throws: { error in
            guard let error = error as? RoutingRulesError else { return false }
            return error.code == .unknownManager && error.description == "stored routing rules: rule 'r' names unknown manager 'bob' (known: ann)"
        }
    }

    @Test func rulesBuiltInCodeAreChecked() throws {
        let ann = ProjectManager(key: "ann", name: "Ann")
        #expect(throws: RoutingRulesError.self) {
            try RoutingRules(managers: [ann, ann], rules: [], fallback: RoutingFallback(managers: ["ann"], strategy: .fixed))
        }
        let rules = try RoutingRules(
            managers: [ann],
            rules: [RoutingRule(name: "tx", conditions: RoutingConditions(states: ["texas"]), managers: ["ann"], strategy: .fixed)],
            fallback: RoutingFallback(managers: ["ann"], strategy: .workload)
        )
        #expect(rules.rules[0].conditions.states == ["TX"])
        do {
            _ = try RoutingRules(
                managers: [ann],
                rules: [RoutingRule(name: "bad", conditions: RoutingConditions(zipPrefixes: ["78a"]), managers: ["ann"], strategy: .fixed)],
                fallback: RoutingFallback(managers: ["ann"], strategy: .fixed)
            )
            Issue.record("expected an error")
        } catch let error as RoutingRulesError {
            #expect(error.code == .invalidValue)
            #expect(error.description == "routing rules: rule 'bad': ZIP prefix '78a' must be one to five digits")
        }
    }

    // MARK: Errors, with positions

    static let head = RoutingFixture.managers  // lines 1-4; what follows starts on line 5

    @Test func unknownKeys() {
        expectError("""
            managers:
              - key: ann
                name: Ann Avery
                emial: ann@example.com
            fallback: {managers: ann, strategy: fixed}
            """, .unknownKey, line: 4, column: 5, "unknown key 'emial' in a manager (known: active, email, key, max_open_leads, name)")
        expectError(Self.head + """
            rules:
              - name: r
                when: {state: TX}
                managers: ann
                strategy: fixed
            fallback: {managers: ann, strategy: fixed}
            """, .unknownKey, line: 7, column: 12, "unknown key 'state' in rule 'r': when")
        expectError(Self.head + """
            rules:
              - name: r
                manager: ann
                strategy: fixed
            fallback: {managers: ann, strategy: fixed}
            """, .unknownKey, line: 7, column: 5, "unknown key 'manager' in a rule")
        expectError(Self.head + "fallbak: {managers: ann, strategy: fixed}\n", .unknownKey, line: 5, column: 1, "unknown key 'fallbak' in routing rules")
    }

    @Test func wrongTypes() {
        expectError("""
            managers:
              - key: ann
                name: Ann Avery
                max_open_leads: lots
            fallback: {managers: ann, strategy: fixed}
            """, .wrongType, line: 4, column: 21, "manager 'ann': max_open_leads must be a whole number")
        expectError("""
            managers:
              - {key: ann, name: Ann Avery, active: maybe}
            fallback: {managers: ann, strategy: fixed}
            """, .wrongType, line: 2, column: 41, "manager 'ann': active must be true or false")
        expectError(Self.head + """
            rules:
              - name: r
                when: {budget: {min: a lot}}
                managers: ann
                strategy: fixed
            fallback: {managers: ann, strategy: fixed}
            """, .wrongType, line: 7, column: 26, "rule 'r': budget min must be an amount in dollars")
        expectError(Self.head + """
            rules:
              - name: r
                when: {states: {TX: yes}}
                managers: ann
                strategy: fixed
            fallback: {managers: ann, strategy: fixed}
            """, .wrongType, line: 7, column: 20, "rule 'r': states must be a value or a list of values")
        expectError("""
            managers: {ann: Ann Avery}
            fallback: {managers: ann, strategy: fixed}
            """, .wrongType, line: 1, column: 11, "managers must be a list of managers")
        expectError(Self.head + "rules: {name: r}\nfallback: {managers: ann, strategy: fixed}\n", .wrongType, line: 5, column: 8, "rules must be a list of rules")
    }

    @Test func unknownManagerReferencedByARule() {
        expectError(Self.head + """
            rules:
              - name: remodels
                managers: [ann, bob]
                strategy: round_robin
            fallback: {managers: ann, strategy: fixed}
            """, .unknownManager, line: 7, column: 21, "rule 'remodels' names unknown manager 'bob' (known: ann, bo, cy)")
        expectError(Self.head + "fallback: {managers: [cy, dee], strategy: workload}\n", .unknownManager, line: 5, column: 27, "the fallback names unknown manager 'dee'")
    }

    @Test func duplicateManagerKey() {
        expectError("""
            managers:
              - {key: ann, name: Ann Avery}
              - {key: bo, name: Bo Banks}
              - key: ann
                name: Ann Other
            fallback: {managers: ann, strategy: fixed}
            """, .duplicateManager, line: 4, column: 10, "manager key 'ann' is defined twice")
    }

    @Test func ruleWithoutManagers() {
        expectError(Self.head + """
            rules:
              - name: empty
                strategy: workload
            fallback: {managers: ann, strategy: fixed}
            """, .noManagers, line: 6, column: 5, "rule 'empty' lists no managers")
        expectError(Self.head + """
            rules:
              - name: empty
                managers: []
                strategy: workload
            fallback: {managers: ann, strategy: fixed}
            """, .noManagers, line: 7, column: 15, "rule 'empty' lists no managers")
        expectError(Self.head + """
            rules:
              - name: empty
                managers:
                strategy: workload
            fallback: {managers: ann, strategy: fixed}
            """, .noManagers, line: 7, column: 14, "rule 'empty' lists no managers")
        expectError(Self.head + """
            rules:
              - name: two
                managers: [ann, bo]
                strategy: fixed
            fallback: {managers: ann, strategy: fixed}
            """, .noManagers, line: 7, column: 15, "rule 'two' uses strategy fixed, which takes exactly one manager (it lists 2)")
    }

    @Test func unknownStrategy() {
        expectError(Self.head + """
            rules:
              - name: r
                managers: [ann, bo]
                strategy: roundrobin
            fallback: {managers: ann, strategy: fixed}
            """, .unknownStrategy, line: 8, column: 15, "rule 'r': unknown strategy 'roundrobin' (known: round_robin, workload, fixed)")
        expectError(Self.head + "fallback: {managers: ann, strategy: least_busy}\n", .unknownStrategy, line: 5, column: 37, "the fallback: unknown strategy 'least_busy'")
    }

    @Test func duplicateAndReservedRuleNames() {
        expectError(Self.head + """
            rules:
              - {name: r, managers: ann, strategy: fixed}
              - {name: r, managers: bo, strategy: fixed}
            fallback: {managers: ann, strategy: fixed}
            """, .duplicateRule, line: 7, column: 12, "rule name 'r' is used twice")
        expectError(Self.head + """
            rules:
              - {name: fallback, managers: ann, strategy: fixed}
            fallback: {managers: ann, strategy: fixed}
            """, .duplicateRule, line: 6, column: 12, "'fallback' is reserved")
    }

    @Test func invalidConditionValues() {
        func rule(_ when: String) -> String {
            Self.head + "rules:\n  - name: r\n    when: \(when)\n    managers: ann\n    strategy: fixed\nfallback: {managers: ann, strategy: fixed}\n"
        }
        expectError(rule("{states: [TX, Texsa]}"), .invalidValue, line: 7, column: 25, "rule 'r': unknown US state 'Texsa'")
        expectError(rule("{zips: [7870]}"), .invalidValue, line: 7, column: 19, "ZIP '7870' must be five digits")
        expectError(rule("{zip_prefixes: [\"787x\"]}"), .invalidValue, line: 7, column: 27, "ZIP prefix '787x' must be one to five digits")
        expectError(rule("{project_types: [custom_homes]}"), .invalidValue, line: 7, column: 28, "unknown project type 'custom_homes' (known: addition, adu,")
        expectError(rule("{sources: [zilow]}"), .invalidValue, line: 7, column: 22, "unknown source 'zilow'")
        expectError(rule("{budget: {min: 900k, max: 500k}}"), .invalidValue, line: 7, column: 20, "budget min $900,000 is above max $500,000")
        expectError(rule("{budget: {}}"), .invalidValue, line: 7, column: 20, "budget needs 'min', 'max' or both")
    }

    @Test func missingPartsAndInvalidYAML() {
        expectError(Self.head, .missingKey, line: 1, column: 1, "the rules file is missing required key 'fallback'")
        expectError("fallback: {managers: ann, strategy: fixed}\n", .missingKey, line: 1, column: 1, "missing required key 'managers'")
        expectError("", .missingKey, line: 1, column: 1, "the file is empty")
        expectError(Self.head + "fallback: {managers: ann\n", .invalidYAML, line: 6, column: 1, "invalid YAML")
        expectError(Self.head + "rules:\n  - {managers: ann, strategy: fixed}\nfallback: {managers: ann, strategy: fixed}\n", .missingKey, line: 6, column: 5, "a rule is missing required key 'name'")
        expectError(Self.head + "rules:\n  - {name: r, managers: ann}\nfallback: {managers: ann, strategy: fixed}\n", .missingKey, line: 6, column: 5, "rule 'r' is missing required key 'strategy'")
    }

    @Test func unreadableFile() {
        #expect {
            try RoutingRules.load(file: URL(fileURLWithPath: "/nonexistent/routing.yaml"))
        } throws: { error in
            (error as? RoutingRulesError)?.code == .unreadableFile
        }
    }
}
