/// Rules as JSON for Postgres: the same keys and shape as the YAML file.
extension RoutingRules: Codable {
    enum CodingKeys: String, CodingKey {
        case builder, managers, rules, fallback
    }

    /// Decodes stored rules and checks them as a file would be checked.
    ///
    /// - Throws: `DecodingError` for malformed JSON, ``RoutingRulesError`` (file
    ///   `stored routing rules`, no position) for rules that decode but do not check out.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            builder: try c.decodeIfPresent(String.self, forKey: .builder),
            managers: try c.decode([ProjectManager].self, forKey: .managers),
            rules: try c.decodeIfPresent([RoutingRule].self, forKey: .rules) ?? [],
            fallback: try c.decode(RoutingFallback.self, forKey: .fallback),
            label: "stored routing rules"
        )
    }

    /// Encodes the rules with normalised condition values.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(builder, forKey: .builder)
        try c.encode(managers, forKey: .managers)
        try c.encode(rules, forKey: .rules)
        try c.encode(fallback, forKey: .fallback)
    }
}
