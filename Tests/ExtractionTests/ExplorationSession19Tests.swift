@testable import Extraction
import LeadModel
import MIME
import Testing

/// Responder subjects without a colon or any auto-reply header: ignored. A person's subject
/// with the same words is kept.
@Suite("Responder subjects without headers")
struct ResponderSubjectTests: ExtractsWithRepositorySpecs {
    static func mail(subject: String) -> String {
        """
        From: Jenna Holt <jholt@capitalcityrealty.com>
        To: info@hillcountryhomes.com
        Subject: \(subject)

        Thank you for your message. For urgent matters please call 512-555-0186.
        """
    }

    @Test(arguments: [
        "Out of Office", "out of the office.", "Automatic reply", "[Auto-Reply] Re: Lot 22 walkthrough",
        "Out of Office Re: Lot 22 walkthrough", "Re: Lot 22 walkthrough [Out of Office]",
        "Thank you for your email (auto-response)", "On vacation until Dec 1", "I'm away until Monday, Nov 30",
        "Away from the office until Nov 30", "Currently out of the office until December 2",
    ])
    func isIgnored(subject: String) throws {
        let reason = try Self.ignoredReason(Self.mail(subject: subject))
        #expect(reason?.hasPrefix("auto-reply (subject") == true, "\(subject): \(reason ?? "kept")")
    }

    @Test(arguments: [
        "Home office addition", "Out of state buyer - custom home", "Re: Out of Office: New home",
        "Away from the city: a cabin build", "Vacation home build on Lake Travis", "Vacation",
        "Building before we are away until 2027?", "We will be traveling in March (new build)",
        "New home (asap)", "Custom home [Dripping Springs]",
    ])
    func isKept(subject: String) throws {
        #expect(try Self.extract(Self.mail(subject: subject)).lead != nil, "\(subject)")
    }

    @Test func longSubjectsAreReadPastTheBytePrefilter() {
        // Past 40 bytes only a closing tag or "until" lets a subject be read in full.
        let long = "Re: " + String(repeating: "lot ", count: 12)
        #expect(ResponderSubject.match(long + "[Out of Office]") == "[out of office]")
        #expect(ResponderSubject.match(long + "(auto-response).") == "(auto-response)")
        #expect(ResponderSubject.match("Out of the office until " + long) == "out of the office until")
        #expect(ResponderSubject.match("I am out of the office UNTIL " + long) == "out of the office until")
        #expect(ResponderSubject.match(long + "Out of Office") == nil)
        #expect(ResponderSubject.match(long + "until we close") == nil)
    }
}

/// Originals a forward carries that extraction cannot read are flagged, and never let the
/// lead be ignored for lack of contact details.
@Suite("Unread originals")
struct UnreadOriginalsTests: ExtractsWithRepositorySpecs {
    static func forward(_ attachments: [(type: String, name: String, body: String)]) -> String {
        var raw = """
            From: Travis Whitfield <travis@hillcountryhomes.com>
            To: leads@hillcountryhomes.com
            Subject: FW: Lead
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: text/plain

            See attached.

            """
        for attachment in attachments {
            raw += """
                --b
                Content-Type: \(attachment.type)
                Content-Disposition: attachment; filename="\(attachment.name)"

                \(attachment.body)

                """
        }
        return raw + "--b--\n"
    }

    static let amy = "From: Amy Lin <amy.lin@gmail.com>\nSubject: ADU\n\nWe want an ADU. 512-555-0112"
    static let victor = "From: Victor Salas <vsalas@gmail.com>\nSubject: New home\n\nCustom home, $900k. 512-555-0113"

    @Test func aSecondAttachedMessageIsFlagged() throws {
        let lead = try Self.lead(Self.forward([("message/rfc822", "ADU.eml", Self.amy), ("message/rfc822", "New home.eml", Self.victor)]))
        #expect(lead.email == "amy.lin@gmail.com")
        #expect(lead.reviewReasons.contains("2 original messages are attached; the lead was read from the first: check the others"))
    }

    @Test func oneAttachedMessageIsNotFlagged() throws {
        let lead = try Self.lead(Self.forward([("message/rfc822", "ADU.eml", Self.amy)]))
        #expect(lead.email == "amy.lin@gmail.com")
        #expect(!lead.reviewReasons.contains { $0.contains("attached") })
    }

