import HTMLText
import Testing

/// Each table row is one line; cells are separated by one space.
@Suite("Tables")
struct TableTests {
    @Test("label and value cells stay on one line per row")
    func labelValueRows() {
        let html = """
            <p>Our details:</p>
            <table border="0" cellpadding="0">
            <tr><td><b>Name:</b></td><td>Emily Carter</td></tr>
            <tr><td><b>Phone:</b></td><td>(512)&nbsp;555-0134</td></tr>
            <tr><td><b>Lot:</b></td><td>0.3 acre, Round Rock TX 78664</td></tr>
            </table>
            <p>Thank you</p>
            """
        #expect(HTMLText.render(html) == "Our details:\n\nName: Emily Carter\nPhone: (512) 555-0134\nLot: 0.3 acre, Round Rock TX 78664\n\nThank you")
    }

    @Test("header cells, thead/tbody and captions")
    func headerCells() {
        let html = "<table><caption>Leads</caption><thead><tr><th>Field</th><th>Value</th></tr></thead><tbody><tr><td>Email</td><td>jane@example.org</td></tr></tbody></table>"
        #expect(HTMLText.render(html) == "Leads\nField Value\nEmail jane@example.org")
    }

    @Test("unclosed <td> and <tr> from a real notification still give one line per row")
    func unclosedCells() {
        let html = """
            <table>
            <tr><td class="label">Name<td class="value">Jane Doe
            <tr><td class="label">Email</td><td class="value">jane@example.org
            <tr><td class="label">Phone<td class="value">555-0134</td>
            </table>
            """
        #expect(HTMLText.render(html) == "Name Jane Doe\nEmail jane@example.org\nPhone 555-0134")
    }

    @Test("paragraphs and divs inside cells do not split a row")
    func blocksInsideCells() {
        let html = """
            <table><tr>
            <td style="padding:4px"><p style="margin:0"><strong>Name:</strong></p></td>
            <td><div><p>Jane Doe</p></div></td>
            </tr><tr>
            <td><p>Message:</p></td><td><p>First paragraph.</p><p>Second paragraph.</p></td>
            </tr></table>
            """
        #expect(HTMLText.render(html) == "Name: Jane Doe\nMessage: First paragraph.\n\nSecond paragraph.")
    }

    @Test("a <br> inside a cell still breaks the line, except before the cell's first text")
    func breakInsideCell() {
        let html = "<table><tr><td>Address:</td><td>12 Main St<br>Austin TX</td></tr><tr><td>Zip:</td><td>78701</td></tr></table>"
        #expect(HTMLText.render(html) == "Address: 12 Main St\nAustin TX\nZip: 78701")
        let leading = "<p>Lead</p><table><tr><td><br>Name:</td><td><br><br>Jane</td></tr></table>"
        #expect(HTMLText.render(leading) == "Lead\n\nName: Jane")
    }

    @Test("empty and spacer cells add no stray spaces or lines")
    func spacerCells() {
        let html = """
            <table><tr><td width="20">&nbsp;</td><td><p>Hello from the marketplace.</p><p>A buyer wrote:</p></td><td>&nbsp;</td></tr>
            <tr><td></td><td>Name:</td><td></td><td>Jane</td></tr></table>
            """
        #expect(HTMLText.render(html) == "Hello from the marketplace.\n\nA buyer wrote:\nName: Jane")
    }

    @Test("nested layout tables: inner rows are lines of their own")
    func nestedTables() {
        let html = """
            <table width="100%"><tr><td align="center">
              <table width="600"><tr><td><h2>New inquiry</h2></td></tr>
                <tr><td><table><tr><td>Name:</td><td>Jane Doe</td></tr>
                                <tr><td>Email:</td><td><a href="mailto:jane@example.org">jane@example.org</a></td></tr></table></td></tr>
                <tr><td>Reply soon!</td></tr>
              </table>
            </td></tr></table>
            """
        #expect(HTMLText.render(html) == "New inquiry\nName: Jane Doe\nEmail: jane@example.org\nReply soon!")
    }

    @Test("cells with whitespace around their text give a single separating space")
    func cellWhitespace() {
        let html = "<table><tr><td>\n   Budget:   \n</td><td>\n  $400,000 \n</td><td>  </td></tr></table>"
        #expect(HTMLText.render(html) == "Budget: $400,000")
    }
}
