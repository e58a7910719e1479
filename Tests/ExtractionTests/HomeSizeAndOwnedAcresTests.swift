@testable import Extraction
@testable import LeadModel
import Testing

/// A home to build named with its size and stories between ("a 2500 sq ft 1 story house"),
/// and land named before "we own" ("3 acres we own").
@Suite("Heuristics: a home's size and stories, acres they own")
struct HomeSizeAndOwnedAcresTests {
    @Test(arguments: [
        "How much to build a 2500 sq ft 1 story house on my lot?",
        "We want to build a 3,000 sq ft two story home.",
        "Looking at building a 2,400 sq ft single story house.",
    ])
    func aHomeOfASizeAndStories(_ text: String) {
        #expect(HeuristicsTestSupport.filled(text).projectType == "new_build", "\(text)")
    }

    @Test(arguments: [
        "We are building on 3 acres we own in Liberty Hill.",
        "The property we own is in Bastrop County.",
    ])
    func landTheyOwn(_ text: String) {
        #expect(HeuristicsTestSupport.filled(text).lotStatus == "own_lot", "\(text)")
    }
}
