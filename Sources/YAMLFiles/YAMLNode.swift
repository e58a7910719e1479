public import Yams

/// What is wrong at a node of a YAML file, in the terms every file format of the project
/// shares (parser specs, routing rules).
public enum YAMLProblem: Sendable {
    case invalidYAML, wrongType, unknownKey, missingKey
}

/// The codes a file format's error must have for the problems every format shares.
public protocol YAMLErrorCode {
    static var invalidYAML: Self { get }
    static var wrongType: Self { get }
    static var unknownKey: Self { get }
    static var missingKey: Self { get }
}

/// An error of a YAML-based file format that points at a file, line and column.
public protocol YAMLLocatedError: Error {
    associatedtype Code: YAMLErrorCode
    init(code: Code, file: String, line: Int, column: Int, reason: String)
}

extension YAMLLocatedError {
    init(problem: YAMLProblem, file: String, line: Int, column: Int, reason: String) {
        let code: Code = switch problem {
        case .invalidYAML: .invalidYAML
        case .wrongType: .wrongType
        case .unknownKey: .unknownKey
        case .missingKey: .missingKey
        }
        self.init(code: code, file: file, line: line, column: column, reason: reason)
    }
}

/// A YAML node with its position, and typed accessors that fail with the file format's own
/// error (`Failure`), pointing at the node: `parsers/houzz.yaml:12:7: unknown key 'lable'`.
public struct YAMLNode<Failure: YAMLLocatedError> {
    public let node: Node
    public let file: String

    public init(node: Node, file: String) {
        self.node = node
        self.file = file
    }

    /// Parses `text` (the contents of `file`); nil for an empty document.
    public static func document(_ text: String, file: String) throws(Failure) -> YAMLNode? {
        do {
            return try Yams.compose(yaml: text).map { YAMLNode(node: $0, file: file) }
        } catch let error as YamlError {
            throw Self.failure(error, file: file)
        } catch {
            throw Failure(problem: .invalidYAML, file: file, line: 1, column: 1, reason: "invalid YAML")
        }
    }

    public var line: Int { self.node.mark?.line ?? 1 }
    public var column: Int { self.node.mark?.column ?? 1 }

    /// The format's error for `problem` at this node.
    public func failure(_ problem: YAMLProblem, _ reason: String) -> Failure {
        Failure(problem: problem, file: self.file, line: self.line, column: self.column, reason: reason)
    }

    /// The pairs of a mapping in file order, keys checked against `allowed`.
    public func mapping(_ what: String, allowed: Set<String>, noun: String = "key") throws(Failure) -> Pairs {
        guard case .mapping(let mapping) = self.node else {
            throw self.failure(.wrongType, "\(what) must be a mapping of keys to values")
        }
        var pairs = Pairs(owner: self)
        for (key, value) in mapping {
            let keyNode = YAMLNode(node: key, file: self.file)
            guard case .scalar(let scalar) = key else {
                throw keyNode.failure(.wrongType, "keys in \(what) must be plain words")
            }
            guard allowed.contains(scalar.string) else {
                let known = allowed.sorted().joined(separator: ", ")
                throw keyNode.failure(.unknownKey, "unknown \(noun) '\(scalar.string)' in \(what) (known: \(known))")
            }
            pairs.entries.append((scalar.string, keyNode, YAMLNode(node: value, file: self.file)))
        }
        return pairs
    }

    /// A scalar as written; an empty value (`key:`, `~`, `null`) is refused.
    public func string(_ what: String) throws(Failure) -> String {
        guard case .scalar(let scalar) = self.node else {
            throw self.failure(.wrongType, "\(what) must be a single value, not a list or mapping")
        }
        guard !Self.isNull(scalar) else { throw self.failure(.wrongType, "\(what) must not be empty") }
        return scalar.string
    }

    /// The nodes of a list; a single value counts as a one-element list.
    public func list(_ what: String) throws(Failure) -> [YAMLNode] {
        switch self.node {
        case .scalar:
            return [self]
        case .sequence(let sequence):
            return sequence.map { YAMLNode(node: $0, file: self.file) }
        case .mapping, .alias:
            throw self.failure(.wrongType, "\(what) must be a value or a list of values")
        }
    }

    /// A list of scalars; a single scalar counts as a one-element list.
    public func strings(_ what: String) throws(Failure) -> [String] {
        var result: [String] = []
        for entry in try self.list(what) { result.append(try entry.string("each entry of \(what)")) }
        return result
    }

    public func bool(_ what: String) throws(Failure) -> Bool {
        guard case .scalar(let scalar) = self.node else { throw self.failure(.wrongType, "\(what) must be true or false") }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw self.failure(.wrongType, "\(what) must be true or false")
        }
    }

    /// An empty value (`key:`, `~`, `null`).
    public var isNull: Bool {
        if case .scalar(let scalar) = self.node { return Self.isNull(scalar) }
        return false
    }

    static func isNull(_ scalar: Node.Scalar) -> Bool {
        guard scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// A mapping's pairs, in file order, with lookups by key.
    public struct Pairs: Sequence {
        public let owner: YAMLNode
        public var entries: [(key: String, keyNode: YAMLNode, value: YAMLNode)] = []

        init(owner: YAMLNode) { self.owner = owner }

        public subscript(_ key: String) -> YAMLNode? { self.entries.first { $0.key == key }?.value }

        public func required(_ key: String, in what: String) throws(Failure) -> YAMLNode {
            guard let node = self[key] else { throw self.owner.failure(.missingKey, "\(what) is missing required key '\(key)'") }
            return node
        }

        public func makeIterator() -> IndexingIterator<[(key: String, keyNode: YAMLNode, value: YAMLNode)]> {
            self.entries.makeIterator()
        }
    }

    static func failure(_ error: YamlError, file: String) -> Failure {
        func make(_ mark: Mark, _ problem: String) -> Failure {
            Failure(problem: .invalidYAML, file: file, line: mark.line, column: mark.column, reason: "invalid YAML: \(problem)")
        }
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return make(mark, problem)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return make(context.mark, "duplicate key '\(duplicates.joined(separator: "', '"))'")
        case .reader(let problem, _, _, _):
            return Failure(problem: .invalidYAML, file: file, line: 1, column: 1, reason: "invalid YAML: \(problem)")
        default:
            return Failure(problem: .invalidYAML, file: file, line: 1, column: 1, reason: "invalid YAML")
        }
    }
}

/// The error of a YAML-based file format: a code from the format's own set, the file, the
/// position and a reason in words the person editing the file can act on.
///
/// Files hold project data (specs, staff names), not customer data, so the whole description
/// is safe to print. Values built in code or decoded from stored JSON have no position:
/// ``line`` and ``column`` are 0 and the description leaves them out.
public struct YAMLFileError<C: YAMLErrorCode & Sendable & Hashable & CustomStringConvertible>:
    YAMLLocatedError, Sendable, Hashable, CustomStringConvertible
{
    public typealias Code = C

    /// The kind of problem.
    public var code: Code
    /// The file's path, or a label such as `stored routing rules` when there is no file.
    public var file: String
    /// 1-based line in the file; 0 when unknown.
    public var line: Int
    /// 1-based column in the line; 0 when unknown.
    public var column: Int
    /// What is wrong.
    public var reason: String

    public init(code: Code, file: String, line: Int = 0, column: Int = 0, reason: String) {
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// `FILE:LINE:COL: reason` (or `FILE: reason` without a position), the form editors and
    /// terminals turn into links.
    public var description: String {
        self.line > 0 ? "\(self.file):\(self.line):\(self.column): \(self.reason)" : "\(self.file): \(self.reason)"
    }
}
