@testable import Extraction
import LeadModel
import MIME
import Testing

/// What exploratory testing (session 15) found wrong in telling leads from other mail:
/// real leads ignored, non-leads kept, the wrong person taken as the prospect. Each case
/// is a trimmed copy of an email a builder could receive.
@Suite("Not-a-lead exploration cases")
struct NotALeadExplorationTests: ExtractsWithRepositorySpecs {
    static let houzzLead = """
        You have a new lead!

        Marcus Delgado is interested in working with you.

        Project details
        Project Type: New Home Construction
        Budget: $600,000 - $800,000

        Contact details
        Name: Marcus Delgado
        Email: mdelgado77@example.com
        Phone: (512) 555-0161

        Message:
        We own 3 acres outside Dripping Springs and want a single story home.

        Lead ID: 48219904
        """

    // MARK: - Auto-Submitted

    @Test(arguments: ["auto-generated", "auto-forwarded", "auto-notified"])
    func autoSubmittedOtherThanAutoRepliedDoesNotIgnoreALead(_ value: String) throws {
        let lead = try Self.lead("""
            From: Houzz <noreply@houzz.com>
            To: office@builder.example
            Subject: New lead from Marcus Delgado
            Auto-Submitted: \(value)
            Content-Type: text/plain; charset=UTF-8

            \(Self.houzzLead)
            """)
        #expect(lead.source == "houzz")
        #expect(lead.email == "mdelgado77@example.com")
    }

    @Test func aBuildersForwardingRuleMarksTheForwardAutoForwarded() throws {
        let lead = try Self.lead("""
            From: Greg Hollis <greg@builder.example>
            To: leads@intake.builder.example
            Subject: FW: New lead from Marcus Delgado
            Auto-Submitted: auto-forwarded
            X-MS-Exchange-Generated-Message-Source: Mailbox Rules Agent
            Content-Type: text/plain; charset=us-ascii

            ________________________________________
            From: Houzz <noreply@houzz.com>
            Sent: Thursday, October 15, 2026 9:22 AM
            To: Greg Hollis
            Subject: New lead from Marcus Delgado

            \(Self.houzzLead)
            """)
        #expect(lead.source == "houzz")
        #expect(lead.email == "mdelgado77@example.com")
    }

