/// What an extractor concluded about one message: a lead, or a reason to ignore it.
///
/// JSON shape (keys always present, so consumers never probe for them):
/// `{"is_lead": true, "ignored_reason": null, "lead": {...}}` or
/// `{"is_lead": false, "ignored_reason": "...", "lead": null}`.
public enum ExtractionOutcome: Sendable, Equatable, Codable {
    /// The message is an inquiry; here is what was recovered from it.
    case lead(ExtractedLead)
    /// The message is not a lead; `reason` is a short human-readable explanation.
    case ignored(reason: String)

    /// The lead, when the outcome is one.
    public var lead: ExtractedLead? {
        if case .lead(let lead) = self { return lead }
        return nil
    }

    /// The reason the message was ignored, when it was.
    public var ignoredReason: String? {
        if case .ignored(let reason) = self { return reason }
        return nil
    }

    private enum CodingKeys: String, CodingKey {
        case isLead = "is_lead"
        case ignoredReason = "ignored_reason"
        case lead
    }

    /// Decodes the flat `is_lead` / `ignored_reason` / `lead` shape.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if try container.decode(Bool.self, forKey: .isLead) {
            self = .lead(try container.decode(ExtractedLead.self, forKey: .lead))
        } else {
            self = .ignored(reason: try container.decodeIfPresent(String.self, forKey: .ignoredReason) ?? "")
        }
    }

    /// Encodes the flat shape with all three keys present.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(lead != nil, forKey: .isLead)
        try container.encode(ignoredReason, forKey: .ignoredReason)
        try container.encode(lead, forKey: .lead)
    }
}
