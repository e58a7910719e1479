import MIME
import Testing

/// Behaviour the optimisation pass must keep: parts of base64 `message/rfc822` levels whose
/// decoded buffers are released after parsing still read back exactly, body-text sizes
/// learned from decoding match `decodedBody()`, and line endings fixed on bytes give the
/// same text as fixing them after charset decoding.
@Suite("Decoded levels and body-text sizes")
struct DecodedLevelsTests {
    private typealias Encoder = MessageBuilder.BodyEncoder

    /// A forward whose original is attached as base64 `message/rfc822`, optionally
    /// followed by another attachment (then the embedded message is not the last entity).
    private static func forward(subject: String, attaching inner: [UInt8], trailingFile: Bool = false) -> [UInt8] {
        var bytes = MessageFixture.crlf("""
        From: Forwarder <fwd@example.com>
        Subject: \(subject)
        Content-Type: multipart/mixed; boundary="b-\(subject.utf8.count)"

        --b-\(subject.utf8.count)
        Content-Type: text/plain; charset=utf-8

        See the message below (\(subject)).
        --b-\(subject.utf8.count)
        Content-Type: message/rfc822
        Content-Transfer-Encoding: base64


        """)
        bytes += Encoder.base64(inner, newline: "\r\n")
        if trailingFile {
            bytes += MessageFixture.crlf("""
            --b-\(subject.utf8.count)
            Content-Type: application/octet-stream
            Content-Disposition: attachment; filename="after.bin"
            Content-Transfer-Encoding: base64

            AAECAwQ=

            """)
        }
        bytes += MessageFixture.crlf("--b-\(subject.utf8.count)--\n")
        return bytes
    }

