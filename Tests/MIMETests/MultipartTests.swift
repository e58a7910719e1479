import MIME
import Testing

@Suite("Multipart structure")
struct MultipartTests {
    @Test func alternativePrefersPlainText() {
        let message = MessageFixture.parse("""
        Content-Type: multipart/alternative; boundary="alt"

        --alt
        Content-Type: text/html; charset=utf-8

        <p>HTML <b>version</b></p>
        --alt
        Content-Type: text/plain; charset=utf-8

        Plain version
        --alt--
        """)
        #expect(message.text == "Plain version")
        #expect(message.html == "<p>HTML <b>version</b></p>")
        #expect(message.defects.isEmpty)
    }

    @Test func nestedMixedRelatedAlternative() {
        let message = MessageFixture.parse("""
        Content-Type: multipart/mixed; boundary=outer

        preamble is ignored
        --outer
        Content-Type: multipart/related; boundary="rel"

        --rel
        Content-Type: multipart/alternative; boundary="alt"

        --alt
        Content-Type: text/plain

        Nested plain
        --alt
        Content-Type: text/html

        <div>Nested html</div>
        --alt--
        --rel
        Content-Type: image/png
        Content-Transfer-Encoding: base64

        iVBORw0KGgo=
        --rel--
        --outer
        Content-Type: application/pdf; name="plan.pdf"
        Content-Disposition: attachment; filename="plan.pdf"

        %PDF-1.4
        --outer--
        epilogue
        """)
        #expect(message.text == "Nested plain")
        #expect(message.html == "<div>Nested html</div>")
        #expect(message.defects.isEmpty)
    }

    @Test func missingFinalBoundaryIsTolerated() {
        let message = MessageFixture.parse("""
        Content-Type: multipart/mixed; boundary="b1"

        --b1
        Content-Type: text/plain

        The text survives
        """)
        #expect(message.text == "The text survives")
        #expect(message.defects.contains { $0.contains("missing its final boundary") })
    }

    @Test func boundaryPrefixOfLongerBoundaryIsNotADelimiter() {
        let message = MessageFixture.parse("""
        Content-Type: multipart/mixed; boundary="b"

        --b
        Content-Type: text/plain

        line
        --bb not a delimiter
        --b--
        """)
        #expect(message.text == "line\n--bb not a delimiter")
    }

    @Test func multipartWithoutBoundaryFallsBackToText() {
        let message = MessageFixture.parse("Content-Type: multipart/mixed\n\nhello")
        #expect(message.text == "hello")
        #expect(message.defects.contains { $0.contains("without boundary") })
    }

    @Test func attachedMessageBecomesForwardedOriginal() throws {
        let message = MessageFixture.parse("""
        From: Staff <staff@builder.example>
        Content-Type: multipart/mixed; boundary="m"

        --m
        Content-Type: text/plain

        See attached.
        --m
        Content-Type: message/rfc822

        From: "Doe, Jane" <Jane@Example.com>
        To: info@builder.example
        Subject: Building a home
        Date: Sat, 16 May 2026 14:12:33 -0500

        Please call 512-555-0143.
        --m--
        """)
        #expect(message.text == "See attached.")
        let original = try #require(message.forwarded.first)
        #expect(message.forwarded.count == 1)
        #expect(original.style == .attachedMessage)
        #expect(original.from == Mailbox(name: "Doe, Jane", address: "Jane@example.com"))
        #expect(original.subject == "Building a home")
        #expect(original.date == "Sat, 16 May 2026 14:12:33 -0500")
        #expect(original.to.map(\.address) == ["info@builder.example"])
        #expect(original.body == "Please call 512-555-0143.")
    }

    @Test func base64EncodedAttachedMessage() throws {
        // "From: a@example.com\r\nSubject: Hi\r\n\r\nInner body\r\n"
        let message = MessageFixture.parse("""
        Content-Type: multipart/mixed; boundary="m"

        --m
        Content-Type: message/rfc822; name="Hi.eml"
        Content-Transfer-Encoding: base64

        RnJvbTogYUBleGFtcGxlLmNvbQ0KU3ViamVjdDogSGkNCg0KSW5uZXIgYm9keQ0K
        --m--
        """)
        let original = try #require(message.forwarded.first)
        #expect(original.from?.address == "a@example.com")
        #expect(original.subject == "Hi")
        #expect(original.body == "Inner body")
    }

    @Test func partCountLimit() {
        var source = "Content-Type: multipart/mixed; boundary=p\n\n"
        for index in 0..<50 {
            source += "--p\nContent-Type: text/plain\n\npart \(index)\n"
        }
        source += "--p--\n"
        var limits = MIMELimits()
        limits.maximumParts = 10
        let message = MessageFixture.parse(source, limits: limits)
        #expect(message.defects.contains { $0.contains("more than 10 MIME parts") })
        #expect(message.text?.contains("part 0") == true)
        #expect(message.text?.contains("part 49") == false)
    }
}
