internal import CLibXML2
import Synchronization

/// HTML parsed once by libxml2, for callers that ask several things of the same markup.
///
/// Each ``HTMLText`` function parses its input again; a lead notification is rendered to
/// text, searched with XPath and read for table rows and `<meta>` tags, so parsing once and
/// asking the document is several times cheaper:
///
/// ```swift
/// let document = HTMLDocument(html)
/// let text = document.rendering().text
/// let rows = document.innermostTableRows()  // [TableRow(label: "Name:", value: "Jane Doe"), ...]
/// let emails = try document.values(matching: emailCells)
/// ```
///
/// `rendering`, `values` and `metaValues` give exactly what the ``HTMLText`` functions of
/// the same name give for the same markup (those functions are implemented on this type),
/// with the same limits; ``innermostTableRows(maxOutputBytes:)`` gives what its XPath would.
///
/// Memory: the tree (several times the size of the markup) lives as long as the object.
///
/// Thread safety: the tree is never modified after `init` (nothing here exposes it). Rendering
/// and every walk only read it, and each XPath evaluation gets its own libxml2 XPath
/// context; libxml2's own thread notes (doc/threads.html) say XPath is used from several
/// threads on a document accessed read-only, as libxslt does. So concurrent calls from
/// several threads are safe; the one cached value (the element count) is an atomic.
public final class HTMLDocument: @unchecked Sendable {
    /// The tree; nil when libxml2 produced none (empty input, out of memory).
    let tree: htmlDocPtr?
    /// libxml2 gave up before the end of the input; see ``HTMLText/Rendering/isTruncated``.
    let parserStoppedEarly: Bool
    /// The number of elements, once a walk counted them all; -1 before.
    private let countedElements = Atomic<Int>(-1)

    /// Parses HTML (a fragment or a whole document; broken markup is repaired the way
    /// libxml2's HTML parser repairs it).
    public convenience init(_ html: String) {
        self.init(utf8: html.utf8)
    }

    /// Parses UTF-8 encoded HTML (any `<meta charset>` in it is ignored; invalid UTF-8
    /// comes out as U+FFFD).
    public init(utf8 bytes: some Collection<UInt8>) {
        let parsed = LibXML.parse(utf8: bytes)
        tree = parsed.document
        parserStoppedEarly = parsed.stoppedEarly
    }

    deinit {
        if let tree { xmlFreeDoc(tree) }
    }

    /// The document as plain text, and whether it was cut short; see
    /// ``HTMLText/rendering(_:maxOutputBytes:)`` for the rules.
    ///
    /// - Parameter maxOutputBytes: Rendering stops once the text reaches this many UTF-8 bytes.
    public func rendering(maxOutputBytes: Int = HTMLText.defaultMaxOutputBytes) -> HTMLText.Rendering {
        guard let tree else { return HTMLText.Rendering(text: "", isTruncated: parserStoppedEarly) }
        var renderer = TextRenderer(limit: maxOutputBytes)
        renderer.render(document: tree)
        return HTMLText.Rendering(text: renderer.sink.finish(), isTruncated: renderer.sink.isFull || parserStoppedEarly)
    }

    /// The number of elements, stopping early past `limit` (cached once the walk reached
    /// the end, so later calls are free).
    func elementCount(upTo limit: Int) -> Int {
        let cached = countedElements.load(ordering: .relaxed)
        if cached >= 0 { return cached }
        guard let tree else { return 0 }
        var count = 0
        LibXML.forEachElement(in: tree) { _ in
            count += 1
            return count < limit
        }
        if count < limit { countedElements.store(count, ordering: .relaxed) }
        return count
    }

    /// Records a complete element count from another walk.
    func cacheElementCount(_ count: Int) {
        countedElements.store(count, ordering: .relaxed)
    }
}
