@testable import Extraction
@testable import LeadModel
import Testing

/// Adding a suite, a story or a sunroom to a house is an addition.
@Suite("Heuristics: adding a suite or a story is an addition")
struct AdditionSuitePhraseTests {
    @Test(arguments: [
        "We'd like to add a primary suite over the garage.",
        "We want to add a master suite and bath.",
        "Looking to add a first floor primary suite for my mother.",
        "We need to add a second story to our ranch.",
        "Could you add a sunroom off the back of the house?",
    ])
    func addition(_ text: String) {
        #expect(HeuristicsTestSupport.filled(text).projectType == "addition", "\(text)")
    }

    @Test func customHomeStaysOverItsSuite() {
        let text = "We want to build a custom home on our lot and add a guest suite later."
        #expect(HeuristicsTestSupport.filled(text).projectType == "custom_home")
    }
}
