/// Why a parser spec could not be loaded: the file, the line and column in it, and a reason.
///
/// Specs are project data, not customer data, so the whole description is safe to print.
/// Start-up stops on the first one: `parsers/houzz.yaml:12:7: unknown key 'lables' in a field rule`.
public struct SpecError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem, as an extensible set of constants.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case unreadableFile = "unreadable file"
            case invalidYAML = "invalid YAML"
            case unknownKey = "unknown key"
            case missingKey = "missing key"
            case wrongType = "wrong type"
            case invalidValue = "invalid value"
            case invalidRegex = "invalid regular expression"
            case invalidXPath = "invalid XPath"
            case duplicateSpec = "duplicate spec"
        }

        private let base: Base

        private init(_ base: Base) { self.base = base }

        /// The file or directory could not be read.
        public static let unreadableFile = Code(.unreadableFile)
        /// The file is not well-formed YAML.
        public static let invalidYAML = Code(.invalidYAML)
        /// A key the format does not define (often a typo).
        public static let unknownKey = Code(.unknownKey)
        /// A required key is absent.
        public static let missingKey = Code(.missingKey)
        /// A value has the wrong shape (a list where text was expected, ...).
        public static let wrongType = Code(.wrongType)
        /// A value is not allowed (unknown source slug, field name or normalise hint, ...).
        public static let invalidValue = Code(.invalidValue)
        /// A regular expression does not compile.
        public static let invalidRegex = Code(.invalidRegex)
        /// An XPath expression does not compile.
        public static let invalidXPath = Code(.invalidXPath)
        /// Two files define the same spec name (`houzz.yaml` and `houzz.yml`).
        public static let duplicateSpec = Code(.duplicateSpec)

        /// A short name for the code.
        public var description: String { base.rawValue }
    }

    /// The kind of problem.
    public var code: Code
    /// The spec file's path.
    public var file: String
    /// 1-based line in the file (1 when the problem concerns the whole file).
    public var line: Int
    /// 1-based column in the line.
    public var column: Int
    /// What is wrong, in words a spec author can act on.
    public var reason: String

    /// Creates an error value.
    public init(code: Code, file: String, line: Int, column: Int, reason: String) {
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// `FILE:LINE:COL: reason`, the form editors and terminals turn into links.
    public var description: String {
        "\(file):\(line):\(column): \(reason)"
    }
}
