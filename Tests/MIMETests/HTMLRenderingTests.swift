import MIME
import Testing

@Suite("HTML to text")
struct HTMLRenderingTests {
    private func rendered(_ html: String) -> String? {
        MessageFixture.parse("Content-Type: text/html; charset=utf-8\n\n" + html).text
    }

    @Test func htmlOnlyMessageIsRendered() {
        let text = rendered("""
        <html><head><title>Ignored title</title><style>td { color: red }</style></head>
        <body><p>Hello&nbsp;there,</p><div>Line one<br>Line two</div>
        <ul><li>First</li><li>Second</li></ul>
        <script>document.write("512-555-0999")</script>
        <p>Tom &amp; Jerry &lt;3 &#8220;quotes&#x201D; &rsquo;</p></body></html>
        """)
        #expect(text == "Hello there,\n\nLine one\nLine two\nFirst\nSecond\n\nTom & Jerry <3 \u{201C}quotes\u{201D} \u{2019}")
    }

    @Test func tableRowStaysOnOneLine() {
        let text = rendered("""
        <table><tr><td><b>Name:</b></td><td>Jane Doe</td></tr>
        <tr><th>Phone:</th>
        <td>(512) 555-0143</td></tr></table>
        """)
        #expect(text == "Name: Jane Doe\nPhone: (512) 555-0143")
    }

    @Test func commentsAttributesAndStrayAngles() {
        let text = rendered("<!-- hidden --><a href=\"x>y\" title='a>b'>link</a> 3 < 4 and 5 > 2 &unknown; &amp")
        #expect(text == "link 3 < 4 and 5 > 2 &unknown; &")
    }

    @Test func unclosedScriptDoesNotSwallowEverythingTwice() {
        let html = String(repeating: "<script>x", count: 2_000) + "<p>end</p>"
        // The first unclosed <script> has no end tag; its content is kept as text.
        let text = rendered(html)
        #expect(text?.hasSuffix("end") == true)
    }

    @Test func preKeepsLineBreaks() {
        #expect(rendered("<pre>a\n  b</pre>") == "a\n  b")
    }
}
