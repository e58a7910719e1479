import MIME
import Testing

@Suite("Thread and list headers")
struct HeaderFieldsTests {
    @Test func threadIdentifiersWithoutBrackets() {
        let message = MessageFixture.parse("""
        Message-ID: <abc@mail.example.com>
        In-Reply-To: <parent@mail.example.com> (Jane's message of Monday)
        References: <root@mail.example.com>
         <parent@mail.example.com>
        \t<root@mail.example.com>

        body
        """)
        #expect(message.messageID == "abc@mail.example.com")
        #expect(message.inReplyTo == ["parent@mail.example.com"])
        #expect(message.references == ["root@mail.example.com", "parent@mail.example.com"])
    }

    @Test func bareIdentifiersAreAccepted() {
        let message = MessageFixture.parse("Message-ID: abc@mail.example.com\nReferences: one@example.com two@example.com\n\nx")
        #expect(message.messageID == "abc@mail.example.com")
        #expect(message.references == ["one@example.com", "two@example.com"])
    }

    @Test func automationHeaders() {
        let message = MessageFixture.parse("""
        Auto-Submitted: Auto-Replied; owner-email="x@example.com"
        Precedence: Bulk
        List-Id: "Builders" <builders.lists.example.org>

        x
        """)
        #expect(message.autoSubmitted == "auto-replied")
        #expect(message.precedence == "bulk")
        #expect(message.listID == "builders.lists.example.org")
        #expect(MessageFixture.parse("Subject: x\n\ny").autoSubmitted == nil)
    }

    @Test func overlongHeaderFieldIsCutWithDefect() {
        var limits = MIMELimits()
        limits.maximumLineLength = 100
        let message = MessageFixture.parse("Subject: " + String(repeating: "a", count: 500) + "\nX-Next: kept\n\nbody", limits: limits)
        // 100 bytes kept: the space after the colon and 99 letters.
        #expect(message.subject == String(repeating: "a", count: 99))
        #expect(message.header("X-Next") == "kept")
        #expect(message.defects.contains { $0.contains("header field subject longer than 100 bytes") })
    }

    @Test func unterminatedQuoteOrCommentDoesNotLoseTheAddress() {
        let quoted = MessageFixture.parse("From: \"Jane Doe <jane@example.com>\n\nx")
        #expect(quoted.from == [Mailbox(name: "Jane Doe", address: "jane@example.com")])
        let comment = MessageFixture.parse("From: Jane (buyer <jane@example.com>\n\nx")
        #expect(comment.from.map(\.address) == ["jane@example.com"])
    }

    @Test func nulBytesAreDropped() {
        let bytes = MessageFixture.crlf("Subject: a") + [0] + MessageFixture.crlf("b\n\nc") + [0] + Array("d".utf8)
        let message = MIMEMessage.parse(bytes)
        #expect(message.subject == "ab")
        #expect(message.text == "cd")
    }

    @Test(arguments: [
        ("Tuesday, 12-May-2026 09:41:02 GMT", "2026-05-12T09:41:02Z"),
        ("12 May 2026 09:41 CEST", "2026-05-12T07:41:00Z"),
        ("Tue, 12 May 26 09:41:02 -0500", "2026-05-12T14:41:02Z"),
    ])
    func obsoleteDateForms(_ text: String, _ expected: String) throws {
        let json = try MessageFixture.parse("Date: \(text)\n\nx").mimeJSON()
        #expect(String(decoding: json, as: UTF8.self).contains("\"date\": \"\(expected)\""))
    }
}
