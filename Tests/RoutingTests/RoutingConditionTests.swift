import LeadModel
import Routing
import Testing

@Suite("Routing conditions")
struct RoutingConditionTests {
    /// One rule `r` with `when` = `conditions` (YAML flow mapping), fallback to cy.
    private func rules(_ conditions: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> RoutingRules {
        try RoutingFixture.withManagers("""
            rules:
              - name: r
                when: \(conditions)
                managers: ann
                strategy: fixed
            fallback: {managers: cy, strategy: fixed}
            """, sourceLocation: sourceLocation)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var conditions: String
        var input: RoutingInput
        /// The rule's explanation phrase when it matches, or the reason when it does not.
        var matches: Bool
        var phrase: String
        var testDescription: String { "\(conditions) \(matches ? "matches" : "rejects") → \(phrase)" }
    }

    static let cases: [Case] = [
        // States: codes or names on either side.
        Case(conditions: "{states: [TX, OK]}", input: RoutingInput(state: "Texas"), matches: true, phrase: "state TX is listed"),
        Case(conditions: "{states: Texas}", input: RoutingInput(state: "tx"), matches: true, phrase: "state TX is listed"),
        Case(conditions: "{states: TX}", input: RoutingInput(state: "CA"), matches: false, phrase: "state CA not in [TX]"),
        Case(conditions: "{states: TX}", input: RoutingInput(), matches: false, phrase: "no state on the lead"),
        // Cities: case and punctuation ignored.
        Case(conditions: "{cities: [Round Rock, Austin]}", input: RoutingInput(city: "ROUND ROCK"), matches: true, phrase: "city ROUND ROCK is listed"),
        Case(conditions: "{cities: St. Louis}", input: RoutingInput(city: "st louis"), matches: true, phrase: "city st louis is listed"),
        Case(conditions: "{cities: Austin}", input: RoutingInput(city: "Dallas"), matches: false, phrase: "city Dallas not in [Austin]"),
        Case(conditions: "{cities: Austin}", input: RoutingInput(), matches: false, phrase: "no city on the lead"),
        // ZIPs: exact ZIP5 (ZIP+4 on the lead is fine), prefixes, and the two together as one condition.
        Case(conditions: "{zips: [\"78704\"]}", input: RoutingInput(postalCode: "78704-1234"), matches: true, phrase: "ZIP 78704 is listed"),
        Case(conditions: "{zips: [\"78704\"]}", input: RoutingInput(postalCode: "78705"), matches: false, phrase: "ZIP 78705 not in [78704]"),
        Case(conditions: "{zip_prefixes: [\"787\"]}", input: RoutingInput(postalCode: "78746"), matches: true, phrase: "ZIP 78746 starts with 787"),
        Case(conditions: "{zip_prefixes: [\"787\"]}", input: RoutingInput(postalCode: "78610"), matches: false, phrase: "ZIP 78610 not in [787…]"),
        Case(conditions: "{zip_prefixes: [\"7\"]}", input: RoutingInput(postalCode: "78610"), matches: true, phrase: "ZIP 78610 starts with 7"),
        Case(conditions: "{zip_prefixes: [\"02\"]}", input: RoutingInput(postalCode: "02134"), matches: true, phrase: "ZIP 02134 starts with 02"),
        Case(conditions: "{zips: [\"78610\"], zip_prefixes: [\"787\"]}", input: RoutingInput(postalCode: "78610"), matches: true, phrase: "ZIP 78610 is listed"),
        Case(conditions: "{zips: [\"78610\"], zip_prefixes: [\"787\"]}", input: RoutingInput(postalCode: "78701"), matches: true, phrase: "ZIP 78701 starts with 787"),
        Case(conditions: "{zips: [\"78610\"], zip_prefixes: [\"787\"]}", input: RoutingInput(postalCode: "78666"), matches: false, phrase: "ZIP 78666 not in [78610, 787…]"),
        Case(conditions: "{zip_prefixes: [\"787\"]}", input: RoutingInput(), matches: false, phrase: "no ZIP on the lead"),
        Case(conditions: "{zip_prefixes: [\"787\"]}", input: RoutingInput(postalCode: "SW1A 1AA"), matches: false, phrase: "ZIP 'SW1A 1AA' not a US ZIP"),
        // Project types: slugs, any spelling on the lead.
        Case(conditions: "{project_types: [custom_home, new_build]}", input: RoutingInput(projectType: "Custom Home"), matches: true, phrase: "project type custom_home is listed"),
        Case(conditions: "{project_types: remodel}", input: RoutingInput(projectType: "kitchen_remodel"), matches: false, phrase: "project type kitchen_remodel not in [remodel]"),
        Case(conditions: "{project_types: remodel}", input: RoutingInput(), matches: false, phrase: "no project type on the lead"),
        // Sources.
        Case(conditions: "{sources: [houzz, angi]}", input: RoutingInput(source: "Houzz"), matches: true, phrase: "source houzz is listed"),
        Case(conditions: "{sources: [houzz, angi]}", input: RoutingInput(source: "website_form"), matches: false, phrase: "source website_form not in [houzz, angi]"),
        Case(conditions: "{sources: houzz}", input: RoutingInput(), matches: false, phrase: "no source on the lead"),
    ]

    @Test(arguments: cases)
    func condition(_ example: Case) throws {
        let rules = try rules(example.conditions)
        let decision = rules.route(example.input, state: RoutingState())
        if example.matches {
            #expect(decision.manager == "ann", "\(decision.explanation)")
            #expect(decision.explanation.hasPrefix("Rule 'r' matched: \(example.phrase)."), "\(decision.explanation)")
        } else {
            #expect(decision.manager == "cy", "\(decision.explanation)")
            #expect(decision.explanation.hasSuffix("Rules: 'r' did not match (\(example.phrase))."), "\(decision.explanation)")
        }
    }

    struct BudgetCase: Sendable, CustomTestStringConvertible {
        var rule: String
        var low: Int?
        var high: Int?
        var matches: Bool
        var testDescription: String { "\(rule) vs \(low.map(String.init) ?? "nil")–\(high.map(String.init) ?? "nil")" }
    }

    /// Overlap semantics: the lead's range (single figure = [x, x]; high only = [0, high];
    /// low only = [low, ∞)) overlaps the rule's, bounds inclusive; no budget never matches.
    static let budgetCases: [BudgetCase] = [
        BudgetCase(rule: "{min: 800k}", low: 900_000, high: 1_200_000, matches: true),
        BudgetCase(rule: "{min: 800k}", low: 600_000, high: 900_000, matches: true),  // straddles the minimum
        BudgetCase(rule: "{min: 800k}", low: 500_000, high: 700_000, matches: false),
        BudgetCase(rule: "{min: 800k}", low: 800_000, high: 800_000, matches: true),  // inclusive
        BudgetCase(rule: "{min: 800k}", low: 799_999, high: 799_999, matches: false),
        BudgetCase(rule: "{min: 800k}", low: nil, high: 500_000, matches: false),     // "under 500k"
        BudgetCase(rule: "{min: 800k}", low: nil, high: 900_000, matches: true),      // "up to 900k"
        BudgetCase(rule: "{min: 800k}", low: 1_000_000, high: nil, matches: true),    // "over 1M"
        BudgetCase(rule: "{min: 800k}", low: nil, high: nil, matches: false),         // no budget
        BudgetCase(rule: "{max: 500000}", low: 1_000_000, high: nil, matches: false),
        BudgetCase(rule: "{max: 500000}", low: nil, high: 800_000, matches: true),
        BudgetCase(rule: "{max: 500000}", low: 500_000, high: 600_000, matches: true),
        BudgetCase(rule: "{min: 300k, max: 600k}", low: 600_000, high: 700_000, matches: true),
        BudgetCase(rule: "{min: 300k, max: 600k}", low: 601_000, high: 700_000, matches: false),
        BudgetCase(rule: "{min: 300k, max: 600k}", low: 100_000, high: 299_000, matches: false),
        BudgetCase(rule: "{min: 300k, max: 600k}", low: 100_000, high: 2_000_000, matches: true),  // contains the rule's range
        BudgetCase(rule: "{min: \"$1.2M\", max: \"2,500,000\"}", low: 2_500_000, high: 2_500_000, matches: true),
        BudgetCase(rule: "{min: \"$1.2M\", max: \"2,500,000\"}", low: 1_199_999, high: 1_199_999, matches: false),
    ]

    @Test(arguments: budgetCases)
    func budgetOverlap(_ example: BudgetCase) throws {
        let rules = try rules("{budget: \(example.rule)}")
        let decision = rules.route(RoutingInput(budgetLow: example.low, budgetHigh: example.high), state: RoutingState())
        #expect(decision.manager == (example.matches ? "ann" : "cy"), "\(decision.explanation)")
    }

    @Test func budgetExplanations() throws {
        let rules = try rules("{budget: {min: 800k}}")
        let match = rules.route(RoutingInput(budgetLow: 600_000, budgetHigh: 900_000), state: RoutingState())
        #expect(match.explanation.hasPrefix("Rule 'r' matched: budget $600,000–$900,000 overlaps $800,000 or more."))
        let below = rules.route(RoutingInput(budgetLow: nil, budgetHigh: 500_000), state: RoutingState())
        #expect(below.explanation.hasSuffix("'r' did not match (budget up to $500,000 outside $800,000 or more)."))
        let none = rules.route(RoutingInput(), state: RoutingState())
        #expect(none.explanation.hasSuffix("'r' did not match (no budget on the lead (rule wants $800,000 or more))."))
        #expect(BudgetCondition(min: 300_000, max: 600_000).description == "$300,000–$600,000")
        #expect(BudgetCondition(max: 1_250_000).description == "up to $1,250,000")
    }

    @Test func everyConditionMustHoldAndEachIsExplained() throws {
        let rules = try rules("""
            {states: TX, cities: Austin, zip_prefixes: ["787"], project_types: kitchen_remodel, sources: houzz, budget: {max: 250k}}
            """)
        let decision = rules.route(RoutingFixture.austinRemodel, state: RoutingState())
        #expect(decision.explanation == "Rule 'r' matched: state TX is listed; city Austin is listed; ZIP 78704 starts with 787; project type kitchen_remodel is listed; source houzz is listed; budget $150,000–$200,000 overlaps up to $250,000. Assigned to Ann Avery (ann) as the rule's fixed assignee.")

        var elsewhere = RoutingFixture.austinRemodel
        elsewhere.source = "zillow"
        #expect(rules.route(elsewhere, state: RoutingState()).explanation.hasSuffix("'r' did not match (source zillow not in [houzz])."))
    }

    @Test func inputFromAnExtractedLead() {
        let lead = ExtractedLead(
            source: "zillow", firstName: "Maria",
            address: PostalAddress(street: "1420 Oak Hollow Dr", city: "Austin", state: "TX", postalCode: "78704-1234"),
            projectType: "custom_home", budgetLow: 900_000, budgetHigh: 1_100_000
        )
        #expect(RoutingInput(lead: lead) == RoutingInput(
            state: "TX", city: "Austin", postalCode: "78704-1234", projectType: "custom_home", source: "zillow",
            budgetLow: 900_000, budgetHigh: 1_100_000
        ))
        #expect(RoutingInput(lead: ExtractedLead()) == RoutingInput(source: "direct_inquiry"))
    }
}
