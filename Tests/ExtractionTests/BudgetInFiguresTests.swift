@testable import Extraction
@testable import LeadModel
import Testing

/// Session 21: a budget said in figures (`in the mid-six figures`, `low seven figures`)
/// read as a range (``BudgetPhraseFinder/figures(in:line:lineHasCue:)``), and figures that
/// are someone's pay or another price left alone.
@Suite("Heuristics: a budget said in figures")
struct BudgetInFiguresTests {
    private func lead(_ text: String) -> ExtractedLead {
        HeuristicsTestSupport.filled(text)
    }

    // MARK: Budget in figures

    @Test(arguments: [
        ("We're thinking a custom home in the mid-six figures.", 400_000, 700_000),
        ("Our budget is low six figures.", 100_000, 400_000),
        ("Budget: high six figures", 700_000, 999_999),
        ("We can spend upper six figures on the house.", 700_000, 999_999),
        ("We'd like to build a home, budget is six figures.", 100_000, 999_999),
        ("We have a six-figure budget for the new home.", 100_000, 999_999),
        ("Our budget is low to mid six figures.", 100_000, 700_000),
        ("We want to build a custom home in the low seven figures.", 1_000_000, 4_000_000),
        ("Budget is seven figures for the build.", 1_000_000, 9_999_999),
        // Session 22: the figures written with a digit.
        ("We're thinking a custom home in the mid 6 figures.", 400_000, 700_000),
        ("Our budget is low 6 figures and we are at 210 Oak Ln in Kyle.", 100_000, 400_000),
        ("We have a 6-figure budget for the new home.", 100_000, 999_999),
        ("We want to build a custom home in the low 7 figures.", 1_000_000, 4_000_000),
    ] as [(String, Int, Int)])
    func figures(_ text: String, _ low: Int, _ high: Int) {
        let found = lead(text)
        #expect(found.budgetLow == low && found.budgetHigh == high,
                "\(text): \(String(describing: found.budgetLow))-\(String(describing: found.budgetHigh))")
    }

    /// Not the budget: pay, a price paid for land or a house sold, a line not about the
    /// project, a figure of another number of digits.
    @Test(arguments: [
        "My husband makes six figures and we want to build a home.",
        "We'd like to build a home. He has a six-figure salary.",
        "The lot was low six figures and we want to build a home.",
        "We sold our house for mid six figures and want to build.",
        "Our kids are in the mid-six figures of their savings plan.",
        "We want to build a home for five figures.",
        "We want to build a home, she earns high six figures a year.",
        "My husband makes 6 figures and we want to build a home.",
        "We want to build a home for 5 figures.",
        "We want to build a home with 16 figures of speech.",
    ])
    func notFigures(_ text: String) {
        let found = lead(text)
        #expect(found.budgetLow == nil && found.budgetHigh == nil,
                "\(text): \(String(describing: found.budgetLow))-\(String(describing: found.budgetHigh))")
    }

    /// An amount on the line is read before figures written with a digit.
    @Test func anAmountOnTheLineComesFirst() {
        let found = lead("Budget is low 6 figures, around $350k for the build.")
        #expect(found.budgetLow == 350_000, "\(String(describing: found.budgetLow))-\(String(describing: found.budgetHigh))")
    }
}
