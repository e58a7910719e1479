/// Why a message is not a lead: what kind of mail it is and a short reason for people.
public struct NotALeadVerdict: Sendable, Equatable {
    /// The kind of mail, for callers that treat some kinds differently (a marketplace whose
    /// lead notifications carry list headers, say).
    public enum Kind: String, Sendable, Equatable {
        /// An out-of-office or other automatic reply (RFC 3834 `auto-replied`).
        case autoReply = "auto_reply"
        /// Machine-generated mail that is not a lead notification (RFC 3834 `auto-generated`).
        case automated
        /// A bounce, delay notice or read receipt (`multipart/report`).
        case deliveryReport = "delivery_report"
        /// Mailing-list or bulk traffic.
        case mailingList = "mailing_list"
        /// Marked or recognisably spam.
        case spam
    }

    public var kind: Kind
    /// Short and free of message content (`"auto-reply (Auto-Submitted: auto-replied)"`).
    public var reason: String

    /// Creates a verdict.
    public init(kind: Kind, reason: String) {
        self.kind = kind
        self.reason = reason
    }
}
