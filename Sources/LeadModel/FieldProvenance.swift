/// Where one extracted field came from, so a person can see why the lead says what it says.
public struct FieldProvenance: Sendable, Equatable, Hashable, Codable {
    /// The spec that produced the value (`"houzz"`), or nil for a heuristic.
    public var spec: String?
    /// The rule or heuristic: `"label 'Phone'"`, `"meta lead_email"`, `"budget phrase"`.
    public var rule: String
    /// Where in the message: `"forwarded original body line 12"`, `"Reply-To header"`.
    public var location: String?

    public init(spec: String? = nil, rule: String, location: String? = nil) {
        self.spec = spec
        self.rule = rule
        self.location = location
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(spec, forKey: .spec)
        try container.encode(rule, forKey: .rule)
        try container.encode(location, forKey: .location)
    }

    private enum CodingKeys: String, CodingKey { case spec, rule, location }
}
