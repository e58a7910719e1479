import HTMLText
import Testing

@Suite("Entities and special characters")
struct EntityTests {
    @Test("named and numeric entities are decoded")
    func decoded() {
        #expect(HTMLText.render("Smith &amp; Sons &lt;info@example.org&gt;") == "Smith & Sons <info@example.org>")
        #expect(HTMLText.render("We&#8217;d like a caf&eacute; &#x2013; &quot;soon&quot;") == "We\u{2019}d like a café \u{2013} \"soon\"")
        #expect(HTMLText.render("3&#8209;bedroom") == "3\u{2011}bedroom")
    }

    @Test("&nbsp; is a space and runs of them collapse")
    func noBreakSpace() {
        #expect(HTMLText.render("(512)&nbsp;555-0134") == "(512) 555-0134")
        #expect(HTMLText.render("<td>Name:&nbsp;&nbsp;&nbsp; Jane</td>") == "Name: Jane")
        #expect(HTMLText.render("<p>&nbsp;&nbsp;indented</p>") == "indented")
    }

    @Test("an unknown entity stays as written")
    func unknownEntity() {
        #expect(HTMLText.render("lot 12 &bogus; 14") == "lot 12 &bogus; 14")
        #expect(HTMLText.render("lot 12 & 14") == "lot 12 & 14")
    }

    @Test("entities inside attributes never leak into the text")
    func attributeEntities() {
        let html = "<a href=\"https://x.example/?a=1&amp;b=2&#38;c\" title=\"&quot;Tip&quot;\">Open</a>"
        #expect(HTMLText.render(html) == "Open")
    }

    @Test("invisible padding characters are removed")
    func invisibles() {
        // Soft hyphen, zero width space, BOM, combining grapheme joiner (pre-header padding).
        #expect(HTMLText.render("Ja&shy;ne&#8203; Doe&#xFEFF;&#847;") == "Jane Doe")
    }
}
