internal import CLibXML2
import Synchronization

/// HTML parsed once, for callers that ask several things of the same markup.
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
/// Parsing: tidy markup (the usual template HTML of notifications) is read by
/// ``LightHTMLParser`` into a flat tree that is the same as the tree libxml2's HTML parser
/// builds; anything else is parsed by libxml2. Either way every answer is libxml2's. XPath
/// expressions other than `//name` and `//name[@attribute="value"]` are evaluated by
/// libxml2, on a tree it builds the first time one is asked for.
///
/// Memory: the tree (several times the size of the markup) lives as long as the object.
///
/// Thread safety: the trees are never modified after they are built (nothing here exposes
/// them); the on-demand libxml2 tree is built once under a lock. Rendering and every walk
/// only read, and each XPath evaluation gets its own libxml2 XPath context; libxml2's own
/// thread notes (doc/threads.html) say XPath is used from several threads on a document
/// accessed read-only, as libxslt does. So concurrent calls from several threads are safe;
/// the one cached value (the element count) is an atomic.
public final class HTMLDocument: @unchecked Sendable {
    /// The tree from ``LightHTMLParser``, when it accepted the markup.
    let light: LightHTMLTree?
    /// libxml2's tree for markup the light parser left to it; nil when libxml2 produced none
    /// (empty input, out of memory) or the light tree is used.
    let eagerTree: htmlDocPtr?
    /// For light documents: libxml2's tree once built.
    private let lazyTree = Mutex<LazyTree>(LazyTree())
    /// libxml2 gave up before the end of the input; see ``HTMLText/Rendering/isTruncated``.
    let parserStoppedEarly: Bool
    /// The number of elements, once a walk counted them all; -1 before.
    private let countedElements = Atomic<Int>(-1)

    private struct LazyTree: @unchecked Sendable {
        var isParsed = false
        var document: htmlDocPtr?
    }

    /// Parses HTML (a fragment or a whole document; broken markup is repaired the way
    /// libxml2's HTML parser repairs it).
    public convenience init(_ html: String) {
        self.init(utf8: html.utf8)
    }

    /// Parses UTF-8 encoded HTML (any `<meta charset>` in it is ignored; invalid UTF-8
    /// comes out as U+FFFD).
    public convenience init(utf8 bytes: some Collection<UInt8>) {
        self.init(utf8: bytes, allowingLightTree: true)
    }

    /// - Parameter allowingLightTree: false to always use libxml2's tree (tests compare the two).
    init(utf8 bytes: some Collection<UInt8>, allowingLightTree: Bool) {
        let light = allowingLightTree
            ? bytes.withContiguousStorageIfAvailable { LightHTMLParser.parse($0) }
                ?? Array(bytes).withUnsafeBufferPointer { LightHTMLParser.parse($0) }
            : nil
        if let light {
            self.light = light
            eagerTree = nil
            parserStoppedEarly = false
            countedElements.store(light.elementCount, ordering: .relaxed)
            #if DEBUG
            LightHTMLTreeCheck.assertSameAsLibXML(light)
            #endif
        } else {
            let parsed = LibXML.parse(utf8: bytes)
            self.light = nil
            eagerTree = parsed.document
            parserStoppedEarly = parsed.stoppedEarly
        }
    }

    deinit {
        if let eagerTree { xmlFreeDoc(eagerTree) }
        lazyTree.withLock { state in
            if let document = state.document { xmlFreeDoc(document) }
        }
    }

    /// libxml2's tree: the one built in `init`, or for a light document one built now
    /// (once; later calls and other threads get the same tree).
    var libxmlTree: htmlDocPtr? {
        guard let light else { return eagerTree }
        return lazyTree.withLock { state in
            if !state.isParsed {
                // The light tree holds the markup.
                state.document = LibXML.parse(utf8: light.source).document
                state.isParsed = true
            }
            return state.document
        }
    }

    /// Whether the light parser built this document's tree (for tests and measurements).
    var usesLightTree: Bool { light != nil }

    /// The document as plain text, and whether it was cut short; see
    /// ``HTMLText/rendering(_:maxOutputBytes:)`` for the rules.
    ///
    /// - Parameter maxOutputBytes: Rendering stops once the text reaches this many UTF-8 bytes.
    public func rendering(maxOutputBytes: Int = HTMLText.defaultMaxOutputBytes) -> HTMLText.Rendering {
        var renderer = TextRenderer(limit: maxOutputBytes)
        if let light {
            light.withView { renderer.render(document: $0) }
        } else {
            guard let tree = eagerTree else { return HTMLText.Rendering(text: "", isTruncated: parserStoppedEarly) }
            renderer.render(document: LibXMLTree(document: tree))
        }
        return HTMLText.Rendering(text: renderer.sink.finish(), isTruncated: renderer.sink.isFull || parserStoppedEarly)
    }

    /// The number of elements, stopping early past `limit` (cached once the walk reached
    /// the end, so later calls are free).
    func elementCount(upTo limit: Int) -> Int {
        let cached = countedElements.load(ordering: .relaxed)
        if cached >= 0 { return cached }
        guard let tree = eagerTree else { return 0 }
        var count = 0
        LibXMLTree(document: tree).forEachElement { _ in
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
