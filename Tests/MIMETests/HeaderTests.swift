import MIME
import Testing

@Suite("Header block")
struct HeaderTests {
    @Test func unfoldsContinuationLines() {
        let message = MessageFixture.parse("""
        Subject: A very long subject
         that continues here
        \tand here
        X-Empty:
        From: a@example.com

        body
        """)
        #expect(message.subject == "A very long subject that continues here\tand here")
        #expect(message.header("x-empty") == "")
        #expect(message.header("FROM") == "a@example.com")
        #expect(message.text == "body")
        #expect(message.defects.isEmpty)
    }

    @Test func acceptsBareLineFeeds() {
        let message = MIMEMessage.parse(Array("Subject: hi\n folded\nTo: b@example.com\n\nline1\nline2\n".utf8))
        #expect(message.subject == "hi folded")
        #expect(message.to.first?.address == "b@example.com")
        #expect(message.text == "line1\nline2\n")
    }

    @Test func keepsNamesAsWrittenAndFindsFirstCaseInsensitively() {
        let message = MessageFixture.parse("""
        X-Custom: one
        x-custom: two
        Message-ID:   <abc.123@mail.example.com>

        """)
        #expect(message.headers.map(\.name) == ["X-Custom", "x-custom", "Message-ID"])
        #expect(message.header("X-CUSTOM") == "one")
        #expect(message.headerValues("x-custom") == ["one", "two"])
        #expect(message.messageID == "abc.123@mail.example.com")
    }

    @Test func rawEightBitHeadersAsUTF8OrWindows1252() {
        var bytes = Array("Subject: Caf".utf8) + [0xC3, 0xA9] + Array("\r\n".utf8)
        bytes += Array("X-Latin: Caf".utf8) + [0xE9, 0x20, 0x93, 0x71, 0x94] + Array("\r\n\r\n".utf8)
        let message = MIMEMessage.parse(bytes)
        #expect(message.subject == "Café")
        #expect(message.header("X-Latin") == "Café \u{201C}q\u{201D}")
    }

    @Test func bodyWithoutHeadersIsRecordedAsDefect() {
        let message = MessageFixture.parse("just some text\nwithout headers\n")
        #expect(message.headers.isEmpty)
        #expect(message.text == "just some text\nwithout headers\n")
        #expect(!message.defects.isEmpty)
    }

    @Test func oversizedHeaderBlockIsCut() {
        var limits = MIMELimits()
        limits.maximumHeaderBytes = 100
        let long = String(repeating: "x", count: 300)
        let message = MessageFixture.parse("Subject: short\nX-Long: \(long)\nX-After: 1\n\nbody", limits: limits)
        #expect(message.subject == "short")
        #expect(message.header("X-After") == nil)
        #expect(message.text == "body")
        #expect(message.defects.contains { $0.contains("header block longer") })
    }
}
