import Foundation
import Extraction
import LeadModel
import MIME
import Testing

/// What a person wrote, sent as a text file: a carrier's MMS gateway puts the text message in
/// `text_0.txt` (beside an empty body or its own banner), and some people attach a note with
/// no body. The lead reads it; a text file beside a real body stays an attachment.
@Suite("Text sent as an attachment")
struct AttachedTextInquiryTests {
    static func lead(from: String, body: String, attachment: String, name: String = "text_0.txt") throws -> ExtractedLead {
        let raw = """
            From: \(from)
            To: info@buildersco.example
            Subject: Inquiry
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: text/plain; charset=UTF-8

            \(body)
            --b
            Content-Type: text/plain; charset=UTF-8; name="\(name)"
            Content-Disposition: attachment; filename="\(name)"

            \(attachment)
            --b--

            """
        let message = MIMEMessage.parse(Array(raw.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        return try #require(BuilderOwnMailTests.extractor.extract(from: message, builder: BuilderIdentity()).lead)
    }

    static let inquiry = "This is Tom Reyes, we want a custom home in Leander, budget around 800k. Call 512-555-0187."

    @Test func aGatewayTextMessageIsTheProspectsText() throws {
        let lead = try Self.lead(from: "5125550187@vzwpix.com", body: "", attachment: Self.inquiry)
        #expect(lead.message == Self.inquiry)
        #expect(lead.firstName == "Tom" && lead.lastName == "Reyes")
        #expect(lead.budgetLow == 800_000)
        #expect(lead.fields["message"]?.location == "attached text file text_0.txt")
        #expect(lead.fields["budget"]?.location == "attached text file text_0.txt line 1")
    }

    @Test func aGatewaysBannerGivesWayToTheTextFile() throws {
        let lead = try Self.lead(from: "5125550163@mms.att.net",
                                 body: "This mobile text message is brought to you by AT&T", attachment: Self.inquiry)
        #expect(lead.message == Self.inquiry)
        #expect(lead.projectType == "custom_home")
    }

    @Test func aNoteWithoutABodyIsRead() throws {
        let lead = try Self.lead(from: "Gwen Hollis <gwen.hollis@example.net>", body: "  ", attachment: Self.inquiry, name: "our project.txt")
        #expect(lead.message == Self.inquiry)
        #expect(lead.fields["budget"]?.location == "attached text file our project.txt line 1")
    }

    @Test func aTextFileBesideARealBodyStaysAnAttachment() throws {
        let lead = try Self.lead(from: "Dale Okafor <dale.okafor@example.org>",
                                 body: "We would like a kitchen remodel.", attachment: "Fridge: $9,200. Installer 512-555-0111")
        #expect(lead.message == "We would like a kitchen remodel.")
        #expect(lead.phone == nil)
        #expect(lead.budgetLow == nil)
    }

    @Test func otherFilesAreNotRead() throws {
        let csv = try Self.lead(from: "Gwen Hollis <gwen.hollis@example.net>", body: "", attachment: Self.inquiry, name: "export.csv")
        #expect(csv.message == nil)
        let big = try Self.lead(from: "Gwen Hollis <gwen.hollis@example.net>", body: "",
                                attachment: Self.inquiry + String(repeating: "x", count: 70_000), name: "log.txt")
        #expect(big.message == nil)
    }
}
