/// Why an XPath expression could not be used.
///
/// XPath expressions come from parser specs, not from messages, so the expression itself is
/// safe to print; the document is never included.
public struct XPathError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as an extensible set of constants.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: Sendable, Hashable {
            case invalidExpression
            case evaluationFailed
        }

        private let base: Base

        private init(_ base: Base) { self.base = base }

        /// The expression does not compile (syntax error, unbalanced brackets, ...).
        public static let invalidExpression = Code(.invalidExpression)
        /// The expression compiled but failed on a document: an unknown function, wrong
        /// argument types, or libxml2's operation limit was hit.
        public static let evaluationFailed = Code(.evaluationFailed)

        /// A short name for the code.
        public var description: String {
            switch base {
            case .invalidExpression: "invalid XPath expression"
            case .evaluationFailed: "XPath evaluation failed"
            }
        }
    }

    /// The kind of failure.
    public var code: Code
    /// The XPath expression as given.
    public var expression: String
    /// libxml2's reason, e.g. "Invalid expression" or "Unregistered function".
    public var reason: String
    /// The byte offset in `expression` where libxml2 stopped, when it said.
    public var offset: Int?

    /// Creates an error value.
    public init(code: Code, expression: String, reason: String, offset: Int? = nil) {
        self.code = code
        self.expression = expression
        self.reason = reason
        self.offset = offset
    }

    /// For example `invalid XPath expression: Invalid predicate at offset 7 in "//td[@class="`.
    public var description: String {
        let position = offset.map { " at offset \($0)" } ?? ""
        return "\(code): \(reason)\(position) in \"\(expression)\""
    }

    /// libxml2's messages for its `xmlXPathError` codes (its own table is not exported).
    static func reason(forLibXMLCode code: Int32) -> String {
        // xmlError.code for XPath is XML_XPATH_EXPRESSION_OK (1200) + xmlXPathError.
        let messages = [
            "Ok", "Number encoding", "Unfinished literal", "Start of literal",
            "Expected $ for variable reference", "Undefined variable", "Invalid predicate",
            "Invalid expression", "Missing closing curly brace", "Unregistered function",
            "Invalid operand", "Invalid type", "Invalid number of arguments",
            "Invalid context size", "Invalid context position", "Memory allocation error",
            "Syntax error", "Resource error", "Sub resource error", "Undefined namespace prefix",
            "Encoding error", "Char out of XML range", "Invalid or incomplete context",
            "Stack usage error", "Forbidden variable", "Operation limit exceeded",
            "Recursion limit exceeded",
        ]
        let index = Int(code) - 1200
        return messages.indices.contains(index) ? messages[index] : "Unknown error"
    }
}
