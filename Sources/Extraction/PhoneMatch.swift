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
    /// What its line says just before it (at most ``maximumLeadIn`` characters, from the
    /// line's start or the previous number on it): `"Fax: "`, `"my cell is "`. Empty when
    /// the scanner did not record it.
    public var leadIn = ""

    /// Whether the number is a 7-digit local number joined with an area code the line states
    /// apart (`555-0144 (area code 512)`: ``PhoneNumberScanner/areaCodeJoinedPhone(in:)``).
    public var isAreaCodeJoined = false

    /// For a cell the writer listed after their work or home number, taken over it
    /// (``PhoneFinder``: `Work: 512-555-0199` / `Cell: 512-555-0144`): which that number was.
    public var cellListedAfter: Landline?

    /// A number a cell listed after it is called over.
    public enum Landline: String, Sendable {
        case work
        case home
    }

    /// What a rule's provenance adds for a cell listed after a landline: ` (the cell, listed
    /// after a work number)`; empty for any other number.
    public var cellNote: String {
        cellListedAfter.map { " (the cell, listed after a \($0.rawValue) number)" } ?? ""
    }

    /// How much of a line before a number ``leadIn`` keeps.
    public static let maximumLeadIn = 40

    /// The same number (and extension) found on the same line. ``leadIn`` is context, read
    /// from whichever form of the text the scanner walked (a character that is not ASCII may
    /// stand as a placeholder there), so it is not compared.
    public static func == (lhs: PhoneMatch, rhs: PhoneMatch) -> Bool {
        lhs.number == rhs.number && lhs.phoneExtension == rhs.phoneExtension && lhs.line == rhs.line && lhs.isNANP == rhs.isNANP
    }

    /// Creates a match.
    public init(number: String, phoneExtension: String? = nil, line: Int, isNANP: Bool = true) {
        self.number = number
        self.phoneExtension = phoneExtension
        self.line = line
        self.isNANP = isNANP
    }
}
