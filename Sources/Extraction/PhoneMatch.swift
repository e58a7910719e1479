/// A phone number found in text.
public struct PhoneMatch: Sendable, Equatable {
    /// E.164 (`+15125550143`) for a valid NANP number; otherwise the digits as written
    /// (with a leading `+` when one was written).
    public var number: String
    /// The extension digits, when an `x123` / `ext. 123` / `extension 123` followed.
    public var phoneExtension: String?
    /// The 1-based line of the text on which the number starts.
    public var line: Int
    /// Whether the number passed NANP validation (and `number` is therefore E.164).
    public var isNANP: Bool

    /// Creates a match.
    public init(number: String, phoneExtension: String? = nil, line: Int, isNANP: Bool = true) {
        self.number = number
        self.phoneExtension = phoneExtension
        self.line = line
        self.isNANP = isNANP
    }
}
