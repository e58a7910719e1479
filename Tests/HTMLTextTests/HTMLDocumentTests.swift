import HTMLText
import Testing

/// A document parsed once must answer exactly like the one-shot ``HTMLText`` functions, and
/// its table-row walk exactly like the XPath it replaces.
@Suite("Parsed documents")
struct HTMLDocumentTests {
    /// What extraction used to ask libxml2 for table rows; the walk must match it.
    static let tableRowCells = "//tr[not(.//tr)][count(td|th) >= 2]/*[self::td or self::th][position() <= 2]"

    /// Inputs from the other suites plus table shapes the row walk must get right.
    static let inputs: [String] = [
        XPathTests.notification,
        "",
        "   ",
        "plain text, no markup",
        "<html><head><title>Lead</title><meta name=\"lead_email\" content=\"jane@example.org\"></head><body><p>Hi</p></body></html>",
        "<table><caption>Leads</caption><thead><tr><th>Field</th><th>Value</th></tr></thead><tbody><tr><td>Email</td><td>jane@example.org</td></tr></tbody></table>",
        "<table>\n<tr><td class=\"label\">Name<td class=\"value\">Jane Doe\n<tr><td class=\"label\">Email</td><td class=\"value\">jane@example.org\n</table>",
        "<table><tr><td><p>Message:</p></td><td><p>First.</p><p>Second.</p></td></tr></table>",
        "<table><tr><td width=\"20\">&nbsp;</td><td><p>Hello.</p></td><td>&nbsp;</td></tr><tr><td></td><td>Name:</td><td></td><td>Jane</td></tr></table>",
        nestedLayout,
        "<ol start=\"3\"><li>one</li><li>two<ul><li>inner</li></ul></li></ol><pre>\n  kept   as\n  written</pre>",
        "<div style=\"display:none\">hidden</div><div hidden>also</div><p class=\"MsoNormal\">Outlook<o:p></o:p></p>",
        "<p>unclosed <b>bold <i>both</p><td>stray cell<tr>stray row",
    ]

    static let nestedLayout = """
        <table width="100%"><tr><td align="center">
          <table width="600"><tr><td><h2>New inquiry</h2></td><td>x</td></tr>
            <tr><td><table><tr><td>Name:</td><td>Jane Doe</td></tr>
                            <tr><th>Email:</th><td><a href="mailto:jane@example.org">jane@example.org</a></td><td>3rd</td></tr></table></td>
                <td>outer second cell</td></tr>
            <tr><td>Reply soon!</td><td style="display:none">hidden value</td></tr>
          </table>
        </td><td>outer</td></tr></table>
        """

    /// The rows as the XPath gives them: label, value, label, value, ...
    static func flattened(_ rows: [HTMLDocument.TableRow]) -> [String] {
        rows.flatMap { [$0.label, $0.value] }
    }

    /// The XPath's values cut to whole rows (a budget may end after a row's first cell).
    static func xpathRows(_ html: String, maxOutputBytes: Int = HTMLText.defaultMaxOutputBytes) -> [String] {
        let cells = HTMLText.values(html, xpath: tableRowCells, maxOutputBytes: maxOutputBytes)
        return Array(cells.prefix(cells.count - cells.count % 2))
    }

