import HTMLText
import Testing

/// Attacker-controlled markup must finish quickly with bounded output and never crash.
@Suite("Hostile input")
struct HostileInputTests {
    /// Generous bound for debug builds on a shared 2-core machine, with the whole suite
    /// running in parallel (11.9 s seen for 50,000 rows on a slower CPU of this kind); the
    /// work is linear, so a quadratic regression (billions of steps) blows far past it.
    static let timeLimit = Duration.seconds(30)

    @Test("100,000 nested <div>: no stack overflow; text before the nesting survives")
    func deepNesting() {
        let html = "<p>Name: Jane</p>" + String(repeating: "<div>", count: 100_000) + "deep" + String(repeating: "</div>", count: 100_000)
        let start = ContinuousClock.now
        let result = HTMLText.rendering(html)
        #expect(ContinuousClock.now - start < Self.timeLimit)
        #expect(result.text.hasPrefix("Name: Jane"))
        // libxml2 gives up past depth 256 and drops the rest: reported, not hidden.
        #expect(result.isTruncated)
    }

    @Test("50,000 unclosed inline and table tags")
    func unclosedNesting() {
        let html = "lead" + String(repeating: "<b><i><table><tr><td>", count: 50_000) + "x"
        let start = ContinuousClock.now
        let result = HTMLText.rendering(html)
        #expect(ContinuousClock.now - start < Self.timeLimit)
        #expect(result.text.hasPrefix("lead"))
        #expect(HTMLText.values(html, xpath: "count(//td)").count == 1)
    }

    @Test("5 MB of text: cut at the default 2 MiB limit, complete with a larger limit")
    func hugeText() {
        let words = String(repeating: "lorem ipsum ", count: 437_000)  // 5.2 MB
        let html = "<p>" + words + "</p>"
        let start = ContinuousClock.now
        let capped = HTMLText.rendering(html)
        #expect(ContinuousClock.now - start < Self.timeLimit)
        #expect(capped.isTruncated)
        #expect(capped.text.utf8.count <= HTMLText.defaultMaxOutputBytes)
        #expect(capped.text.utf8.count > HTMLText.defaultMaxOutputBytes - 16)

        let full = HTMLText.rendering(html, maxOutputBytes: 8 << 20)
        #expect(!full.isTruncated)
        #expect(full.text.utf8.count == words.utf8.count - 1)  // the final space is trimmed
    }

    @Test("the output limit never splits a UTF-8 character")
    func limitOnCharacterBoundary() {
        let html = "<p>" + String(repeating: "é€😀", count: 1000) + "</p>"
        for limit in [0, 1, 2, 3, 5, 8, 9, 100, 101, 102, 103] {
            let result = HTMLText.rendering(html, maxOutputBytes: limit)
            #expect(result.text.utf8.count <= limit)
            #expect(!result.text.contains("\u{FFFD}"))
            #expect(result.isTruncated)
        }
    }

    @Test("50,000 table cells in one row render as one line")
    func manyCells() {
        let html = "<table><tr>" + String(repeating: "<td>c</td>", count: 50_000) + "</tr></table>"
        let start = ContinuousClock.now
        let text = HTMLText.render(html)
        #expect(ContinuousClock.now - start < Self.timeLimit)
        #expect(!text.contains("\n"))
        #expect(text.utf8.count == 50_000 * 2 - 1)
    }

    @Test("50,000 rows render one line each; XPath refuses a document that large, quickly")
    func manyRows() throws {
        let row = "<tr><td class=\"label\">k</td><td class=\"value\">v</td></tr>"
        let html = "<table>" + String(repeating: row, count: 50_000) + "</table>"
        let expression = try XPathExpression("//td[@class='label']/following-sibling::td[@class='value'][1]")
        let start = ContinuousClock.now
        let text = HTMLText.render(html)
        let error = try #require(throws: XPathError.self) { try HTMLText.values(html, matching: expression) }
        #expect(ContinuousClock.now - start < Self.timeLimit)
        #expect(text.split(separator: "\n").count == 50_000)
        #expect(error.code == .evaluationFailed)
        #expect(HTMLText.values(html, xpath: expression.source).isEmpty)

        // Just under the element limit (3 per row), every row is still found.
        let rows = (HTMLText.maxXPathElements - 2) / 3
        let large = "<table>" + String(repeating: row, count: rows) + "</table>"
        #expect(try HTMLText.values(large, matching: expression).count == rows)
    }

    @Test("a quadratic XPath over a hostile document stops at the operation limit")
    func quadraticXPath() throws {
        let html = "<div>" + String(repeating: "<span>x</span>", count: 60_000) + "</div>"
        let expression = try XPathExpression("//span[count(preceding-sibling::span) > count(following-sibling::span)]")
        let start = ContinuousClock.now
        #expect(throws: XPathError.self) { try HTMLText.values(html, matching: expression) }
        #expect(ContinuousClock.now - start < Self.timeLimit)
    }

    @Test("nested XPath matches share one output budget")
    func sharedXPathBudget() {
        let html = String(repeating: "<div>", count: 200) + String(repeating: "word ", count: 20_000)
        let values = HTMLText.values(html, xpath: "//div", maxOutputBytes: 300_000)
        #expect(values.reduce(0) { $0 + $1.utf8.count } <= 300_000)
        #expect(values.count < 200)
    }

    @Test("random bytes and random tag soup never crash", arguments: 0..<4)
    func randomInput(seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        let pieces = ["<div>", "</div>", "<p>", "<td>", "<tr>", "<table>", "</table>", "<br>", "<pre>", "</pre>",
                      "<li>", "<ol>", "<script>", "</script>", "<!--", "-->", "&nbsp;", "&#", "<![if x]>", "<o:p>",
                      "text ", "\n", "\u{A0}", "é", "<", ">", "\"", "=", " style=\"display:none\"", "<![endif]>"]
        for _ in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(generator.next() % 200) {
                if generator.next() % 4 == 0 {
                    bytes.append(UInt8(truncatingIfNeeded: generator.next()))
                } else {
                    bytes += pieces[Int(generator.next() % UInt64(pieces.count))].utf8
                }
            }
            let limit = 1 + Int(generator.next() % 400)
            let result = HTMLText.rendering(utf8: bytes, maxOutputBytes: limit)
            #expect(result.text.utf8.count <= limit)
            #expect(!result.text.hasPrefix("\n"))
            #expect(!result.text.split(separator: "\n").contains { $0.hasSuffix(" ") || $0.hasSuffix("\t") })
        }
    }
}

/// A tiny deterministic generator so failures reproduce.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E4B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Up to `maxPieces - 1` of `pieces`, picked at random and joined: tag soup for the
    /// differential tests of the table-row readers.
    mutating func soup(of pieces: [String], maxPieces: UInt64 = 150) -> String {
        var html = ""
        for _ in 0..<Int(next() % maxPieces) { html += pieces[Int(next() % UInt64(pieces.count))] }
        return html
    }
}
