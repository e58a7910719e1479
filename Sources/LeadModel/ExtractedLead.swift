/// A prospective customer's contact details and inquiry, as recovered from one message.
///
/// Every optional field is encoded as an explicit JSON `null` when absent so the
/// shape of the JSON never depends on what a particular message happened to contain.
public struct ExtractedLead: Sendable, Equatable, Codable {
    /// Which extractor produced the lead, e.g. `"email"` for the generic one.
    public var source: String
    /// The prospect's given name, when it could be told apart from the family name.
    public var firstName: String?
    /// The prospect's family name (everything after the first name token).
    public var lastName: String?
    /// The prospect's address: domain lowercased, local part as written.
    public var email: String?
    /// E.164 (`+15125550143`) for valid NANP numbers, otherwise the digits as written.
    public var phone: String?
    /// The extension that followed the phone number, digits only.
    public var phoneExtension: String?
    /// The inquiry's subject, with reply/forward prefixes removed.
    public var subject: String?
    /// The inquiry text; for a forward, the original's body without the forward header block.
    public var message: String?
    /// Whether the prospect's message reached us as a forward (inline or attached).
    public var isForwarded: Bool
    /// Field name (`"first_name"`, `"email"`, `"phone"`, ...) to a human-readable provenance.
    public var fieldSources: [String: String]

    /// Creates a lead; every field defaults to empty so callers only name what they found.
    public init(
        source: String = "email",
        firstName: String? = nil,
        lastName: String? = nil,
        email: String? = nil,
        phone: String? = nil,
        phoneExtension: String? = nil,
        subject: String? = nil,
        message: String? = nil,
        isForwarded: Bool = false,
        fieldSources: [String: String] = [:]
    ) {
        self.source = source
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.phone = phone
        self.phoneExtension = phoneExtension
        self.subject = subject
        self.message = message
        self.isForwarded = isForwarded
        self.fieldSources = fieldSources
    }

    // Spelled out rather than left to an encoder key strategy, so the database,
    // the CLI and the golden files agree no matter how the encoder is configured.
    private enum CodingKeys: String, CodingKey {
        case source
        case firstName = "first_name"
        case lastName = "last_name"
        case email
        case phone
        case phoneExtension = "phone_extension"
        case subject
        case message
        case isForwarded = "is_forwarded"
        case fieldSources = "field_sources"
    }

    /// Decodes a lead; absent optional keys and `null` both mean "not found".
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        source = try container.decode(String.self, forKey: .source)
        firstName = try container.decodeIfPresent(String.self, forKey: .firstName)
        lastName = try container.decodeIfPresent(String.self, forKey: .lastName)
        email = try container.decodeIfPresent(String.self, forKey: .email)
        phone = try container.decodeIfPresent(String.self, forKey: .phone)
        phoneExtension = try container.decodeIfPresent(String.self, forKey: .phoneExtension)
        subject = try container.decodeIfPresent(String.self, forKey: .subject)
        message = try container.decodeIfPresent(String.self, forKey: .message)
        isForwarded = try container.decodeIfPresent(Bool.self, forKey: .isForwarded) ?? false
        fieldSources = try container.decodeIfPresent([String: String].self, forKey: .fieldSources) ?? [:]
    }

    /// Encodes every key, writing `null` for fields that were not found.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(source, forKey: .source)
        try container.encode(firstName, forKey: .firstName)
        try container.encode(lastName, forKey: .lastName)
        try container.encode(email, forKey: .email)
        try container.encode(phone, forKey: .phone)
        try container.encode(phoneExtension, forKey: .phoneExtension)
        try container.encode(subject, forKey: .subject)
        try container.encode(message, forKey: .message)
        try container.encode(isForwarded, forKey: .isForwarded)
        try container.encode(fieldSources, forKey: .fieldSources)
    }
}
