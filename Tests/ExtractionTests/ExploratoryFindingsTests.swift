@testable import Extraction
import Foundation
import LeadModel
import MIME
import Testing

// Smaller findings of exploratory testing (session 15), each a suite of its own.

/// The UTC year of a message's Date header, which keeps a past year out of the timeline.
@Suite("The year a message was written")
struct MessageYearTests {
    @Test(arguments: [
        ("2026-11-21T20:00:00Z", 2026), ("2024-12-31T23:59:59Z", 2024), ("2025-01-01T00:00:00Z", 2025),
        ("1970-01-01T00:00:00Z", 1970), ("2000-02-29T12:00:00Z", 2000), ("2100-03-01T00:00:00Z", 2100),
    ])
    func utcYear(_ iso: String, _ year: Int) throws {
        let date = try #require(ISO8601DateFormatter().date(from: iso))
        #expect(LeadExtractor.utcYear(of: date) == year)
    }
}

/// One portal sending from several hosts is one ad-hoc source: its spec suggestion counts
/// every lead (found on a running gateway: notify.buildmatch.example and buildmatch.example
/// were counted apart).
@Suite("Ad-hoc source detail")
struct AdHocSourceDetailTests {
    @Test(arguments: [
        ("notify.buildmatch.example", "buildmatch.example"), ("buildmatch.example", "buildmatch.example"),
        ("mail.leads.portal.com", "portal.com"), ("leads.portal.co.uk", "portal.co.uk"), ("portal.co.uk", "portal.co.uk"),
        ("localhost", "localhost"), ("a..b.example", "a..b.example"),
    ])
    func organizationalDomain(_ domain: String, _ expected: String) {
        #expect(LeadExtractor.organizationalDomain(domain) == expected)
    }
}

/// A realtor or an architect writing for a client: the lead mixed the writer's name and email
/// with the client's phone, unflagged (round 2 of exploratory testing). Now a person looks.
@Suite("Written for someone else")
struct WrittenForSomeoneElseTests {
    @Test func aRealtorsInquiryForClientsIsFlagged() throws {
        let raw = "From: Stephanie Vaughn <stephanie@vaughnrealty.example>\r\nTo: office@builder.example\r\n"
            + "Subject: Clients looking to build\r\nContent-Type: text/plain\r\n\r\n"
            + "Hi Mike, my clients Jose and Ana Nunez want a custom home in Kyle. Jose's cell is 512-555-0127.\r\n"
        let lead = try #require(BuilderOwnMailTests.extractor.extract(from: MIMEMessage.parse(Array(raw.utf8))).lead)
        #expect(lead.needsReview)
        #expect(lead.reviewReasons.contains { $0.hasPrefix("written for someone else (\"my client\")") })
    }

    @Test func aHomeownersOwnInquiryIsNot() {
        #expect(LeadExtractor.writesForSomeoneElse("We want a custom home in Kyle. Call me at 512-555-0127.") == nil)
        #expect(LeadExtractor.writesForSomeoneElse("I am writing ON BEHALF OF my parents") == "on behalf of")
    }
}

/// `<meta name="lead_type" content="Buyer">` (a real-estate sender's kind of lead) is no
/// project type (exploratory testing saw project_type "buyer" override a spec's value).
@Suite("lead_type meta tag")
struct LeadTypeMetaTagTests {
    static func lead(_ leadType: String) throws -> ExtractedLead {
        let raw = "From: NewHomeSource <leads@newhomesource.example>\r\nTo: office@builder.example\r\nSubject: New lead\r\n"
            + "Content-Type: text/html\r\n\r\n<html><head><meta name=\"lead_email\" content=\"ana@example.org\">"
            + "<meta name=\"lead_type\" content=\"\(leadType)\"></head><body>New lead</body></html>\r\n"
        return try #require(BuilderOwnMailTests.extractor.extract(from: MIMEMessage.parse(Array(raw.utf8))).lead)
    }

    @Test func aBuyerIsNoProjectType() throws {
        #expect(try Self.lead("Buyer").projectType == nil)
    }

    @Test func aProjectTypeIsOne() throws {
        #expect(try Self.lead("Custom Home").projectType == "custom_home")
    }
}

