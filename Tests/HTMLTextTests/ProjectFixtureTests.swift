import HTMLText
import Testing

/// The HTML bodies of the project's own fixtures (`fixtures/email`), decoded, with the text
/// their `expected.json` files rely on.
@Suite("Project fixtures")
struct ProjectFixtureTests {
    @Test("html-only-inquiry.eml renders to the message its expected lead holds")
    func htmlOnlyInquiry() {
        // The quoted-printable body of fixtures/email/html-only-inquiry.eml, decoded.
        let html = """
            <html><head><style>p { margin: 0; } td { padding: 4px; }</style>
            <title>Inquiry</title></head><body>
            <p>Hello,</p><p>We are interested in building a 3&#8209;bedroom home in Round Rock and would like a rough price per square foot. Our details:</p>
            <table border="0" cellpadding="0">
            <tr><td><b>Name:</b></td><td>Emily Carter</td></tr>
            <tr><td><b>Phone:</b></td><td>(512)&nbsp;555-0134</td></tr>
            <tr><td><b>Lot:</b></td><td>0.3 acre, Round Rock TX 78664</td></tr>
            </table>
            <p>Thank you &amp; have a nice evening!<br>Emily</p>
            <script>var tracking = "512-555-0999";</script>
            </body></html>
            """
        let expected = "Hello,\n\nWe are interested in building a 3\u{2011}bedroom home in Round Rock and would like a rough price per square foot. Our details:\n\nName: Emily Carter\nPhone: (512) 555-0134\nLot: 0.3 acre, Round Rock TX 78664\n\nThank you & have a nice evening!\nEmily"
        #expect(HTMLText.render(html) == expected)
    }

    @Test("rendering from many tasks at once gives identical results")
    func concurrentRendering() async {
        let html = "<table>" + String(repeating: "<tr><td>Name:</td><td>Jane&nbsp;Doe</td></tr>", count: 200) + "</table>"
        let expected = HTMLText.render(html)
        let results = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<16 {
                group.addTask {
                    for _ in 0..<20 {
                        guard HTMLText.render(html) == expected,
                            HTMLText.values(html, xpath: "//tr[\(index + 1)]/td[2]") == ["Jane Doe"]
                        else { return false }
                    }
                    return true
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results == Array(repeating: true, count: 16))
        #expect(expected.split(separator: "\n").count == 200)
    }
}
