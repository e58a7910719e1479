public import YAMLFiles
import Yams

/// A node of a routing rules file: the shared YAML node failing with ``RoutingRulesError``.
typealias RoutingNode = YAMLNode<RoutingRulesError>


extension YAMLNode where Failure == RoutingRulesError {
    func error(_ code: RoutingRulesError.Code, _ reason: String) -> RoutingRulesError {
        RoutingRulesError(code: code, file: self.file, line: self.line, column: self.column, reason: reason)
    }

    /// A scalar without surrounding spaces; empty text is refused.
    func text(_ what: String) throws -> String {
        let text = try self.string(what).trimmingWhitespace()
        guard !text.isEmpty else { throw self.error(.wrongType, "\(what) must not be empty") }
        return text
    }

    /// A list of scalars (a single scalar counts as a one-element list), each trimmed.
    func texts(_ what: String) throws -> [String] {
        try self.list(what).map { try $0.text("each entry of \(what)") }
    }

    /// A non-negative whole number.
    func count(_ what: String) throws -> Int {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string.filter { $0 != "_" }), value >= 0 else {
            throw error(.wrongType, "\(what) must be a whole number (0 or more)")
        }
        return value
    }

    /// Whole dollars: `800000`, `800_000`, `"800,000"`, `$800k`, `1.2M`.
    func dollars(_ what: String) throws -> Int {
        guard case .scalar(let scalar) = node, let value = Self.parseDollars(scalar.string) else {
            throw error(.wrongType, "\(what) must be an amount in dollars (800000, 800k, 1.2M)")
        }
        return value
    }

    static func parseDollars(_ raw: String) -> Int? {
        var text = Substring(raw.trimmingWhitespace())
        if text.first == "$" { text = text.dropFirst() }
        var multiplier = 1.0
        switch text.last {
        case "k", "K": multiplier = 1_000; text = text.dropLast()
        case "m", "M": multiplier = 1_000_000; text = text.dropLast()
        default: break
        }
        let digits = text.filter { $0 != "," && $0 != "_" }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              digits.filter({ $0 == "." }).count <= 1, let number = Double(digits) else { return nil }
        if multiplier == 1, digits.contains(".") { return nil }
        let value = (number * multiplier).rounded()
        guard value >= 0, value < 1e12 else { return nil }
        return Int(value)
    }

}

extension String {
    func trimmingWhitespace() -> String {
        guard let start = firstIndex(where: { !$0.isWhitespace }),
              let end = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[start...end])
    }
}
