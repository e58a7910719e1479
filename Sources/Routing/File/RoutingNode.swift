import Yams

/// A YAML node of a rules file with its position, and typed accessors that fail with a
/// ``RoutingRulesError`` pointing at the node.
struct RoutingNode {
    let node: Node
    let file: String

    var line: Int { node.mark?.line ?? 1 }
    var column: Int { node.mark?.column ?? 1 }

    func error(_ code: RoutingRulesError.Code, _ reason: String) -> RoutingRulesError {
        RoutingRulesError(code: code, file: file, line: line, column: column, reason: reason)
    }

    /// The pairs of a mapping in file order, keys checked against `allowed`.
    func mapping(_ what: String, allowed: Set<String>) throws -> Pairs {
        guard case .mapping(let mapping) = node else {
            throw error(.wrongType, "\(what) must be a mapping of keys to values")
        }
        var pairs = Pairs(owner: self)
        for (key, value) in mapping {
            let keyNode = RoutingNode(node: key, file: file)
            guard case .scalar(let scalar) = key else {
                throw keyNode.error(.wrongType, "keys in \(what) must be plain words")
            }
            guard allowed.contains(scalar.string) else {
                let known = allowed.sorted().joined(separator: ", ")
                throw keyNode.error(.unknownKey, "unknown key '\(scalar.string)' in \(what) (known: \(known))")
            }
            pairs.entries.append((scalar.string, keyNode, RoutingNode(node: value, file: file)))
        }
        return pairs
    }

    /// A scalar as text; empty text is refused.
    func string(_ what: String) throws -> String {
        guard case .scalar(let scalar) = node else {
            throw error(.wrongType, "\(what) must be a single value, not a list or mapping")
        }
        let text = scalar.string.trimmingWhitespace()
        guard !isNull(scalar), !text.isEmpty else { throw error(.wrongType, "\(what) must not be empty") }
        return text
    }

    /// A list of nodes; a single scalar counts as a one-element list.
    func list(_ what: String) throws -> [RoutingNode] {
        switch node {
        case .scalar:
            return [self]
        case .sequence(let sequence):
            return sequence.map { RoutingNode(node: $0, file: file) }
        default:
            throw error(.wrongType, "\(what) must be a value or a list of values")
        }
    }

    /// A list of scalars; a single scalar counts as a one-element list.
    func strings(_ what: String) throws -> [String] {
        try list(what).map { try $0.string("each entry of \(what)") }
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

    func bool(_ what: String) throws -> Bool {
        guard case .scalar(let scalar) = node else { throw error(.wrongType, "\(what) must be true or false") }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error(.wrongType, "\(what) must be true or false")
        }
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

    /// An empty value (`key:`, `~`, `null`).
    var isNull: Bool {
        if case .scalar(let scalar) = node { return isNull(scalar) }
        return false
    }

    private func isNull(_ scalar: Node.Scalar) -> Bool {
        guard scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// A mapping's pairs with lookups by key.
    struct Pairs {
        let owner: RoutingNode
        var entries: [(key: String, keyNode: RoutingNode, value: RoutingNode)] = []

        subscript(_ key: String) -> RoutingNode? { entries.first { $0.key == key }?.value }

        func required(_ key: String, in what: String) throws -> RoutingNode {
            guard let node = self[key] else { throw owner.error(.missingKey, "\(what) is missing required key '\(key)'") }
            return node
        }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        guard let start = firstIndex(where: { !$0.isWhitespace }),
              let end = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[start...end])
    }
}
