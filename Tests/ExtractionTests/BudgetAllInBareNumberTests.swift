@testable import Extraction
@testable import LeadModel
import Testing

/// "We are thinking 650 all in": a bare number at house scale before "all in" is the total
/// budget; a count before "all in" is none.
@Suite("Heuristics: a bare amount before \"all in\"")
struct BudgetAllInBareNumberTests {
    @Test(arguments: [
        ("We are thinking 650 all in.", 650_000, 650_000),
        ("Thinking 725 all in, lot included.", 725_000, 725_000),
        ("We have 3 kids all in school nearby.", nil, nil),
        ("There are 4 of us all in a two bedroom rental right now.", nil, nil),
    ] as [(String, Int?, Int?)])
    func budget(_ text: String, _ low: Int?, _ high: Int?) {
        let lead = HeuristicsTestSupport.filled(text)
        #expect(lead.budgetLow == low && lead.budgetHigh == high, "\(text): \(String(describing: lead.budgetLow))-\(String(describing: lead.budgetHigh))")
    }
}
