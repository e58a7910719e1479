import Foundation
import Testing

@testable import Extraction

/// No spec pattern may take time quadratic in its input (see ``SpecPatternCost``).
@Suite struct SpecPatternCostTests {
    @Test func noRepositorySpecHasASlowPattern() throws {
        let specs = try SpecTestSupport.repositorySpecs().specs
        #expect(specs.flatMap(\.patterns).count > 100)
        for spec in specs {
            let slow = SpecPatternCost.slowPatterns(in: spec)
            #expect(slow.isEmpty, "\(spec.name): \(slow)")
        }
    }

    /// The pattern Thumbtack's spec had before it was bounded, its `[^:]+?` written as a
    /// repeated group: the check must catch it. (The loop it had is linear now that
    /// ``SpecRegex`` remembers a loop that failed at every boundary; a repeated group is
    /// not remembered and still runs to the end from every start.)
    @Test func aQuadraticPatternIsReported() throws {
        let spec = try SpecTestSupport.spec("""
            source: thumbtack
            name: Thumbtack before the bound
            version: "2026-11"
            detect:
              sender_domains: [thumbtack.com]
            fields:
              name:
                - pattern: '(?:lead: )?(?<value>(?:[^:])+?) (?:needs |sent you a message)'
                  in: subject
            """)
        let slow = SpecPatternCost.slowPatterns(in: spec)
        #expect(slow.map(\.place) == ["field name"])
        // Its search of the large text gives up now (``SpecRegex/stepBudget(forBytes:)``),
        // fast, so it is reported for that rather than for its time.
        #expect(slow.first?.gaveUp == true || (slow.first?.elapsed ?? .zero) > (slow.first?.smallElapsed ?? .zero) * 8)
    }

    /// A pattern quadratic only on its own opener repeated with no closer (a repeated group
    /// is not remembered): only the texts built from its literal show it.
    @Test func aPatternQuadraticOnItsOpenersIsReported() throws {
        let spec = try SpecTestSupport.spec("""
            source: houzz
            name: Houzz with a repeated group
            version: "2026-11"
            detect:
              sender_domains: [houzz.com]
            fields:
              message:
                - pattern: '(?s)Message:(?<value>(?:\\n[^\\n]*)+?)\\n\\n'
            """)
        let slow = SpecPatternCost.slowPatterns(in: spec)
        #expect(slow.map(\.place) == ["field message"])
        #expect(slow.first?.text.contains("Message:") == true, "\(slow)")
    }
}
