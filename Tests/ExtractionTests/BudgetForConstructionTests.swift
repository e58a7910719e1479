@testable import Extraction
@testable import LeadModel
import Testing

/// An amount "for construction" or "for building" is the budget, as one "for the build" is.
@Suite("Heuristics: a budget for construction")
struct BudgetForConstructionTests {
    @Test(arguments: [
        ("We are thinking in the range of $1.8 to $2.2 million for construction.", 1_800_000, 2_200_000),
        ("We have about $600k for building, lot not included.", 600_000, 600_000),
    ] as [(String, Int?, Int?)])
    func budget(_ text: String, _ low: Int?, _ high: Int?) {
        let lead = HeuristicsTestSupport.filled(text)
        #expect(lead.budgetLow == low && lead.budgetHigh == high, "\(text)")
    }

    @Test func aFeeForConstructionDocumentsIsNone() {
        let lead = HeuristicsTestSupport.filled("We paid $12,000 for construction drawings last year.")
        #expect(lead.budgetLow == nil && lead.budgetHigh == nil)
    }
}
