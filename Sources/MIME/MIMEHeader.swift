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

    /// Whether the name equals `lowercasedName` ignoring ASCII case, without allocating
    /// (header lookups run for every part of every message).
    func hasName(_ lowercasedName: String) -> Bool {
        // Most names differ in length: answered without looking at a byte.
        guard name.utf8.count == lowercasedName.utf8.count else { return false }
        var wanted = lowercasedName.utf8.makeIterator()
        for byte in name.utf8 {
            guard let expected = wanted.next() else { return false }
            let folded = byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
            if folded != expected { return false }
        }
        return wanted.next() == nil
    }

    /// The first header in `headers` named `lowercasedName` (ASCII case-insensitive).
    static func first(_ headers: [MIMEHeader], _ lowercasedName: String) -> MIMEHeader? {
        headers.first { $0.hasName(lowercasedName) }
    }
}
