@testable import Extraction
@testable import LeadModel
import Testing

/// Session 23: an amount written from its point (`.75M`, `$.9M`, `.8 to 1 million`) is a
/// fraction, not 75 or 9 million; `mil` after 10 or more is the Spanish thousand ("40 mil
/// dólares" is $40,000, not $40,000,000), under 10 the English million.
@Suite("Budget: a leading point, and mil")
struct BudgetLeadingPointAndMilTests {
    @Test(arguments: [
        ("Our budget is .75M.", 750_000, 750_000),
        ("Budget .8M-1.2M", 800_000, 1_200_000),
        ("Our budget is .8 to 1 million", 800_000, 1_000_000),
        ("budget $.9M", 900_000, 900_000),
        ("Presupuesto alrededor de 40 mil dolares.", 40_000, 40_000),
        ("Presupuesto alrededor de 40 mil dólares.", 40_000, 40_000),
        ("Nuestro presupuesto es de 450 a 500 mil.", 450_000, 500_000),
        ("Budget: 1-1.25 mil", 1_000_000, 1_250_000),
        ("Our budget is 1.5 mil", 1_500_000, 1_500_000),
        // A point ending a sentence or an abbreviation is no leading point.
        ("We have a budget.750k is the most we can do", 750_000, 750_000),
    ] as [(String, Int, Int)])
    func budget(_ text: String, _ low: Int, _ high: Int) {
        let lead = HeuristicsTestSupport.filled(text)
        #expect(lead.budgetLow == low && lead.budgetHigh == high, "\(text): \(String(describing: lead.budgetLow))-\(String(describing: lead.budgetHigh))")
    }

    @Test("The three readings of the tokenizer agree on a leading point and on mil")
    func readingsAgree() {
        for text in ["budget .75M", "budget $.9M or 40 mil", "Budget (.8M)"] {
            #expect(BudgetTokenizer.tokens(text) == BudgetTokenizer.characterTokens(text), "\(text)")
        }
    }
}
