@testable import Extraction
@testable import LeadModel
import Testing

/// An offer accepted on a lot puts the lot under contract.
@Suite("Heuristics: an offer accepted on a lot")
struct LotOfferAcceptedTests {
    @Test(arguments: [
        "We just got our offer accepted on a lot in Dripping Springs (closing Dec 20).",
        "Offer accepted on the lot at 12 Oak Hollow!",
        "We had an offer accepted on 3 acres outside Lockhart.",
    ])
    func underContract(_ text: String) {
        #expect(HeuristicsTestSupport.filled(text).lotStatus == "under_contract", "\(text)")
    }
}
