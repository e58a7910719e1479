/// Where one extracted field came from, so a person can see why the lead says what it says.
///
/// A value type whose three strings live in one shared, immutable box: a lead's provenance
/// table stores, copies and frees one reference per entry instead of three strings (each
/// copy of a string is an atomic retain), and a setter gives the value a box of its own.
public struct FieldProvenance: Sendable, Equatable, Hashable, Codable {
    /// The three strings, never mutated once made.
    private final class Storage: Sendable {
        let spec: String?
        let rule: String
        let location: String?

        init(spec: String?, rule: String, location: String?) {
            self.spec = spec
            self.rule = rule
            self.location = location
        }
    }

    private var storage: Storage

    /// The spec that produced the value (`"houzz"`), or nil for a heuristic.
    public var spec: String? {
        get { storage.spec }
        set { storage = Storage(spec: newValue, rule: storage.rule, location: storage.location) }
    }

    /// The rule or heuristic: `"label 'Phone'"`, `"meta lead_email"`, `"budget phrase"`.
    public var rule: String {
        get { storage.rule }
        set { storage = Storage(spec: storage.spec, rule: newValue, location: storage.location) }
    }

    /// Where in the message: `"forwarded original body line 12"`, `"Reply-To header"`.
    public var location: String? {
        get { storage.location }
        set { storage = Storage(spec: storage.spec, rule: storage.rule, location: newValue) }
    }

    public init(spec: String? = nil, rule: String, location: String? = nil) {
        storage = Storage(spec: spec, rule: rule, location: location)
    }

    public static func == (lhs: FieldProvenance, rhs: FieldProvenance) -> Bool {
        lhs.storage === rhs.storage
            || (lhs.storage.spec == rhs.storage.spec && lhs.storage.rule == rhs.storage.rule
                && lhs.storage.location == rhs.storage.location)
    }

    /// The fields in declaration order, as the synthesised conformance hashed them.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.spec)
        hasher.combine(storage.rule)
        hasher.combine(storage.location)
    }

    /// As the synthesised conformance decoded it: `spec` and `location` may be absent or null.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            spec: try container.decodeIfPresent(String.self, forKey: .spec),
            rule: try container.decode(String.self, forKey: .rule),
            location: try container.decodeIfPresent(String.self, forKey: .location))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(storage.spec, forKey: .spec)
        try container.encode(storage.rule, forKey: .rule)
        try container.encode(storage.location, forKey: .location)
    }

    private enum CodingKeys: String, CodingKey { case spec, rule, location }
}
