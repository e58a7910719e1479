@testable import Extraction
import Foundation
import LeadModel
import MIME
import Testing

/// The builder's note above a forwarded inquiry fills what the prospect's own words left
/// empty (found by exploratory testing: "his cell is ..." was not read), never a name, and a
/// phone only when the note speaks of the prospect's number.
@Suite("The builder's note on a forward")
struct BuildersForwardNoteTests {
    static let extractor = LeadExtractor(specs: SpecSet(specs: []))

    static func lead(note: String, original: String = "Interested in building on our lot in Elgin. Paul") throws -> ExtractedLead {
        let raw = """
            From: Travis Whitfield <travis@hillcountryhomes.example>\r
            To: leads@hillcountryhomes.example\r
            Subject: FW: Website inquiry\r
            Content-Type: text/plain; charset=utf-8\r
            \r
            \(note)\r
            \r
            -----Original Message-----\r
            From: Paul Jensen <pjensen@gmail.com>\r
            Sent: Monday, November 16, 2026 8:41 PM\r
            To: info@hillcountryhomes.example\r
            Subject: Website inquiry\r
            \r
            \(original)\r

            """
        return try #require(extractor.extract(from: MIMEMessage.parse(Array(raw.utf8))).lead)
    }

    static let signature = "\r\n\r\nTravis Whitfield\r\nSales Manager | Hill Country Homes\r\n1200 Commerce Dr, Austin, TX 78701\r\n512-555-0100 office | 512-555-0101 cell"

    @Test func theProspectsCellFromTheNote() throws {
        let lead = try Self.lead(note: "He called too, his cell is 512-555-0160. Wants a call back this week." + Self.signature)
        #expect(lead.phone == "+15125550160", "his cell, not Travis's office or cell")
        #expect(lead.fields["phone"]?.location == "forwarder's note line 1")
        #expect(lead.firstName == "Paul" && lead.lastName == "Jensen")
        #expect(lead.address == PostalAddress(city: "Elgin"), "the prospect's lot, not the builder's office")
    }

    @Test func whatTheBuilderLearnedOnTheCall() throws {
        let lead = try Self.lead(
            note: "Talked to him on the phone - budget is about 800k, they own the lot, paying cash, want to start in March. Custom home, 4 bed."
                + Self.signature,
            original: "Interested in talking to you about a project in Elgin. 512-555-0161. Paul")
        #expect(lead.phone == "+15125550161", "his own number from his own words")
        #expect(lead.budgetHigh == 800_000 && lead.timeline == "in march")
        #expect(lead.projectType == "custom_home" && lead.lotStatus == "own_lot" && lead.financing == "cash")
        #expect(lead.fields["budget"]?.location?.hasPrefix("forwarder's note") == true)
    }

    @Test func theProspectsOwnWordsWin() throws {
        let lead = try Self.lead(note: "They said budget is about 800k, his cell is 512-555-0160.",
                                 original: "We want a custom home around $650k. Call me at 512-555-0161. Paul")
        #expect(lead.budgetLow == 650_000 && lead.phone == "+15125550161")
    }

    @Test func theWritersOwnNumberAndANoteAboutNoOneAreNotRead() throws {
        let own = try Self.lead(note: "Call me at 512-555-0101 before you call him back, his budget is about 700k.")
        #expect(own.phone == nil, "the builder's number")
        #expect(own.budgetHigh == 700_000)
        let fyi = try Self.lead(note: "FYI - see below. Budget 900k per our call." + Self.signature)
        #expect(fyi.budgetHigh == nil, "a note about no one is not read")
        #expect(!BuildersForwardNote.mayGivePhone("my cell is 512-555-0101, his cell is 512-555-0160"))
        #expect(BuildersForwardNote.mayGivePhone("Her number is 512-555-0160"))
    }
}
