import MIME
import Testing

/// HTML-only messages get their text from the libxml2 renderer (HTMLText, tested in detail
/// in HTMLTextTests); these check the MIME side of it.
@Suite("HTML to text")
struct HTMLRenderingTests {
    private func rendered(_ html: String) -> MIMEMessage {
        MessageFixture.parse("Content-Type: text/html; charset=utf-8\n\n" + html)
    }

    @Test func htmlOnlyMessageIsRendered() {
        let message = rendered("""
        <html><head><title>Ignored title</title><style>td { color: red }</style></head>
        <body><p>Hello&nbsp;there,</p><div>Line one<br>Line two</div>
        <ul><li>First</li><li>Second</li></ul>
        <script>document.write("512-555-0999")</script>
        <p>Tom &amp; Jerry &lt;3 &#8220;quotes&#x201D; &rsquo;</p></body></html>
        """)
        #expect(message.text == "Hello there,\n\nLine one\nLine two\n\n- First\n- Second\n\nTom & Jerry <3 \u{201C}quotes\u{201D} \u{2019}")
        #expect(message.html?.contains("<script>") == true, "html keeps the decoded source")
    }

    @Test func tableRowStaysOnOneLine() {
        let text = rendered("""
        <table><tr><td><b>Name:</b></td><td>Jane Doe</td></tr>
        <tr><th>Phone:</th>
        <td>(512) 555-0143</td></tr></table>
        """).text
        #expect(text == "Name: Jane Doe\nPhone: (512) 555-0143")
    }

    @Test func commentsAndStrayAngles() {
        let text = rendered("<!-- hidden --><a href=\"x>y\" title='a>b'>link</a> 3 < 4 and 5 > 2 &unknown;").text
        #expect(text == "link 3 < 4 and 5 > 2 &unknown;")
    }

    @Test func unclosedScriptHidesTheRestQuickly() {
        // As in a browser, an unclosed <script> runs to the end; none of it is shown.
        let html = "<p>start</p>" + String(repeating: "<script>x", count: 20_000) + "<p>end</p>"
        let text = rendered(html).text
        #expect(text == "start")
    }

    @Test func preKeepsLineBreaks() {
        #expect(rendered("<pre>a\n  b</pre>").text == "a\n  b")
    }

    @Test func tooDeepHTMLIsCutWithADefect() {
        let html = String(repeating: "<div>", count: 1_000) + "deep" + String(repeating: "</div>", count: 1_000) + "<p>after</p>"
        let message = rendered(html)
        #expect(message.defects.contains { $0.contains("HTML too deep or too long") })
    }
}
