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
    ///
    /// For an inline forward the list is read from the header block's line when asked for
    /// (each read parses it again), so a scan that never looks at recipients does not pay.
    public var to: [Mailbox] {
        get { toList.mailboxes }
        set { toList = .parsed(newValue) }
    }
    /// The original's `Cc` recipients (read like ``to``).
    public var cc: [Mailbox] {
        get { ccList.mailboxes }
        set { ccList = .parsed(newValue) }
    }
    /// The original's `Reply-To` (Thunderbird and iOS Mail show it in the header block; a
    /// marketplace's relay address to the prospect is often only there). Read like ``to``.
    public var replyTo: [Mailbox] {
        get { replyToList.mailboxes }
        set { replyToList = .parsed(newValue) }
    }
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

    private var toList: RecipientList
    private var ccList: RecipientList
    private var replyToList: RecipientList = .parsed([])

    /// Creates a forwarded original.
    public init(
        from: Mailbox?,
        date: String?,
        subject: String?,
        to: [Mailbox],
        cc: [Mailbox] = [],
        replyTo: [Mailbox] = [],
        body: String,
        style: ForwardStyle = .headerBlock,
        leadingText: String = "",
        sentOnBehalfBy: Mailbox? = nil
    ) {
        self.init(from: from, date: date, subject: subject, toList: .parsed(to), ccList: .parsed(cc), body: body,
                  style: style, leadingText: leadingText, sentOnBehalfBy: sentOnBehalfBy)
        replyToList = .parsed(replyTo)
    }

    /// Creates a forwarded original whose recipients may still be lines as written.
    init(
        from: Mailbox?, date: String?, subject: String?, toList: RecipientList, ccList: RecipientList,
        replyToList: RecipientList = .parsed([]),
        body: String, style: ForwardStyle, leadingText: String, sentOnBehalfBy: Mailbox?
    ) {
        self.replyToList = replyToList
        self.from = from
        self.date = date
        self.subject = subject
        self.toList = toList
        self.ccList = ccList
        self.body = body
        self.style = style
        self.leadingText = leadingText
        self.sentOnBehalfBy = sentOnBehalfBy
    }

    /// Equal when every field reads the same (recipients compared as mailboxes, however
    /// they are held). ``replyTo`` is left out: it came later than the reference scanner the
    /// differential tests compare with, which does not read it, and the other fields already
    /// tell two originals apart.
    public static func == (lhs: ForwardedOriginal, rhs: ForwardedOriginal) -> Bool {
        lhs.from == rhs.from && lhs.date == rhs.date && lhs.subject == rhs.subject && lhs.body == rhs.body
            && lhs.style == rhs.style && lhs.leadingText == rhs.leadingText && lhs.sentOnBehalfBy == rhs.sentOnBehalfBy
            && lhs.to == rhs.to && lhs.cc == rhs.cc
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

/// A forwarded original's `To` or `Cc` list: mailboxes, or the value of an inline forward's
/// header line (already cut to ``ForwardHeaderFields/maximumRecipientBytes``), parsed by
/// ``ForwardHeaderFields/recipients(_:)`` on each read.
enum RecipientList: Sendable {
    case parsed([Mailbox])
    case written(String)

    var mailboxes: [Mailbox] {
        switch self {
        case .parsed(let mailboxes): mailboxes
        case .written(let line): ForwardHeaderFields.recipients(line)
        }
    }
}
