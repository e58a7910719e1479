import Foundation
import MIME
import Testing

@Suite("mimeJSON contract")
struct MIMEJSONTests {
    @Test func keysNullsEscapingAndLayout() throws {
        let message = MessageFixture.parse("""
        From: "Jane \\"JD\\" Doe" <jane@example.com>
        Subject: a/b "quoted" \\ back	tab
        Content-Type: multipart/mixed; boundary=b

        --b
        Content-Type: text/plain; charset=utf-8

        Line one
        Line two — ok
        --b
        Content-Type: application/pdf
        Content-Disposition: attachment

        %PDF
        --b--
        """)
        let data = try message.mimeJSON()
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.hasPrefix("{\n  \"attachments\": [\n    {\n      \"content_type\": \"application/pdf\",\n      \"filename\": null,\n      \"size\": 4\n    }\n  ],\n  \"cc\": [],\n"))
        #expect(json.hasSuffix("}\n"))
        #expect(json.contains("\"subject\": \"a/b \\\"quoted\\\" \\\\ back\\ttab\""))
        #expect(json.contains("\"text\": \"Line one\\nLine two — ok\""))
        #expect(json.contains("\"name\": \"Jane \\\"JD\\\" Doe\""))
        #expect(json.contains("\"message_id\": null"))
        #expect(json.contains("\"date\": null"))
        #expect(json.contains("\"parts\": 2"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object.keys.sorted() == ["attachments", "cc", "date", "defects", "forwarded", "from", "html",
                                        "message_id", "parts", "reply_to", "subject", "text", "to"])
        // Keys appear in sorted order in the text too.
        let positions = object.keys.sorted().compactMap { json.range(of: "\n  \"\($0)\":")?.lowerBound }
        #expect(positions == positions.sorted())
    }

    @Test func forwardedOriginalShape() throws {
        let message = MessageFixture.parse("""
        Content-Type: multipart/mixed; boundary=m

        --m
        Content-Type: message/rfc822

        From: Ann <ann@example.com>
        Subject: Lot 4
        Date: Mon, 11 May 2026 08:00:00 -0400

        Is lot 4 available?
        --m--
        """)
        let object = try #require(try JSONSerialization.jsonObject(with: message.mimeJSON()) as? [String: Any])
        let forwarded = try #require(object["forwarded"] as? [[String: Any]])
        #expect(forwarded.count == 1)
        #expect(Set(forwarded[0].keys) == ["from", "date", "subject", "text"])
        #expect((forwarded[0]["from"] as? [String: Any])?["address"] as? String == "ann@example.com")
        #expect(forwarded[0]["text"] as? String == "Is lot 4 available?")
    }
}
