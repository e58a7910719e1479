@testable import HTMLText
import Testing

/// The light parser records whether an element is hidden while it parses the attributes;
/// the dumps compared with libxml2's carry that flag, so these check it against
/// `NodeAttributes.isHidden` on libxml2's tree, with exact expectations too.
@Suite("Light HTML parser: hidden elements")
struct LightHTMLHiddenTests {
    @Test("hidden flags match libxml2's attributes", arguments: [
        ("<body><div style=\"display:none\">a</div><p hidden>b</p>c</body>", 2),
        ("<body><div STYLE=\"color:red; DISPLAY : none !important\">a</div></body>", 1),
        ("<body><span style=\"display:nonex\">a</span><span style='display: block'>b</span></body>", 0),
        ("<body><div HIDDEN=\"false\" style=\"x\">a</div><img hidden src=a.png></body>", 2),
        ("<body><div class=x title=hidden id=style>a</div><div style=\"display:&#110;one\">b</div></body>", 1),
        ("<body><div data-x=\"1\" style>a</div><div styles=\"display:none\">b</div></body>", 0),
    ])
    func flags(_ html: String, _ hiddenCount: Int) throws {
        let dumps = try #require(LightHTMLTreeCheck.dumps(Array(html.utf8)))
        #expect(dumps.light == dumps.libxml)
        let hiddenLines = dumps.light.split(separator: "\n").filter { $0.hasSuffix(" hidden") }
        #expect(hiddenLines.count == hiddenCount)
    }
}

extension LightHTMLHiddenTests {
    @Test("the packed name words spell style and hidden")
    func packedNames() {
        func word(_ text: String) -> UInt32 {
            text.utf8.prefix(4).enumerated().reduce(0) { $0 | UInt32($1.element) << (8 * UInt32($1.offset)) }
        }
        #expect(LightHTMLParser.styleHead == word("style"))
        #expect(LightHTMLParser.hiddenHead == word("hidden"))
        #expect(LightHTMLParser.hiddenTail == UInt16(UInt8(ascii: "e")) | UInt16(UInt8(ascii: "n")) << 8)
    }
}
