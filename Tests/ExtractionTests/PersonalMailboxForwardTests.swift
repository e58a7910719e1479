import Foundation
import Extraction
import LeadModel
import MIME
import Testing

/// With no mailboxes configured, a forward of mail that went to someone else is flagged (a
/// third party may have made the "original" up). A builder forwarding from a personal mailbox
/// what reached their business one was flagged too, the usual case: the recipient with the
/// forwarder's own full name is the forwarder.
@Suite("A builder's forward from a personal mailbox")
struct PersonalMailboxForwardTests {
    static func lead(forwarder: String, originalTo: String) throws -> ExtractedLead {
        let raw = """
            From: \(forwarder)
            To: leads+brennan@intake.example
            Subject: Fwd: Custom home
            Content-Type: text/plain

            ---------- Forwarded message ---------
            From: Dana Whitfield <dana.whitfield@example.org>
            Date: Mon, Nov 16, 2026 at 9:00 AM
            Subject: Custom home
            To: \(originalTo)

            We want a custom home on our lot. 512-555-0144.
            """
        let message = MIMEMessage.parse(Array(raw.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        return try #require(BuilderOwnMailTests.extractor.extract(from: message).lead)
    }

    @Test(arguments: ["Mike Brennan <mike@brennanhomes.example>", "\"mike  brennan\" <mike@brennanhomes.example>",
                      "Sales <sales@brennanhomes.example>, Mike Brennan <mike@brennanhomes.example>"])
    func isNotFlaggedWhenTheOriginalWentToTheForwardersName(_ to: String) throws {
        let lead = try Self.lead(forwarder: "Mike Brennan <mbrennan77@gmail.example>", originalTo: to)
        #expect(lead.reviewReasons.isEmpty)
        #expect(lead.email == "dana.whitfield@example.org")
    }

    @Test func aStrangersForwardIsStillFlagged() throws {
        let lead = try Self.lead(forwarder: "Bob Stone <bob.stone@elsewhere.example>", originalTo: "Mike Brennan <mike@brennanhomes.example>")
        #expect(lead.reviewReasons == ["forwarded by bob.stone@elsewhere.example, but the original went to mike@brennanhomes.example: check who wrote the original"])
    }

    @Test(arguments: ["<info@brennanhomes.example>", "Mike <mike@brennanhomes.example>"])
    func anUnnamedOrFirstNameOnlyRecipientIsStillFlagged(_ to: String) throws {
        let forwarder = to.hasPrefix("Mike") ? "Mike <mbrennan77@gmail.example>" : "Mike Brennan <mbrennan77@gmail.example>"
        let lead = try Self.lead(forwarder: forwarder, originalTo: to)
        #expect(lead.reviewReasons.count == 1)
        #expect(lead.reviewReasons.first?.hasPrefix("forwarded by mbrennan77@gmail.example, but the original went to") == true)
    }
}
