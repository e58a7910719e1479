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
    /// For inline forwards, the text above the separator in the message that carried the
    /// original: the forwarder's note, or (when the block is really a quoted reply) the
    /// reply itself. Empty for attached messages.
    public var leadingText: String

    /// Creates a forwarded original.
    public init(
        from: Mailbox?,
        date: String?,
        subject: String?,
        to: [Mailbox],
        body: String,
        style: ForwardStyle = .headerBlock,
        leadingText: String = ""
    ) {
        self.from = from
        self.date = date
        self.subject = subject
        self.to = to
        self.body = body
        self.style = style
        self.leadingText = leadingText
    }
}
