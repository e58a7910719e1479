@testable import Extraction
import LeadModel
import Testing

/// A pool asked for beside a patio or an outdoor kitchen is a pool project; a deck by an
/// existing pool stays a deck.
@Suite("Project type: a pool asked for before the patio")
struct PoolNamedFirstTests {
    @Test(arguments: [
        ("Looking for a pool, covered patio and outdoor kitchen. Thinking $120-150k total.", "pool"),
        ("We want a pool and a pergola.", "pool"),
        ("We want a deck next to the pool.", "deck_patio"),
    ])
    func projectType(_ text: String, _ expected: String) {
        #expect(HeuristicsTestSupport.filled(text).projectType == expected, "\(text)")
    }
}
