import Routing
import Testing

/// Rules files and inputs shared by the routing tests.
enum RoutingFixture {
    /// Three active managers, no caps.
    static let managers = """
        managers:
          - {key: ann, name: Ann Avery, email: ann@example.com}
          - {key: bo, name: Bo Banks, email: bo@example.com}
          - {key: cy, name: Cy Cole, email: cy@example.com}

        """

    /// Rules from YAML text (file name `routing.yaml`).
    static func rules(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> RoutingRules {
        do {
            return try RoutingRules(yaml: yaml, file: "routing.yaml")
        } catch {
            Issue.record("rules did not load: \(error)", sourceLocation: sourceLocation)
            throw error
        }
    }

    /// Rules with the three managers, `body` (rules and fallback) appended.
    static func withManagers(_ body: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> RoutingRules {
        try rules(managers + body, sourceLocation: sourceLocation)
    }

    /// A lead in Austin wanting a kitchen remodel from Houzz, $150k–$200k.
    static let austinRemodel = RoutingInput(
        state: "TX", city: "Austin", postalCode: "78704", projectType: "kitchen_remodel", source: "houzz",
        budgetLow: 150_000, budgetHigh: 200_000
    )
}
