@testable import Extraction
@testable import LeadModel
import Testing

/// Free-text readings exploratory testing found missing: household and titled names, an
/// `I'm` introduction, timeline, lot status, project type and budget phrases. Each case is
/// a line (or a name) as a prospect wrote it.
@Suite("Heuristics: phrases found missing by exploratory testing")
struct ExploratoryHeuristicsMissTests {
    private func lead(_ text: String) -> ExtractedLead {
        var lead = ExtractedLead()
        InquiryHeuristics.fill(&lead, from: text, location: "body")
        return lead
    }

    @Test(arguments: [
        ("The Okafor Family", nil, "Okafor"), ("Garcia Family", nil, "Garcia"), ("the okafor family", nil, "Okafor"),
        ("Mr & Mrs Smith", nil, "Smith"), ("Mr. and Mrs. Smith", nil, "Smith"), ("Mr Smith", nil, "Smith"),
        ("Dr. Lee", nil, "Lee"), ("The John Smith Family", "John", "Smith"), ("Mr. and Mrs. John Smith", "John", "Smith"),
        ("Family", "Family", nil) as (String, String?, String?),
    ])
    func householdsAndTitledSurnames(_ written: String, _ first: String?, _ last: String?) {
        let parsed = PersonNameNormalizer.parse(written)
        #expect(parsed?.first == first, "\(written)")
        #expect(parsed?.last == last, "\(written)")
        // The String path reads the same.
        #expect(PersonNameNormalizer.generalParse(written) == parsed, "\(written)")
    }

    @Test func titleOfACoupleIsKept() {
        #expect(PersonNameNormalizer.parse("Mr & Mrs Smith") == PersonName(last: "Smith", honorific: "Mr. & Mrs."))
    }

    @Test func iAmIntroducesAWholeName() {
        let nina = lead("Hi, I'm Nina Patel, we need a kitchen and bath remodel in Round Rock 78664.")
        #expect(nina.firstName == "Nina")
        #expect(nina.lastName == "Patel")
        let carlos = lead("Hello, I am Carlos Mendoza. I'd like a quote.")
        #expect(carlos.firstName == "Carlos")
        #expect(carlos.lastName == "Mendoza")
    }

    @Test(arguments: [
        "Hi, I'm Interested in a quote for a new home.", "I'm looking for a builder in Austin.",
        "HI, I'M LOOKING FOR A BUILDER", "We think I'm Nina Patel is not how anyone writes.", "Hi, I'm nina patel",
    ])
    func iAmIsNoNameOtherwise(_ text: String) {
        let found = lead(text)
        #expect(found.firstName == nil && found.lastName == nil, "\(text)")
    }

    @Test(arguments: [
        ("with a pool. I'd like to be moved in within a year. Budget is roughly", "within 1 year"),
        ("We're hoping to start building by October.", "by october"),
        ("We would have to sell our house, so we're looking at 18 months out.", "18 months out"),
        ("roughly 2,000 sq ft, $450k-$550k. No rush - sometime in 2027.", "2027"),
        ("Budget is in the low 600s. We'd like to be in by Christmas 2027.", "by christmas 2027"),
    ])
    func timelines(_ text: String, _ timeline: String) {
        #expect(lead(text).timeline == timeline, "\(text)")
    }

    @Test func aSaleThisYearIsHistory() {
        #expect(lead("I sold my crypto company this year and I'm looking for a builder for a").timeline == nil)
    }

    @Test(arguments: [
        ("like to start by spring of next year. Lot is already purchased.", "own_lot"),
        ("We're interested in a new build on the lot we own off", "own_lot"),
        ("We closed on the Driftwood lot yesterday.", "own_lot"),
        ("Pflugerville. We are looking at lots now.", "looking"),
        ("Hi, I want to build a house on my property in Manor.", "own_lot"),
        ("Wants a custom home on his lot in Dripping Springs", "own_lot"),
    ])
    func lotStatuses(_ text: String, _ status: String) {
        #expect(lead(text).lotStatus == status, "\(text)")
        #expect(LotStatusVocabulary.status(in: text, acceptingShortAnswers: false) == status, "\(text)")
    }

    @Test(arguments: [
        ("and want to build a 4 bed / 3 bath home, roughly 2,600 sqft.", "new_build"),
        ("We have a lot under contract and would like a new home built,", "new_build"),
        ("flooded and we need to rebuild ASAP.", "teardown_rebuild"),
        ("We are relocating from Houston and want to build in Round Rock", "new_build"),
        ("We have a 0.75 acre lot and want to build a 3 bed, 2.5 bath farmhouse", "new_build"),
        // A named kind of building is more specific than a plan to build.
        ("We want to build a 2 bed 1 bath casita in the back", "adu"),
        ("We need to rebuild the deck", "deck_patio"),
    ])
    func projectTypes(_ text: String, _ slug: String) {
        #expect(lead(text).projectType == slug, "\(text)")
        #expect(ProjectTypeVocabulary.vocabulary.bestSlug(in: text) == slug, "\(text)")
    }

    @Test func budgetInTheLowHundreds() {
        let found = lead("Budget is in the low 600s.")
        #expect(found.budgetLow == 600_000)
        #expect(found.budgetHigh == 700_000)
    }
}
