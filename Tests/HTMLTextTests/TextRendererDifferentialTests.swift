@testable import HTMLText
import Testing

/// The text renderer against its reference (`ReferenceTextRenderer.swift`): the same text and
/// the same truncation, on every fixture's HTML and on generated documents, through both
/// trees (the light parser's and libxml2's) and under output limits that cut anywhere.
@Suite("Text renderer against the reference")
struct TextRendererDifferentialTests {
    private func expectSame(_ html: String, limits: [Int], _ comment: Comment) {
        for allowingLight in [true, false] {
            let document = HTMLDocument(utf8: Array(html.utf8), allowingLightTree: allowingLight)
            for limit in limits {
                var current = TextRenderer(limit: limit)
                var reference = ReferenceTextRenderer(limit: limit)
                if let light = document.light {
                    light.withView { current.render(document: $0) }
                    light.withView { reference.render(document: $0) }
                } else if let tree = document.eagerTree {
                    current.render(document: LibXMLTree(document: tree))
                    reference.render(document: LibXMLTree(document: tree))
                }
                #expect(current.sink.finish() == reference.sink.finish(), "\(comment) limit \(limit) light \(allowingLight)")
                #expect(current.sink.isFull == reference.sink.isFull, "\(comment) limit \(limit) light \(allowingLight)")
            }
        }
    }

    @Test func fixtures() {
        let parts = FixtureHTML.all()
        #expect(parts.count > 50)
        for part in parts {
            expectSame(part.html, limits: [HTMLText.defaultMaxOutputBytes, 1, 7, 40, 200], "\(part.path)")
        }
    }

    @Test func generated() {
        var generator = DocumentGenerator(seed: 0x7E77)
        var random = SplitMix64(seed: 0x11)
        for round in 0..<3000 {
            let html = generator.document()
                + " words  and\twords\n<pre>pre formatted  x y</pre> a b <td>c d</td> e&nbsp;f g"
            expectSame(html, limits: [HTMLText.defaultMaxOutputBytes, Int(random.next() % 120)], "round \(round)")
        }
    }
}
