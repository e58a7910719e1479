/// A display name and address, as in `Jane Doe <jane@example.com>`.
///
/// Lives in MIME (not LeadModel) because the MIME target depends on nothing but Foundation.
public struct Mailbox: Sendable, Hashable, Codable {
    /// The display name, decoded and unquoted; nil when none was given.
    public var name: String?
    /// The address with its domain lowercased and the local part as written.
    /// Empty when a forward header showed only a name.
    public var address: String

    /// Creates a mailbox.
    public init(name: String?, address: String) {
        self.name = name
        self.address = address
    }
}
