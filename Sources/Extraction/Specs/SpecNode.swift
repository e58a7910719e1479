import Yams

/// A YAML node with its position, and typed accessors that fail with a ``SpecError``
/// pointing at the node.
struct SpecNode {
    let node: Node
    let file: String

    var line: Int { node.mark?.line ?? 1 }
    var column: Int { node.mark?.column ?? 1 }

    func error(_ code: SpecError.Code, _ reason: String) -> SpecError {
        SpecError(code: code, file: file, line: line, column: column, reason: reason)
    }

    /// The pairs of a mapping, keys checked against `allowed` (in file order).
    func mapping(_ what: String, allowed: Set<String>, noun: String = "key") throws -> [(key: String, keyNode: SpecNode, value: SpecNode)] {
        guard case .mapping(let mapping) = node else {
            throw error(.wrongType, "\(what) must be a mapping of keys to values")
        }
        var pairs: [(key: String, keyNode: SpecNode, value: SpecNode)] = []
        for (key, value) in mapping {
            let keyNode = SpecNode(node: key, file: file)
            guard case .scalar(let scalar) = key else {
                throw keyNode.error(.wrongType, "keys in \(what) must be plain words")
            }
            guard allowed.contains(scalar.string) else {
                let known = allowed.sorted().joined(separator: ", ")
                throw keyNode.error(.unknownKey, "unknown \(noun) '\(scalar.string)' in \(what) (known: \(known))")
            }
            pairs.append((scalar.string, keyNode, SpecNode(node: value, file: file)))
        }
        return pairs
    }

    /// A scalar as text; empty text is refused.
    func string(_ what: String) throws -> String {
        guard case .scalar(let scalar) = node else {
            throw error(.wrongType, "\(what) must be a single value, not a list or mapping")
        }
        guard !isNull(scalar) else { throw error(.wrongType, "\(what) must not be empty") }
        return scalar.string
    }

    /// A list of scalars; a single scalar counts as a one-element list.
    func strings(_ what: String) throws -> [String] {
        switch node {
        case .scalar:
            return [try string(what)]
        case .sequence(let sequence):
            return try sequence.map { try SpecNode(node: $0, file: file).string("each entry of \(what)") }
        default:
            throw error(.wrongType, "\(what) must be a value or a list of values")
        }
    }

    /// A list of nodes; a single node counts as a one-element list.
    func list() -> [SpecNode] {
        if case .sequence(let sequence) = node {
            return sequence.map { SpecNode(node: $0, file: file) }
        }
        return [self]
    }

    func int(_ what: String) throws -> Int {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string) else {
            throw error(.wrongType, "\(what) must be a whole number")
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

    func pattern(_ what: String) throws -> SpecPattern {
        let source = try string(what)
        do {
            return try SpecPattern(source)
        } catch {
            throw self.error(.invalidRegex, "\(what) '\(source)' is not a valid regular expression")
        }
    }

    private func isNull(_ scalar: Node.Scalar) -> Bool {
        guard scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }
}
