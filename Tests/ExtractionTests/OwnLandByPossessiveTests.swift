@testable import Extraction
@testable import LeadModel
import Testing

/// Session 23: "our"/"my" before land own it ("on our 10 acres", "our 5 acre lot"), as "own"
/// and "bought" did; "our property" stays the house they have. A plan to build on their
/// land ("want to build on our 2 acres") is a new build; building onto a house an addition.
@Suite("Heuristics: land that is theirs, and a plan to build on it")
struct OwnLandByPossessiveTests {
    private func lead(_ text: String) -> ExtractedLead {
        HeuristicsTestSupport.filled(text)
    }

    @Test(arguments: [
        ("Looking at putting a barndo on our 10 acres outside Lockhart.", "own_lot"),
        ("We want to build on our 5 acre lot.", "own_lot"),
        ("We'd like to build on our 10-acre tract near Lockhart.", "own_lot"),
        ("A 3 bedroom home on my 2 acre parcel in Wimberley.", "own_lot"),
        // Negated: not theirs yet.
        ("We have not bought our lot yet.", "looking"),
        // "our property" is the house they have: no lot status.
        ("We'd like a pool on our property.", nil),
        ("Our property is 3 acres.", nil),
        // "our" not before land.
        ("Our 2 kids need more room.", nil),
    ] as [(String, String?)])
    func lotStatus(_ text: String, _ expected: String?) {
        #expect(lead(text).lotStatus == expected, "\(text)")
    }

    @Test(arguments: [
        ("We want to build on our 2 acres in Bastrop.", "new_build"),
        ("We are planning to build on my grandmother's land.", "new_build"),
        ("We want to build on to our kitchen.", "addition"),
        ("We'd like to build onto the back of the house.", "addition"),
        // A type named wins over the plan.
        ("We want to build on our lot, a barndominium.", "barndominium"),
    ] as [(String, String?)])
    func projectType(_ text: String, _ expected: String?) {
        #expect(lead(text).projectType == expected, "\(text)")
    }
}

/// Session 23: more of how homeowners name the project and a lot about to close.
@Suite("Heuristics: a farmhouse, a porch, a garage conversion, a lot that closes")
struct MoreProjectAndLotPhrasesTests {
    @Test(arguments: [
        ("We want to build a modern farmhouse in Dripping Springs.", "new_build"),
        ("Looking to replace our roof and add a covered porch.", "deck_patio"),
        ("We want to convert our garage into a bedroom.", "remodel"),
        // Porch, the marketplace, named alone is no porch.
        ("I found you on Porch and would like a quote.", nil),
    ] as [(String, String?)])
    func projectType(_ text: String, _ expected: String?) {
        #expect(HeuristicsTestSupport.filled(text).projectType == expected, "\(text)")
    }

    @Test(arguments: [
        ("Our lot closes in January.", "under_contract"),
        ("We are looking to build on a lot we are closing on next month.", "under_contract"),
        ("We're closing on our land in March.", "under_contract"),
    ] as [(String, String?)])
    func lotStatus(_ text: String, _ expected: String?) {
        #expect(HeuristicsTestSupport.filled(text).lotStatus == expected, "\(text)")
    }
}
