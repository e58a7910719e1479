public import MIME

/// Decides that a message is not a lead, before any source is looked for: auto-replies,
/// delivery reports and bounces, mailing-list traffic, obvious spam.
///
/// Rules run in this order, first verdict wins; each documents what it accepts:
/// ``DeliveryReportRule`` (bounces come first: their returned original may carry an
/// auto-reply's or a lead's headers), ``AutoReplyRule``, ``CalendarReplyRule``,
/// ``MessageRecallRule``, ``MailingListRule``, ``SpamRule``. (``LeadExtractor`` asks
/// ``MailingListRule`` only after detection: a message a spec detects is never list
/// traffic; and ``NotASalesInquiryRule``, for a person's business mail, only for a
/// person's own message no spec detected.)
/// The rules lean towards letting mail through: list and bulk headers that lead
/// notifications also carry (`List-Unsubscribe`, `Precedence: bulk` alone,
/// `X-Auto-Response-Suppress` alone) never decide on their own, nor does a `Precedence`
/// a person's mail client set (`junk` from a person with no other sign of automation).
public enum NotALeadClassifier {
    /// A short human-readable reason the message is not a lead, or nil.
    public static func reason(for message: MIMEMessage) -> String? {
        verdict(for: message)?.reason
    }

    /// The kind of non-lead mail and the reason, or nil for mail that may be a lead.
    public static func verdict(for message: MIMEMessage) -> NotALeadVerdict? {
        // The headers every rule asks about, read in one pass.
        verdict(for: message, headers: ClassificationHeaders(message.headers))
    }

    /// ``verdict(for:)`` with the message's headers already read.
    static func verdict(for message: MIMEMessage, headers: ClassificationHeaders) -> NotALeadVerdict? {
        verdictBeforeContent(for: message, headers: headers) ?? SpamRule.contentVerdict(message)
    }

    /// Every rule in order but the last step, ``SpamRule``'s content check: a caller that
    /// can rule that out from a pass it makes anyway runs it only when it cannot.
    static func verdictBeforeContent(for message: MIMEMessage, headers: ClassificationHeaders) -> NotALeadVerdict? {
        verdictBeforeListAndContent(for: message, headers: headers)
            ?? MailingListRule.verdict(message, headers)
            ?? SpamRule.headerVerdict(headers)
    }

    /// The rules that hold whatever the sender: reports, auto-replies, calendar replies,
    /// and what the spam filter's headers say.
    static func verdictBeforeListAndContent(for message: MIMEMessage, headers: ClassificationHeaders) -> NotALeadVerdict? {
        DeliveryReportRule.verdict(message, headers)
            ?? AutoReplyRule.verdict(message, headers)
            ?? CalendarReplyRule.verdict(message)
            ?? MessageRecallRule.verdict(message)
            ?? SpamRule.headerVerdict(headers)
    }
}
