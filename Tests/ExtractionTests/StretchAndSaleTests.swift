@testable import Extraction
import LeadModel
import Testing

/// "$95k but could stretch to $110k" is a range to the stretch; "once our house sells" is a
/// sale the build waits on.
@Suite("A budget's stretch and a sale the build waits on")
struct StretchAndSaleTests {
    @Test(arguments: [
        ("Kitchen remodel, budget $95k but could stretch to $110k.", 95_000, 110_000),
        ("Budget is 650k, could go up to 700k if needed.", 650_000, 700_000),
        // A second figure that is no stretch, or far past the first, leaves the first alone.
        ("Budget is 650k, the lot was 200k.", 650_000, 650_000),
    ])
    func stretch(_ body: String, _ low: Int, _ high: Int) throws {
        let lead = try HeuristicsTestSupport.lead(from: "Dana Wells <dana@example.org>", body + "\n\nDana")
        #expect(lead.budgetLow == low)
        #expect(lead.budgetHigh == high)
    }

    @Test(arguments: ["We can start once our house sells.", "We build when our home sells in the spring."])
    func saleTheBuildWaitsOn(_ body: String) throws {
        let lead = try HeuristicsTestSupport.lead(from: "Dana Wells <dana@example.org>", "We want a custom home. " + body + "\n\nDana")
        #expect(lead.financing == "need_to_sell")
    }
}
