import HTMLText
import Testing

@Suite("Meta tags")
struct MetaValuesTests {
    @Test("lead_ meta tags in the head, in document order, entities decoded")
    func leadMetaTags() {
        let html = """
            <html><head>
            <meta charset="utf-8"><meta name="viewport" content="width=device-width">
            <meta name="lead_information_version" content="1.0">
            <meta name="lead_source" content="FiveStreet">
            <META NAME="Lead_Name" CONTENT="Jane &amp; John Doe">
            <meta name="lead_phone">
            </head><body><p>Hi</p><meta name="lead_email" content="jane@example.org"></body></html>
            """
        let tags = HTMLText.metaValues(html, prefix: "lead_")
        #expect(tags.map(\.name) == ["lead_information_version", "lead_source", "Lead_Name", "lead_phone", "lead_email"])
        #expect(tags.map(\.content) == ["1.0", "FiveStreet", "Jane & John Doe", "", "jane@example.org"])
    }

    @Test("an empty prefix returns every named meta tag; none gives an empty array")
    func prefixes() {
        let html = "<meta name=\"a\" content=\"1\"><meta http-equiv=\"refresh\" content=\"0\"><meta name=\"b\" content=\"2\">"
        #expect(HTMLText.metaValues(html, prefix: "").map(\.name) == ["a", "b"])
        #expect(HTMLText.metaValues(html, prefix: "lead_").isEmpty)
        #expect(HTMLText.metaValues("", prefix: "").isEmpty)
    }

    @Test("meta tags are not rendered as text")
    func notRendered() {
        #expect(HTMLText.render("<meta name=\"lead_email\" content=\"jane@example.org\"><p>Body</p>") == "Body")
    }
}
