@testable import Extraction
@testable import LeadModel
import Testing

/// A range of decades ("high 600s to low 700s") runs to the end of the second decade, and
/// "all in" after an amount is a budget cue.
@Suite("Heuristics: a budget from one decade to the next, all in")
struct BudgetDecadeRangeTests {
    @Test(arguments: [
        ("Budget is high 600s to low 700s.", 600_000, 800_000),
        ("Our budget is in the 600s to 700s.", 600_000, 800_000),
        ("Thinking high 600s to low 700s all in.", 600_000, 800_000),
        ("Budget is about $650k all in.", 650_000, 650_000),
        // One decade, as before.
        ("Our budget is in the low 600s.", 600_000, 700_000),
    ] as [(String, Int?, Int?)])
    func budget(_ text: String, _ low: Int?, _ high: Int?) {
        let lead = HeuristicsTestSupport.filled(text)
        #expect(lead.budgetLow == low && lead.budgetHigh == high, "\(text): \(String(describing: lead.budgetLow))-\(String(describing: lead.budgetHigh))")
    }

    @Test(arguments: [
        "We have 3 kids all in school and need more room.",
        "Our 2 dogs are all in the yard all day.",
    ])
    func noBudget(_ text: String) {
        let lead = HeuristicsTestSupport.filled(text)
        #expect(lead.budgetLow == nil && lead.budgetHigh == nil, "\(text)")
    }
}
