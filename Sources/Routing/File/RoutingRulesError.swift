/// Why routing rules could not be loaded: the file, the line and column in it, and a reason.
///
/// Rules files hold manager names and e-mail addresses of the builder's own staff, not
/// customer data, so the whole description is safe to print:
/// `deploy/routing.yaml:14:7: rule 'remodels' names unknown manager 'marko' (known: dana, priya)`.
///
/// Rules built in code or decoded from stored JSON have no position: ``line`` and ``column``
/// are 0 and the description leaves them out.
public struct RoutingRulesError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem, as an extensible set of constants.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case unreadableFile = "unreadable file"
            case invalidYAML = "invalid YAML"
            case unknownKey = "unknown key"
            case missingKey = "missing key"
            case wrongType = "wrong type"
            case invalidValue = "invalid value"
            case unknownStrategy = "unknown strategy"
            case unknownManager = "unknown manager"
            case duplicateManager = "duplicate manager"
            case duplicateRule = "duplicate rule"
            case noManagers = "no managers"
        }

        private let base: Base

        private init(_ base: Base) { self.base = base }

        /// The file could not be read.
        public static let unreadableFile = Code(.unreadableFile)
        /// The file is not well-formed YAML.
        public static let invalidYAML = Code(.invalidYAML)
        /// A key the format does not define (often a typo).
        public static let unknownKey = Code(.unknownKey)
        /// A required key is absent.
        public static let missingKey = Code(.missingKey)
        /// A value has the wrong shape (a list where a number was expected, ...).
        public static let wrongType = Code(.wrongType)
        /// A value is not allowed (unknown state, malformed ZIP, min above max, ...).
        public static let invalidValue = Code(.invalidValue)
        /// `strategy` is not `round_robin`, `workload` or `fixed`.
        public static let unknownStrategy = Code(.unknownStrategy)
        /// A rule or the fallback names a manager key that `managers` does not define.
        public static let unknownManager = Code(.unknownManager)
        /// Two managers share a key.
        public static let duplicateManager = Code(.duplicateManager)
        /// Two rules share a name, or a rule is named `fallback`.
        public static let duplicateRule = Code(.duplicateRule)
        /// A rule or the fallback lists no managers, or a `fixed` rule lists more than one.
        public static let noManagers = Code(.noManagers)

        /// A short name for the code.
        public var description: String { base.rawValue }
    }

    /// The kind of problem.
    public var code: Code
    /// The rules file's path, or a label such as `stored rules` when there is no file.
    public var file: String
    /// 1-based line in the file; 0 when unknown.
    public var line: Int
    /// 1-based column in the line; 0 when unknown.
    public var column: Int
    /// What is wrong, in words a person editing the file can act on.
    public var reason: String

    /// Creates an error value.
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
        line > 0 ? "\(file):\(line):\(column): \(reason)" : "\(file): \(reason)"
    }
}
