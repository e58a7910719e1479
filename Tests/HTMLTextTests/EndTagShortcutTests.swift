@testable import HTMLText
import Testing

/// The light parser closes an end tag that names the innermost open element without
/// looking the name up (``LightHTMLParser``'s `closesInnermostElement`); the trees must
/// still be libxml2's, whatever the case, the prefix or what stays open around it.
@Suite("Light HTML parser: end tag of the innermost element")
struct EndTagShortcutTests {
    @Test("end tags that close the innermost element, or not", arguments: [
        "<table><tr><td>a</td><TD>b</Td></tr></table>",
        "<table><tr><td>a</td ><td>b</td\n></tr></table>",
        "<p>one<o:p></o:p></p><p>two<O:P>x</O:P></p>",
        "<p>one<o:p>inner</p>after</o:p>",
        "<div><p>text</div>more",
        "<h1>Title</h1><H2>Sub</H2><h3>x</h4>",
        "<blockquote>quoted</BLOCKQUOTE><b>bold</b>",
        "<html><body><p>x</p></body></html>",
        "<html><body><p>x</p></BODY></HTML>",
        "<ul><li>a<li>b</li></ul><span>s</spanx></span>",
        "<table><tr><td>a</tr></td></table>",
        "<font><b>x</font></b>",
        "<div>x</di",
        "<div>x</div",
        "<em>x</em>",
    ])
    func sameTreeAsLibXML(_ html: String) {
        LightHTMLParserTests.checkEquivalence(html)
    }
}
