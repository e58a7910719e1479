import Extraction
import MIME
import Testing

@Suite("Spec detection")
struct SpecDetectionTests {
    private func spec(_ name: String, priority: Int = 50, detect: String) throws -> ParserSpec {
        try SpecSet.parse(yaml: """
            source: other
            name: \(name)
            version: "1"
            priority: \(priority)
            detect:
            \(detect)
            """, name: name)
    }

    private let houzzMail = MIMEMessage(
        subject: "New lead from Jane",
        from: [Mailbox(name: "Houzz", address: "noreply@mail.houzz.com")],
        text: "Jane is interested in working with you")

    @Test func higherPriorityWins() throws {
        let low = try spec("a-low", priority: 40, detect: "  sender_domains: [houzz.com]")
        let high = try spec("z-high", priority: 60, detect: "  subjects: ['(?i)new lead']")
        for order in [[low, high], [high, low]] {
            #expect(SpecSet(specs: order).detectedSpec(for: houzzMail)?.name == "z-high")
        }
    }

    @Test func onEqualPriorityBothSidesBeatOneSide() throws {
        let senderOnly = try spec("a-sender", detect: "  sender_domains: [houzz.com]")
        let both = try spec("b-both", detect: "  sender_domains: [houzz.com]\n  subjects: ['(?i)new lead']")
        for order in [[senderOnly, both], [both, senderOnly]] {
            #expect(SpecSet(specs: order).detectedSpec(for: houzzMail)?.name == "b-both")
        }
    }

    @Test func thenTheFirstFileNameWins() throws {
        let first = try spec("houzz-a", detect: "  sender_domains: [houzz.com]")
        let second = try spec("houzz-b", detect: "  sender_addresses: [noreply@mail.houzz.com]")
        for _ in 0..<3 {
            #expect(SpecSet(specs: [second, first]).detectedSpec(for: houzzMail)?.name == "houzz-a")
        }
    }

    @Test func senderAndContentMustBothMatchWhenBothListed() throws {
        let houzz = try spec("houzz", detect: "  sender_domains: [houzz.com]\n  subjects: ['(?i)invoice']")
        #expect(SpecSet(specs: [houzz]).detectedSpec(for: houzzMail) == nil)
        let other = MIMEMessage(subject: "New lead", from: [Mailbox(name: nil, address: "x@nothouzz.com")], text: "")
        let domainOnly = try spec("houzz", detect: "  sender_domains: [houzz.com]")
        #expect(SpecSet(specs: [domainOnly]).detectedSpec(for: other) == nil, "nothouzz.com is not a houzz.com subdomain")
    }

    @Test func bodyMarkersAndReplyToDomains() throws {
        let zillow = try spec("zillow", detect: "  reply_to_domains: [convo.zillow.com]")
        let message = MIMEMessage(subject: "Question", from: [Mailbox(name: "Zillow", address: "x@zillowmail.com")],
                                  replyTo: [Mailbox(name: "Jane", address: "abc123@convo.zillow.com")], text: "hi")
        #expect(SpecSet(specs: [zillow]).detectedSpec(for: message)?.name == "zillow")
        let form = try spec("form", detect: "  body_markers: ['(?i)sent from a contact form']")
        let formMail = MIMEMessage(from: [Mailbox(name: nil, address: "wordpress@site.example")],
                                   text: "Name: A\nThis e-mail was sent from a contact form on Site")
        #expect(SpecSet(specs: [form]).detectedSpec(for: formMail)?.name == "form")
    }

    @Test func detectionUsesTheInnermostForwardedOriginal() throws {
        let houzz = try spec("houzz", detect: "  sender_domains: [houzz.com]\n  subjects: ['(?i)new lead']")
        let forward = MIMEMessage(
            subject: "Fwd: New lead from Jane",
            from: [Mailbox(name: "Builder", address: "owner@builder.example")],
            text: "fyi",
            forwarded: [ForwardedOriginal(from: Mailbox(name: "Houzz", address: "noreply@houzz.com"), date: nil,
                                          subject: "New lead from Jane", to: [], body: "Jane", style: .gmail)])
        #expect(SpecSet(specs: [houzz]).detectedSpec(for: forward)?.name == "houzz")
    }
}
