@testable import HTMLText
import Testing

/// `forEachInnermostTableRow` against `innermostTableRows`, the walk it stands for: the same
/// labels and values in the same order, whichever values are asked for, on both trees and
/// under any budget.
@Suite("Table row visits")
struct TableRowVisitTests {
    /// The rows a visit gives when it asks for every value, or (`wanted`) only some.
    static func visited(
        _ document: HTMLDocument, maxOutputBytes: Int = HTMLText.defaultMaxOutputBytes,
        wanted: (Int) -> Bool = { _ in true }
    ) -> [HTMLDocument.TableRow] {
        var rows: [HTMLDocument.TableRow] = []
        document.forEachInnermostTableRow(maxOutputBytes: maxOutputBytes) { label, value in
            rows.append(HTMLDocument.TableRow(label: label, value: wanted(rows.count) ? value() : "(not asked)"))
        }
        return rows
    }

    static func check(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let bytes = Array(html.utf8)
        for document in [HTMLDocument(utf8: bytes), HTMLDocument(utf8: bytes, allowingLightTree: false)] {
            for limit in [HTMLText.defaultMaxOutputBytes, 0, 1, 7, 40, 1_000, 100_000] {
                let expected = document.innermostTableRows(maxOutputBytes: limit)
                #expect(visited(document, maxOutputBytes: limit) == expected, "limit \(limit): \(html.debugDescription)",
                        sourceLocation: sourceLocation)
                // Every other value left unrendered: the labels and the asked values stay.
                let some = visited(document, maxOutputBytes: limit) { $0 % 2 == 0 }
                #expect(some.map(\.label) == expected.map(\.label), sourceLocation: sourceLocation)
                #expect(zip(some, expected).enumerated().allSatisfy { $0.offset % 2 == 1 || $0.element.0 == $0.element.1 },
                        sourceLocation: sourceLocation)
            }
        }
    }

    @Test("the shared inputs and table shapes")
    func sharedInputs() {
        for html in HTMLDocumentTests.inputs { Self.check(html) }
        Self.check("<table><tr><td>Name:</td><td>Jane</td></tr><tr><td>Name:</td><td>John</td></tr></table>")
        Self.check("<table><tr><td>a</td><td><table><tr><td>b</td><td>c</td></tr></table></td></tr><tr><td>d</td><td>e</td></tr></table>")
        Self.check("<ol start=\"99999999\">" + String(repeating: "<li>x</li>", count: 50) + "</ol><table><tr><td><ol start=\"7\"><li>a<li>b</ol></td><td><pre>\n x \n\n y</pre></td></tr></table>")
        Self.check("<table><tr><td>\u{FFFD}\u{A0}é</td><td>&#xD800;&amp;&lt;</td></tr></table>")
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
                      "<tbody>", "x", "label:", "value", " ", "\n", "<div>", "</div>", "<p>", "<br>", "<li>", "<ol>",
                      "<pre>", "</pre>", "&nbsp;", "<tr hidden>", "<td style=\"display:none\">", "<!--", "-->"]
        for _ in 0..<100 { Self.check(generator.soup(of: pieces)) }
    }

    @Test("a document whose cells may exhaust the budget takes the exact walk")
    func largeDocument() {
        let row = "<tr><td>Label:</td><td>" + String(repeating: "value ", count: 200) + "</td></tr>"
        let html = "<table>" + String(repeating: row, count: 2_000) + "</table>"
        let document = HTMLDocument(html)
        #expect(document.usesLightTree)
        for limit in [HTMLText.defaultMaxOutputBytes, 1_000_000, 5_000] {
            let expected = document.innermostTableRows(maxOutputBytes: limit)
            #expect(Self.visited(document, maxOutputBytes: limit) == expected)
        }
        #expect(document.innermostTableRows().count < 2_000)
    }

    @Test("deep nesting stays linear and matches the row walk")
    func deepNesting() {
        for depth in [1_000, 8_000] {
            let html = String(repeating: "<table><tr><td>k</td><td>", count: depth) + "deep"
            let document = HTMLDocument(html)
            let start = ContinuousClock.now
            #expect(Self.visited(document) == document.innermostTableRows())
            #expect(ContinuousClock.now - start < HostileInputTests.timeLimit)
        }
    }

    @Test("over the element limit nothing is visited")
    func elementLimit() {
        let huge = HTMLDocument("<table>" + String(repeating: "<tr><td>k</td><td>v</td></tr>", count: 10_000) + "</table>")
        #expect(Self.visited(huge).isEmpty)
        #expect(huge.innermostTableRows().isEmpty)
    }
}
