@testable import Extraction
import LeadModel
import Testing

/// What the prospect paid for their house or land is no budget; a lender's amount is the
/// budget only when the text names no other; "in the 900s" after a budget word is a range.
@Suite("Budget: purchase prices, loan amounts and hundreds said as a range")
struct BudgetPurchaseAndLoanTests {
    private func budget(_ text: String) -> [Int?] {
        let lead = HeuristicsTestSupport.filled(text)
        return [lead.budgetLow, lead.budgetHigh]
    }

    @Test(arguments: [
        ("We bought our house at 1420 Brushy Creek Rd in Cedar Park in 2019 for $425,000 and now want to finish the attic.", [nil, nil] as [Int?]),
        ("We purchased the lot for about $150k last spring.", [nil, nil]),
        ("We paid $180k for our land in 2021. Our budget for the house is $700-800k.", [700_000, 800_000]),
        ("We bought a lot and want to build for about $500k.", [500_000, 500_000]),
    ])
    func purchasePrice(_ text: String, _ expected: [Int?]) {
        #expect(budget(text) == expected, "\(text)")
    }

    @Test(arguments: [
        ("We're pre-approved for $650,000 through our bank and would like to keep the house under $550k.", [nil, 550_000] as [Int?]),
        ("We are pre-approved for $650,000.\nWe'd like to stay around $600k for the build.", [600_000, 600_000]),
        ("We are pre-approved for $650,000 and want a 4 bedroom home in Kyle.", [650_000, 650_000]),
    ])
    func loanAmountYieldsToBudget(_ text: String, _ expected: [Int?]) {
        #expect(budget(text) == expected, "\(text)")
    }

    @Test(arguments: [
        ("Budget is flexible but probably in the 900s.", [900_000, 1_000_000] as [Int?]),
        ("Our budget is somewhere in the 600s.", [600_000, 700_000]),
        ("Budget: we have 3 kids in the 2 bedroom house.", [nil, nil]),
    ])
    func hundredsAsRange(_ text: String, _ expected: [Int?]) {
        #expect(budget(text) == expected, "\(text)")
    }
}
