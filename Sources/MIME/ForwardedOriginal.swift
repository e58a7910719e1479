/// A message that was forwarded inside another one, as far as it could be recovered.
///
/// Inline forwards are read from the carrying message's text; attached ones
/// (`message/rfc822`) from the embedded message's own headers (see ``init(attachedMessage:)``).
/// Both give the same fields.
public struct ForwardedOriginal: Sendable, Equatable {
    /// The original's author. The address is empty when only a name was shown
    /// (Outlook's `To: Info`, or the author of an "On Behalf Of" line).
    public var from: Mailbox?
    /// The original's date exactly as the forwarding client wrote it. Each client has its
    /// own format (`Mon, May 11, 2026 at 9:14 AM`, `lunes, 11 de mayo de 2026 9:14`) and
    /// many omit the zone, so it is not converted.
    public var date: String?
    /// The original's subject as written.
    public var subject: String?
    /// The original's `To` recipients.
    public var to: [Mailbox]
    /// The original's `Cc` recipients.
    public var cc: [Mailbox]
    /// The original's own text: after its header block, without the `>` quoting the
    /// forward added, and ending where a further forwarded original inside it begins
    /// (that one is its own entry, earlier in ``MIMEMessage/forwarded``).
    public var body: String
    /// How the original was embedded.
    public var style: ForwardStyle
    /// For inline forwards, the text above the separator in the message that carried the
    /// original: the forwarder's note (it may hold staff phones and signatures that are not
    /// the prospect's). Empty for attached messages.
    public var leadingText: String
    /// For Outlook's `From: Delegate <d@x> On Behalf Of Author`, the delegate that sent the
    /// original (often a mailing list, shared mailbox or form service); `from` is the author.
    public var sentOnBehalfBy: Mailbox?

    /// Creates a forwarded original.
    public init(
        from: Mailbox?,
        date: String?,
        subject: String?,
        to: [Mailbox],
        cc: [Mailbox] = [],
        body: String,
        style: ForwardStyle = .headerBlock,
        leadingText: String = "",
        sentOnBehalfBy: Mailbox? = nil
    ) {
        self.from = from
        self.date = date
        self.subject = subject
        self.to = to
        self.cc = cc
        self.body = body
        self.style = style
        self.leadingText = leadingText
        self.sentOnBehalfBy = sentOnBehalfBy
    }

    /// The originals forwarded inline in `text`, innermost first.
    ///
    /// Use this for text that did not come through ``MIMEMessage/parse(_:limits:)``, such as a
    /// provider webhook's text body. Linear in the length of `text`.
    ///
    /// - Parameters:
    ///   - text: The carrying message's plain text (or HTML rendered to text).
    ///   - subject: The carrying message's subject. Outlook writes the same header block above
    ///     quoted replies as above forwards; when the subject starts with a reply prefix
    ///     (`RE:`, `AW:`, ...) such blocks are taken as quoted replies, not forwards.
    ///     Nil means unknown: such blocks then count as forwards.
    ///   - limits: `maximumForwardDepth` bounds how many nested forwards are unwrapped.
    /// - Returns: The recovered originals, innermost first; empty when there is none.
    public static func inlineForwards(in text: String, subject: String? = nil, limits: MIMELimits = MIMELimits()) -> [ForwardedOriginal] {
        InlineForwardParser.parse(text, subject: subject, limits: limits)
    }
}
