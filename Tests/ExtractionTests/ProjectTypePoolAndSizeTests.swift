@testable import Extraction
@testable import LeadModel
import Testing

/// A pool to build ranks over the outdoor kitchen or deck beside it; a pool they have does
/// not. A home to build told by its size and style, with no word for it, is a new build.
@Suite("Project type: a pool to build, a home told by its size")
struct ProjectTypePoolAndSizeTests {
    private func projectType(_ text: String) -> String? { HeuristicsTestSupport.filled(text).projectType }

    @Test(arguments: [
        ("We want to add a pool and outdoor kitchen to our backyard this spring.", "pool"),
        ("Looking to put in a saltwater pool with a patio around it.", "pool"),
        ("We'd like to build a pool and a covered patio next summer.", "pool"),
        ("We need a new deck around our pool.", "deck_patio"),
        ("Our pool is fine, we want an outdoor kitchen and pergola.", "deck_patio"),
    ])
    func poolOverPatio(_ text: String, _ expected: String) {
        #expect(projectType(text) == expected, "\(text.debugDescription)")
    }

    @Test(arguments: [
        ("We would like to build a 3,400 sq ft hill country modern on our lot in Dripping Springs.", "new_build"),
        ("Thinking about building a 2500 sqft modern farmhouse style place next year.", "new_build"),
        ("We want to build a 400 sq ft addition off the back.", "addition"),
        ("We want to build a 600 sq ft guest house.", "adu"),
    ])
    func sizeWithoutHomeWord(_ text: String, _ expected: String) {
        #expect(projectType(text) == expected, "\(text.debugDescription)")
    }
}
