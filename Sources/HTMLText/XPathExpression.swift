internal import CLibXML2

/// An XPath 1.0 expression that is known to compile, for ``HTMLText/values(_:matching:)``.
///
/// Create these once, when parser specs are loaded, so a typo in a spec fails at startup
/// with a clear ``XPathError`` instead of silently matching nothing later.
///
/// ```swift
/// let value = try XPathExpression("//td[@class='label']/following-sibling::td[@class='value'][1]")
/// let values = try HTMLText.values(html, matching: value)
/// ```
///
/// libxml2's HTML parser lower-cases element and attribute names, so write them in lower
/// case (`//td[@class='x']`, not `//TD[@CLASS='x']`); attribute *values* keep their case.
public struct XPathExpression: Sendable, Hashable, CustomStringConvertible {
    /// The expression text.
    public let source: String
    /// The expression as a simple element selection a light tree can answer, when it is one.
    let elementSelection: XPathElementSelection?

    /// Compiles `source` to check it.
    ///
    /// - Parameter source: An XPath 1.0 expression.
    /// - Throws: ``XPathError`` with code ``XPathError/Code/invalidExpression`` when it does
    ///   not compile.
    public init(_ source: String) throws {
        self.source = source
        elementSelection = XPathElementSelection(source)
        if let error = Self.compileError(source) { throw error }
    }

    /// The expression text.
    public var description: String { source }

    /// Compiles without a document; nil when the expression is valid.
    private static func compileError(_ source: String) -> XPathError? {
        LibXML.ensureInitialized()
        guard !source.utf8.contains(0) else {
            return XPathError(code: .invalidExpression, expression: source, reason: "NUL character in expression")
        }
        guard let context = xmlXPathNewContext(nil) else {
            return XPathError(code: .invalidExpression, expression: source, reason: "Memory allocation error")
        }
        defer { xmlXPathFreeContext(context) }
        cxml_xpath_silence(context)
        // Some XPath errors bypass the context's handler and print; not on our watch.
        cxml_silence_generic_errors_on_this_thread()
        let compiled = source.withCString { text in
            text.withMemoryRebound(to: xmlChar.self, capacity: source.utf8.count + 1) {
                xmlXPathCtxtCompile(context, $0)
            }
        }
        if let compiled {
            xmlXPathFreeCompExpr(compiled)
            return nil
        }
        return XPathError(lastErrorOf: context, code: .invalidExpression, expression: source)
    }
}

extension XPathError {
    /// Builds an error from the last error libxml2 recorded on an XPath context.
    init(lastErrorOf context: xmlXPathContextPtr, code: Code, expression: String) {
        let last = context.pointee.lastError
        let hasDetail = last.code != 0
        self.init(
            code: code,
            expression: expression,
            reason: hasDetail ? Self.reason(forLibXMLCode: last.code) : "Invalid expression",
            offset: hasDetail && last.str1 != nil ? Int(last.int1) : nil
        )
    }
}
