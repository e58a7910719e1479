@testable import Extraction
import Foundation
import LeadModel
import MIME
import Testing

/// A name closing a homeowner's text without a sign-off (`Dana Whitfield` above their phone).
@Suite("A closing name without a sign-off")
struct ClosingNameTests {
    // MARK: - A closing name without a sign-off

    @Test func aNameAboveThePhoneClosesTheMessage() throws {
        let lead = try HeuristicsTestSupport.lead(from: "dw1977@gmail.com", """
            Hi,

            We are looking to build a custom home next year in Austin. Could you call me?

            Dana Whitfield
            512-555-0144
            """)
        #expect(lead.firstName == "Dana")
        #expect(lead.lastName == "Whitfield")
        #expect(lead.fields["first_name"] == FieldProvenance(rule: "heuristic: closing name without a sign-off", location: "body line 5"))
        #expect(lead.phone == "+15125550144")
    }

    @Test(arguments: [
        "We want to build next year.\n\nDana Whitfield\n(512) 555-0144",
        "We want to build next year.\n\n512-555-0144\nDana Whitfield",
        "We want to build next year.\n\nDana Whitfield\ndana.whitfield@example.com",
        "We want to build next year.\n\nDana Whitfield\nCell: 512.555.0144\nSent from my iPhone",
        "We want to build next year. Please call.\n\nDana Whitfield",
        "We want to build next year.\nDana Whitfield\n512-555-0144",
        "We want to build next year.\n\nDana M. Whitfield\n512-555-0144",
        "We want to build next year.\n\nAna de la Cruz\n512-555-0144",
        "We want to build next year.\n\nDana Whitfield\n512-555-0144\n\nSent from my iPhone",
        "We want to build next year.\n\nDana Whitfield\n\nGet Outlook for iOS",
    ])
    func closingNames(_ text: String) throws {
        let lead = HeuristicsTestSupport.filled(text)
        #expect(lead.firstName != nil)
        #expect(["Whitfield", "Cruz", "de la Cruz"].contains(lead.lastName ?? ""), "\(String(describing: lead.lastName))")
        #expect(lead.fields["first_name"]?.rule == "heuristic: closing name without a sign-off")
    }

    @Test(arguments: [
        // A company, a place, a street, a title, a phrase, a greeting.
        "We want to build next year.\n\nHill Country Homes\n512-555-0144",
        "We want to build next year.\n\nSmith Realty LLC\n512-555-0144",
        "We want to build next year.\n\nAustin, TX\n512-555-0144",
        "We want to build next year.\n\nDripping Springs\n512-555-0144",
        "We want to build next year.\n\nDripping Springs",
        "We want to build next year.\n\nLake Travis",
        "We want to build next year.\n\nNew Mexico",
        "We want to build next year.\n\n1200 Oak Street\n512-555-0144",
        "We want to build next year.\n\nProject Manager\n512-555-0144",
        "We want to build next year.\n\nSent from my iPhone",
        "We want to build next year.\n\nLooking Forward",
        "We want to build next year.\n\nHappy Holidays",
        "We want to build next year.\n\nGood Morning\n512-555-0144",
        "We want to build next year.\n\nCall me at\n512-555-0144",
        // One word, four words, a lowercase sentence.
        "We want to build next year.\n\nDana\n512-555-0144",
        "We want to build next year.\n\nDana Marie Ann Whitfield\n512-555-0144",
        "We want to build next year.\n\ncall me soon\n512-555-0144",
        // Not beside a contact line, and not alone after a blank line.
        "We want to build next year.\n\nDana Whitfield\nAustin area\n512-555-0144",
        "Dana Whitfield",
        "Dana Whitfield\n\nSent from my iPhone",
        // Someone else's, introduced by a label; a closing wish.
        "We want to build next year.\n\nOur realtor:\nJohn Pike\n512-555-0100",
        "We want to build next year.\n\nBe Well",
        // A business's signature block.
        "We want to build next year.\n\nMike Brennan\nBrennan Homes\n512-555-0100",
        "We want to build next year.\n\nMike Brennan\n512-555-0100\nwww.brennanhomes.example",
        // Below a reply or forward header: someone else's.
        "Sounds good.\n\nOn Mon, Nov 16, 2026 at 9:12 AM Sam Ortiz wrote:\n\nSam Ortiz\n512-555-0100",
        "See below.\n\n-----Original Message-----\nFrom: Sam Ortiz <sam@builder.example>\n\nSam Ortiz\n512-555-0100",
        "See below.\n\n---------- Forwarded message ---------\nFrom: Sam Ortiz\nCall us.\n\nSam Ortiz\n512-555-0100",
    ])
    func noClosingName(_ text: String) {
        let lead = HeuristicsTestSupport.filled(text)
        #expect(lead.firstName == nil && lead.lastName == nil, "\(String(describing: lead.firstName)) \(String(describing: lead.lastName))")
    }

    @Test func aSignOffStillWins() {
        let lead = HeuristicsTestSupport.filled("We want to build.\n\nThanks,\nMaria Gonzalez\n\nDana Whitfield\n512-555-0144")
        #expect(lead.firstName == "Maria")
        #expect(lead.fields["first_name"]?.rule == "heuristic: signature name")
    }

    @Test func aQuotedNameIsNoClosingName() {
        let lead = HeuristicsTestSupport.filled("We want to build.\n\n> Dana Whitfield\n> 512-555-0144")
        #expect(lead.firstName == nil)
    }

    @Test func aKnownNameIsKept() {
        let lead = HeuristicsTestSupport.filled("We want to build.\n\nDana Whitfield\n512-555-0144", ExtractedLead(firstName: "Dee"))
        #expect(lead.firstName == "Dee")
        #expect(lead.lastName == nil)
    }
}
