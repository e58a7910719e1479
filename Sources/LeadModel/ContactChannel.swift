/// One way to reach the prospect. Marketplace relay addresses (`…@convo.zillow.com`,
/// `reply+…@messaging.yelp.com`) and proxied phone numbers are kept, flagged as relays:
/// they reach the person through the marketplace but do not identify them.
public struct ContactChannel: Sendable, Equatable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable { case email, phone }

    public var kind: Kind
    /// An address as written (domain lowercased) or an E.164 number.
    public var value: String
    /// Reaches the person only through a marketplace relay or a call-tracking number.
    public var isRelay: Bool

    public init(kind: Kind, value: String, isRelay: Bool = false) {
        self.kind = kind
        self.value = value
        self.isRelay = isRelay
    }

    private enum CodingKeys: String, CodingKey {
        case kind, value
        case isRelay = "relay"
    }
}
