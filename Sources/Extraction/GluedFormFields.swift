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
        fields: for index in headers.indices.reversed() {
            let kind = kind(of: headers[index].name)
            switch kind {
            case .mail: break fields
            case .other: continue
            case .contact, .form:
                start = index
                labels += 1
                namesContact = namesContact || kind == .contact
            }
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

    private enum FieldKind {
        case mail, contact, form, other
    }

    /// What a field name is, compared on its bytes A-Z folded and `_` as `-` (this runs on
    /// every message, over the header's last fields: no String is made).
    private static func kind(of name: String) -> FieldKind {
        var name = name
        return name.withUTF8 { bytes in
            // (Most fields after mail's own are "X-" ones: no label starts so.)
            guard bytes.count < namesByLength.count, bytes.count < 2 || bytes[1] != UInt8(ascii: "-") else { return .other }
            for (candidate, kind) in namesByLength[bytes.count] where zip(bytes, candidate).allSatisfy({ folded($0) == $1 }) {
                return kind
            }
            return .other
        }
    }

    @inline(__always) private static func folded(_ byte: UInt8) -> UInt8 {
        byte == UInt8(ascii: "_") ? UInt8(ascii: "-") : (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
    }

    /// The names below by their length in bytes, each with its kind.
    private static let namesByLength: [[(name: [UInt8], kind: FieldKind)]] = {
        let all = mailFields.map { ($0, FieldKind.mail) } + contactLabels.map { ($0, .contact) } + otherFormLabels.map { ($0, .form) }
        var table = [[(name: [UInt8], kind: FieldKind)]](repeating: [], count: all.map(\.0.utf8.count).max()! + 1)
        for (name, kind) in all { table[name.utf8.count].append((Array(name.utf8), kind)) }
        return table
    }()

    /// Fields of mail itself (RFC 5322, MIME, common transport): a form field run never
    /// holds one, and mail's own header usually ends with one.
    static let mailFields: [String] = [
        "from", "to", "cc", "bcc", "subject", "date", "message-id", "reply-to", "sender", "in-reply-to", "references",
        "mime-version", "content-type", "content-transfer-encoding", "content-disposition", "received", "return-path",
        "dkim-signature", "authentication-results", "delivered-to", "x-mailer", "user-agent", "list-unsubscribe",
    ]

    /// Labels of web form fields that are valid field names (no space), besides
    /// ``contactLabels``.
    static let otherFormLabels: [String] = [
        "message", "your-message", "comments", "comment", "details", "budget", "project", "project-type", "address",
        "street", "city", "state", "zip", "zipcode", "zip-code", "postal-code", "timeline", "lot", "company", "subject-line",
    ]

    /// The labels of a way to reach or name the prospect.
    static let contactLabels: [String] = [
        "name", "fullname", "full-name", "your-name", "first-name", "firstname", "last-name", "lastname",
        "email", "e-mail", "email-address", "your-email", "phone", "phone-number", "telephone", "tel", "mobile", "cell",
    ]
}
