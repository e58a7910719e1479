public import YAMLFiles

/// Why routing rules could not be loaded: the file, the line and column in it, and a reason:
/// `deploy/routing.yaml:14:7: rule 'remodels' names unknown manager 'marko' (known: dana, priya)`.
/// Rules built in code or decoded from stored JSON have no position.
public typealias RoutingRulesError = YAMLFileError<RoutingRulesErrorCode>

/// What kind of problem a RoutingRulesError is, as an extensible set of constants.
public struct RoutingRulesErrorCode: YAMLErrorCode, Sendable, Hashable, CustomStringConvertible {
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
    public static let unreadableFile = RoutingRulesErrorCode(.unreadableFile)
    /// The file is not well-formed YAML.
    public static let invalidYAML = RoutingRulesErrorCode(.invalidYAML)
    /// A key the format does not define (often a typo).
    public static let unknownKey = RoutingRulesErrorCode(.unknownKey)
    /// A required key is absent.
    public static let missingKey = RoutingRulesErrorCode(.missingKey)
    /// A value has the wrong shape (a list where a number was expected, ...).
    public static let wrongType = RoutingRulesErrorCode(.wrongType)
    /// A value is not allowed (unknown state, malformed ZIP, min above max, ...).
    public static let invalidValue = RoutingRulesErrorCode(.invalidValue)
    /// `strategy` is not `round_robin`, `workload` or `fixed`.
    public static let unknownStrategy = RoutingRulesErrorCode(.unknownStrategy)
    /// A rule or the fallback names a manager key that `managers` does not define.
    public static let unknownManager = RoutingRulesErrorCode(.unknownManager)
    /// Two managers share a key.
    public static let duplicateManager = RoutingRulesErrorCode(.duplicateManager)
    /// Two rules share a name, or a rule is named `fallback`.
    public static let duplicateRule = RoutingRulesErrorCode(.duplicateRule)
    /// A rule or the fallback lists no managers, or a `fixed` rule lists more than one.
    public static let noManagers = RoutingRulesErrorCode(.noManagers)

    /// A short name for the code.
    public var description: String { base.rawValue }
}