/// Round 2 of exploratory testing (hostile input): a third party's fake forward named a
/// stranger as the original's sender, unflagged; names kept bidi overrides and BOMs.
@Suite("Forwarders and invisible characters")
struct ForwarderAndFormatCharacterTests {
    @Test func aForwardFromOutsideTheBuildersMailboxesIsFlagged() throws {
        let raw = "From: Bob Stone <bob.stone@elsewhere.example>\r\nTo: leads+brennan@intake.example\r\n"
            + "Subject: Fwd: New home\r\nContent-Type: text/plain\r\n\r\n"
            + "---------- Forwarded message ---------\r\nFrom: Victim Person <victim@example.org>\r\n"
            + "Date: Mon, Nov 16, 2026 at 9:00 AM\r\nSubject: New home\r\nTo: <mike@brennanhomes.example>\r\n\r\n"
            + "We want a custom home. 512-555-0111.\r\n"
        let message = MIMEMessage.parse(Array(raw.utf8))
        let flagged = try #require(BuilderOwnMailTests.extractor.extract(from: message, builder: BuilderOwnMailTests.identity).lead)
        #expect(flagged.reviewReasons.contains { $0.hasPrefix("forwarded by bob.stone@elsewhere.example, not one of the builder's own addresses") })
        // The builder's own forward is not flagged so.
        let own = MIMEMessage.parse(Array(raw.replacingOccurrences(of: "bob.stone@elsewhere.example", with: "mike@brennanhomes.example").utf8))
        #expect(try #require(BuilderOwnMailTests.extractor.extract(from: own, builder: BuilderOwnMailTests.identity).lead).reviewReasons.isEmpty)
        // Without the builder's mailboxes known: the original went to someone else's domain.
        #expect(try #require(BuilderOwnMailTests.extractor.extract(from: message).lead).reviewReasons
            == ["forwarded by bob.stone@elsewhere.example, but the original went to mike@brennanhomes.example: check who wrote the original"])
        #expect(try #require(BuilderOwnMailTests.extractor.extract(from: own).lead).reviewReasons.isEmpty,
                "a forward of mail sent to the forwarder's own domain is not flagged")
    }

    @Test func invisibleFormatCharactersLeaveNames() {
        var builder = LeadBuilder(lead: ExtractedLead(source: "direct_inquiry", isForwarded: false), relayDomains: [])
        builder.set(.name, raw: "\u{FEFF}Luis \u{202E}Whitley\u{200B}", hint: .name, provenance: FieldProvenance(rule: "sender display name"))
        #expect(builder.lead.firstName == "Luis" && builder.lead.lastName == "Whitley")
    }
}

/// Apple Mail and Thunderbird put the forwarder's signature below the forwarded text; its
/// phone was taken for the prospect's (exploratory testing, d05 and d18).
@Suite("The forwarder's signature below a forward")
struct ForwardersSignatureTests {
    static let forward = "From: Mike Brennan <mike@brennanhomes.example>\r\nTo: leads+brennan@intake.example\r\n"
        + "Subject: Fwd: ADU in backyard\r\nContent-Type: text/plain\r\n\r\n\r\nBegin forwarded message:\r\n\r\n"
        + "From: MARY-ANNE MCDONALD <mamcdonald57@example.com>\r\nSubject: ADU in backyard\r\n"
        + "Date: May 13, 2026 at 9:14:22 PM CDT\r\nTo: mike@brennanhomes.example\r\n\r\n"
        + "Hello,\r\nWe want an ADU behind our house. Email is best.\r\nThank You\r\nmary-anne\r\n\r\n\r\n"
        + "Mike Brennan\r\nBrennan Homes\r\n512-555-0100\r\n"

    @Test func isNotReadForTheProspect() throws {
        let lead = try #require(BuilderOwnMailTests.extractor.extract(from: MIMEMessage.parse(Array(Self.forward.utf8))).lead)
        #expect(lead.email == "mamcdonald57@example.com")
        #expect(lead.phone == nil, "Mike's number is not hers")
        #expect(lead.message?.hasSuffix("mary-anne") == true)
    }

    @Test func aNameThatIsNotTheForwardersStays() {
        let body = "We want an ADU.\nMary-Anne McDonald\n512-555-0177"
        #expect(Inquiry.withoutForwardersSignature(body, forwarder: Mailbox(name: "Mike Brennan", address: "mike@x.example"),
                                                   writer: Mailbox(name: "Mary-Anne McDonald", address: "m@example.com")) == body)
        // A one-word forwarder name could be anyone's word: not cut.
        #expect(Inquiry.withoutForwardersSignature("Hi\nMike\n512", forwarder: Mailbox(name: "Mike", address: "mike@x.example"),
                                                   writer: nil) == "Hi\nMike\n512")
    }
}
