/// A message that was forwarded inside another one, as far as it could be recovered.
public struct ForwardedOriginal: Sendable, Equatable {
    /// The original's sender. The address is empty when only a name was shown.
    public var from: Mailbox?
    /// The original's date as written (each client formats it differently).
    public var date: String?
    /// The original's subject as written.
    public var subject: String?
    /// The original's recipients.
    public var to: [Mailbox]
    /// The original's body text, without the forward header block and one level of `>` quoting.
    public var body: String
    /// How the original was embedded.
    public var style: ForwardStyle

    /// Creates a forwarded original.
    public init(
        from: Mailbox?,
        date: String?,
        subject: String?,
        to: [Mailbox],
        body: String,
        style: ForwardStyle = .headerBlock
    ) {
        self.from = from
        self.date = date
        self.subject = subject
        self.to = to
        self.body = body
        self.style = style
    }
}
