@testable import Extraction
@testable import LeadModel
import Testing

/// Session 21: a home described by its size on the prospect's land ("About 3,500 sq ft on
/// our 2 acres") is a home to build, over the features it lists (pool, outdoor kitchen).
@Suite("Heuristics: a home to build by its size on their land")
struct HomeBySizeOnLandTests {
    private func lead(_ text: String) -> ExtractedLead {
        HeuristicsTestSupport.filled(text)
    }

    // MARK: A home described by its size on their land

    @Test(arguments: [
        ("Looking for a builder. Must haves: pool, outdoor kitchen, 3 car garage. About 3,500 sq ft on our 2 acres in Bastrop.", "new_build"),
        ("We want a covered patio and a pool, around 2,800 sq ft on our lot in Kyle.", "new_build"),
        ("Pool and outdoor kitchen are musts, 3000 sqft on my 5 acre property.", "new_build"),
        // Their own home's size, features added to it, a remodel.
        ("We want an outdoor kitchen and a new deck added to our house.", "deck_patio"),
        ("Our house is 2,000 sq ft on 5 acres and we want a pool.", "pool"),
        ("We have a 3,000 sq ft home and want a covered patio.", "deck_patio"),
        ("We want to remodel the 2,400 sq ft on our lot.", "remodel"),
        ("We'd like a 400 sq ft addition, about 400 sq ft on our lot.", "addition"),
    ])
    func homeBySize(_ text: String, _ slug: String) {
        #expect(lead(text).projectType == slug, "\(text)")
        #expect(ProjectTypeVocabulary.vocabulary.bestSlug(in: text) == slug, "\(text)")
    }
}
