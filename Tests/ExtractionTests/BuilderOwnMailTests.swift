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
