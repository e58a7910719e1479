import MIME
import Testing

@Suite("Charsets")
struct CharsetTests {
    private func text(_ charset: String, _ bytes: [UInt8]) -> MIMEMessage {
        MIMEMessage.parse(MessageFixture.crlf("Content-Type: text/plain; charset=\(charset)\n\n") + bytes)
    }

    @Test(arguments: [
        ("gb2312", [0xC4, 0xE3, 0xBA, 0xC3] as [UInt8], "你好"),
        ("GBK", [0xC4, 0xE3, 0xBA, 0xC3], "你好"),
        ("gb18030", [0x95, 0x32, 0x82, 0x36], "\u{20000}"),
        ("big5", [0xA7, 0x41, 0xA6, 0x6E], "你好"),
        ("Shift_JIS", [0x82, 0xB1, 0x82, 0xF1, 0x87, 0x40], "こん①"),
        ("euc-jp", [0xA4, 0xB3, 0xA4, 0xF3], "こん"),
        ("iso-2022-jp", [0x1B, 0x24, 0x42, 0x24, 0x33, 0x24, 0x73, 0x1B, 0x28, 0x42], "こん"),
        ("euc-kr", [0xBE, 0xC8, 0xB3, 0xE7], "안녕"),
        ("ks_c_5601-1987", [0xBE, 0xC8, 0xB3, 0xE7], "안녕"),
        ("koi8-r", [0xE4, 0xCF, 0xCD], "Дом"),
        ("koi8-u", [0xA4, 0xA6], "єі"),
        ("windows-1250", [0xB9, 0x9A], "ąš"),
        ("windows-1253", [0xC1], "Α"),
        ("windows-1255", [0xF9], "ש"),
        ("windows-1256", [0xC7], "ا"),
        ("windows-1257", [0xE0], "ą"),
        ("iso-8859-16", [0xAA], "Ș"),
        ("utf-16", [0xFF, 0xFE, 0x41, 0x00, 0xE9, 0x00], "Aé"),
        ("utf-16be", [0x00, 0x41, 0x00, 0xE9], "Aé"),
    ])
    func decodesMultiByteAndCodePageCharsets(_ charset: String, _ bytes: [UInt8], _ expected: String) {
        let message = text(charset, bytes)
        #expect(message.text == expected)
        #expect(message.defects.isEmpty)
    }

    @Test func aliasesNeedNoDefect() {
        #expect(text("utf8", Array("café".utf8)).defects.isEmpty)
        #expect(text("\"UTF-8\"", Array("café".utf8)).text == "café")
        #expect(text("latin1", [0x63, 0x61, 0x66, 0xE9]).text == "café")
    }

    @Test func unknownLabelSniffsUTF8ThenWindows1252() {
        let utf8 = text("x-unknown", Array("café".utf8))
        #expect(utf8.text == "café")
        #expect(utf8.defects == ["unknown charset x-unknown; decoded as UTF-8"])
        let windows = text("x-unknown", [0x63, 0x61, 0x66, 0xE9])
        #expect(windows.text == "café")
        #expect(windows.defects == ["unknown charset x-unknown; decoded as Windows-1252"])
    }

    @Test func hostileLabelIsNotPassedToIconv() {
        let message = text("utf-8//TRANSLIT", Array("plain".utf8))
        #expect(message.text == "plain")
        #expect(message.defects.first?.hasPrefix("unknown charset utf-8translit") == true)
    }

    @Test func invalidBytesInAMultiByteCharsetAreReplacedAndCounted() {
        let message = text("euc-kr", [0xBE, 0xC8, 0xFF, 0xB3, 0xE7])
        #expect(message.text == "안\u{FFFD}녕")
        #expect(message.defects == ["1 bytes invalid in charset cp949; replaced with U+FFFD"])
    }

    @Test func cutUTF8SequenceAtEndIsReplacementNotMojibake() {
        let message = text("utf-8", Array("caf".utf8) + [0xC3])
        #expect(message.text == "caf\u{FFFD}")
        #expect(message.defects == ["text ends inside a UTF-8 sequence; replaced with U+FFFD"])
    }

    @Test func truncatedTextPartIsCutOnACharacterBoundary() {
        var limits = MIMELimits()
        limits.maximumTextBytes = 5
        let message = MIMEMessage.parse(
            MessageFixture.crlf("Content-Type: text/plain; charset=utf-8\n\n") + Array("abcdé and more".utf8), limits: limits)
        #expect(message.text == "abcd")
        #expect(message.defects.contains { $0.contains("truncated") })
    }

    @Test func eightBitHeaderFallbackIsRecorded() {
        let bytes = MessageFixture.crlf("Subject: ") + [0x43, 0x61, 0x66, 0xE9] + MessageFixture.crlf("\n\nx")
        let message = MIMEMessage.parse(bytes)
        #expect(message.subject == "Café")
        #expect(message.defects.contains { $0.contains("header subject") && $0.contains("Windows-1252") })
    }
}
