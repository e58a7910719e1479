internal import CLibXML2

/// What the renderer and the walks need from a parsed tree, so one implementation serves
/// both libxml2's tree and ``LightHTMLTree``. Generic code over it is specialised for each
/// conformance (no dynamic dispatch in the walks).
protocol HTMLTree {
    associatedtype Node: Equatable

    /// The document's first child (walk on with ``nextSibling(of:)``).
    var firstDocumentChild: Node? { get }
    func firstChild(of node: Node) -> Node?
    func nextSibling(of node: Node) -> Node?
    /// The parent element; nil for the document's own children.
    func parent(of node: Node) -> Node?
    func type(of node: Node) -> HTMLNodeType
    /// How the renderer treats an element; nil for an element without a name.
    func elementKind(of element: Node) -> ElementKind?
    /// `hidden` or an inline `display:none`; see ``NodeAttributes/isHidden(_:)``.
    func isHidden(_ element: Node) -> Bool
    /// See ``NodeAttributes/hasOutlookClass(_:)``.
    func hasOutlookClass(_ element: Node) -> Bool
    /// The value of the first attribute called `name` (lower-case ASCII), or nil.
    func attribute(_ name: StaticString, of element: Node) -> [UInt8]?
    /// Whether the element's name is exactly `name` (lower-case ASCII), without namespace:
    /// what an XPath name test matches.
    func isNamed(_ element: Node, _ name: StaticString) -> Bool
    /// Whether the element's name is `name` (lower-case ASCII), namespace or not.
    func hasLocalName(_ element: Node, _ name: StaticString) -> Bool
    /// The NUL-terminated content of a text or CDATA node (nil when it has none).
    func text(of node: Node) -> UnsafePointer<UInt8>?
}

enum HTMLNodeType {
    case element
    /// Text and CDATA: rendered as text.
    case text
    /// Comments, processing instructions, DTD nodes: never rendered.
    case other
}

/// libxml2's tree behind the ``HTMLTree`` protocol.
struct LibXMLTree: HTMLTree {
    let document: htmlDocPtr

    var firstDocumentChild: xmlNodePtr? { document.pointee.children }

    func firstChild(of node: xmlNodePtr) -> xmlNodePtr? { node.pointee.children }
    func nextSibling(of node: xmlNodePtr) -> xmlNodePtr? { node.pointee.next }
    func parent(of node: xmlNodePtr) -> xmlNodePtr? {
        // The document's own children have the document as parent: not an element.
        guard let parent = node.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return nil }
        return parent
    }

    func type(of node: xmlNodePtr) -> HTMLNodeType {
        switch node.pointee.type {
        case XML_ELEMENT_NODE: .element
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: .text
        default: .other
        }
    }

    func elementKind(of element: xmlNodePtr) -> ElementKind? {
        element.pointee.name.map { ElementKind(tagName: $0) }
    }

    func isHidden(_ element: xmlNodePtr) -> Bool {
        element.pointee.properties != nil && NodeAttributes.isHidden(element)
    }

    func hasOutlookClass(_ element: xmlNodePtr) -> Bool { NodeAttributes.hasOutlookClass(element) }

    func attribute(_ name: StaticString, of element: xmlNodePtr) -> [UInt8]? {
        NodeAttributes.value(name, of: element)
    }

    func isNamed(_ element: xmlNodePtr, _ name: StaticString) -> Bool {
        element.pointee.ns == nil && hasLocalName(element, name)
    }

    func hasLocalName(_ element: xmlNodePtr, _ name: StaticString) -> Bool {
        guard let tag = element.pointee.name else { return false }
        var index = 0
        let wanted = name.utf8Start
        while index < name.utf8CodeUnitCount {
            guard tag[index] == wanted[index] else { return false }
            index += 1
        }
        return tag[index] == 0
    }

    func text(of node: xmlNodePtr) -> UnsafePointer<UInt8>? {
        node.pointee.content.map { UnsafePointer($0) }
    }
}

extension LightHTMLTreeView: HTMLTree {
    var firstDocumentChild: Int32? { child(nodes[0].firstChild) }

    func firstChild(of node: Int32) -> Int32? { child(nodes[Int(node)].firstChild) }
    func nextSibling(of node: Int32) -> Int32? { child(nodes[Int(node)].nextSibling) }

    func parent(of node: Int32) -> Int32? {
        let parent = nodes[Int(node)].parent
        return parent > 0 ? parent : nil
    }

    private func child(_ index: Int32) -> Int32? { index >= 0 ? index : nil }

    func type(of node: Int32) -> HTMLNodeType {
        switch nodes[Int(node)].kind {
        case .element: .element
        case .text, .cdata: .text
        case .comment, .document: .other
        }
    }

    func elementKind(of element: Int32) -> ElementKind? {
        kinds[Int(nodes[Int(element)].name)]
    }

    func isHidden(_ element: Int32) -> Bool {
        let flags = nodes[Int(element)].attributeFlags
        if flags & LightHTMLTree.Node.hasHiddenAttribute != 0 { return true }
        guard flags & LightHTMLTree.Node.hasStyle != 0 else { return false }
        // Attributes are never repeated in a light tree: one `style` to look at.
        guard let style = attributeIndex("style", of: element) else { return false }
        return NodeAttributes.declaresDisplayNone(value(of: style))
    }

    func hasOutlookClass(_ element: Int32) -> Bool {
        guard let index = attributeIndex("class", of: element) else { return false }
        return NodeAttributes.hasOutlookClass(value: value(of: index))
    }

    func attribute(_ name: StaticString, of element: Int32) -> [UInt8]? {
        attributeIndex(name, of: element).map { Array(value(of: $0)) }
    }

    func isNamed(_ element: Int32, _ name: StaticString) -> Bool {
        let node = nodes[Int(element)]
        guard node.kind == .element else { return false }
        let stored = LightHTMLNames.cNames[Int(node.name)]
        guard stored.count == name.utf8CodeUnitCount + 1 else { return false }
        for index in 0..<name.utf8CodeUnitCount where stored[index] != name.utf8Start[index] { return false }
        return true
    }

    func hasLocalName(_ element: Int32, _ name: StaticString) -> Bool { isNamed(element, name) }

    func text(of node: Int32) -> UnsafePointer<UInt8>? {
        let entry = nodes[Int(node)]
        guard entry.kind != .element, entry.kind != .document, let base = bytes.baseAddress else { return nil }
        return base + Int(entry.start)
    }
}