    private static let pdf: [UInt8] = Array("%PDF-1.4\n".utf8) + (0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 37) }

    private static let original = MessageFixture.crlf("""
    From: Ann Lee <ann@example.com>
    Subject: Lot 12
    Content-Type: multipart/mixed; boundary="o"

    --o
    Content-Type: text/plain; charset=utf-8

    Is lot 12 still available?
    --o
    Content-Type: application/pdf; name="plan.pdf"
    Content-Disposition: attachment; filename="plan.pdf"
    Content-Transfer-Encoding: base64


    """) + Encoder.base64(pdf, newline: "\r\n") + MessageFixture.crlf("--o--\n")

    /// Walks the embedded-message chain of `message`, outermost first.
    private static func levels(of message: MIMEMessage) -> [MIMEMessage] {
        var result = [message]
        while let inner = result.last?.parts.last(where: { $0.message != nil })?.message { result.append(inner) }
        return result
    }

    @Test(arguments: [false, true])
    func nestedBase64ForwardsReadBackExactly(trailingFile: Bool) throws {
        var bytes = Self.original
        for level in 1...4 {
            bytes = Self.forward(subject: "Fwd \(level)", attaching: bytes, trailingFile: trailingFile)
        }
        let message = MIMEMessage.parse(bytes)
        let chain = Self.levels(of: message)
        #expect(chain.map(\.subject) == ["Fwd 4", "Fwd 3", "Fwd 2", "Fwd 1", "Lot 12"])
        let innermost = try #require(chain.last)
        #expect(innermost.text == "Is lot 12 still available?")
        let plan = try #require(innermost.attachments.first)
        #expect(plan.filename == "plan.pdf")
        #expect(plan.decodedBody() == Self.pdf, "the PDF read back")
        #expect(plan.decodedSize == Self.pdf.count)
        #expect(plan.encodedBody.elementsEqual(Encoder.base64(Self.pdf, newline: "\r\n").dropLast(2)))
        for level in chain {
            for part in level.parts {
                #expect(part.decodedBody().count == part.decodedSize, "section \(part.section) of \(level.subject ?? "")")
            }
            if trailingFile, level.subject != "Lot 12" {
                #expect(level.attachments.last?.decodedBody() == [0, 1, 2, 3, 4])
            }
        }
        // Each attached message decodes to the next level's bytes.
        let second = try #require(message.parts.last { $0.message != nil })
        #expect(MIMEMessage.parse(second.decodedBody()).subject == "Fwd 3")
        #expect(message.forwarded.first?.subject == "Lot 12")
        #expect(message.defects.isEmpty)
    }

    @Test func bodyTextSizeIsTheDecodedSize() {
        let message = MessageFixture.parse("""
        Content-Type: multipart/alternative; boundary="a"

        --a
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: quoted-printable

        Ren=C3=A9e wants a tour=20
        of lot 12, see=
         you soon.
        --a
        Content-Type: text/html; charset=utf-8
        Content-Transfer-Encoding: base64

        PHA+UmVuw6llIHdhbnRzIGEgdG91cjwvcD4=
        --a--
        """)
        #expect(message.plainText == "Renée wants a tour \nof lot 12, see you soon.")
        #expect(message.html == "<p>Renée wants a tour</p>")
        #expect(message.parts.count == 2)
        for part in message.parts {
            #expect(part.decodedSize == part.decodedBody().count, "section \(part.section)")
        }
    }

    @Test func truncatedBodyTextStillReportsItsFullSize() throws {
        let body = String(repeating: "Call me about lot 12 please. ", count: 400)
        let message = MessageFixture.parse("Content-Type: text/plain\n\n" + body, limits: MIMELimits(maximumTextBytes: 1000))
        let part = try #require(message.parts.first)
        #expect(part.decodedSize == MessageFixture.crlf(body).count)
        #expect(message.plainText.map { $0.utf8.count <= 1000 } == true)
        #expect(message.defects.contains { $0.hasPrefix("text part longer than") })
    }

    @Test func lineEndingsAndNULInBodyText() {
        func text(_ body: [UInt8], charset: String) -> String? {
            let head = Array("Content-Type: text/plain; charset=\(charset)\r\n\r\n".utf8)
            return MIMEMessage.parse(head + body).plainText
        }
        let mixed = Array("one\r\ntwo\rthree\nfour\r\n\r\n".utf8)
        #expect(text(mixed, charset: "utf-8") == "one\ntwo\nthree\nfour\n\n")
        #expect(text(mixed, charset: "iso-8859-1") == "one\ntwo\nthree\nfour\n\n")
        #expect(text(mixed, charset: "iso-8859-2") == "one\ntwo\nthree\nfour\n\n")
        // NUL is dropped after decoding, so it never joins its neighbours into another letter.
        #expect(text([0x43, 0x61, 0x66, 0xC3, 0x00, 0xA9, 0x0D, 0x0A], charset: "utf-8") == "CafÃ©\n")
        #expect(text([0x41, 0x00, 0x0D, 0x0A, 0x42], charset: "windows-1252") == "A\nB")
        // UTF-16's CR is 0x0D 0x00: line endings must be fixed after decoding, not on bytes.
        #expect(text([0x61, 0x00, 0x0D, 0x00, 0x0A, 0x00, 0x62, 0x00], charset: "utf-16le") == "a\nb")
    }

    /// Valid UTF-8 bodies come back exactly; invalid ones are reported. Random text built
    /// from ASCII runs and pieces of multi-byte sequences (valid, cut, overlong, surrogate,
    /// out of range), checked against the standard library's validation.
    @Test func utf8BodyValidationAgreesWithTheStandardLibrary() throws {
        let pieces: [[UInt8]] = [
            Array("plain ascii text ".utf8), Array("é".utf8), Array("€".utf8), Array("😀".utf8), Array("\u{10FFFF}".utf8),
            [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80],
            [0xF4, 0x90, 0x80, 0x80], [0xF5], [0xFF], [0x80], [0xBF], Array("0123456".utf8), Array("x".utf8),
        ]
        var random = SplitMix64(seed: 0x55AA)
        var invalidSeen = 0
        for _ in 0..<3000 {
            var body: [UInt8] = []
            for _ in 0..<Int(random.next() % 12) {
                body += pieces[Int(random.next() % UInt64(pieces.count))]
            }
            let message = MIMEMessage.parse(Array("Content-Type: text/plain; charset=utf-8\r\n\r\n".utf8) + body)
            let reported = message.defects.contains { $0.contains("UTF-8") }
            if let expected = String(validating: body, as: UTF8.self) {
                #expect(message.plainText == expected, "\(body)")
                #expect(!reported, "\(body)")
            } else {
                invalidSeen += 1
                #expect(reported, "\(body)")
            }
        }
        #expect(invalidSeen > 500)
    }
}
