/// A parsed HTML tree in three flat arrays, built by ``LightHTMLParser`` for the markup it
/// can prove libxml2 parses to exactly this tree.
///
/// Node 0 is the document; element names are ``LightHTMLNames`` ids. `bytes` starts with
/// the parsed markup itself (`sourceCount` bytes, kept for libxml2 when an XPath needs its
/// tree); attribute names and values are ranges of `bytes` (mostly inside that markup),
/// and text, CDATA and comment contents follow it, each with a NUL after it (the renderer
/// reads NUL-terminated text, as libxml2 stores it).
struct LightHTMLTree: Sendable {
    enum Kind: UInt8, Sendable {
        case document, element, text, cdata, comment
    }

    struct Node: Sendable {
        var kind: Kind
        /// For elements: the ``LightHTMLNames`` id.
        var name: UInt8
        /// Elements: whether a `hidden` attribute (``hasHiddenAttribute``) or a `style`
        /// attribute (``hasStyle``) is present, noted while the attributes are parsed so
        /// ``LightHTMLTreeView/isHidden(_:)`` looks at the attributes only when a style may hide.
        var attributeFlags: UInt8 = 0

        static let hasHiddenAttribute: UInt8 = 1
        static let hasStyle: UInt8 = 2
        var parent: Int32
        var firstChild: Int32 = -1
        var lastChild: Int32 = -1
        var nextSibling: Int32 = -1
        /// Elements: index of the first attribute; others: offset of the content in `bytes`.
        var start: Int32
        /// Elements: number of attributes; others: content length in bytes (without the NUL).
        var count: Int32
    }

    struct Attribute: Sendable {
        var nameStart: Int32
        var nameLength: Int32
        var valueStart: Int32
        var valueLength: Int32
    }

    var nodes: [Node]
    var attributes: [Attribute]
    var bytes: [UInt8]
    /// The length of the markup at the start of `bytes`.
    var sourceCount: Int
    /// The number of element nodes.
    var elementCount: Int

    /// The markup this tree was parsed from.
    var source: ArraySlice<UInt8> { bytes[..<sourceCount] }

    /// Runs `body` with a view whose pointers stay valid for the call.
    func withView<Result>(_ body: (LightHTMLTreeView) -> Result) -> Result {
        nodes.withUnsafeBufferPointer { nodes in
            attributes.withUnsafeBufferPointer { attributes in
                bytes.withUnsafeBufferPointer { bytes in
                    body(LightHTMLTreeView(nodes: nodes, attributes: attributes, bytes: bytes))
                }
            }
        }
    }
}

/// Read access to a ``LightHTMLTree`` through raw buffers (no copies, no reference counting
/// in the walks); only valid inside ``LightHTMLTree/withView(_:)``.
struct LightHTMLTreeView {
    let nodes: UnsafeBufferPointer<LightHTMLTree.Node>
    let attributes: UnsafeBufferPointer<LightHTMLTree.Attribute>
    let bytes: UnsafeBufferPointer<UInt8>
    /// ``LightHTMLNames/kinds``, read once per view rather than (with its lazy-initialisation
    /// check) once per element the renderer enters.
    let kinds = LightHTMLNames.kinds

    /// The attributes of an element, in source order.
    func attributeRange(of element: Int32) -> Range<Int> {
        let node = nodes[Int(element)]
        guard node.kind == .element else { return 0..<0 }
        return Int(node.start)..<Int(node.start + node.count)
    }

    func name(of attribute: Int) -> UnsafeBufferPointer<UInt8> {
        let entry = attributes[attribute]
        return UnsafeBufferPointer(rebasing: bytes[Int(entry.nameStart)..<Int(entry.nameStart + entry.nameLength)])
    }

    func value(of attribute: Int) -> UnsafeBufferPointer<UInt8> {
        let entry = attributes[attribute]
        return UnsafeBufferPointer(rebasing: bytes[Int(entry.valueStart)..<Int(entry.valueStart + entry.valueLength)])
    }

    /// The first attribute whose name matches `name` (lower-case ASCII), as
    /// ``NodeAttributes`` matches libxml2's attribute names.
    func attributeIndex(_ name: StaticString, of element: Int32) -> Int? {
        for index in attributeRange(of: element) where NodeAttributes.matches(self.name(of: index), name) {
            return index
        }
        return nil
    }
}
