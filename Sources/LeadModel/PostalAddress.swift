/// A US postal address as recovered from a lead; any part may be missing.
public struct PostalAddress: Sendable, Equatable, Hashable, Codable {
    /// Number and street, with any unit (`"1420 Oak Hollow Dr Apt 4"`).
    public var street: String?
    public var city: String?
    /// Two-letter USPS state code, uppercase.
    public var state: String?
    /// ZIP5 or ZIP+4 as written (`"78704"`, `"78704-1234"`).
    public var postalCode: String?

    public init(street: String? = nil, city: String? = nil, state: String? = nil, postalCode: String? = nil) {
        self.street = street
        self.city = city
        self.state = state
        self.postalCode = postalCode
    }

    /// True when no part is known.
    public var isEmpty: Bool { street == nil && city == nil && state == nil && postalCode == nil }

    private enum CodingKeys: String, CodingKey {
        case street, city, state
        case postalCode = "postal_code"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(street, forKey: .street)
        try container.encode(city, forKey: .city)
        try container.encode(state, forKey: .state)
        try container.encode(postalCode, forKey: .postalCode)
    }
}
