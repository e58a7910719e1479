@testable import HTMLText
import Testing

/// The light parser closes an end tag that names the innermost open element without
/// looking the name up (``LightHTMLParser``'s `closesInnermostElement`); the trees must
/// still be libxml2's, whatever the case, the prefix or what stays open around it.
@Suite("Light HTML parser: end tag of the innermost element")
struct EndTagShortcutTests {
    @Test("end tags that close the innermost element, or not", arguments: [
        ("<table><tr><td>a</td><TD>b</Td></tr></table>", true),
        ("<table><tr><td>a</td ><td>b</td\n></tr></table>", true),
        ("<p>one<o:p></o:p></p><p>two<O:P>x</O:P></p>", true),
        ("<p>one<o:p>inner</p>after</o:p>", true),
        ("<div><p>text</div>more", true),
        ("<h1>Title</h1><H2>Sub</H2><h3>x</h4>", true),
        ("<blockquote>quoted</BLOCKQUOTE><b>bold</b>", true),
        ("<html><body><p>x</p></body></html>", true),
        ("<html><body><p>x</p></BODY></HTML>", true),
        ("<ul><li>a<li>b</li></ul><span>s</spanx></span>", true),
        ("<table><tr><td>a</tr></td></table>", true),
        ("<font><b>x</font></b>", true),
        ("<div>x</di", false),
        ("<div>x</div", false),
        ("<em>x</em>", true),
    ] as [(String, Bool)])
    func sameTreeAsLibXML(_ html: String, _ lightTreeTakesIt: Bool) {
        // (Markup the light parser refuses goes to libxml2: no shortcut to check there.)
        #expect(LightHTMLParserTests.checkEquivalence(html) == lightTreeTakesIt, "\(html.debugDescription)")
    }
}
