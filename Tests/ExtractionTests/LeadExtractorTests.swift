import Extraction
import Foundation
import LeadModel
import MIME
import Testing

@Suite("Lead extractor")
struct LeadExtractorTests {
    static let houzzYAML = """
        source: houzz
        name: Houzz lead notification
        version: "2026-11"
        detect:
          sender_domains: [houzz.com]
          subjects: ['(?i)new lead']
        ignore:
          - subject: '(?i)newsletter'
            reason: Houzz newsletter
        fields:
          source_lead_id:
            - pattern: 'Lead ID:\\s*(?<value>\\d{6,})'
          name:
            - label: Name
          email:
            - label: Email
          phone:
            - label: Phone
          message:
            - label: Message
              multiline: true
        """

    static let zillowYAML = """
        source: zillow
        name: Zillow contact
        version: "1"
        detect:
          sender_addresses: [no-reply@zillow.com]
        relays:
          email_domains: [convo.zillow.com]
        fields:
          name:
            - header: Reply-To-name
          email:
            - header: Reply-To
          phone:
            - label: Phone
        """

    private func extractor(_ yamls: [(String, String)]) throws -> LeadExtractor {
        LeadExtractor(specs: SpecSet(specs: try yamls.map { try SpecSet.parse(yaml: $0.1, name: $0.0) }))
    }

    private static let houzzBody = """
        You have a new lead on Houzz.

        Name: Jane Doe
        Email: jane.doe@example.org
        Phone: (512) 555-0143
        Message: We want a custom home
        on our lot in Bee Cave.

        Lead ID: 4488123
        Questions? Call Houzz support at 1-800-555-0199.
        """

