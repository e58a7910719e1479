import Foundation
@testable import HTMLText
import Testing

/// The light parser's promise: whenever it builds a tree, that tree is libxml2's, so every
/// answer (rendering, table rows, meta tags, XPath values) is the same as libxml2's.
@Suite("Light HTML parser")
struct LightHTMLParserTests {
    // MARK: - Checking one document

    /// Compares the two trees and, when the light parser accepted `html`, every answer of
    /// a light document with a libxml2-only one. Returns whether it was accepted.
    @discardableResult
    static func checkEquivalence(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let bytes = Array(html.utf8)
        guard let dumps = LightHTMLTreeCheck.dumps(bytes) else { return false }
        #expect(dumps.light == dumps.libxml, "trees differ for \(html.debugDescription)", sourceLocation: sourceLocation)
        guard dumps.light == dumps.libxml else { return true }
        let light = HTMLDocument(utf8: bytes)
        let libxml = HTMLDocument(utf8: bytes, allowingLightTree: false)
        #expect(light.usesLightTree && !libxml.usesLightTree, sourceLocation: sourceLocation)
        #expect(light.rendering() == libxml.rendering(), sourceLocation: sourceLocation)
        #expect(light.rendering(maxOutputBytes: 40) == libxml.rendering(maxOutputBytes: 40), sourceLocation: sourceLocation)
        #expect(light.innermostTableRows() == libxml.innermostTableRows(), sourceLocation: sourceLocation)
        #expect(light.innermostTableRows(maxOutputBytes: 30) == libxml.innermostTableRows(maxOutputBytes: 30),
                sourceLocation: sourceLocation)
        let lightMeta = light.metaValues(prefix: "").map { "\($0.name)=\($0.content)" }
        let libxmlMeta = libxml.metaValues(prefix: "").map { "\($0.name)=\($0.content)" }
        #expect(lightMeta == libxmlMeta, sourceLocation: sourceLocation)
        for xpath in xpaths {
            #expect(light.values(xpath: xpath) == libxml.values(xpath: xpath), "\(xpath)", sourceLocation: sourceLocation)
            #expect(light.values(xpath: xpath, maxOutputBytes: 20) == libxml.values(xpath: xpath, maxOutputBytes: 20),
                    "\(xpath)", sourceLocation: sourceLocation)
        }
        return true
    }

    /// Served by the light tree (the first five) and by libxml2's on-demand tree (the rest).
    static let xpaths = [
        "//td[@class=\"x\"]", "//p[@class='lead-message']", "//td", "//p", "//span[@title=\"a b\"]",
        "//tr/td[2]", "count(//td)", "//td[@class=\"x\"]/following-sibling::td[1]", "//@class",
    ]

    // MARK: - Fixtures

    @Test("every HTML part of every fixture: same tree and answers as libxml2")
    func fixtures() throws {
        let parts = FixtureHTML.all()
        #expect(parts.count > 50)
        var accepted = 0
        for part in parts where Self.checkEquivalence(part.html) { accepted += 1 }
        // Most fixtures are tidy template HTML: if the light parser turns them all down,
        // something broke (and the cost comes back).
        #expect(accepted * 2 > parts.count, "light parser accepted \(accepted) of \(parts.count)")
    }

    @Test("Outlook's forwards (xmlns:o, o:p) are read by the light parser")
    func outlookFixtures() {
        let outlook = FixtureHTML.all().filter { $0.html.contains("<o:p>") && $0.html.contains("xmlns:o=") }
        #expect(!outlook.isEmpty)
        for part in outlook {
            #expect(Self.checkEquivalence(part.html), "declined \(part.path)")
            #expect(HTMLDocument(part.html).values(xpath: "//p").count == HTMLDocument(
                utf8: Array(part.html.utf8), allowingLightTree: false).values(xpath: "//p").count)
        }
    }

    // MARK: - Generated documents

    @Test("thousands of generated documents: accepted ones match libxml2")
    func generated() {
        var generator = DocumentGenerator(seed: 0x5EED)
        var accepted = 0
        let total = 4000
        for _ in 0..<total where Self.checkEquivalence(generator.document()) { accepted += 1 }
        #expect(accepted > total / 5, "light parser accepted \(accepted) of \(total)")
    }

    @Test("hand-picked constructs", arguments: [
        "<html><body><p>Hello &amp; welcome</p></body></html>",
        "<table> <tr> <td> x </td>\n<td>y</td> </tr> </table>",
        "<html>\n<head>\n<meta name=\"lead_email\" content=\"a&amp;b@example.org\">\n<title> T </title>\n</head>\n<body>\n<p>x</p>\n</body>\n</html>\n",
        "<meta name=lead_name content='Jane'><table><tr><td class=x>Name:</td><td>Jane</td></tr></table>",
        "<body><td nowrap class>a</td><br/><div/>z<img src=a.png/></body>",
        "<body><p>a<p>b<ul><li>c<li>d</ul><table><tr><td>e<td>f</table>",
        "<body><b><p>x</p></b></body>",
        "<body>\r\n<p class=\"a\r\nb\">c\r\nd</p><!-- x\r\ny --></body>",
        "<style>\(String(repeating: "td { color: red; }\n", count: 120))</style><p>x</p>",
        "<body>&#39;&#x27;&#169;&copy;&nbsp;&hellip;&amp &; a&b &lt;x&gt;</body>",
        "<body><a href=\"https://x.example/?a=1&b=2&amp;c=3&utm_source=x;\">l</a></body>",
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head></head><body>x</body></html>",
        "<html><body>x</body>\n</html>\n<!-- after -->\n",
        "<div><span>a</div>b</span>",
        "<table><tr><td><div>a</td></tr></table>",
        "<td><span>x</td>",
        "<p>x</P></P><P>y",
        "<head><style>a{}</style></head><style>b{}</style><body>x</body>",
        "<html><title>x</title><body><p>y</p></body></html>",
        "<script>if (a < b && c) { x = '</scr' + 'ipt>'; }</script><p>z</p>",
        "<body><pre>\nline\n  indented</pre></body>",
        "<body><ol start=\"3\"><li>a</li><li>b</li></ol></body>",
        "<body><p class=MsoNormal>x<o:p></o:p></p></body>",
        "<body><div style=\"display:none\">hidden</div><div hidden>h</div>shown</body>",
        "<body>\u{00A0}é\u{2013}😀</body>",
        // Outlook: `o:p` is a `p` in the tree but stays `o:p` to the parser's stack.
        "<body><o:p>x</o:p></body>",
        "<HTML XMLNS:O=\"urn:schemas-microsoft-com:office:office\" xml:lang=en a.b=1 o:spid=\"_x0000\"><body><P class=MsoNormal>x<O:P></O:P></P></body></HTML>",
        "<body><p>a<o:p>b</p>c", "<body><div><o:p>x<p>y</p><div>z</div></o:p>w</div>", "<body><o:p>a</div>b</o:p>c",
        "<body><table><tr><td>a<o:p>b</td><td>c</td></tr></table>", "<head><o:p>x</o:p></head><body>y</body>",
        "<o:p>x</o:p>", "<body><p>a<o:p/>b</p>", "<body><b>a<o:p>b</b>c</o:p>d", "<body><p>a<o:p>b<p>c</p>",
        "<body><o:p><li>x</o:p>", "<body><p>a<o:p>b</o:p></P></body>", "<body><p class=MsoNormal><o:p>&nbsp;</o:p></p></body>",
    ])
    func handPicked(_ html: String) {
        Self.checkEquivalence(html)
    }

    @Test("the common template shape is accepted")
    func acceptsTemplates() {
        let html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="lead_email" content="jane@example.org">
              <title>New lead</title>
              <style>td { padding: 4px; }</style>
            </head>
            <body>
              <table width="100%" cellpadding='0' border=0>
                <tr><td class="label"><b>Name:</b></td><td class="customer-name">Jane&nbsp;Doe</td></tr>
                <tr><td class="label"><strong>Message:</strong></td><td class="message">It&#39;s &amp; more<br>second line</td></tr>
              </table>
              <p class="lead-message">Hello <a href="https://example.org/?a=1&amp;b=2">there</a></p>
              <img src="https://example.org/pixel.gif" width="1" height="1" alt="">
            </body>
            </html>
            """
        #expect(Self.checkEquivalence(html))
        #expect(HTMLDocument(html).usesLightTree)
    }

    @Test("declines what it does not model", arguments: [
        "", "   ", "plain text", "<html>text directly in html</html>", "<p>x</p>\n<p>y</p></body></html>after",
        "<body><v:shape>x</v:shape></body>", "<body><o:pre>x</o:pre></body>", "<body><o:p:x>y</body>", "<body>&zwnj;</body>", "<body><td a=1 a=2>x</td></body>",
        "<body><![if !supportLists]>x<![endif]></body>", "<body><?php x ?></body>", "<body><!-- a -- b --></body>",
        "<body><div\rclass=x>y</div></body>", "<body><custom-tag>x</custom-tag></body>",
        "<body>" + String(repeating: "<div>", count: 300) + "x",
    ])
    func declines(_ html: String) {
        #expect(LightHTMLTreeCheck.dumps(Array(html.utf8)) == nil)
        #expect(!HTMLDocument(html).usesLightTree)
    }

    // MARK: - Hostile input

    @Test("hostile inputs stay linear and agree with libxml2")
    func hostile() {
        let inputs = [
            String(repeating: "<table><tr><td>", count: 100_000),
            String(repeating: "<b>", count: 10 * 1024 * 1024 / 3),
            "<body><td class=\"" + String(repeating: "a", count: 1_000_000),
            "<body><!--" + String(repeating: "-", count: 1_000_000),
            "<body><style>" + String(repeating: "</sty", count: 200_000),
            "<body>" + String(repeating: "&", count: 1_000_000),
            "<body>" + String(repeating: "&amp", count: 300_000),
            "<body><td " + String(repeating: "a ", count: 500_000) + ">",
            "<body>" + String(repeating: "<p>x", count: 200_000),
            "<body>" + String(repeating: "</div>", count: 200_000),
            "<body>" + String(repeating: "<br/>", count: 300_000),
        ]
        for html in inputs {
            let clock = ContinuousClock()
            let start = clock.now
            let document = HTMLDocument(html)
            _ = document.rendering()
            _ = document.innermostTableRows()
            _ = document.values(xpath: "//td[@class=\"x\"]")
            #expect(clock.now - start < .seconds(20), "\(html.prefix(40))")
        }
    }
}

/// The HTML parts of the project's `.eml` fixtures, found and decoded well enough for a
/// parser test (quoted-printable and base64; UTF-8, otherwise Latin-1).
enum FixtureHTML {
    static func all() -> [(path: String, html: String)] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        var results: [(String, String)] = []
        for directory in ["parsers/fixtures", "fixtures/email", "fixtures/mime"] {
            let base = root.appendingPathComponent(directory)
            guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in enumerator where url.pathExtension == "eml" {
                guard let data = try? Data(contentsOf: url) else { continue }
                for html in htmlParts(of: [UInt8](data)) { results.append((url.path, html)) }
            }
        }
        return results
    }

    /// Every part whose header says `text/html`, decoded.
    private static func htmlParts(of message: [UInt8]) -> [String] {
        let text = String(decoding: message, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        var parts: [String] = []
        var searchStart = text.startIndex
        while let range = text.range(of: "text/html", options: .caseInsensitive, range: searchStart..<text.endIndex) {
            searchStart = range.upperBound
            guard let headerEnd = text.range(of: "\n\n", range: range.upperBound..<text.endIndex) else { break }
            let headerStart = text[..<range.lowerBound].range(of: "\n\n", options: .backwards)?.upperBound ?? text.startIndex
            let header = text[headerStart..<headerEnd.lowerBound].lowercased()
            var bodyEnd = text.endIndex
            if let boundary = text.range(of: "\n--", range: headerEnd.upperBound..<text.endIndex) { bodyEnd = boundary.lowerBound }
            let body = String(text[headerEnd.upperBound..<bodyEnd])
            var bytes: [UInt8]
            if header.contains("quoted-printable") {
                bytes = quotedPrintable(body)
            } else if header.contains("base64") {
                bytes = [UInt8](Data(base64Encoded: body.filter { !$0.isWhitespace }) ?? Data())
            } else {
                bytes = Array(body.utf8)
            }
            if let utf8 = String(validating: bytes, as: UTF8.self) {
                parts.append(utf8)
            } else {
                parts.append(String(bytes.map { Character(Unicode.Scalar($0)) }))
            }
            searchStart = headerEnd.upperBound
        }
        return parts
    }

    private static func quotedPrintable(_ body: String) -> [UInt8] {
        var output: [UInt8] = []
        let bytes = Array(body.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "="), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") {
                index += 2
            } else if byte == UInt8(ascii: "="), index + 2 < bytes.count,
                let value = UInt8(String(decoding: bytes[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
            {
                output.append(value)
                index += 3
            } else {
                output.append(byte)
                index += 1
            }
        }
        return output
    }
}

/// Random documents mixing the constructs notification HTML uses and the ones the light
/// parser must decline or model exactly: whitespace everywhere, references, the three
/// attribute quoting forms, boolean and valueless attributes, void and self-closing tags,
/// nested tables, meta in head and body, unclosed and stray tags, comments, style/script.
struct DocumentGenerator {
    /// Reproducible across runs and platforms.
    private var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    private mutating func next() -> UInt64 { random.next() }

    private mutating func chance(_ percent: UInt64) -> Bool { next() % 100 < percent }

    private mutating func pick<T>(_ options: [T]) -> T { options[Int(next() % UInt64(options.count))] }

    mutating func document() -> String {
        var html = ""
        if chance(10) { html += pick([" ", "\n", "<!-- lead -->\n"]) }
        if chance(40) { html += pick(["<!DOCTYPE html>\n", "<!doctype html>", "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">\n"]) }
        let explicitHTML = chance(70)
        if explicitHTML {
            html += pick(["<html>", "<HTML lang=\"en\">", "<html xmlns=\"http://www.w3.org/1999/xhtml\">",
                          "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:w=\"urn:schemas-microsoft-com:office:word\">"])
                + whitespace()
        }
        if chance(60) {
            let explicitHead = chance(80)
            if explicitHead { html += "<head>" + whitespace() }
            for _ in 0..<Int(next() % 4) {
                html += pick([
                    "<meta name=\"lead_\(pick(["email", "name", "phone"]))\" content=\"\(text())\">",
                    "<meta charset=\"utf-8\">", "<meta http-equiv=Content-Type content='text/html; charset=iso-8859-1' />",
                    "<title>\(text())</title>", "<style>\(style())</style>", "<link rel=stylesheet href=x.css>",
                ]) + whitespace()
            }
            if explicitHead && chance(90) { html += "</head>" + whitespace() }
        }
        let explicitBody = chance(70)
        if explicitBody { html += pick(["<body>", "<BODY bgcolor=\"#fff\">", "<body style=\"margin:0\">"]) }
        for _ in 0..<Int(1 + next() % 6) { html += block(depth: 0) }
        if explicitBody && chance(80) { html += whitespace() + "</body>" }
        if explicitHTML && chance(80) { html += whitespace() + "</html>" }
        if chance(20) { html += pick(["\n", " \n", "<!-- end -->\n", "\ntrailing", "<p>late</p>"]) }
        return html
    }

    private mutating func whitespace() -> String {
        pick(["", "", " ", "\n", "\n  ", "\t", "\r\n", "  \n\t "])
    }

    private mutating func text() -> String {
        var result = ""
        for _ in 0..<Int(1 + next() % 4) {
            result += pick([
                "Jane", "Doe", "Name:", " ", "  ", "\n", "\r\n", "&nbsp;", "&amp;", "&#39;", "&#x27;", "&lt;b&gt;",
                "&copy;", "&quot;", "&mdash;", "&hellip;", "&rsquo;", "é", "\u{00A0}", "(512) 555-0134",
                "a & b", "&amp", "&eacute;", "x;y", "\t", "😀", "&#8209;", "\r", "&euro;", "&Eacute;",
                "&frac12;", "&szlig;", "&yuml;", "&iexcl;", "&shy;", "&times;", "&ndash;", "&ldquo;x&rdquo;", "&trade;",
            ])
        }
        return result
    }

    private mutating func style() -> String {
        chance(10) ? String(repeating: "td { padding: 4px; }\n", count: 60) : pick(["", "p { margin: 0 }", "a{}\r\n", " td > b { x: y } "])
    }

    private mutating func attributes() -> String {
        var result = ""
        for _ in 0..<Int(next() % 4) {
            let name = pick(["class", "style", "width", "nowrap", "id", "title", "href", "CLASS", "data-x", "align", "hidden",
                             "xmlns:o", "o:spid", "XMLNS:V", "xml:lang", "a.b"])
            result += pick([" ", "  ", "\n"]) + name
            switch next() % 6 {
            case 0: break
            case 1: result += "=\"" + pick(["x", "label", "a b", "display:none", "MsoNormal", "1&amp;2", "&nbsp;", "", "q?a=1&b=2"]) + "\""
            case 2: result += "='" + pick(["x", "customer-name", "lead-message", "it\"s", "display: none;"]) + "'"
            case 3: result += "=" + pick(["x", "100%", "0", "a.png/", "#fff"])
            case 4: result += " = \"x\""
            default: result += "=\"" + pick(["a\r\nb", "\t", "&#169;", "&copy;"]) + "\""
            }
        }
        return result
    }

    private mutating func inline(depth: Int) -> String {
        switch next() % 12 {
        case 0, 1, 2: return text()
        case 3: return "<br>"
        case 4: return pick(["<br/>", "<br />", "<img src=\"x.gif\" alt=\"\">", "<img src=x.gif/>", "<hr>"])
        case 5: return "<!-- \(pick(["c", "[if mso]>x<![endif]", "a\r\nb", "", "x -- y"])) -->"
        case 6:
            let tag = pick(["b", "strong", "span", "a", "font", "em", "i", "u", "small", "SPAN", "o:p", "O:P", "o:p", "custom", "v:shape"])
            let content = depth < 4 ? inline(depth: depth + 1) : text()
            let close = chance(90) ? "</\(tag)>" : ""
            return "<\(tag)\(attributes())>" + content + whitespace() + close
        case 7: return whitespace()
        case 8: return pick(["</p>", "</div>", "</foo>", "</b>", "</td>", "</br>", "", "</o:p>", "<o:p></o:p>", "<o:p/>"])
        case 9: return "<meta name=\"lead_x\" content=\"\(text())\">"
        case 10: return pick(["<![if !supportLists]>", "<?xml x?>", "<", "&", "a < b"])
        default: return text() + whitespace()
        }
    }

    private mutating func block(depth: Int) -> String {
        let ws = whitespace()
        switch next() % 8 {
        case 0, 1:
            return ws + table(depth: depth)
        case 2:
            let close = chance(85) ? "</p>" : ""
            // Outlook ends its paragraphs with an empty or `&nbsp;` `o:p`.
            let outlook = chance(20) ? pick(["<o:p></o:p>", "<o:p>&nbsp;</o:p>", "<O:P> </O:P>"]) : ""
            return ws + "<p\(attributes())>" + inline(depth: depth) + inline(depth: depth) + outlook + close
        case 3:
            let inner = depth < 3 ? block(depth: depth + 1) : inline(depth: depth)
            return ws + "<div\(attributes())>" + inner + whitespace() + (chance(90) ? "</div>" : "")
        case 4:
            var list = "<ul>"
            for _ in 0..<Int(1 + next() % 3) { list += whitespace() + "<li>" + inline(depth: depth) + (chance(70) ? "</li>" : "") }
            return ws + list + "</ul>"
        case 5:
            return ws + pick(["<h1>", "<h2>", "<center>", "<blockquote>"]) + inline(depth: depth) + pick(["</h1>", "</h2>", "</center>", "</blockquote>", ""])
        case 6:
            return ws + pick(["<script>var x = 1 < 2;</script>", "<style>p{}</style>", "<pre>\n a\n</pre>", "<div/>", "<table></table>"])
        default:
            return ws + inline(depth: depth)
        }
    }

    private mutating func table(depth: Int) -> String {
        var result = "<table\(attributes())>" + whitespace()
        let withBody = chance(30)
        if withBody { result += "<tbody>" }
        for _ in 0..<Int(1 + next() % 3) {
            result += whitespace() + "<tr\(attributes())>"
            for _ in 0..<Int(1 + next() % 3) {
                let cell = pick(["td", "th", "TD"])
                let content = depth < 3 && chance(25) ? table(depth: depth + 1) : inline(depth: depth)
                result += whitespace() + "<\(cell)\(attributes())>" + content + whitespace() + (chance(85) ? "</\(cell)>" : "")
            }
            result += whitespace() + (chance(85) ? "</tr>" : "")
        }
        if withBody && chance(80) { result += "</tbody>" }
        return result + whitespace() + (chance(95) ? "</table>" : "")
    }
}

/// Prints how many fixture HTML parts the light parser accepts, and why it declines the
/// others (run with `--filter lightParserCoverage` to read the numbers).
@Suite("Light HTML parser coverage")
struct LightHTMLParserCoverage {
    @Test("lightParserCoverage: accepted and declined fixture HTML, with reasons")
    func lightParserCoverage() {
        var byDirectory: [String: (accepted: Int, total: Int)] = [:]
        var reasons: [String: Int] = [:]
        for part in FixtureHTML.all() {
            let directory = part.path.contains("parsers/fixtures") ? "parsers/fixtures" : "fixtures"
            let reason = Array(part.html.utf8).withUnsafeBufferPointer { LightHTMLParser.declineReason($0) }
            byDirectory[directory, default: (0, 0)].total += 1
            if let reason {
                let key = String(reason.prefix(while: { $0 != " " }))
                reasons[key, default: 0] += 1
                print("declined \(part.path.split(separator: "/").suffix(2).joined(separator: "/")): \(reason)")
            } else {
                byDirectory[directory, default: (0, 0)].accepted += 1
            }
        }
        for (directory, counts) in byDirectory.sorted(by: { $0.key < $1.key }) {
            print("light parser: \(directory): accepted \(counts.accepted) of \(counts.total)")
        }
        for (reason, count) in reasons.sorted(by: { $0.value > $1.value }) { print("reason \(count)x \(reason)") }
        #expect(!byDirectory.isEmpty)
    }
}

@Suite("Light HTML document concurrency")
struct LightHTMLDocumentConcurrencyTests {
    @Test("one light document, many tasks: the on-demand libxml2 tree is built once and shared")
    func sharedLazyTree() async {
        let html = "<table>" + String(repeating: "<tr><td class=\"x\">Name:</td><td>Jane&nbsp;Doe</td></tr>", count: 50) + "</table>"
        let document = HTMLDocument(html)
        #expect(document.usesLightTree)
        let expected = HTMLDocument(utf8: Array(html.utf8), allowingLightTree: false).values(xpath: "//tr/td[2]")
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    document.values(xpath: "//tr/td[2]") == expected && document.values(xpath: "//td[@class=\"x\"]").count == 50
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results == Array(repeating: true, count: 8))
    }
}

@Suite("Light HTML names")
struct LightHTMLNamesTests {
    @Test("hard-coded ids, masks and the name switch agree with the name table")
    func tablesAgree() {
        #expect(LightHTMLNames.names.count <= 64)
        let fixed: [(UInt8, String)] = [
            (LightHTMLNames.html, "html"), (LightHTMLNames.head, "head"), (LightHTMLNames.body, "body"),
            (LightHTMLNames.title, "title"), (LightHTMLNames.meta, "meta"), (LightHTMLNames.link, "link"),
            (LightHTMLNames.style, "style"), (LightHTMLNames.script, "script"), (LightHTMLNames.blockquote, "blockquote"),
            (LightHTMLNames.outlookParagraph, "o:p"),
        ]
        for (id, name) in fixed { #expect(LightHTMLNames.names[Int(id)] == name) }
        func mask(_ names: [String]) -> UInt64 { names.reduce(0) { $0 | (1 << UInt64(LightHTMLNames.id($1))) } }
        #expect(LightHTMLNames.voidMask == mask(["meta", "link", "col", "br", "hr", "img"]))
        #expect(LightHTMLNames.rawTextMask == mask(["style", "script"]))
        #expect(LightHTMLNames.headContentMask == mask(["script", "style", "meta", "link", "title"]))
        #expect(LightHTMLNames.treeNames[Int(LightHTMLNames.outlookParagraph)] == "p")
        #expect(LightHTMLNames.idMask(treeName: "p") == (1 as UInt64) << 18 | 1 << 63)
        for (index, name) in LightHTMLNames.names.enumerated() where name.utf8.count <= 8 && !name.contains(":") {
            var key: UInt64 = 0
            for (offset, byte) in name.utf8.enumerated() { key |= UInt64(byte) << (8 * UInt64(offset)) }
            #expect(LightHTMLNames.id(packed: key, length: name.utf8.count) == UInt8(index), "\(name)")
        }
        #expect(LightHTMLNames.id(packed: 0x6F6F66, length: 3) == nil)  // "foo"
    }
}
