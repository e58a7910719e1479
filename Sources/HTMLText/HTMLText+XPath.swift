internal import CLibXML2

extension HTMLText {
    /// The most work one XPath evaluation may do, in libxml2's operation count; a
    /// quadratic expression over a huge hostile document stops here instead of spinning.
    static let xpathOperationLimit: UInt = 20_000_000

    /// Documents with more elements than this are not searched with XPath. libxml2 2.9
    /// merges node-sets with a duplicate check that is quadratic in the number of matches
    /// (50,000 table rows took 1.6 s for a `following-sibling` expression, outside its
    /// operation count); at this size the worst case stays well under a second. Lead
    /// notifications have a few thousand elements at most.
    public static let maxXPathElements = 25_000

    /// The text of every node an XPath expression selects, rendered with the same rules
    /// as ``render(_:maxOutputBytes:)`` and trimmed.
    ///
    /// ```swift
    /// HTMLText.values(html, xpath: "//td[@class='label']/following-sibling::td[@class='value'][1]")
    /// // ["Jane Doe", "jane@example.org", "(512) 555-0134"]
    /// ```
    ///
    /// Selected elements give their rendered text (a `td` holding `Jane<br>Doe` gives
    /// `"Jane\nDoe"`), attributes their value, text nodes their collapsed text. An
    /// expression with a non-node result gives one string (`count(//tr)` gives `["3"]`).
    /// Empty matches stay in the array as `""`, so positions line up across expressions.
    ///
    /// - Parameters:
    ///   - html: The markup.
    ///   - xpath: An XPath 1.0 expression; element and attribute names in lower case.
    ///   - maxOutputBytes: A cap on the total text returned; later values are cut or left out.
    /// - Returns: The values in document order; empty when nothing matched, the
    ///   expression is invalid or the document is too large (more than
    ///   ``maxXPathElements`` elements); ``values(_:matching:maxOutputBytes:)`` says why.
    public static func values(_ html: String, xpath: String, maxOutputBytes: Int = defaultMaxOutputBytes) -> [String] {
        guard let expression = try? XPathExpression(xpath) else { return [] }
        return (try? values(html, matching: expression, maxOutputBytes: maxOutputBytes)) ?? []
    }

    /// The text of every node a checked XPath expression selects; see
    /// ``values(_:xpath:maxOutputBytes:)`` for what each value holds.
    ///
    /// - Parameters:
    ///   - html: The markup.
    ///   - expression: A compiled-once ``XPathExpression``.
    ///   - maxOutputBytes: A cap on the total text returned.
    /// - Returns: The values in document order.
    /// - Throws: ``XPathError`` with code ``XPathError/Code/evaluationFailed`` when the
    ///   expression fails on this document (unknown function, operation limit reached) or
    ///   the document has more than ``maxXPathElements`` elements.
    public static func values(
        _ html: String,
        matching expression: XPathExpression,
        maxOutputBytes: Int = defaultMaxOutputBytes
    ) throws -> [String] {
        try HTMLDocument(html).values(matching: expression, maxOutputBytes: maxOutputBytes)
    }
}

extension HTMLDocument {
    /// The text of every node an XPath expression selects; see
    /// ``HTMLText/values(_:xpath:maxOutputBytes:)`` for what each value holds.
    ///
    /// - Parameters:
    ///   - xpath: An XPath 1.0 expression; element and attribute names in lower case.
    ///   - maxOutputBytes: A cap on the total text returned.
    /// - Returns: The values in document order; empty when nothing matched, the expression
    ///   is invalid or the document has more than ``HTMLText/maxXPathElements`` elements.
    public func values(xpath: String, maxOutputBytes: Int = HTMLText.defaultMaxOutputBytes) -> [String] {
        guard let expression = try? XPathExpression(xpath) else { return [] }
        return (try? values(matching: expression, maxOutputBytes: maxOutputBytes)) ?? []
    }

    /// The text of every node a checked XPath expression selects; see
    /// ``HTMLText/values(_:matching:maxOutputBytes:)``.
    ///
    /// - Parameters:
    ///   - expression: A compiled-once ``XPathExpression``.
    ///   - maxOutputBytes: A cap on the total text returned.
    /// - Returns: The values in document order.
    /// - Throws: ``XPathError`` with code ``XPathError/Code/evaluationFailed`` when the
    ///   expression fails on this document or the document has more than
    ///   ``HTMLText/maxXPathElements`` elements.
    public func values(
        matching expression: XPathExpression,
        maxOutputBytes: Int = HTMLText.defaultMaxOutputBytes
    ) throws -> [String] {
        if let light, let selection = expression.elementSelection {
            guard light.elementCount <= HTMLText.maxXPathElements else { throw Self.tooManyElements(expression) }
            return light.withView { tree in
                Self.renderedElementValues(of: selection.matches(in: tree), in: tree, maxOutputBytes: maxOutputBytes)
            }
        }
        guard let tree = libxmlTree else { return [] }
        return try evaluate(expression, in: tree, maxOutputBytes: maxOutputBytes).get()
    }

