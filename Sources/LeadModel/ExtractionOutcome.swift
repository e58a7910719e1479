/// What extraction concluded about one message: a lead, or a reason to ignore it.
///
/// JSON shape (the `lead-intake parse --lead-json` contract): one flat object whose keys are
/// always present: `is_lead`, `ignored_reason` (null for a lead), then every lead key
/// (`source`, `source_lead_id`, `first_name`, ..., `fields`), all `null` (and `fields` `{}`)
/// when the message was ignored.
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

    private enum OutcomeKeys: String, CodingKey {
        case isLead = "is_lead"
        case ignoredReason = "ignored_reason"
    }

    /// Decodes the flat shape.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: OutcomeKeys.self)
        if try container.decode(Bool.self, forKey: .isLead) {
            self = .lead(try ExtractedLead(from: decoder))
        } else {
            self = .ignored(reason: try container.decodeIfPresent(String.self, forKey: .ignoredReason) ?? "")
        }
    }

    /// Encodes the flat shape with every key present.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: OutcomeKeys.self)
        try container.encode(lead != nil, forKey: .isLead)
        try container.encode(ignoredReason, forKey: .ignoredReason)
        if let lead {
            try lead.encode(to: encoder)
        } else {
            var leadKeys = encoder.container(keyedBy: ExtractedLead.CodingKeys.self)
            for key in ExtractedLead.CodingKeys.allCases {
                switch key {
                case .fields: try leadKeys.encode([String: FieldProvenance](), forKey: key)
                case .contactChannels: try leadKeys.encode([ContactChannel](), forKey: key)
                case .reviewReasons: try leadKeys.encode([String](), forKey: key)
                case .isForwarded, .needsReview: try leadKeys.encode(false, forKey: key)
                default: try leadKeys.encodeNil(forKey: key)
                }
            }
        }
    }
}
