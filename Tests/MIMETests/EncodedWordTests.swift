import MIME
import Testing

@Suite("RFC 2047 encoded words")
struct EncodedWordTests {
    private func subject(_ raw: String) -> String? {
        MessageFixture.parse("Subject: \(raw)\n\n").subject
    }

    @Test func base64UTF8() {
        #expect(subject("=?UTF-8?B?Q2Fmw6kgb24gdGhlIGxvdA==?=") == "Café on the lot")
    }

    @Test func base64WithoutPadding() {
        #expect(subject("=?utf-8?b?Q2Fmw6k?=") == "Café")
    }

    @Test func quotedPrintableWithUnderscores() {
        #expect(subject("=?utf-8?Q?New_home_=E2=80=93_Austin?=") == "New home – Austin")
    }

    @Test func adjacentWordsAreJoinedWithoutTheirWhitespace() {
        #expect(subject("=?UTF-8?Q?Custom?= =?UTF-8?Q?_home?=") == "Custom home")
        // A multi-byte character split across two words survives.
        #expect(subject("=?UTF-8?B?w6k=?=\n =?UTF-8?B?w6k=?=") == "éé")
        #expect(subject("=?UTF-8?Q?=C3?= =?UTF-8?Q?=A9?=") == "é")
    }

    @Test func whitespaceBetweenWordAndTextIsKept() {
        #expect(subject("Re: =?UTF-8?Q?caf=C3=A9?= tomorrow") == "Re: café tomorrow")
    }

    @Test func windows1252AndLatin1() {
        #expect(subject("=?windows-1252?Q?=93Quoted=94_=96_=80100?=") == "\u{201C}Quoted\u{201D} \u{2013} €100")
        #expect(subject("=?ISO-8859-1?Q?Jos=E9?=") == "José")
        #expect(subject("=?us-ascii?Q?plain?=") == "plain")
    }

    @Test func languageSuffixInCharset() {
        #expect(subject("=?utf-8*en?Q?hello?=") == "hello")
    }

    @Test func malformedWordsStayLiteral() {
        #expect(subject("=?utf-8?X?abc?=") == "=?utf-8?X?abc?=")
        #expect(subject("price =? 5 and =?utf-8?q?unterminated") == "price =? 5 and =?utf-8?q?unterminated")
    }

    @Test func hostileRunOfOpenersIsLinear() {
        let hostile = String(repeating: "=?", count: 50_000)
        let clock = ContinuousClock()
        let start = clock.now
        let result = subject(hostile)
        #expect(result == hostile)
        #expect(clock.now - start < .seconds(5))
    }
}
