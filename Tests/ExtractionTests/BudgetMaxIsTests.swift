@testable import Extraction
@testable import LeadModel
import Testing

/// "Our max is 800k" is a ceiling, as "max 800k" is; "our minimum is" a floor.
@Suite("Heuristics: a budget's max or minimum said with \"is\"")
struct BudgetMaxIsTests {
    @Test(arguments: [
        ("Our max is 800k for the house.", nil, 800_000),
        ("Budget maximum is $1.2M.", nil, 1_200_000),
        ("Our budget minimum is 500k.", 500_000, nil),
        // "is" alone changes nothing.
        ("Our budget is 650k.", 650_000, 650_000),
    ] as [(String, Int?, Int?)])
    func budget(_ text: String, _ low: Int?, _ high: Int?) {
        let lead = HeuristicsTestSupport.filled(text)
        #expect(lead.budgetLow == low && lead.budgetHigh == high, "\(text): \(String(describing: lead.budgetLow))-\(String(describing: lead.budgetHigh))")
    }
}
