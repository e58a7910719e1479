@testable import Extraction
@testable import LeadModel
import Testing

/// A bare number the writer keeps the build under ("keep the build under 800") is the
/// budget's top on a line with a cue, as "budget under 800" is; other bare numbers after
/// "under" stay what they were.
@Suite("Heuristics: a cap the writer keeps the build under")
struct BudgetKeptUnderTests {
    @Test(arguments: [
        ("We'd like to keep the build under 800.", 800_000),
        ("We want to keep the build under 800 if we can.", 800_000),
        ("Hoping to stay below 650 on the whole project.", 650_000),
        ("We need to keep total cost under 1.2M.", 1_200_000),
    ])
    func keptUnder(_ text: String, _ high: Int) {
        let found = HeuristicsTestSupport.filled(text)
        #expect(found.budgetLow == nil && found.budgetHigh == high, "\(text): \(String(describing: found.budgetLow))-\(String(describing: found.budgetHigh))")
    }

    @Test(arguments: [
        // No cue on the line: a bare number is no money.
        "We'd like to keep it under 800.",
        // Not house-scale, or not money.
        "We want to keep the build under 3 stories.",
        "Keep the build under 2,800 square feet please.",
        "We'd like to keep the build under 30 feet tall.",
        // "under" without a cap kept to.
        "The lot we build on sits under 800 oaks.",
    ])
    func notACap(_ text: String) {
        let found = HeuristicsTestSupport.filled(text)
        #expect(found.budgetLow == nil && found.budgetHigh == nil, "\(text): \(String(describing: found.budgetLow))-\(String(describing: found.budgetHigh))")
    }
}