    @Test("rendering, XPath values and meta tags equal the one-shot functions'")
    func sameAsFreeFunctions() throws {
        let expressions = ["//td", "//td[@class='value']", "//tr/td[2]", "//title", "/", "//@href", "count(//tr)",
                           "string(//p)", "boolean(//table)", "//text()", "//comment()", "//td[", "//td[no-such(.)]"]
        for html in Self.inputs {
            let document = HTMLDocument(html)
            for limit in [HTMLText.defaultMaxOutputBytes, 0, 1, 7, 40] {
                #expect(document.rendering(maxOutputBytes: limit) == HTMLText.rendering(html, maxOutputBytes: limit))
                for xpath in expressions {
                    #expect(document.values(xpath: xpath, maxOutputBytes: limit)
                        == HTMLText.values(html, xpath: xpath, maxOutputBytes: limit))
                }
            }
            let checked = try XPathExpression("//td[@class='label']/following-sibling::td[1]")
            #expect(try document.values(matching: checked) == HTMLText.values(html, matching: checked))
            for prefix in ["", "lead_", "LEAD_", "x"] {
                let mine = document.metaValues(prefix: prefix)
                let theirs = HTMLText.metaValues(html, prefix: prefix)
                #expect(mine.map(\.name) == theirs.map(\.name))
                #expect(mine.map(\.content) == theirs.map(\.content))
            }
        }
    }

    @Test("a document answers the same question the same way twice")
    func repeatable() throws {
        let document = HTMLDocument(XPathTests.notification)
        let expression = try XPathExpression("//td[@class='value']")
        let first = try document.values(matching: expression)
        #expect(try document.values(matching: expression) == first)
        #expect(document.rendering() == document.rendering())
        #expect(document.innermostTableRows() == document.innermostTableRows())
    }

    @Test("innermost table rows: the XPath's cells, in its order")
    func tableRowsMatchXPath() {
        for html in Self.inputs {
            let rows = HTMLDocument(html).innermostTableRows()
            #expect(Self.flattened(rows) == Self.xpathRows(html), "\(html)")
        }
        let rows = HTMLDocument(Self.nestedLayout).innermostTableRows()
        #expect(rows == [
            .init(label: "New inquiry", value: "x"),
            .init(label: "Name:", value: "Jane Doe"),
            .init(label: "Email:", value: "jane@example.org"),
            .init(label: "Reply soon!", value: "hidden value"),
        ])
    }

    @Test("rows nested in rows: only rows holding no other row count")
    func nestedRows() {
        let html = """
            <table><tr><td>outer label</td><td>outer value
              <table><tr><td>middle</td><td><table><tr><td>inner</td><td>value</td></tr></table></td></tr></table>
            </td></tr>
            <tr><td>one cell only<table><tr><td>a</td><td>b</td></tr></table></td></tr>
            <tr><th>head</th><td>mixed</td></tr>
            <tr><td>k</td>text<span>not a cell</span><td>v</td><td>extra</td></tr>
            <tr><td>lonely</td></tr></table>
            """
        let rows = HTMLDocument(html).innermostTableRows()
        #expect(Self.flattened(rows) == Self.xpathRows(html))
        #expect(rows.map(\.label) == ["inner", "a", "head", "k"])
        #expect(rows.map(\.value) == ["value", "b", "mixed", "v"])
    }

    @Test("the output budget is shared by all cells, as with the XPath")
    func tableRowsBudget() {
        let html = "<table>" + String(repeating: "<tr><td>Label:</td><td>some value</td></tr>", count: 50) + "</table>"
        let document = HTMLDocument(html)
        for limit in [0, 1, 5, 6, 7, 16, 17, 100, 1_000] {
            let rows = document.innermostTableRows(maxOutputBytes: limit)
            #expect(Self.flattened(rows) == Self.xpathRows(html, maxOutputBytes: limit), "limit \(limit)")
        }
    }

    @Test("random table soup: the walk always matches the XPath", arguments: 0..<4)
    func randomTables(seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        // Row and cell tags weigh most, so most documents hold rows; rarer pieces break things.
        let pieces = ["<table>", "<table>", "</table>", "<tr>", "<tr>", "<tr>", "</tr>", "<td>", "<td>", "<td>", "<td>",
                      "</td>", "<th>", "</th>", "<tbody>", "<thead>", "x", "x", "label:", "value", " ", "\n",
                      "<div>", "</div>", "<p>", "<br>", "<b>", "</b>", "<td style=\"display:none\">", "<caption>",
                      "<o:p>", "&nbsp;", "<tr hidden>"]
        let rare = ["<script>", "</script>", "<!--", "-->", "<title>", "</title>"]
        var withRows = 0
        for _ in 0..<200 {
            var html = ""
            for _ in 0..<Int(generator.next() % 120) {
                if generator.next() % 50 == 0 {
                    html += rare[Int(generator.next() % UInt64(rare.count))]
                } else {
                    html += pieces[Int(generator.next() % UInt64(pieces.count))]
                }
            }
            let limit = generator.next() % 3 == 0 ? Int(generator.next() % 60) : HTMLText.defaultMaxOutputBytes
            let rows = HTMLDocument(html).innermostTableRows(maxOutputBytes: limit)
            #expect(Self.flattened(rows) == Self.xpathRows(html, maxOutputBytes: limit), "\(html)")
            if !rows.isEmpty { withRows += 1 }
        }
        // The soup is table-rich enough to test something.
        #expect(withRows > 20, "\(withRows) of 200 documents had rows")
    }

    @Test("hostile nesting: 100,000 nested tables finish quickly and match the XPath")
    func deepNesting() {
        let html = String(repeating: "<table><tr><td>k</td><td>", count: 100_000) + "deep"
        let start = ContinuousClock.now
        let document = HTMLDocument(html)
        let rows = document.innermostTableRows()
        #expect(ContinuousClock.now - start < HostileInputTests.timeLimit)
        #expect(Self.flattened(rows) == Self.xpathRows(html))
        #expect(document.rendering().isTruncated)
    }

    @Test("over the XPath element limit the walk gives nothing, like the XPath; just under, every row")
    func elementLimit() {
        let row = "<tr><td>k</td><td>v</td></tr>"
        let huge = HTMLDocument("<table>" + String(repeating: row, count: 50_000) + "</table>")
        let start = ContinuousClock.now
        #expect(huge.innermostTableRows().isEmpty)
        #expect(huge.values(xpath: "//td").isEmpty)
        #expect(ContinuousClock.now - start < HostileInputTests.timeLimit)

        // html, head and body are elements too; tbody is implied by the parser.
        let count = (HTMLText.maxXPathElements - 10) / 3
        let large = "<table>" + String(repeating: row, count: count) + "</table>"
        #expect(HTMLDocument(large).innermostTableRows().count == count)
        #expect(Self.flattened(HTMLDocument(large).innermostTableRows()) == Self.xpathRows(large))
    }

    @Test("one document read from many tasks at once gives identical results")
    func concurrentReads() async throws {
        let html = "<table>" + String(repeating: "<tr><td>Name:</td><td>Jane&nbsp;Doe</td></tr>", count: 200) + "</table>"
        let document = HTMLDocument(html)
        let expression = try XPathExpression("//tr/td[2]")
        let text = document.rendering()
        let rows = document.innermostTableRows()
        let values = try document.values(matching: expression)
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    for _ in 0..<10 {
                        guard document.rendering() == text, document.innermostTableRows() == rows,
                            (try? document.values(matching: expression)) == values
                        else { return false }
                    }
                    return true
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results == Array(repeating: true, count: 16))
        #expect(rows.count == 200)
    }
}
