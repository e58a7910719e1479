import Foundation
import Extraction
import LeadModel
import MIME
import Testing

/// Round 3 of exploratory testing: a group's rewritten From became the lead's email; a
/// person's mail through a groups.io list lost its sender; the builder's notes of a call
/// gave the builder's own signature phone and office address.
@Suite("List posts and the builder's call notes")
struct ListPostAndCallNoteTests {
    static func lead(_ raw: String, identity: BuilderIdentity = BuilderIdentity()) throws -> ExtractedLead {
        let message = MIMEMessage.parse(Array(raw.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        return try #require(BuilderOwnMailTests.extractor.extract(from: message, builder: identity).lead)
    }

    @Test func aGroupsRewrittenSenderIsNotTheLeadsEmail() throws {
        let lead = try Self.lead("""
            From: "'Tom Baker' via Hill Country Builders Network" <hcbn@googlegroups.example>
            To: Hill Country Builders Network <hcbn@googlegroups.example>
            X-Original-Sender: tom@bakerbuilt.example
            Subject: Custom home
            Content-Type: text/plain

            We want a custom home in Dripping Springs. Call me at 512-555-0191.

            Tom Baker

            """)
        #expect(lead.email == "tom@bakerbuilt.example")
        #expect(lead.firstName == "Tom" && lead.lastName == "Baker")
        #expect(lead.reviewReasons.contains { $0.hasPrefix("posted through the group hcbn@googlegroups.example") })
    }

    @Test func aPersonsMailThroughAListKeepsItsSender() throws {
        let lead = try Self.lead("""
            From: Dana Whitfield <dana.whitfield@gmail.com>
            To: sales@hillcountryhomes.example
            List-Id: Sales <sales.hillcountryhomes.groups.io>
            List-Unsubscribe: <mailto:sales+unsubscribe@groups.io>
            Subject: Custom home
            Content-Type: text/plain

            We own a lot in Dripping Springs and want a custom home. Call me at (512) 555-0187.

            """)
        #expect(lead.source == "direct_inquiry")
        #expect(lead.email == "dana.whitfield@gmail.com")
        #expect(lead.reviewReasons.contains { $0.hasPrefix("came through a mailing list") })
    }

    @Test(arguments: ["--\n", "-- \n", ""])
    func callNotesGiveTheCallersDetailsNotTheSignatures(_ separator: String) throws {
        let lead = try Self.lead("""
            From: Mike Brennan <mike@brennanhomes.example>
            To: leads@brennanhomes-intake.example
            Subject: New lead - phone call
            Content-Type: text/plain

            Please log: Sarah Whitfield called the office today. They have a lot in Buda
            and want a 2,800 sq ft home, budget around $600k.
            Email swhitfield@example.com, no phone given.

            \(separator)Mike Brennan | Brennan Homes
            1200 Industrial Blvd, Austin, TX 78745
            O: 512-555-0100  C: 512-555-0199

            """, identity: BuilderOwnMailTests.identity)
        #expect(lead.email == "swhitfield@example.com")
        #expect([lead.firstName, lead.lastName] == ["Sarah", "Whitfield"])
        #expect(lead.phone == nil, "the office line is the builder's")
        #expect(lead.address == PostalAddress(city: "Buda"), "the caller's lot; the office address is the builder's")
        #expect(lead.budgetLow == 600_000)
    }

    /// The caller named after a label or before "called"; a firm that called, or a label
    /// whose value is no name, gives none (the signature is the builder's).
    @Test(arguments: [
        ("Got this voicemail transcribed, can you add as a lead?\n\nCaller: Angela Price, 512-555-0162. Wants to build on 2 acres in Bastrop.", ["Angela", "Price"] as [String?]),
        ("Angela Price called, 512-555-0162. Wants to build on 2 acres in Bastrop.", ["Angela", "Price"]),
        ("Name: Angela Price - 512-555-0162\nWants to build on 2 acres in Bastrop.", ["Angela", "Price"]),
        ("Hill Country Realty called about a lot in Bastrop, 512-555-0162.", [nil, nil]),
        ("Talked to the client today about a lot in Bastrop, 512-555-0162.\nClient: happy with the bid", [nil, nil]),
    ])
    func callersName(_ note: String, _ expected: [String?]) throws {
        let lead = try Self.lead("""
            From: Mike Brennan <mike@brennanhomes.example>
            To: leads@brennanhomes-intake.example
            Subject: Call
            Content-Type: text/plain

            \(note)

            Mike

            """, identity: BuilderOwnMailTests.identity)
        #expect([lead.firstName, lead.lastName] == expected)
        #expect(lead.phone == "+15125550162")
    }
}
