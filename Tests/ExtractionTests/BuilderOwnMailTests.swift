@testable import Extraction
import Foundation
import LeadModel
import MIME
import Testing

/// With the builder's own mailboxes known, mail the builder wrote is recorded for the person
/// it went to, never for the builder (issue 5: "the builder is never mistaken for the
/// prospect"); found by exploratory testing (a reply-all, an outgoing mail copied to the
/// intake address).
@Suite("The builder's own mail")
struct BuilderOwnMailTests {
    static let extractor = LeadExtractor(specs: SpecSet(specs: []))
    static let identity = BuilderIdentity(
        mailboxes: ["@brennanhomes.example"], intakeAddresses: ["leads@brennanhomes-intake.example"], intakeDomains: ["intake.example"])

    static func outcome(_ headers: String, _ body: String, identity: BuilderIdentity = Self.identity) -> ExtractionOutcome {
        let raw = headers.replacingOccurrences(of: "\n", with: "\r\n") + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body
        return extractor.extract(from: MIMEMessage.parse(Array(raw.utf8)), builder: identity)
    }

    static let signature = "\n\nMike Brennan\nBrennan Homes\n1200 Commerce Dr, Austin, TX 78701\n(512) 555-0100\n"

    @Test func aReplyAllIsRecordedForTheProspectNotTheBuilder() throws {
        let outcome = Self.outcome("""
            From: Mike Brennan <mike@brennanhomes.example>
            To: Tanya Webb <tanya.webb@example.com>
            Cc: leads+brennan@intake.example
            Subject: Re: Custom home in Travis Heights
            In-Reply-To: <tanya-1@example.com>
            """, "Hi Tanya, thanks for reaching out. Let's meet Thursday." + Self.signature
                + "\nOn Mon, Jun 1, 2026, Tanya Webb <tanya.webb@example.com> wrote:\n> We want a custom home. Call me at 512-555-0187.\n")
        let lead = try #require(outcome.lead)
        #expect(lead.email == "tanya.webb@example.com")
        #expect(lead.firstName == "Tanya" && lead.lastName == "Webb")
        #expect(lead.phone == "+15125550187", "her phone, from her quoted inquiry, not the builder's signature")
        #expect(lead.address == nil, "not his office address")
        #expect(lead.projectType == "custom_home")
        #expect(lead.needsReview)
        #expect(lead.reviewReasons.first?.hasPrefix("the builder's own message (from mike@brennanhomes.example) to tanya.webb@example.com") == true)
    }

    @Test func anOutgoingMailCopiedToTheIntakeAddressIsForItsRecipient() throws {
        // (Bcc: the intake address is not in the headers at all.)
        let lead = try #require(Self.outcome("""
            From: Mike Brennan <MIKE@BrennanHomes.example>
            To: Jessica Moreno <jmoreno.atx@example.com>
            Subject: Great meeting you at the home show
            """, "Jessica, here is our brochure." + Self.signature).lead)
        #expect(lead.email == "jmoreno.atx@example.com")
        #expect(lead.phone == nil)
    }

    @Test func notesMailedToTheIntakeAddressOnlyAreReadForTheirDetails() throws {
        let lead = try #require(Self.outcome("""
            From: Mike Brennan <mike@brennanhomes.example>
            To: leads+brennan@intake.example
            Subject: New lead from a phone call
            """, "Phone call this morning:\nName: Steve Park\nPhone: 512-555-0172\nEmail: steve.park@example.org\n" + Self.signature).lead)
        #expect(lead.email == "steve.park@example.org")
        #expect(lead.phone == "+15125550172")
        #expect(lead.source == "direct_inquiry")
        #expect(lead.needsReview)
    }

    @Test func withoutTheBuildersMailboxesTheSenderIsStillTheProspect() throws {
        // What the gateway did before, and still does for a builder without --mailbox.
        let lead = try #require(Self.outcome("""
            From: Mike Brennan <mike@brennanhomes.example>
            To: Jessica Moreno <jmoreno.atx@example.com>
            Subject: Hello
            """, "Jessica, here is our brochure.", identity: BuilderIdentity()).lead)
        #expect(lead.email == "mike@brennanhomes.example")
    }

    @Test func noAddressOfTheBuildersIsAProspectsEmail() {
        // A form whose Reply-To is the builder's own mailbox, a notice naming their intake
        // address: whichever rule reads one, the chain goes on.
        var builder = LeadBuilder(lead: ExtractedLead(source: "website_form", isForwarded: false), relayDomains: [])
        builder.builderAddresses = BuilderMailboxes([], except: "", identity: Self.identity)
        for address in ["office@brennanhomes.example", "leads+brennan@intake.example", "leads@brennanhomes-intake.example"] {
            let took = builder.set(.email, raw: address, hint: .email, provenance: FieldProvenance(rule: "header Reply-To"))
            #expect(!took, "\(address)")
        }
        let took = builder.set(.email, raw: "dana.ruiz@example.org", hint: .email, provenance: FieldProvenance(rule: "label Email"))
        #expect(took && builder.lead.email == "dana.ruiz@example.org")
    }

    @Test func identityMatchesMailboxesAndIntakeAddresses() {
        let identity = Self.identity
        #expect(identity.isOwn("Mike@BrennanHomes.example") && identity.isOwn("office@brennanhomes.example"))
        #expect(!identity.isOwn("mike@brennanhomes.example.net") && !identity.isOwn("dana@example.org"))
        #expect(identity.isIntake("leads+brennan@intake.example") && identity.isIntake("LEADS@brennanhomes-intake.example"))
        #expect(!identity.isIntake("dana@example.org"))
        let exact = BuilderIdentity(mailboxes: ["mike@brennanhomes.example"], intakeAddresses: ["*@leads.brennan.example"])
        #expect(exact.isOwn("mike@brennanhomes.example") && !exact.isOwn("office@brennanhomes.example"))
        #expect(exact.isIntake("anything@leads.brennan.example"))
        #expect(BuilderIdentity.isMailbox("@brennanhomes.example") && BuilderIdentity.isMailbox("mike@brennanhomes.example"))
        #expect(!BuilderIdentity.isMailbox("brennanhomes.example") && !BuilderIdentity.isMailbox("@localhost")
                && !BuilderIdentity.isMailbox("a b@x.example") && !BuilderIdentity.isMailbox("a@b@x.example"))
        for odd in ["<greg@x.example>", "greg@x.example>", "mailto:greg@x.example", "*@x.example", "\"greg\"@x.example"] {
            #expect(!BuilderIdentity.isMailbox(odd), "\(odd)")
        }
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
        // The builder's own forward is not flagged so; nor is any forward without mailboxes known.
        let own = MIMEMessage.parse(Array(raw.replacingOccurrences(of: "bob.stone@elsewhere.example", with: "mike@brennanhomes.example").utf8))
        #expect(try #require(BuilderOwnMailTests.extractor.extract(from: own, builder: BuilderOwnMailTests.identity).lead).reviewReasons.isEmpty)
        #expect(try #require(BuilderOwnMailTests.extractor.extract(from: message).lead).reviewReasons.isEmpty)
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
