import MIME

/// A web form's fields written into the mail header: a form mailer that leaves out the blank
/// line between the header and its `Name: ... / Email: ... / Phone: ...` lines. Field names
/// without a space are valid header fields, so the parser reads them as headers; the body
/// starts at the first label with a space (`Project Type:`) or is empty. The prospect's
/// name, address and phone were then in headers no rule reads, and the lead was ignored for
/// want of contact details (exploratory testing, session 16).
///
/// The fields are given back to the text, in their order, above what the body held.
enum GluedFormFields {
    /// `message` with its trailing header fields moved to the start of its text, when they
    /// are form fields: the header's last fields, from the first form label on, include no
    /// field of mail itself (``mailFields``) and at least two form labels, one of them a
    /// contact's (a name, an email address or a phone). Nil otherwise: nearly every message
    /// ends its header with a field of mail itself, and is answered from that one name.
    static func repaired(_ message: MIMEMessage) -> MIMEMessage? {
        let headers = message.headers
        var start = headers.endIndex
        var labels = 0
        var namesContact = false
        for index in headers.indices.reversed() {
            let name = normalized(headers[index].name)
            if mailFields.contains(name) { break }
            guard formLabels.contains(name) else { continue }
            start = index
            labels += 1
            namesContact = namesContact || contactLabels.contains(name)
        }
        guard labels >= 2, namesContact else { return nil }
        var text = headers[start...].map { "\($0.name): \($0.value)" }.joined(separator: "\n")
        if let body = message.text, !ValueNormalizer.trimmingWhitespace(body).isEmpty {
            text += "\n" + body
        }
        return MIMEMessage(
            headers: Array(headers[..<start]), messageID: message.messageID, subject: message.subject,
            from: message.from, to: message.to, cc: message.cc, replyTo: message.replyTo, date: message.date,
            text: text, html: message.html, forwarded: [],
            defects: message.defects + ["form fields in the mail header (no blank line before them): read as the body"],
            parts: message.parts, inReplyTo: message.inReplyTo, references: message.references)
    }

    /// A field name lowercased, `_` as `-`. (Names are short: their lowercased copies are
    /// small strings, not allocations.)
    private static func normalized(_ name: String) -> String {
        name.lowercased().replacing("_", with: "-")
    }

    /// Fields of mail itself (RFC 5322, MIME, common transport): a form field run never
    /// holds one, and mail's own header usually ends with one.
    static let mailFields: Set<String> = [
        "from", "to", "cc", "bcc", "subject", "date", "message-id", "reply-to", "sender", "in-reply-to", "references",
        "mime-version", "content-type", "content-transfer-encoding", "content-disposition", "received", "return-path",
        "dkim-signature", "authentication-results", "delivered-to", "x-mailer", "user-agent", "list-unsubscribe",
    ]

    /// Labels of web form fields that are valid field names (no space).
    static let formLabels: Set<String> = contactLabels.union([
        "message", "your-message", "comments", "comment", "details", "budget", "project", "project-type", "address",
        "street", "city", "state", "zip", "zipcode", "zip-code", "postal-code", "timeline", "lot", "company", "subject-line",
    ])

    /// The labels of a way to reach or name the prospect.
    static let contactLabels: Set<String> = [
        "name", "fullname", "full-name", "your-name", "first-name", "firstname", "last-name", "lastname",
        "email", "e-mail", "email-address", "your-email", "phone", "phone-number", "telephone", "tel", "mobile", "cell",
    ]
}
