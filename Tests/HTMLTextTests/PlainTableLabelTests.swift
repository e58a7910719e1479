@testable import HTMLText
import Testing

/// `visitInnermostTableRows`' plain labels against the rendered labels they stand for: a
/// plain label's bytes, each whitespace run one space and trimmed, are the label as
/// rendered; and the rows are those of `innermostTableRows`.
@Suite("Plain table row labels")
struct PlainTableLabelTests {
    /// `bytes` with each run of tab, LF, FF, CR and space one space, trimmed.
    static func collapsed(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var words: [String] = []
        var word: [UInt8] = []
        for byte in bytes {
            if byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D || byte == 0x20 {
                if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
                word = []
            } else {
                word.append(byte)
            }
        }
        if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
        return words.joined(separator: " ")
    }

    /// Checks every row of `html` on both trees; returns how many labels came plain.
    @discardableResult
    static func check(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) -> Int {
        var plain = 0
        let bytes = Array(html.utf8)
        for document in [HTMLDocument(utf8: bytes), HTMLDocument(utf8: bytes, allowingLightTree: false)] {
            var rows: [HTMLDocument.TableRow] = []
            document.visitInnermostTableRows { plainLabel, label, value in
                let rendered = label()
                if let plainLabel {
                    plain += 1
                    #expect(collapsed(plainLabel) == rendered, "\(html.debugDescription)", sourceLocation: sourceLocation)
                    #expect(HTMLDocument.collapsedText(plainLabel) == rendered, "\(html.debugDescription)", sourceLocation: sourceLocation)
                }
                rows.append(HTMLDocument.TableRow(label: rendered, value: value()))
            }
            #expect(rows == document.innermostTableRows(), "\(html.debugDescription)", sourceLocation: sourceLocation)
        }
        return plain
    }

    @Test("the light tree's row and cell ids")
    func lightIDs() {
        #expect(LightHTMLNames.names[Int(HTMLDocument.lightRowID)] == "tr")
        #expect(LightHTMLNames.names[Int(HTMLDocument.lightDataCellID)] == "td")
        #expect(LightHTMLNames.names[Int(HTMLDocument.lightHeaderCellID)] == "th")
        #expect(LightHTMLNames.treeNames.filter { ["tr", "td", "th"].contains($0) }.count == 3)
    }

    @Test("label cell shapes")
    func shapes() {
        let cells = [
            "Name:", " Zip \n\t Code ", "<b>Email</b>", "<span><strong> Phone\r\n</strong></span>", "<!-- x -->Budget",
            "Zip<b>Code</b>", "Zip<br>Code", "<div>Zip</div>Code", "A &amp; B", "A &lt; B", "Caf&eacute;", "x&nbsp;y",
            "<span hidden>Secret</span>Name", "<span style=\"display:none\">x</span>Name", "<script>x</script>Name",
            "Na\u{0B}me", "<pre> a  b </pre>", "", "<b></b>", "<![if !supportLists]>Name<![endif]>", "\u{7F}Name",
            "<a href=\"x\">Link</a>", "<p>Name</p>", "<font>Name:</font> ", "Name:<o:p></o:p>",
        ]
        var plain = 0
        for cell in cells {
            plain += Self.check("<table><tr><td>\(cell)</td><td>v</td></tr></table>")
            plain += Self.check("<table><tr><td>k</td><td>\(cell)</td></tr><tr><td>\(cell)</td><td>\(cell)</td></tr></table>")
            plain += Self.check("<table><tr><th>\(cell)</th><td>v</td><td>w</td></tr><tr><td>\(cell)</td></tr></table>")
        }
        #expect(plain > 20)
    }

    @Test("nested and repeated rows")
    func nesting() {
        Self.check("<table><tr><td>a</td><td><table><tr><td>b</td><td>c</td></tr></table></td></tr><tr><td>d</td><td>e</td></tr></table>")
        Self.check("<table><tr><td>a</td><td>b</td></tr><tr><td><table><tr><td>x</td></tr></table></td><td>y</td></tr></table>")
        Self.check("<table><tr><td><table><tr><td>1</td><td>2</td></tr><tr><td>3</td><td>4</td></tr></table></td><td>z</td></tr></table>")
        Self.check("<tr><td>loose</td><td>row</td></tr><table><tr><td>k</td><td>v</td></tr></table><tr><td>end</td><td>x</td></tr>")
    }

    @Test("random documents", arguments: 0..<8)
    func randomDocuments(seed: UInt64) {
        var generator = DocumentGenerator(seed: seed)
        for _ in 0..<40 { Self.check(generator.document()) }
    }

    @Test("random table soup", arguments: 0..<4)
    func randomTables(seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        let pieces = ["<table>", "</table>", "<tr>", "<tr>", "</tr>", "<td>", "<td>", "<td>", "</td>", "<th>", "</th>",
                      "<tbody>", "x", "Label:", "value", " ", "\n", "\t", "<div>", "</div>", "<b>", "</b>", "<span>",
                      "</span>", "<br>", "<li>", "&nbsp;", "&amp;", "<tr hidden>", "<span hidden>", "<!--", "-->",
                      "<td style=\"display:none\">", "<script>s</script>", "é"]
        var plain = 0
        for _ in 0..<150 { plain += Self.check(generator.soup(of: pieces)) }
        #expect(plain > 5)
    }
}
