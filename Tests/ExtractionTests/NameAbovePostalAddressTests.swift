@testable import Extraction
@testable import LeadModel
import Testing

/// A name closing the text above the writer's postal address and then a phone, without a
/// sign-off; and a display name's initial the signature spells out under the same surname.
@Suite("Signature: a name above the postal address")
struct NameAbovePostalAddressTests {
    private static let block = "Kemi Oyelaran\n16813 Saddle Ridge Dr\nPflugerville, TX 78660\n512-555-0129 ext. 4"

    @Test func nameAboveAddressAndPhone() throws {
        let lead = HeuristicsTestSupport.filled("Good evening -\n\nWe want to add a primary suite on the back.\n\n" + Self.block)
        #expect(lead.firstName == "Kemi")
        #expect(lead.lastName == "Oyelaran")
    }

    /// Without a contact line under the address, or under a label, no name.
    @Test(arguments: [
        "We want to add a primary suite on the back.\n\nKemi Oyelaran\n16813 Saddle Ridge Dr\nPflugerville, TX 78660",
        "We want to add a primary suite on the back.\n\nOur realtor:\nJane Smith\n400 Main St\nAustin, TX 78701\n512-555-0100",
    ])
    func noName(_ text: String) {
        #expect(HeuristicsTestSupport.filled(text).firstName == nil, "\(text.debugDescription)")
    }

    @Test func initialSpelledOutBySignature() throws {
        let lead = try HeuristicsTestSupport.lead(from: "K. Oyelaran <kemi.oyelaran@gmail.com>",
                                                  "We want to add a primary suite on the back.\n\n" + Self.block)
        #expect(lead.firstName == "Kemi")
        #expect(lead.lastName == "Oyelaran")
    }

    /// A signature under another surname leaves the display name.
    @Test func initialWithAnotherSurnameStays() throws {
        let lead = try HeuristicsTestSupport.lead(from: "K. Oyelaran <kemi.oyelaran@gmail.com>",
                                                  "We want to add a primary suite.\n\nThanks,\nKaren Smith\n512-555-0129")
        #expect(lead.firstName == "K.")
        #expect(lead.lastName == "Oyelaran")
    }
}
