internal import CLibXML2

extension HTMLText {
    /// The `<meta name="..." content="...">` tags whose name starts with `prefix`.
    ///
    /// Some lead senders put machine-readable fields in the head of their HTML, e.g.
    /// `<meta name="lead_email" content="jane@example.org">`:
    ///
    /// ```swift
    /// HTMLText.metaValues(html, prefix: "lead_")
    /// // [(name: "lead_information_version", content: "1.0"), (name: "lead_email", ...)]
    /// ```
    ///
    /// Tags are found wherever the parser put them (head or body), in document order.
    /// The prefix is compared ignoring ASCII case; names are returned as written. Entities
    /// in `content` are decoded; the content is otherwise untouched (not trimmed).
    ///
    /// - Parameters:
    ///   - html: The markup.
    ///   - prefix: The name prefix to keep; an empty prefix returns every named meta tag.
    /// - Returns: Name and content pairs; a tag without `content` gives an empty content.
    public static func metaValues(_ html: String, prefix: String) -> [(name: String, content: String)] {
        HTMLDocument(html).metaValues(prefix: prefix)
    }
}

extension HTMLDocument {
    /// The `<meta name="..." content="...">` tags whose name starts with `prefix`; see
    /// ``HTMLText/metaValues(_:prefix:)``.
    public func metaValues(prefix: String) -> [(name: String, content: String)] {
        let wanted = Array(prefix.utf8)
        if let light { return light.withView { Self.metaValues(in: $0, prefix: wanted) } }
        guard let tree = eagerTree else { return [] }
        return Self.metaValues(in: LibXMLTree(document: tree), prefix: wanted)
    }

    private static func metaValues<Tree: HTMLTree>(in tree: Tree, prefix: [UInt8]) -> [(name: String, content: String)] {
        var results: [(name: String, content: String)] = []
        tree.forEachElement { element in
            if tree.hasLocalName(element, "meta"), let name = tree.attribute("name", of: element),
                Self.hasPrefix(name, prefix)
            {
                let content = tree.attribute("content", of: element) ?? []
                results.append((String(decoding: name, as: UTF8.self), String(decoding: content, as: UTF8.self)))
            }
            return true
        }
        return results
    }

    private static func hasPrefix(_ name: [UInt8], _ prefix: [UInt8]) -> Bool {
        guard name.count >= prefix.count else { return false }
        for index in prefix.indices where Self.lowercasedASCII(name[index]) != Self.lowercasedASCII(prefix[index]) {
            return false
        }
        return true
    }

    private static func lowercasedASCII(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}
