@testable import Extraction
@testable import LeadModel
import Testing

/// A kitchen "redone" or "redo" is a kitchen remodel.
@Suite("Heuristics: a kitchen redone is a kitchen remodel")
struct KitchenRedonePhraseTests {
    @Test(arguments: [
        "We need our kitchen redone - new cabinets, quartz counters, maybe move a wall.",
        "Looking to redo the kitchen this winter.",
        "Quote for a kitchen makeover?",
    ])
    func kitchen(_ text: String) {
        #expect(HeuristicsTestSupport.filled(text).projectType == "kitchen_remodel", "\(text)")
    }
}
