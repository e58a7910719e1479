import MIME
import Testing

@Suite("Transfer encodings and charsets")
struct TransferEncodingTests {
    private func body(_ headers: String, _ body: String) -> MIMEMessage {
        MessageFixture.parse(headers + "\n\n" + body)
    }

    @Test func quotedPrintableSoftLineBreaksAndEscapes() {
        let message = body(
            "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable",
            "Call 512-5=\n55-0143 =E2=80=93 thanks=20\nsecond line =  \njoined=3D"
        )
        #expect(message.text == "Call 512-555-0143 – thanks \nsecond line joined=")
        #expect(message.defects.isEmpty)
    }

    @Test func quotedPrintableMalformedEscapesAreKept() {
        let message = body("Content-Transfer-Encoding: quoted-printable", "100=ZZ and =4")
        #expect(message.text == "100=ZZ and =4")
        #expect(message.defects.contains { $0.contains("malformed escapes") })
    }

    @Test func base64MissingPaddingAndGarbage() {
        // "Hello, builder!" is SGVsbG8sIGJ1aWxkZXIh; drop padding and sprinkle garbage.
        let message = body(
            "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: BASE64",
            "SGVsbG8s\nIGJ1a!!Wxk\nZXI"
        )
        #expect(message.text == "Hello, builder")
        #expect(message.defects.contains { $0.contains("invalid characters") })
    }

    @Test func base64WithPaddingDecodesFully() {
        let message = body("Content-Transfer-Encoding: base64", "SGVsbG8sIGJ1aWxkZXIh")
        #expect(message.text == "Hello, builder!")
    }

    @Test func latin1AndWindows1252Bodies() {
        var bytes = MessageFixture.crlf("Content-Type: text/plain; charset=\"iso-8859-1\"\nContent-Transfer-Encoding: 8bit\n\n")
        bytes += [0x4A, 0x6F, 0x73, 0xE9, 0x20, 0x93, 0x68, 0x69, 0x94]
        #expect(MIMEMessage.parse(bytes).text == "José \u{201C}hi\u{201D}")
    }

    @Test func undeclaredEightBitIsUTF8WhenValid() {
        let bytes = MessageFixture.crlf("Subject: x\n\n") + Array("Café".utf8)
        let message = MIMEMessage.parse(bytes)
        #expect(message.text == "Café")
    }

    @Test func invalidUTF8FallsBackToWindows1252PerByteWithDefect() {
        // "Café" in UTF-8, then "né" written by a Windows-1252 template, all labelled utf-8.
        let bytes = MessageFixture.crlf("Content-Type: text/plain; charset=utf-8\n\n")
            + Array("Café ".utf8) + [0x6E, 0xE9, 0x20, 0x93, 0x71, 0x94]
        let message = MIMEMessage.parse(bytes)
        #expect(message.text == "Café né \u{201C}q\u{201D}")
        #expect(message.defects.contains { $0.contains("invalid UTF-8") && $0.contains("Windows-1252") })
    }

    @Test func unknownCharsetFallsBackWithDefect() {
        let message = body("Content-Type: text/plain; charset=x-klingon", "plain words")
        #expect(message.text == "plain words")
        #expect(message.defects.contains { $0.contains("unknown charset x-klingon") })
    }

    @Test func latin9Euro() {
        var bytes = MessageFixture.crlf("Content-Type: text/plain; charset=iso-8859-15\n\n")
        bytes += [0xA4, 0x35]
        #expect(MIMEMessage.parse(bytes).text == "€5")
    }

    @Test func otherCharsetsThroughFoundation() {
        var latin2 = MessageFixture.crlf("Content-Type: text/plain; charset=iso-8859-2\n\n")
        latin2 += [0xB3, 0xF3, 0x64, 0xBC]  // "łódź"
        #expect(MIMEMessage.parse(latin2).text == "łódź")
        var cyrillic = MessageFixture.crlf("Content-Type: text/plain; charset=windows-1251\n\n")
        cyrillic += [0xC4, 0xEE, 0xEC]  // "Дом"
        #expect(MIMEMessage.parse(cyrillic).text == "Дом")
    }
}
