@testable import Extraction
@testable import LeadModel
import Testing

/// `Tract 14` and `Parcel 3` in a subdivision are read as `Lot 12 in Belterra` is: the
/// subdivision where the road would be, with the city and state after it.
@Suite("Address: a tract or parcel in its subdivision")
struct TractAndParcelInSubdivisionTests {
    private func address(_ text: String) -> PostalAddress? { HeuristicsTestSupport.filled(text).address }

    @Test(arguments: [
        ("We just closed on Tract 14 in Vista Ridge Estates, Liberty Hill, TX 78642 and want to build.",
         PostalAddress(street: "Tract 14, Vista Ridge Estates", city: "Liberty Hill", state: "TX", postalCode: "78642")),
        ("We bought Parcel 3 in Vista Ridge, Liberty Hill, TX and want to build next year.",
         PostalAddress(street: "Parcel 3, Vista Ridge", city: "Liberty Hill", state: "TX")),
        ("Lot 14 in Vista Ridge Estates, Liberty Hill, TX 78642 is ours now.",
         PostalAddress(street: "Lot 14, Vista Ridge Estates", city: "Liberty Hill", state: "TX", postalCode: "78642")),
    ])
    func lotWordInSubdivision(_ text: String, _ expected: PostalAddress) {
        #expect(address(text) == expected, "\(text.debugDescription)")
    }

    /// No city and state after the subdivision: no street is written.
    @Test func tractWithoutPlace() {
        let text = "We bought Tract 7 in Vista Ridge, on the north side, last spring."
        #expect(address(text)?.street == nil)
    }
}
