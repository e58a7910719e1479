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

    /// A builder who configured only an intake address at their own domain: their staff's
    /// reply-all copied to it is theirs (found by exploratory testing: the builder became
    /// the lead).
    static let intakeOnly = BuilderIdentity(intakeAddresses: ["leads@hillcountryhomes.example"], intakeDomains: ["intake.example"])

    static let replyAll = """
        From: Travis Whitfield <travis@hillcountryhomes.example>
        To: Marcus Delgado <mdelgado77@gmail.com>
        Cc: leads@hillcountryhomes.example
        Subject: Re: New home in Dripping Springs
        In-Reply-To: <md-1@mail.gmail.com>
        """
    static let replyAllBody = "Hi Marcus,\n\nOur homes run $250-300 per sq ft. My cell is 512-555-0101.\n\nTravis\n\n"
        + "On Mon, Nov 16, 2026 at 8:41 PM Marcus Delgado <mdelgado77@gmail.com> wrote:\n"
        + "> We just closed on 2 acres in Dripping Springs and want a custom home. Budget $650k-750k. 737-555-0123.\n"

    @Test func anIntakeAddressAtTheBuildersDomainMakesItsStaffTheBuilder() throws {
        let lead = try #require(Self.outcome(Self.replyAll, Self.replyAllBody, identity: Self.intakeOnly).lead)
        #expect(lead.email == "mdelgado77@gmail.com")
        #expect(lead.firstName == "Marcus" && lead.lastName == "Delgado")
        #expect(lead.phone == "+17375550123", "his phone from his quoted inquiry, not Travis's cell")
        #expect(lead.budgetLow == 650_000 && lead.budgetHigh == 750_000)
        #expect(lead.reviewReasons.first?.hasPrefix("the builder's own message (from travis@hillcountryhomes.example)") == true)
    }

    @Test func noDomainIsInferredFromAPersonalProviderOrTheGatewaysIntakeDomain() throws {
        for identity in [BuilderIdentity(intakeAddresses: ["hillcountryhomes@gmail.com"]),
                         BuilderIdentity(intakeAddresses: ["leads+hill@intake.example"], intakeDomains: ["intake.example"])] {
            #expect(identity.ownDomainsFromIntake.isEmpty, "\(identity.intakeAddresses)")
            #expect(!identity.isOwn("dana.prospect@gmail.com") && !identity.isOwn("someone@intake.example"))
        }
        // A prospect at gmail.com writing to a builder whose intake address is at gmail.com.
        let lead = try #require(Self.outcome("""
            From: Dana Ellis <dana.k.ellis@gmail.com>
            To: hillcountryhomes@gmail.com
            Subject: Custom home in Kyle
            """, "We want to build a custom home in Kyle. 512-555-0144\n\nDana",
            identity: BuilderIdentity(intakeAddresses: ["hillcountryhomes@gmail.com"])).lead)
        #expect(lead.email == "dana.k.ellis@gmail.com")
        #expect(lead.reviewReasons.isEmpty)
    }

    @Test func ownDomainsFromIntakeAddresses() {
        let identity = BuilderIdentity(
            intakeAddresses: ["Leads@HillCountryHomes.example", "*@brennan-leads.example", "x+hill@intake.example", "hill@icloud.com"],
            intakeDomains: ["intake.example"])
        #expect(identity.ownDomainsFromIntake == ["hillcountryhomes.example", "brennan-leads.example"])
        #expect(identity.isOwn("travis@hillcountryhomes.example") && identity.isOwn("anyone@brennan-leads.example"))
        #expect(!identity.isOwn("travis@hillcountryhomes.example.net") && !identity.isOwn("tim@icloud.com"))
        #expect(!BuilderIdentity().isOwn("travis@hillcountryhomes.example"))
    }

    @Test func aFormSentFromTheBuildersDomainStaysTheFormersLead() throws {
        // A site's form mailer writing as the builder, with the visitor's details as labels.
        let lead = try #require(Self.outcome("""
            From: Hill Country Homes <info@hillcountryhomes.example>
            To: leads@hillcountryhomes.example
            Reply-To: Jane Doe <jane.doe@example.com>
            Subject: New contact form submission
            """, "Name: Jane Doe\nEmail: jane.doe@example.com\nPhone: 512-555-0177\nMessage: We want a custom home in Kyle.\n",
            identity: Self.intakeOnly).lead)
        #expect(lead.email == "jane.doe@example.com")
        #expect(lead.firstName == "Jane" && lead.phone == "+15125550177")
    }
}
