/// A recipient address as the gateway matches it: lowercased (local parts are matched
/// case-insensitively, as every mailbox provider a builder uses does), with its plus tag.
public struct IntakeAddress: Sendable, Equatable {
    /// `local@domain`, lowercased.
    public let address: String
    public let localPart: String
    public let domain: String
    /// For `leads+acme-homes@intake.example`: `acme-homes`.
    public let plusTag: String?

    /// `<Postmaster>` with no domain, which RFC 5321 4.1.1.3 allows for that one name
    /// (any case); nil for anything else. Its ``domain`` is empty.
    public init?(barePostmaster raw: String) {
        guard raw.lowercased() == "postmaster" else { return nil }
        self.address = "postmaster"
        self.localPart = "postmaster"
        self.domain = ""
        self.plusTag = nil
    }

    /// Parses an SMTP path's address (`<a@b>` already unwrapped). Returns nil for anything
    /// without exactly one `@` and non-empty sides.
    public init?(_ raw: String) {
        let lowered = raw.lowercased()
        let parts = lowered.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, lowered.utf8.count <= 320 else { return nil }
        self.address = lowered
        self.localPart = String(parts[0])
        self.domain = String(parts[1])
        if let plus = self.localPart.firstIndex(of: "+") {
            let tag = self.localPart[self.localPart.index(after: plus)...]
            self.plusTag = tag.isEmpty ? nil : String(tag)
        } else {
            self.plusTag = nil
        }
    }
}