    private static func tooManyElements(_ expression: XPathExpression) -> XPathError {
        XPathError(
            code: .evaluationFailed, expression: expression.source,
            reason: "Document has more than \(HTMLText.maxXPathElements) elements")
    }

    private func evaluate(
        _ expression: XPathExpression,
        in document: htmlDocPtr,
        maxOutputBytes: Int
    ) -> Result<[String], XPathError> {
        guard elementCount(upTo: HTMLText.maxXPathElements + 1) <= HTMLText.maxXPathElements else {
            return .failure(Self.tooManyElements(expression))
        }
        guard let context = xmlXPathNewContext(document) else {
            return .failure(XPathError(code: .evaluationFailed, expression: expression.source, reason: "Memory allocation error"))
        }
        defer { xmlXPathFreeContext(context) }
        cxml_xpath_silence(context)
        // Some XPath errors bypass the context's handler and print; not on our watch.
        cxml_silence_generic_errors_on_this_thread()
        context.pointee.opLimit = HTMLText.xpathOperationLimit
        let object = expression.source.withCString { text in
            text.withMemoryRebound(to: xmlChar.self, capacity: expression.source.utf8.count + 1) {
                xmlXPathEvalExpression($0, context)
            }
        }
        guard let object else {
            return .failure(XPathError(lastErrorOf: context, code: .evaluationFailed, expression: expression.source))
        }
        defer { xmlXPathFreeObject(object) }

        switch object.pointee.type {
        case XPATH_NODESET, XPATH_XSLT_TREE:
            return .success(Self.nodeValues(object.pointee.nodesetval, document: document, maxOutputBytes: maxOutputBytes))
        case XPATH_STRING:
            let text = object.pointee.stringval.map { String(cString: UnsafePointer($0)) } ?? ""
            return .success([String(text.utf8.prefix(max(0, maxOutputBytes))) ?? ""])
        case XPATH_NUMBER:
            return .success([HTMLText.format(object.pointee.floatval)])
        case XPATH_BOOLEAN:
            return .success([object.pointee.boolval != 0 ? "true" : "false"])
        default:
            return .success([])
        }
    }

    /// Renders each node of a node-set.
    private static func nodeValues(_ set: xmlNodeSetPtr?, document: htmlDocPtr, maxOutputBytes: Int) -> [String] {
        guard let set, set.pointee.nodeNr > 0, let table = set.pointee.nodeTab else { return [] }
        let nodes = (0..<Int(set.pointee.nodeNr)).lazy.compactMap { table[$0] }
        return renderedValues(of: nodes, document: document, maxOutputBytes: maxOutputBytes)
    }

    /// Renders each node as one value (what an XPath selection gives); the output budget is
    /// shared by all of them so nested selections (`//div` over deep markup) cannot
    /// multiply the document's size.
    static func renderedValues(
        of nodes: some Sequence<xmlNodePtr>,
        document: htmlDocPtr,
        maxOutputBytes: Int
    ) -> [String] {
        let tree = LibXMLTree(document: document)
        var results: [String] = []
        var budget = max(0, maxOutputBytes)
        for node in nodes {
            guard budget > 0 else { break }
            var renderer = TextRenderer(limit: budget)
            switch node.pointee.type {
            case XML_NAMESPACE_DECL:
                // Namespace entries in a node-set are xmlNs records, not nodes: never walk them.
                continue
            case XML_ELEMENT_NODE, XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                renderer.render(subtree: node, in: tree, showingRoot: true)
            case XML_DOCUMENT_NODE, XML_HTML_DOCUMENT_NODE:
                renderer.render(document: tree)
            case XML_ATTRIBUTE_NODE:
                // An attribute in a node-set is an xmlAttr behind an xmlNode pointer.
                let attribute = UnsafeMutableRawPointer(node).assumingMemoryBound(to: xmlAttr.self)
                var value = NodeAttributes.text(of: attribute)
                value.append(0)
                value.withUnsafeBufferPointer { renderer.writeText($0.baseAddress!) }
            default:
                // Comments and processing instructions: their raw content.
                if let content = node.pointee.content {
                    renderer.writeText(UnsafePointer(content))
                }
            }
            let text = renderer.sink.finish()
            budget -= text.utf8.count
            results.append(text)
        }
        return results
    }

    /// ``renderedValues(of:document:maxOutputBytes:)`` for elements of any tree: the same
    /// rendering and the same shared budget.
    static func renderedElementValues<Tree: HTMLTree>(
        of elements: [Tree.Node],
        in tree: Tree,
        maxOutputBytes: Int
    ) -> [String] {
        var results: [String] = []
        var budget = max(0, maxOutputBytes)
        for element in elements {
            guard budget > 0 else { break }
            var renderer = TextRenderer(limit: budget)
            renderer.render(subtree: element, in: tree, showingRoot: true)
            let text = renderer.sink.finish()
            budget -= text.utf8.count
            results.append(text)
        }
        return results
    }
}

extension HTMLText {
    /// XPath numbers: integers without a fraction (`3`, not `3.0`).
    static func format(_ number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number < 0 ? "-Infinity" : "Infinity" }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
        return String(number)
    }
}
