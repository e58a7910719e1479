import LeadModel
import Testing

/// A phone number right after a budget's sentence ("Budget $150k. 512-555-0177.") took the
/// budget with it: the full stop is no token, so the four amounts read as one phone run.
@Suite("A budget beside a phone number")
struct BudgetBesidePhoneTests {
    @Test(arguments: [
        "Budget $150k. 512-555-0177.",
        "We need an addition. Budget $150,000 512 555 0177",
        "budget 150k 512-555-0177",
    ])
    func theBudgetStays(_ text: String) {
        #expect(BudgetParser.matches(in: text).first?.range == BudgetRange(low: 150_000, high: 150_000))
    }

    @Test func aPhoneNumberAloneIsNoMoney() {
        #expect(BudgetParser.matches(in: "Call 512-555-0177 or 512 555 0178.").isEmpty)
    }
}