    @Test func autoRepliedStillIgnores() throws {
        #expect(GenericExtractor.autoSubmittedReason(Self.message("Auto-Submitted: auto-replied\n\nx")) != nil)
        #expect(GenericExtractor.autoSubmittedReason(Self.message("Auto-Submitted: auto-generated\n\nx")) == nil)
        #expect(try Self.ignoredReason("""
            From: Jordan Lee <jordan@example.net>
            Subject: Thanks for your message
            Auto-Submitted: auto-replied

            I will get back to you soon.
            """) == "auto-reply (Auto-Submitted: auto-replied)")
    }

    // MARK: - Spam

    @Test func aHomeownerMentioningCryptoAndBitcoinIsNoSpam() throws {
        let lead = try Self.lead("""
            From: Derek Sloan <dsloan@example.org>
            To: office@builder.example
            Subject: Do you take bitcoin?

            I sold my crypto company this year and I'm looking for a builder for a
            modern 4,000 sf place on Lake LBJ. Would you take part of the payment in
            bitcoin? (512) 555-0177
            """)
        #expect(lead.email == "dsloan@example.org")
        // One group, counted once, even without a project word.
        #expect(SpamRule.contentVerdict(Self.message("Subject: x\n\nI trade crypto and bitcoin.")) == nil)
    }

    @Test func aHomeownerWhoDoesSEOIsNoSpam() throws {
        let lead = try Self.lead("""
            From: Priya Shah <priya.shah@example.com>
            To: office@builder.example
            Subject: Lake cabin

            Hi! I found you on the first page of Google (I do SEO for a living). We want a
            small 2 bed lake cabin on Canyon Lake. 737-555-0188
            """)
        #expect(lead.email == "priya.shah@example.com")
    }

    @Test(arguments: ["cabin", "sq ft", "4,000 sf", "builder", "our lot", "house"])
    func homeBuildingWordsAreAProject(_ words: String) {
        #expect(SpamRule.mentionsProject("We want a \(words) near the lake.", isASCII: true))
        #expect(SpamRule.mentionsProject("We want a \(words) near the lake, caf\u{E9}.", isASCII: false))
    }

    @Test func projectWordsAreWholeWords() {
        #expect(!SpamRule.mentionsProject("Our team builds backlinks for pilots.", isASCII: true))
        #expect(!SpamRule.mentionsProject("Our team builds backlinks for pilots, caf\u{E9}.", isASCII: false))
    }

    @Test func pitchesToBuildersNamingTheTradeAreSpam() throws {
        #expect(try Self.ignoredReason("""
            From: Ryan Mitchell <ryan.mitchell.seo@example.com>
            To: office@builder.example
            Subject: Quick question

            Your site isn't on the first page of Google for "custom home builder Austin".
            Our team does SEO for home builders: more organic traffic and quality backlinks.
            """) == "spam (SEO pitch)")
        #expect(try Self.ignoredReason("""
            From: Jessica Lane <jessica@growth.example>
            To: office@builder.example
            Subject: Exclusive custom home leads

            We deliver homeowners who want to build a new home. Pay per lead only, and our
            appointment setting team books them onto your calendar. 737-555-0102
            """) == "spam (lead selling pitch)")
    }

    // MARK: - Automated senders

    @Test(arguments: [
        ("tom.mailer@gmail.com", false), ("jane.leads@example.com", false), ("mailer@example.com", true),
        ("notifications@example.com", true), ("site42-notifications@example.com", true), ("leads-acme@example.com", true),
        ("no-reply.team@example.com", true), ("team.noreply@example.com", true), ("news.letter@example.com", true),
        ("t\u{F6}m.mailer@example.com", false), ("mailer.t\u{F6}m@example.com", true),
    ])
    func automatedSenders(_ address: String, _ automated: Bool) {
        #expect(LeadExtractor.isAutomated(Mailbox(name: nil, address: address)) == automated, "\(address)")
    }

    @Test func aHomeownerSurnamedMailerIsALead() throws {
        let lead = try Self.lead("""
            From: Tom Mailer <tom.mailer@gmail.com>
            To: office@builder.example
            Subject: New home on our land near Bertram

            My wife and I have 10 acres outside Bertram and want to build a
            single-story home next year. Email is easiest for me.
            """)
        #expect(lead.source == "direct_inquiry")
        #expect(lead.email == "tom.mailer@gmail.com")
    }

    @Test func anAutomatedLookingPersonalMailboxWithNoOtherContactIsKept() throws {
        let lead = try Self.lead("""
            From: Website <website.lead@gmail.com>
            To: office@builder.example
            Subject: Question

            Do you build in Kyle?
            """)
        #expect(lead.email == "website.lead@gmail.com")
        #expect(lead.needsReview)
    }

    // MARK: - Lists

    @Test func aMarketplaceLeadWithListHeadersIsALead() throws {
        let lead = try Self.lead("""
            From: Angi Leads <leads@angi.com>
            To: office@builder.example
            Subject: New Lead: Build a Custom Home - Lauren Pierce
            List-Id: <pro-lead-alerts.angi.com>
            List-Unsubscribe: <mailto:unsub-7f3a9c@angi.com>
            Precedence: bulk
            Content-Type: text/plain; charset=UTF-8

            New Lead

            Customer Information
            Name: Lauren Pierce
            Phone: (737) 555-0149
            Email: lauren.pierce@example.net

            Job Information
            Task: Build a Custom Home
            Comments: We are planning a 3,200 sq ft custom home on a lot we just bought.
            """)
        #expect(lead.source == "angi")
        #expect(lead.email == "lauren.pierce@example.net")
    }

    @Test func listIdAloneIsListTrafficFromAProgramAndForReviewFromAPerson() throws {
        let reason = try Self.ignoredReason("""
            From: Supplier News <newsletter@supplier.example>
            To: greg@builder.example
            Subject: November lumber prices
            List-Id: <news.supplier.example>

            2x6 SYP is down about 8%.
            """)
        #expect(reason == "mailing list (List-Id news.supplier.example)")
        // A person's post (or an inquiry through a group address, round 2 of exploratory
        // testing): kept, for a person to look at.
        let post = try Self.lead("""
            From: "Linda Ortiz via groups.io" <lortiz=example.net@groups.io>
            To: main@remodelers.groups.io
            Subject: [remodelers] Lumber prices update
            List-Id: <main.remodelers.groups.io>

            Hi all, 2x6 SYP is down about 8%. Email me at lortiz@example.net or call 210-555-0135.
            """)
        #expect(post.reviewReasons.contains { $0.hasPrefix("came through a mailing list (List-Id main.remodelers.groups.io)") })
        // Through a Google Group (a builder's shared inbox) it decides nothing.
        let lead = try Self.lead("""
            From: Jordan Lee <jordan@example.net>
            To: info@builder.example
            Subject: Custom home
            List-Id: <info.builder.example>
            List-Unsubscribe: <mailto:info+unsubscribe@builder.example>
            X-Google-Group-Id: 123

            We would like to build a custom home. 512-555-0143
            """)
        #expect(lead.source == "direct_inquiry")
        #expect(lead.email == "jordan@example.net")
    }

    // MARK: - Whose details

    @Test func anUnknownPortalIsNotTheProspect() throws {
        let lead = try Self.lead("""
            From: Bark <team@bark.example>
            To: office@builder.example
            Subject: Daniel is looking for a Home Builder in Kyle

            Daniel is looking for a Home Builder in Kyle, TX 78640.

            Contact details
            Name: Daniel Fairbanks
            Phone: 512-555-0117
            Email: d.fairbanks@example.net

            Questions? Call us on 1-888-555-0143 or reply to this email.
            """)
        #expect(lead.source == "other")
        #expect(lead.email == "d.fairbanks@example.net")
        #expect(lead.needsReview)
    }

    @Test func listUnsubscribeMakesTheSenderAProgram() throws {
        let lead = try Self.lead("""
            From: Portal Team <team@portal.example>
            To: office@builder.example
            Subject: A homeowner near you
            List-Unsubscribe: <https://portal.example/unsubscribe>

            A homeowner in Kyle wants a new home built. Reach them at jo.ray@example.org.
            """)
        #expect(lead.source == "other")
        #expect(lead.email == "jo.ray@example.org")
    }

    @Test func theBuildersOwnAddressIsNeverTheProspects() throws {
        let outcome = try Self.extract("""
            From: Thumbtack <no-reply@thumbtack.com>
            To: greg@builder.example
            Subject: Confirm your new email address

            You recently changed the email address on your business profile to greg@builder.example.
            If this wasn't you, contact us at support@thumbtack.com or 1-888-555-0199.
            """)
        #expect(outcome.lead?.email != "greg@builder.example")
        let message = Self.message("From: a@example.org\nTo: B@Builder.example, a@example.org\n\nx")
        let mailboxes = LeadExtractor.builderAddresses(message, InquiryView(message: message))
        #expect(mailboxes.contains("b@builder.example") && mailboxes.contains("B@BUILDER.example"))
        #expect(!mailboxes.contains("a@example.org"), "the sender copying themselves is not the builder")
    }

    @Test func aKnownMarketplaceWithAnUnknownTemplateIsKeptAndFlagged() throws {
        let lead = try Self.lead("""
            From: Houzz Pro <noreply@houzz.com>
            To: office@builder.example
            Subject: Dana R. would like a consultation

            Dana R. is looking for a home builder near Austin, TX.
            Reply on Houzz to connect.
            """)
        #expect(lead.source == "other")
        #expect(lead.reviewReasons.contains("from houzz.com, but no houzz template matched: a new template, or not a lead"))
    }

    @Test func aKnownMarketplacesIgnoreRulesApplyWithoutATemplateMatch() throws {
        let spec = try SpecTestSupport.spec("""
            source: houzz
            name: Portal lead
            version: "1"
            detect:
              sender_domains: [portal.example]
              subjects: ['(?i)new lead']
            ignore:
              - subject: '(?i)weekly summary'
                reason: Portal weekly summary
            """, name: "portal")
        let extractor = LeadExtractor(specs: SpecSet(specs: [spec]))
        let summary = Self.message("""
            From: Portal <noreply@portal.example>
            To: office@builder.example
            Subject: Your weekly summary

            Profile views: 214
            """)
        #expect(extractor.extract(from: summary) == .ignored(reason: "Portal weekly summary"))
        // No ignore rule matches: kept, flagged, naming the marketplace.
        let changed = Self.message("""
            From: Portal <noreply@portal.example>
            To: office@builder.example
            Subject: Someone wants a quote

            Name: Jo Ray
            Email: jo.ray@example.org
            """)
        let lead = try #require(extractor.extract(from: changed).lead)
        #expect(lead.source == "other")
        #expect(lead.email == "jo.ray@example.org")
        #expect(lead.reviewReasons == ["from portal.example, but no portal template matched: a new template, or not a lead"])
    }

    // MARK: - Reports and replies

    @Test func nonStandardBouncesAreReports() throws {
        #expect(try Self.ignoredReason("""
            From: Microsoft Outlook <MicrosoftExchange329e71ec@builder.example>
            To: <greg@builder.example>
            Subject: Undeliverable: RE: Custom home in Lakeway
            X-MS-Exchange-Message-Is-Ndr:
            Content-Type: text/plain

            Your message to dana@exmaple.org couldn't be delivered.
            """) == "bounce (subject \"undeliverable\", X-MS-Exchange-Message-Is-Ndr)")
        #expect(try Self.ignoredReason("""
            From: Mail Delivery Subsystem <bounce@smtp.host.example>
            To: greg@builder.example
            Subject: failure notice

            I wasn't able to deliver your message. Call me at 512-555-0100.
            """) == "bounce (subject \"failure notice\" from an automated sender)")
        #expect(try Self.ignoredReason("""
            From: Mail System <postoffice@host.example>
            To: greg@builder.example
            Subject: failure notice

            Sorry it didn't work out.

            --- Below this line is a copy of the message.

            From: Greg <greg@builder.example>
            """) == "bounce (subject \"failure notice\", mail server report)")
        // A person resending an inquiry, with the server's words pasted, is no server.
        #expect(try Self.ignoredReason("""
            From: Mark Dunn <mdunn@example.com>
            To: office@builder.example
            Subject: Undeliverable: New home inquiry - trying again

            My first email bounced ("Delivery has failed to these recipients"), so again: we want
            a custom home in Kyle. 512-555-0177.
            """) == nil)
        // A person forwarding or answering a bounce wrote the subject's prefix.
        #expect(try Self.ignoredReason("""
            From: Jordan Lee <jordan@example.net>
            To: office@builder.example
            Subject: Fwd: Undeliverable: Custom home
            X-MS-Exchange-Message-Is-Ndr:

            My first email bounced. We want a custom home, 512-555-0143.
            """) == nil)
    }

    @Test func outOfOfficeAndReadReceipts() throws {
        #expect(try Self.ignoredReason("""
            From: Dave Ruiz <druiz@plumbing.example>
            To: greg@builder.example
            Subject: Out of Office AutoReply: Plumbing rough-in schedule

            I am out of the office until Monday. Call 512-555-0138.
            """) == "auto-reply (subject \"out of office autoreply\")")
        #expect(try Self.ignoredReason("""
            From: "Nguyen, Kevin" <kevin.nguyen@example.com>
            To: Greg Hollis <greg@builder.example>
            Subject: Read: Estimate for the Tarrytown rebuild

            Your message

            was read on Monday, November 9, 2026 2:02:09 PM (UTC) Coordinated Universal Time.
            """) == "read receipt (subject \"read\")")
    }

    @Test func aPersonAnsweringAnOutOfOfficeIsALead() throws {
        let lead = try Self.lead("""
            From: "Nguyen, Kevin" <kevin.nguyen@example.com>
            To: office@builder.example
            Subject: RE: Out of Office: Teardown and rebuild in Tarrytown
            X-Auto-Response-Suppress: All

            Got your out of office. We're looking at a teardown and rebuild of our house.
            Best number is my mobile 512-555-0119.
            """)
        #expect(lead.email == "kevin.nguyen@example.com")
        // Without the reply prefix the phrase and the header still make an auto-reply.
        #expect(try Self.ignoredReason("""
            From: Kevin <kevin.nguyen@example.com>
            Subject: I'm out of office until Monday
            X-Auto-Response-Suppress: All

            Back Monday.
            """) != nil)
    }

    @Test func calendarRepliesAreIgnoredInvitationsKept() throws {
        #expect(try Self.ignoredReason("""
            From: Lauren Pierce <lauren.pierce@example.net>
            To: Greg Hollis <greg@builder.example>
            Subject: Accepted: Lot walk - Cedar Park
            Content-Type: text/calendar; charset="utf-8"; method=REPLY

            BEGIN:VCALENDAR
            METHOD:REPLY
            END:VCALENDAR
            """) == "calendar reply (text/calendar method=REPLY)")
        #expect(try Self.ignoredReason("""
            From: Lauren Pierce <lauren.pierce@example.net>
            To: Greg Hollis <greg@builder.example>
            Subject: Invitation: Lot walk
            Content-Type: text/calendar; charset="utf-8"; method=REQUEST

            BEGIN:VCALENDAR
            METHOD:REQUEST
            END:VCALENDAR
            """) == nil)
        // An inquiry with an .ics of the person's availability attached is an inquiry.
        #expect(try Self.ignoredReason("""
            From: Dana Whitfield <dana.w@example.org>
            To: office@builder.example
            Subject: Custom home - my availability attached
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: text/plain

            We want a custom home in Kyle. 512-555-0187. My availability is attached.
            --b
            Content-Type: text/calendar; method=REPLY; name="availability.ics"
            Content-Disposition: attachment; filename="availability.ics"

            BEGIN:VCALENDAR
            METHOD:REPLY
            END:VCALENDAR
            --b--
            """) == nil)
    }
}
