import HTMLText
import Testing

/// Real mail is full of broken markup; libxml2's recovery plus the renderer must still give
/// the text a reader would see.
@Suite("Broken HTML")
struct BrokenHTMLTests {
    @Test("unclosed paragraphs, list items and inline tags")
    func unclosedTags() {
        let html = "<p>Hello<p>I want <b>a quote<ul><li>garage<li>pool</ul><p>Thanks"
        #expect(HTMLText.render(html) == "Hello\n\nI want a quote\n\n- garage\n- pool\n\nThanks")
    }

    @Test("stray closing tags are ignored")
    func strayClosingTags() {
        #expect(HTMLText.render("</div></p>Name: Jane</td></tr></table></span><br>Phone: 555-0134</div>") == "Name: Jane\nPhone: 555-0134")
    }

    @Test("no <html>, <head> or <body>: a bare fragment with a style block")
    func bareFragment() {
        let html = "<style>.x{color:red}</style><div>Name: Jane</div><div>Email: jane@example.org</div>"
        #expect(HTMLText.render(html) == "Name: Jane\nEmail: jane@example.org")
    }

    @Test("text after </html> and a second <body> still shows")
    func contentAfterDocumentEnd() {
        let html = "<html><body><p>first</p></body></html><p>trailing</p><body><div>second body</div></body>"
        #expect(HTMLText.render(html) == "first\n\ntrailing\n\nsecond body")
    }

    @Test("a bare < and unterminated tags or comments do not swallow the message")
    func bareAngleBrackets() {
        #expect(HTMLText.render("<p>price < 400k and > 300k</p>") == "price < 400k and > 300k")
        #expect(HTMLText.render("<p>visible</p><!-- never closed <p>gone</p>").hasPrefix("visible"))
        #expect(HTMLText.render("<p>visible</p><div class=\"unterminated") == "visible")
    }

    @Test("unclosed <script> hides only what follows it")
    func unclosedScript() {
        #expect(HTMLText.render("<p>Name: Jane</p><script>var x = 1;<p>not text</p>") == "Name: Jane")
    }

    @Test("uppercase and mixed-case tags behave like lowercase")
    func uppercaseTags() {
        #expect(HTMLText.render("<TABLE><TR><TD>Name:</TD><TD>Jane</TD></TR></TABLE><P>Hi<BR>there</P>") == "Name: Jane\n\nHi\nthere")
    }

    @Test("CR LF and lone CR line endings inside text collapse like other whitespace")
    func carriageReturns() {
        #expect(HTMLText.render("<p>one\r\ntwo\rthree</p>") == "one two three")
        #expect(HTMLText.render("<pre>one\r\ntwo</pre>") == "one\ntwo")
    }

    @Test("NUL bytes and control characters in the input do not end the text")
    func controlCharacters() {
        let bytes: [UInt8] = Array("<p>Name:".utf8) + [0x00, 0x01, 0x1B] + Array(" Jane</p><p>after</p>".utf8)
        let text = HTMLText.render(utf8: bytes)
        #expect(text.contains("Jane"))
        #expect(text.hasSuffix("after"))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }
}
