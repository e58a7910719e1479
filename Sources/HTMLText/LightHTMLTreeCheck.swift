internal import CLibXML2

/// Canonical dumps of a libxml2 tree and of a ``LightHTMLTree``, to check the light parser's
/// promise: whenever it builds a tree, the tree is libxml2's. Debug builds check every
/// light document this way (so every test that parses HTML checks it); tests use the dumps
/// directly.
///
/// A dump lists nodes in document order, one per line, indented by depth: elements with
/// their name, namespace flag and attributes (name and string value) in order, text, CDATA
/// and comment contents. The doctype (a DTD node) is left out: no walk or XPath here sees it.
enum LightHTMLTreeCheck {
    static func dump(libxml document: htmlDocPtr) -> String {
        var output = ""
        var child = document.pointee.children
        while let current = child {
            dump(libxml: current, depth: 0, into: &output)
            child = current.pointee.next
        }
        return output
    }

    private static func dump(libxml node: xmlNodePtr, depth: Int, into output: inout String) {
        let indent = String(repeating: " ", count: depth)
        switch node.pointee.type {
        case XML_ELEMENT_NODE:
            output += indent + "E " + (node.pointee.name.map { String(cString: $0) } ?? "?")
            if node.pointee.ns != nil { output += " ns" }
            // The light tree records this while parsing: check it like the attributes.
            if node.pointee.properties != nil, NodeAttributes.isHidden(node) { output += " hidden" }
            output += "\n"
            var attribute = node.pointee.properties
            while let current = attribute {
                let name = current.pointee.name.map { String(cString: $0) } ?? "?"
                output += indent + " @" + name + "=" + escaped(NodeAttributes.text(of: current)) + "\n"
                attribute = current.pointee.next
            }
            var child = node.pointee.children
            while let current = child {
                dump(libxml: current, depth: depth + 1, into: &output)
                child = current.pointee.next
            }
        case XML_TEXT_NODE:
            output += indent + "T " + escaped(content(node)) + "\n"
        case XML_CDATA_SECTION_NODE:
            output += indent + "D " + escaped(content(node)) + "\n"
        case XML_COMMENT_NODE:
            output += indent + "C " + escaped(content(node)) + "\n"
        case XML_DTD_NODE:
            break
        default:
            output += indent + "? \(node.pointee.type.rawValue)\n"
        }
    }

    private static func content(_ node: xmlNodePtr) -> [UInt8] {
        guard let content = node.pointee.content else { return [] }
        var bytes: [UInt8] = []
        var pointer = UnsafePointer(content)
        while pointer.pointee != 0 {
            bytes.append(pointer.pointee)
            pointer += 1
        }
        return bytes
    }

    static func dump(light tree: LightHTMLTree) -> String {
        tree.withView { view in
            var output = ""
            var child = view.nodes[0].firstChild
            while child >= 0 {
                dump(light: view, child, depth: 0, into: &output)
                child = view.nodes[Int(child)].nextSibling
            }
            return output
        }
    }

    private static func dump(light view: LightHTMLTreeView, _ index: Int32, depth: Int, into output: inout String) {
        let indent = String(repeating: " ", count: depth)
        let node = view.nodes[Int(index)]
        switch node.kind {
        case .element:
            output += indent + "E " + LightHTMLNames.treeNames[Int(node.name)] + (view.isHidden(index) ? " hidden" : "") + "\n"
            for attribute in view.attributeRange(of: index) {
                output += indent + " @" + String(decoding: view.name(of: attribute), as: UTF8.self) + "="
                    + escaped(Array(view.value(of: attribute))) + "\n"
            }
            var child = node.firstChild
            while child >= 0 {
                dump(light: view, child, depth: depth + 1, into: &output)
                child = view.nodes[Int(child)].nextSibling
            }
        case .text, .cdata, .comment:
            let marker = node.kind == .text ? "T " : node.kind == .cdata ? "D " : "C "
            let content = Array(view.bytes[Int(node.start)..<Int(node.start + node.count)])
            output += indent + marker + escaped(content) + "\n"
        case .document:
            output += indent + "? document\n"
        }
    }

    /// Content on one line: newlines, tabs and backslashes escaped, bytes kept otherwise.
    private static func escaped(_ bytes: [UInt8]) -> String {
        var result = ""
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\\": result += "\\\\"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Both dumps for `html`: nil when the light parser leaves it to libxml2.
    static func dumps(_ html: [UInt8]) -> (light: String, libxml: String)? {
        guard let light = html.withUnsafeBufferPointer({ LightHTMLParser.parse($0) }) else { return nil }
        let parsed = LibXML.parse(utf8: html)
        defer { if let document = parsed.document { xmlFreeDoc(document) } }
        let libxml = parsed.document.map { dump(libxml: $0) } ?? "(no document)"
        return (dump(light: light), parsed.stoppedEarly ? libxml + "(stopped early)" : libxml)
    }

    /// Debug builds: stops the program when a light tree differs from libxml2's.
    static func assertSameAsLibXML(_ light: LightHTMLTree) {
        let source = light.source
        let parsed = LibXML.parse(utf8: source)
        defer { if let document = parsed.document { xmlFreeDoc(document) } }
        let libxml = parsed.document.map { dump(libxml: $0) } ?? ""
        let mine = dump(light: light)
        if mine != libxml || parsed.stoppedEarly {
            assertionFailure("""
                LightHTMLParser built a tree that differs from libxml2's for:
                \(String(decoding: source.prefix(2000), as: UTF8.self))
                light:
                \(mine.prefix(4000))
                libxml2:
                \(libxml.prefix(4000))
                """)
        }
    }
}
