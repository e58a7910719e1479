import HTMLText
import Testing

@Suite("XPath selection")
struct XPathTests {
    static let notification = """
        <html><body><table>
        <tr><td class="label">Name</td><td class="value">Jane <b>Doe</b></td></tr>
        <tr><td class="label">Email</td><td class="value"><a href="mailto:jane@example.org">jane@example.org</a></td></tr>
        <tr><td class="label">Phone</td><td class="value">(512)&nbsp;555-0134
        <tr><td class="label">Message</td><td class="value">Is lot 12<br>still available?</td></tr>
        <tr><td class="label">Notes</td><td class="value"></td></tr>
        </table><div id="footer" data-lead-id="L-42">Sent by Example Homes</div></body></html>
        """

    @Test("label/value cells, including the one whose <td> was never closed")
    func labelValuePairs() {
        let values = HTMLText.values(Self.notification, xpath: "//td[@class='label']/following-sibling::td[@class='value'][1]")
        #expect(values == ["Jane Doe", "jane@example.org", "(512) 555-0134", "Is lot 12\nstill available?", ""])
    }

    @Test("a value found by its label text")
    func byLabelText() {
        let values = HTMLText.values(Self.notification, xpath: "//td[normalize-space(.)='Email']/following-sibling::td[1]")
        #expect(values == ["jane@example.org"])
    }

    @Test("attributes, text nodes and non-node results")
    func otherResultTypes() {
        #expect(HTMLText.values(Self.notification, xpath: "//div[@id='footer']/@data-lead-id") == ["L-42"])
        #expect(HTMLText.values(Self.notification, xpath: "//a/@href") == ["mailto:jane@example.org"])
        #expect(HTMLText.values(Self.notification, xpath: "//td[@class='label']/text()") == ["Name", "Email", "Phone", "Message", "Notes"])
        #expect(HTMLText.values(Self.notification, xpath: "count(//tr)") == ["5"])
        #expect(HTMLText.values(Self.notification, xpath: "string(//div[@id='footer'])") == ["Sent by Example Homes"])
        #expect(HTMLText.values(Self.notification, xpath: "boolean(//td[@class='missing'])") == ["false"])
    }

    @Test("no match gives an empty array")
    func noMatch() {
        #expect(HTMLText.values(Self.notification, xpath: "//td[@class='nope']").isEmpty)
        #expect(HTMLText.values("", xpath: "//td").isEmpty)
    }

    @Test("selecting a dropped element still returns its text")
    func droppedElementSelected() {
        let html = "<html><head><title>Lead #42 from Zillow</title></head><body>x</body></html>"
        #expect(HTMLText.values(html, xpath: "//title") == ["Lead #42 from Zillow"])
        #expect(HTMLText.values(html, xpath: "/") == ["x"])
    }

    @Test("invalid XPath: empty result from the lenient call, a clear error from the checked one")
    func invalidExpressions() throws {
        for broken in ["//td[@class='x'", "//td[", "", "///", "//td[@class=\"x]", "//td]", "//td[@class='x']]", "//td\u{0}x"] {
            #expect(HTMLText.values(Self.notification, xpath: broken).isEmpty)
            let error = try #require(throws: XPathError.self) { try XPathExpression(broken) }
            #expect(error.code == .invalidExpression)
            #expect(error.expression == broken)
        }
        let error = try #require(throws: XPathError.self) { try XPathExpression("//td[@class='x'") }
        #expect(error.description.contains("//td[@class='x'"))
    }

    @Test("an unknown function is an evaluation error, reported by the checked call")
    func unknownFunction() throws {
        let expression = try XPathExpression("//td[no-such-function(.)]")
        let error = try #require(throws: XPathError.self) { try HTMLText.values(Self.notification, matching: expression) }
        #expect(error.code == .evaluationFailed)
        #expect(error.reason == "Unregistered function")
        #expect(HTMLText.values(Self.notification, xpath: "//td[no-such-function(.)]").isEmpty)
    }

    @Test("the checked call returns the same values as the lenient one")
    func checkedMatchesLenient() throws {
        let expression = try XPathExpression("//td[@class='value']")
        #expect(try HTMLText.values(Self.notification, matching: expression) == HTMLText.values(Self.notification, xpath: expression.source))
    }
}