    @Test func anOutlookFileKeepsTheLeadForReview() throws {
        let raw = Self.forward([("application/vnd.ms-outlook", "Custom home.msg", "0M8R4KGxGuEAAAAAAAAAAAAAAAAAAAAAPgADAP7/CQAG")])
        let identity = BuilderIdentity(mailboxes: ["travis@hillcountryhomes.com"], intakeAddresses: ["leads@hillcountryhomes.com"])
        let outcome = LeadExtractor(specs: try SpecTestSupport.repositorySpecs()).extract(from: Self.message(raw), builder: identity)
        let lead = try #require(outcome.lead, "\(outcome)")
        #expect(lead.reviewReasons.contains { $0.hasPrefix("an Outlook message file is attached (custom home.msg)") })
    }

    @Test func aPDFIsNoUnreadOriginal() throws {
        let raw = Self.forward([("application/pdf", "plans.pdf", "JVBERi0=")])
        let identity = BuilderIdentity(mailboxes: ["travis@hillcountryhomes.com"], intakeAddresses: ["leads@hillcountryhomes.com"])
        let outcome = LeadExtractor(specs: try SpecTestSupport.repositorySpecs()).extract(from: Self.message(raw), builder: identity)
        #expect(outcome.lead == nil)
    }
}

/// A spec's subject-only `ignore` rule against its own lead template: a lead whose subject
/// holds the rule's word is kept, flagged; a notice without the lead's contact is ignored.
@Suite("Subject-only ignore rules")
struct SubjectIgnoreRuleTests: ExtractsWithRepositorySpecs {
    static func angi(subject: String, rows: String) -> String {
        """
        From: Angi <noreply@angi.com>
        To: office@hillcountryhomes.example
        Subject: \(subject)
        Content-Type: text/plain

        You have a new Exact Match lead!
        Customer Information
        \(rows)
        """
    }

    @Test func aLeadWhoseTaskNamesAReviewIsKept() throws {
        let lead = try Self.lead(Self.angi(subject: "New Exact Match lead: Plan Review",
                                           rows: "Name: Robert Tanaka\nPrimary Phone: (512) 555-0190\nEmail: rtanaka@example.org"))
        #expect(lead.source == "angi" && lead.phone == "+15125550190")
        #expect(lead.reviewReasons.contains { $0.contains("ignore rule (Angi review request)") })
    }

    @Test func aNoticeWithoutTheLeadsContactIsIgnored() throws {
        #expect(try Self.ignoredReason(Self.angi(subject: "Please review your recent pro", rows: "Name: Robert T.")) == "Angi review request")
    }
}

/// A direct inquiry with no sender address (an Outlook forward's "From: Rachel Nguyen") takes
/// the address the prospect wrote in the text; never the builder's own, never from noise.
@Suite("Email address in a direct inquiry's text")
struct InquiryTextEmailTests: ExtractsWithRepositorySpecs {
    static func forward(_ text: String) -> String {
        """
        From: Travis Whitfield <travis@hillcountryhomes.com>
        To: leads@hillcountryhomes.com
        Subject: FW: New home

        Can you call her?

        From: Rachel Nguyen
        Sent: Monday, November 16, 2026 8:41 PM
        To: Info
        Subject: New home

        \(text)
        """
    }

    @Test func theProspectsTypedAddressIsTheEmail() throws {
        let lead = try Self.lead(Self.forward("Hi, we'd like to build in Hutto. Call 512-555-0126 or email rachel.nguyen88@gmail.com.\nRachel"))
        #expect(lead.email == "rachel.nguyen88@gmail.com")
        #expect(lead.fields["email"]?.rule == "email address in text")
    }

    @Test func theBuildersOwnAddressIsNotTheProspects() throws {
        let lead = try Self.lead(Self.forward("I found travis@hillcountryhomes.com on your site. Call 512-555-0126.\nRachel"))
        #expect(lead.email == nil)
        #expect(lead.phone == "+15125550126")
    }

    @Test func aNoReplyAddressIsNotTheProspects() throws {
        let lead = try Self.lead(Self.forward("Your form sent me a copy from no-reply@wix.com. Call 512-555-0126.\nRachel"))
        #expect(lead.email == nil)
    }
}
