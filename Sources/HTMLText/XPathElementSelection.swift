/// The XPath shapes parser specs use, `//name` and `//name[@attribute="value"]`, answered by
/// a scan of a ``LightHTMLTree`` instead of libxml2's XPath engine.
///
/// The scan selects what libxml2 selects on the same tree: elements with exactly that
/// (lower-case) name, in document order, whose attribute of exactly that name has exactly
/// that string value. Any other expression (whitespace, other axes, functions, positions)
/// is left to libxml2.
struct XPathElementSelection: Sendable, Hashable {
    /// The ``LightHTMLNames`` ids whose tree name is the element name (`p` is also Outlook's
    /// `o:p`); 0 when no light tree can hold such an element.
    let nameMask: UInt64
    let attributeName: [UInt8]?
    let attributeValue: [UInt8]

    /// Recognises `//name` and `//name[@attribute="value"]` (either quote); nil otherwise.
    init?(_ source: String) {
        var bytes = Array(source.utf8)[...]
        guard bytes.starts(with: "//".utf8) else { return nil }
        bytes = bytes.dropFirst(2)
        guard let elementName = Self.takeName(&bytes) else { return nil }
        nameMask = LightHTMLNames.idMask(treeName: String(decoding: elementName, as: UTF8.self))
        if bytes.isEmpty {
            attributeName = nil
            attributeValue = []
            return
        }
        guard bytes.starts(with: "[@".utf8) else { return nil }
        bytes = bytes.dropFirst(2)
        guard let attribute = Self.takeName(&bytes), bytes.first == UInt8(ascii: "=") else { return nil }
        bytes = bytes.dropFirst()
        guard let quote = bytes.first, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
        bytes = bytes.dropFirst()
        guard let close = bytes.firstIndex(of: quote) else { return nil }
        attributeValue = Array(bytes[..<close])
        bytes = bytes[(close + 1)...]
        guard bytes.elementsEqual("]".utf8) else { return nil }
        attributeName = attribute
    }

    /// A name of lower-case ASCII letters, digits, `-` and `_`, starting with a letter.
    private static func takeName(_ bytes: inout ArraySlice<UInt8>) -> [UInt8]? {
        guard let first = bytes.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") else { return nil }
        var end = bytes.startIndex
        while end < bytes.endIndex {
            let byte = bytes[end]
            guard (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") else { break }
            end += 1
        }
        let name = Array(bytes[..<end])
        bytes = bytes[end...]
        return name
    }

    /// The selected elements in document order (the tree's nodes are stored in that order).
    func matches(in tree: LightHTMLTreeView) -> [Int32] {
        guard nameMask != 0 else { return [] }
        var result: [Int32] = []
        for index in 1..<tree.nodes.count {
            let node = tree.nodes[index]
            guard node.kind == .element, nameMask & (1 << UInt64(node.name)) != 0 else { continue }
            if let attributeName {
                let element = Int32(index)
                var matched = false
                for attribute in tree.attributeRange(of: element)
                    where tree.name(of: attribute).elementsEqual(attributeName) {
                    matched = tree.value(of: attribute).elementsEqual(attributeValue)
                    break
                }
                guard matched else { continue }
            }
            result.append(Int32(index))
        }
        return result
    }
}
