public import YAMLFiles

/// Why a parser spec could not be loaded: the file, the line and column in it, and a reason.
///
/// Start-up stops on the first one: `parsers/houzz.yaml:12:7: unknown key 'lables' in a field rule`.
public typealias SpecError = YAMLFileError<SpecErrorCode>

/// What kind of problem a SpecError is, as an extensible set of constants.
public struct SpecErrorCode: YAMLErrorCode, Sendable, Hashable, CustomStringConvertible {
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
    public static let unreadableFile = SpecErrorCode(.unreadableFile)
    /// The file is not well-formed YAML.
    public static let invalidYAML = SpecErrorCode(.invalidYAML)
    /// A key the format does not define (often a typo).
    public static let unknownKey = SpecErrorCode(.unknownKey)
    /// A required key is absent.
    public static let missingKey = SpecErrorCode(.missingKey)
    /// A value has the wrong shape (a list where text was expected, ...).
    public static let wrongType = SpecErrorCode(.wrongType)
    /// A value is not allowed (unknown source slug, field name or normalise hint, ...).
    public static let invalidValue = SpecErrorCode(.invalidValue)
    /// A regular expression does not compile.
    public static let invalidRegex = SpecErrorCode(.invalidRegex)
    /// An XPath expression does not compile.
    public static let invalidXPath = SpecErrorCode(.invalidXPath)
    /// Two files define the same spec name (`houzz.yaml` and `houzz.yml`).
    public static let duplicateSpec = SpecErrorCode(.duplicateSpec)

    /// A short name for the code.
    public var description: String { base.rawValue }
}
