/// One header field of a message or MIME part.
public struct MIMEHeader: Sendable, Equatable {
    /// The field name exactly as written (case preserved).
    public var name: String
    /// The value unfolded, trimmed and with RFC 2047 encoded words decoded.
    public var value: String
    /// The value unfolded and trimmed but not RFC 2047 decoded; address parsing needs
    /// this because a decoded display name may contain commas or quotes.
    public var rawValue: String

    /// Creates a header from its parts.
    public init(name: String, value: String, rawValue: String) {
        self.name = name
        self.value = value
        self.rawValue = rawValue
    }
}
