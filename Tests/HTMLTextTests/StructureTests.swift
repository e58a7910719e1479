import HTMLText
import Testing

/// Line structure: what starts a line, what leaves a blank line, what is one line.
@Suite("Block structure")
struct StructureTests {
    @Test("<br> breaks a line; two <br> leave one blank line")
    func lineBreaks() {
        #expect(HTMLText.render("Jane Doe<br>12 Main St<br/>Austin TX") == "Jane Doe\n12 Main St\nAustin TX")
        #expect(HTMLText.render("<div>Hi,<br><br>I am interested.</div>") == "Hi,\n\nI am interested.")
        #expect(HTMLText.render("<div>a<br><br><br><br><br>b</div>") == "a\n\nb")
    }

    @Test("paragraphs are separated by one blank line, divs by a line break")
    func paragraphsAndDivs() {
        #expect(HTMLText.render("<p>Hello,</p><p>We want a quote.</p>") == "Hello,\n\nWe want a quote.")
        #expect(HTMLText.render("<div>Hello,</div><div>We want a quote.</div>") == "Hello,\nWe want a quote.")
        #expect(HTMLText.render("<h1>New lead</h1><div>Name: Jane</div>") == "New lead\n\nName: Jane")
    }

    @Test("Gmail-style <div><br></div> spacer gives exactly one blank line")
    func gmailBlankLines() {
        let html = "<div dir=\"ltr\"><div>Hi,</div><div><br></div><div>Is lot 12 available?</div><div><br></div><div>Thanks<br>Jane</div></div>"
        #expect(HTMLText.render(html) == "Hi,\n\nIs lot 12 available?\n\nThanks\nJane")
    }

    @Test("a <br> at the end of a block adds no extra line")
    func trailingBreakInBlock() {
        #expect(HTMLText.render("<div>first<br></div><div>second</div>") == "first\nsecond")
    }

    @Test("never more than one blank line, none at the start or end")
    func blankLineCap() {
        let html = "<br><br><p></p><p>&nbsp;</p><div>top</div><p></p><p></p><p>&nbsp;</p><p>&nbsp;</p><h2>bottom</h2><br><br>"
        #expect(HTMLText.render(html) == "top\n\nbottom")
    }

    @Test("unordered and ordered list items each get a line and a marker")
    func lists() {
        let html = "<p>Options:</p><ul><li>Garage</li><li> Pool </li><li></li></ul><ol><li>First</li><li>Second<ol><li>Nested</li></ol></li></ol><p>End</p>"
        #expect(HTMLText.render(html) == "Options:\n\n- Garage\n- Pool\n-\n\n1. First\n2. Second\n1. Nested\n\nEnd")
        #expect(HTMLText.render("<ol start=\"4\"><li>four</li><li>five</li></ol>") == "4. four\n5. five")
    }

    @Test("definition lists, blockquotes, headings and hr start lines")
    func otherBlocks() {
        let html = "<dl><dt>Budget</dt><dd>$450k</dd></dl>text<blockquote>quoted</blockquote><hr>after"
        #expect(HTMLText.render(html) == "Budget\n$450k\n\ntext\n\nquoted\n\nafter")
        #expect(HTMLText.render("<section>a</section><article>b</article><header>c</header><footer>d</footer><center>e</center><address>f</address><form>g</form>") == "a\nb\nc\nd\ne\nf\ng")
    }

    @Test("inline elements do not break lines; links keep their text only, images vanish")
    func inlineElements() {
        let html = "<p>Call <b>Jane</b> at <a href=\"tel:5125550134\">512-555-0134</a>.<img src=\"x.png\" alt=\"LOGO\"><span>Done</span></p>"
        #expect(HTMLText.render(html) == "Call Jane at 512-555-0134.Done")
        #expect(HTMLText.render("<a href=\"https://example.org/listing/1\">View listing</a>") == "View listing")
    }

    @Test("whitespace runs collapse like a browser, including across inline tags")
    func whitespaceCollapse() {
        let html = "<p>  Name:\n\t  Jane   <b> Doe </b>\r\n  </p>"
        #expect(HTMLText.render(html) == "Name: Jane Doe")
        #expect(HTMLText.render("<span>a</span><span>b</span> <span>c</span>") == "ab c")
    }

    @Test("<pre> keeps spaces and line breaks as written, without trailing spaces")
    func preformatted() {
        let html = "<p>Log:</p><pre>\nline 1\n    indented   \n\n\nafter gap</pre><p>x  y</p>"
        #expect(HTMLText.render(html) == "Log:\n\nline 1\n    indented\n\n\nafter gap\n\nx y")
    }

    @Test("script, style, head, title, noscript and template content never appears")
    func droppedElements() {
        let html = """
            <html><head><title>SECRET-TITLE</title><style>td { color: red }</style>
            <script>var phone = "512-555-0999";</script></head>
            <body><noscript>SECRET-NOSCRIPT</noscript><template><p>SECRET-TEMPLATE</p></template>
            <p>Visible</p><script type="text/javascript">document.write("SECRET-SCRIPT")</script>
            <!-- SECRET-COMMENT --></body></html>
            """
        #expect(HTMLText.render(html) == "Visible")
    }

    @Test("elements hidden with display:none or the hidden attribute are dropped")
    func hiddenElements() {
        let html = """
            <div style="display:none;max-height:0;overflow:hidden">Preheader teaser text</div>
            <div style="color:red; DISPLAY : None !important">also hidden</div>
            <p hidden>hidden attribute</p>
            <div style="mso-display:none-ish;display:block">Shown</div>
            """
        #expect(HTMLText.render(html) == "Shown")
    }

    @Test("text outside any element and an empty document")
    func fragments() {
        #expect(HTMLText.render("just text") == "just text")
        #expect(HTMLText.render("") == "")
        #expect(HTMLText.render("   \n  ") == "")
        #expect(HTMLText.render("<p></p><div>  </div>") == "")
    }

    @Test("the byte API gives the same text and repairs invalid UTF-8")
    func utf8Bytes() {
        let html = "<p>Caf\u{E9} &amp; Bar</p>"
        #expect(HTMLText.render(utf8: Array(html.utf8)) == "Café & Bar")
        #expect(HTMLText.render(utf8: html.utf8) == "Café & Bar")
        let broken: [UInt8] = Array("<p>bad ".utf8) + [0xE9] + Array(" byte</p>".utf8)
        #expect(HTMLText.render(utf8: broken) == "bad \u{FFFD} byte")
    }

    @Test("a <meta charset> in UTF-8 input does not cause a second decoding")
    func metaCharsetIgnored() {
        let html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"></head><body><p>Jos\u{E9} Mu\u{F1}oz \u{2013} \u{20AC}300k</p></body></html>"
        #expect(HTMLText.render(html) == "José Muñoz – €300k")
    }
}
