@testable import Extraction
import LeadModel
import Testing

/// A prospect answering a builder's proposal, or comparing another builder's quote: that
/// price is not their budget (it was taken for one).
@Suite("Someone else's price is no budget")
struct SomeoneElsesPriceTests {
    private func budget(_ text: String) -> [Int?] {
        let lead = HeuristicsTestSupport.filled(text)
        return [lead.budgetLow, lead.budgetHigh]
    }

    @Test func theBuildersPriceGivesWayToTheBudget() {
        #expect(budget("Thanks for the proposal. Your price of $685,000 is more than we hoped; our budget is closer to $600k.")
            == [600_000, 600_000])
    }

    @Test(arguments: [
        "Your price of $685,000 is more than we hoped.",
        "Another builder quoted us $720,000 for a 2,800 sq ft home.",
        "Their bid $540,000 seemed high to us.",
        "Your estimate of $410,000 works for us.",
    ])
    func aPriceSomeoneElseGaveIsNoBudget(_ text: String) {
        #expect(budget(text) == [nil, nil])
    }

    @Test(arguments: [
        ("Our price range is $500k-$600k.", 500_000, 600_000),
        ("We can spend around $650k, and your homes look right for that.", 650_000, 650_000),
        ("We were quoted nothing yet; our budget is $450,000.", 450_000, 450_000),
    ])
    func theProspectsOwnFigureStays(_ text: String, _ low: Int, _ high: Int) {
        #expect(budget(text) == [low, high])
    }
}
