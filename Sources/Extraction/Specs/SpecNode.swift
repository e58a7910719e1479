public import YAMLFiles
import Yams

/// A node of a parser spec: the shared YAML node failing with ``SpecError``.
typealias SpecNode = YAMLNode<SpecError>


extension YAMLNode where Failure == SpecError {
    func error(_ code: SpecError.Code, _ reason: String) -> SpecError {
        SpecError(code: code, file: self.file, line: self.line, column: self.column, reason: reason)
    }

    /// A list of nodes; anything else counts as a one-element list (its entries are checked
    /// by what reads them).
    func list() -> [SpecNode] {
        if case .sequence(let sequence) = self.node {
            return sequence.map { SpecNode(node: $0, file: self.file) }
        }
        return [self]
    }

    func int(_ what: String) throws -> Int {
        guard case .scalar(let scalar) = self.node, let value = Int(scalar.string) else {
            throw self.error(.wrongType, "\(what) must be a whole number")
        }
        return value
    }

    func pattern(_ what: String) throws -> SpecPattern {
        let source = try self.string(what)
        do {
            return try SpecPattern(source)
        } catch {
            throw self.error(.invalidRegex, "\(what) '\(source)' is not a valid regular expression")
        }
    }
}