    @Test func specRulesFillTheLeadWithProvenance() throws {
        let message = MIMEMessage(subject: "New lead from Jane", from: [Mailbox(name: "Houzz", address: "noreply@houzz.com")],
                                  text: Self.houzzBody)
        let lead = try #require(try extractor([("houzz", Self.houzzYAML)]).extract(from: message).lead)
        #expect(lead.source == "houzz")
        #expect(lead.sourceDetail == "houzz")
        #expect(lead.sourceLeadId == "4488123")
        #expect(lead.firstName == "Jane")
        #expect(lead.lastName == "Doe")
        #expect(lead.email == "jane.doe@example.org")
        #expect(lead.phone == "+15125550143")
        #expect(lead.message == "We want a custom home\non our lot in Bee Cave.")
        #expect(lead.fields["phone"] == FieldProvenance(spec: "houzz", rule: "label 'Phone'", location: "body line 5"))
        #expect(lead.fields["source_lead_id"]?.rule == "pattern 'Lead ID:\\s*(?<value>\\d{6,})'")
        #expect(lead.contactChannels == [ContactChannel(kind: .email, value: "jane.doe@example.org"),
                                         ContactChannel(kind: .phone, value: "+15125550143")])
        #expect(!lead.isForwarded)
    }

    @Test func forwardedMarketplaceEmailIsTheMarketplacesLeadWithTheOriginalsProspect() throws {
        let raw = """
            From: Sam Ortiz <sam@builder.example>\r
            To: leads@intake.example\r
            Subject: Fwd: New lead from Jane\r
            Content-Type: text/plain\r
            \r
            Please call her back. My cell is 512-555-0100.\r
            \r
            ---------- Forwarded message ---------\r
            From: Houzz <noreply@houzz.com>\r
            Date: Mon, May 11, 2026 at 9:14 AM\r
            Subject: New lead from Jane\r
            To: <sam@builder.example>\r
            \r
            \(Self.houzzBody.replacingOccurrences(of: "\n", with: "\r\n"))\r

            """
        let outcome = try extractor([("houzz", Self.houzzYAML)]).extract(from: MIMEMessage.parse(Array(raw.utf8)))
        let lead = try #require(outcome.lead)
        #expect(lead.source == "houzz")
        #expect(lead.isForwarded)
        #expect(lead.firstName == "Jane")
        #expect(lead.email == "jane.doe@example.org")
        #expect(lead.phone == "+15125550143", "never the forwarder's cell")
        #expect(lead.subject == "New lead from Jane")
        #expect(lead.fields["phone"]?.location == "forwarded original body line 5")
    }

    @Test func metaTagsBeatSpecRules() throws {
        let html = """
            <html><head><meta name="lead_information_version" content="1.0">
            <meta name="lead_email" content="Real.Person@Example.ORG">
            <meta name="lead_name" content="Real Person"></head>
            <body><p>Name: Jane Doe</p><p>Email: jane.doe@example.org</p><p>Phone: (512) 555-0143</p></body></html>
            """
        let message = MIMEMessage(subject: "New lead", from: [Mailbox(name: "Houzz", address: "noreply@houzz.com")],
                                  text: "Name: Jane Doe\nEmail: jane.doe@example.org\nPhone: (512) 555-0143", html: html)
        let lead = try #require(try extractor([("houzz", Self.houzzYAML)]).extract(from: message).lead)
        #expect(lead.email?.lowercased() == "real.person@example.org")
        #expect(lead.firstName == "Real")
        #expect(lead.fields["email"] == FieldProvenance(rule: "meta lead_email", location: "HTML meta tag"))
        #expect(lead.fields["first_name"]?.rule == "meta lead_name")
        #expect(lead.phone == "+15125550143", "the spec still fills what the tags leave empty")
        #expect(lead.fields["phone"]?.spec == "houzz")
    }

    @Test func relayDomainGivesARelayChannelNotAnEmail() throws {
        let message = MIMEMessage(
            subject: "Jane is asking about a home", from: [Mailbox(name: "Zillow", address: "no-reply@zillow.com")],
            replyTo: [Mailbox(name: "Jane Doe", address: "7f3a9c@convo.zillow.com")], text: "Phone: 512-555-0143")
        let lead = try #require(try extractor([("zillow", Self.zillowYAML)]).extract(from: message).lead)
        #expect(lead.email == nil)
        #expect(lead.fields["email"] == nil)
        #expect(lead.firstName == "Jane")
        #expect(lead.contactChannels.contains(ContactChannel(kind: .email, value: "7f3a9c@convo.zillow.com", isRelay: true)))
        #expect(lead.contactChannels.contains(ContactChannel(kind: .phone, value: "+15125550143")))
    }

    @Test func relayAddressAsTheSenderOfAPlainReplyIsNeverTheEmail() throws {
        let message = MIMEMessage(subject: "Hello", from: [Mailbox(name: "Jane Doe", address: "7f3a9c@convo.zillow.com")],
                                  text: "Is the lot still available?")
        let lead = try #require(try extractor([("zillow", Self.zillowYAML)]).extract(from: message).lead)
        #expect(lead.source == "direct_inquiry")
        #expect(lead.email == nil)
        #expect(lead.contactChannels == [ContactChannel(kind: .email, value: "7f3a9c@convo.zillow.com", isRelay: true)])
    }

    @Test func proxiedPhonesAreRelayChannels() throws {
        let yaml = Self.zillowYAML.replacingOccurrences(of: "  email_domains: [convo.zillow.com]",
                                                         with: "  email_domains: [convo.zillow.com]\n  phones_are_proxied: true")
        let message = MIMEMessage(subject: "Lead", from: [Mailbox(name: "Zillow", address: "no-reply@zillow.com")],
                                  text: "Phone: 512-555-0143")
        let lead = try #require(try extractor([("zillow", yaml)]).extract(from: message).lead)
        #expect(lead.phone == nil)
        #expect(lead.contactChannels == [ContactChannel(kind: .phone, value: "+15125550143", isRelay: true)])
    }

    @Test func ignoreRulesIgnore() throws {
        let message = MIMEMessage(subject: "New lead tips: the Houzz newsletter", from: [Mailbox(name: "Houzz", address: "noreply@houzz.com")],
                                  text: "Tips")
        #expect(try extractor([("houzz", Self.houzzYAML)]).extract(from: message) == .ignored(reason: "Houzz newsletter"))
    }

    @Test func marketplaceLeadWithoutContactDetailsNeedsReview() throws {
        let message = MIMEMessage(subject: "New lead", from: [Mailbox(name: "Houzz", address: "noreply@houzz.com")],
                                  text: "A homeowner near you\nLead ID: 9912345")
        let lead = try #require(try extractor([("houzz", Self.houzzYAML)]).extract(from: message).lead)
        #expect(lead.needsReview)
        #expect(lead.reviewReasons == ["no contact details: the houzz notification gives no email address or phone number"])
        #expect(lead.sourceLeadId == "9912345")
        #expect(lead.contactChannels.isEmpty)
    }

    @Test func unknownAutomatedSenderIsOtherForReview() throws {
        let message = MIMEMessage(
            subject: "You have a new request", from: [Mailbox(name: "BuildLeads", address: "notifications@buildleads.example")],
            text: "A homeowner wants a quote.\nContact: pat.lee@example.com\n(512) 555-0187")
        let lead = try #require(LeadExtractor(specs: .empty).extract(from: message).lead)
        #expect(lead.source == "other")
        #expect(lead.sourceDetail == "buildleads.example")
        #expect(lead.needsReview)
        #expect(lead.reviewReasons == ["unknown source: an automated sender (buildleads.example) that no spec in parsers/ matches"])
        #expect(lead.email == "pat.lee@example.com")
        #expect(lead.fields["email"] == FieldProvenance(rule: "email address in text", location: "body line 2"))
    }

    @Test func anUnknownMetaTagSourceIsOtherForReview() throws {
        let html = """
            <html><head><meta name="lead_source" content="FiveStreet"><meta name="lead_email" content="sam.ortiz@example.com">
            </head><body><p>New inquiry</p></body></html>
            """
        let message = MIMEMessage(subject: "New inquiry", from: [Mailbox(name: "FiveStreet", address: "leads@fivestreet.example")],
                                  html: html)
        let lead = try #require(LeadExtractor(specs: .empty).extract(from: message).lead)
        #expect(lead.source == "other")
        #expect(lead.sourceDetail == "FiveStreet")
        #expect(lead.email == "sam.ortiz@example.com")
        #expect(lead.reviewReasons == [#"unknown source "FiveStreet" in the lead_source meta tag"#])
    }

    /// One reason is recorded once, however often it is flagged; `needs_review` follows.
    @Test func flaggingForReviewRecordsEachReasonOnce() {
        var lead = ExtractedLead()
        #expect(!lead.needsReview && lead.reviewReasons.isEmpty)
        lead.flagForReview("a")
        lead.flagForReview("b")
        lead.flagForReview("a")
        #expect(lead.needsReview)
        #expect(lead.reviewReasons == ["a", "b"])
    }

    @Test func unknownAutomatedSenderWithoutContactIsIgnored() throws {
        let message = MIMEMessage(subject: "Your weekly summary", from: [Mailbox(name: "X", address: "noreply@x.example")],
                                  text: "3 new views")
        #expect(LeadExtractor(specs: .empty).extract(from: message).ignoredReason?.hasPrefix("no contact details") == true)
    }

    @Test func aPersonsOwnMessageIsADirectInquiry() throws {
        let message = MIMEMessage(subject: "Building a home", from: [Mailbox(name: "Lee Wong", address: "lee@example.com")],
                                  text: "Hi, we'd like to talk about a custom home. 737-555-0188")
        let lead = try #require(LeadExtractor(specs: .empty).extract(from: message).lead)
        #expect(lead.source == "direct_inquiry")
        #expect(lead.firstName == "Lee")
        #expect(lead.email == "lee@example.com")
        #expect(lead.phone == "+17375550188")
        #expect(!lead.needsReview)
        #expect(lead.reviewReasons.isEmpty)
    }
}
