import Extraction
import LeadModel
import MIME
import Testing

@Suite("Generic extractor")
struct GenericExtractorTests {
    private let extractor = GenericExtractor()

    @Test func directMessageUsesFromAndBody() throws {
        let message = MIMEMessage(
            subject: "RE: Fwd: New home",
            from: [Mailbox(name: "Doe, Jane", address: "Jane@example.com")],
            text: "  Hi,\ncall 512-555-0143 x7\n"
        )
        let lead = try #require(extractor.extract(from: message).lead)
        let fromName = FieldProvenance(rule: "sender display name", location: "From header display name")
        let phone = FieldProvenance(rule: "phone pattern", location: "body line 2")
        #expect(lead == ExtractedLead(
            source: "direct_inquiry", firstName: "Jane", lastName: "Doe", email: "Jane@example.com",
            phone: "+15125550143", phoneExtension: "7", subject: "New home",
            message: "Hi,\ncall 512-555-0143 x7", isForwarded: false,
            contactChannels: [ContactChannel(kind: .email, value: "Jane@example.com"),
                              ContactChannel(kind: .phone, value: "+15125550143")],
            fields: [
                "first_name": fromName, "last_name": fromName,
                "email": FieldProvenance(rule: "sender address", location: "From header"),
                "phone": phone, "phone_extension": phone,
                "message": FieldProvenance(rule: "prospect text", location: "message body"),
                "subject": FieldProvenance(rule: "subject without prefixes", location: "Subject header"),
            ]))
    }

    @Test func forwardNeverUsesTheForwarder() throws {
        let message = MIMEMessage(
            subject: "Fwd: Quote",
            from: [Mailbox(name: "Staff Person", address: "staff@builder.example")],
            text: "my cell 512-555-0100",
            forwarded: [ForwardedOriginal(from: Mailbox(name: "Lee Wong", address: ""), date: nil,
                                          subject: nil, to: [], body: "Call 737-555-0188", style: .gmail)]
        )
        let lead = try #require(extractor.extract(from: message).lead)
        #expect(lead.firstName == "Lee")
        #expect(lead.email == nil)
        #expect(lead.phone == "+17375550188")
        #expect(lead.isForwarded)
        #expect(lead.subject == "Quote")
        #expect(lead.fields["subject"]?.location == "Subject header of the forwarding message")
    }

    @Test func outlookBlockUnderReplySubjectIsAQuotedReply() throws {
        let raw = """
            From: Priya Raman <priya@example.net>\r
            To: Sam Ortiz <sam@builder.example>\r
            Subject: RE: Model home\r
            \r
            Sounds good.\r
            \r
            -----Original Message-----\r
            From: Sam Ortiz <sam@builder.example>\r
            Sent: Monday, May 11, 2026 9:12 AM\r
            To: Priya Raman <priya@example.net>\r
            Subject: Model home\r
            \r
            Call me at 512-555-0102.\r

            """
        let message = MIMEMessage.parse(Array(raw.utf8))
        #expect(message.forwarded.isEmpty, "a quoted reply is not a forwarded original")
        let lead = try #require(extractor.extract(from: message).lead)
        #expect(lead.email == "priya@example.net")
        #expect(lead.phone == nil)
        #expect(lead.message == "Sounds good.")
        #expect(!lead.isForwarded)
        #expect(lead.fields["message"]?.location == "message body above the quoted original")
    }

    @Test func gmailForwardUnderReplySubjectIsStillAForward() throws {
        let message = MIMEMessage(
            subject: "Re: Model home",
            from: [Mailbox(name: "Staff", address: "staff@builder.example")],
            forwarded: [ForwardedOriginal(from: Mailbox(name: "Ann Lee", address: "ann@example.com"),
                                          date: nil, subject: nil, to: [], body: "Hi", style: .gmail)]
        )
        #expect(extractor.extract(from: message).lead?.email == "ann@example.com")
    }

    @Test func quotedLinesInADirectMessageAreNotSearchedForPhones() throws {
        let message = MIMEMessage(
            subject: "Re: Brochure",
            from: [Mailbox(name: "Ann Lee", address: "ann@example.com")],
            text: "Yes please.\n\nOn Mon, May 11, 2026, Sam wrote:\n> Call me at 512-555-0102.\n"
        )
        let lead = try #require(extractor.extract(from: message).lead)
        #expect(lead.phone == nil)
        #expect(lead.message == "Yes please.", "the quoted earlier message is not the prospect's text")
    }

    @Test func noContactDetailsIsIgnored() {
        let message = MIMEMessage(from: [], text: "I want a house")
        #expect(extractor.extract(from: message) == .ignored(reason: "no contact details: no sender address or phone number"))
    }

    @Test func autoSubmittedIsIgnoredOnlyWhenAutoReplied() {
        let auto = MIMEMessage(
            headers: [MIMEHeader(name: "Auto-Submitted", value: "Auto-Replied; x=1", rawValue: "Auto-Replied; x=1")],
            from: [Mailbox(name: nil, address: "a@example.com")])
        #expect(extractor.extract(from: auto) == .ignored(reason: "auto-submitted message (auto-replied)"))
        // Marketplaces and builders' forwarding rules send leads as auto-generated / auto-forwarded.
        let generated = MIMEMessage(
            headers: [MIMEHeader(name: "Auto-Submitted", value: "Auto-Generated; x=1", rawValue: "Auto-Generated; x=1")],
            from: [Mailbox(name: nil, address: "a@example.com")])
        #expect(extractor.extract(from: generated).lead?.email == "a@example.com")
        let human = MIMEMessage(
            headers: [MIMEHeader(name: "auto-submitted", value: "no", rawValue: "no")],
            from: [Mailbox(name: nil, address: "a@example.com")])
        #expect(extractor.extract(from: human).lead?.email == "a@example.com")
    }

    @Test func messageIsCappedAtTenThousandCharacters() throws {
        let message = MIMEMessage(from: [Mailbox(name: nil, address: "a@example.com")],
                                  text: String(repeating: "é", count: 12_000))
        let lead = try #require(extractor.extract(from: message).lead)
        #expect(lead.message?.count == 10_000)
    }

    @Test func subjectPrefixes() {
        #expect(SubjectCleaner.clean("Fwd: FW: RE: Re[2]: Home") == "Home")
        #expect(SubjectCleaner.clean("Question: price?") == "Question: price?")
        #expect(SubjectCleaner.clean("Fwd:") == nil)
    }

    @Test func outcomeJSONShape() throws {
        let json = String(decoding: try ExtractionOutcome.ignored(reason: "why").jsonData(), as: UTF8.self)
        #expect(json.hasPrefix("{\n  \"address\" : null,\n"))
        #expect(json.contains("\"ignored_reason\" : \"why\",\n  \"is_forwarded\" : false,\n  \"is_lead\" : false,"))
        #expect(json.contains("\"fields\" : {\n\n  },") || json.contains("\"fields\" : {}"))
        let lead = String(decoding: try ExtractionOutcome.lead(ExtractedLead()).jsonData(), as: UTF8.self)
        for key in ["is_lead", "ignored_reason", "source", "source_lead_id", "first_name", "last_name", "email",
                    "phone", "phone_extension", "address", "project_type", "budget_low", "budget_high", "timeline",
                    "message", "fields", "contact_channels", "needs_review", "is_forwarded"] {
            #expect(lead.contains("\"\(key)\" :"), "missing key \(key)")
        }
        #expect(!lead.contains("\"lead\" :"), "the lead keys are flat, not nested")
    }
}
