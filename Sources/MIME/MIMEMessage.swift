public import Foundation

/// A parsed email: headers, addresses, the best plain text, and any forwarded originals.
///
/// Parsing never fails. Anything malformed is handled best-effort and noted in `defects`,
/// and all work is bounded by `MIMELimits`, so hostile input costs linear time.
public struct MIMEMessage: Sendable {
    /// Header fields in order; names as written, values unfolded and RFC 2047 decoded.
    public var headers: [MIMEHeader]
    /// The Message-ID without angle brackets.
    public var messageID: String?
    /// The decoded Subject header.
    public var subject: String?
    /// Mailboxes of the first From header.
    public var from: [Mailbox]
    /// Mailboxes of the first To header.
    public var to: [Mailbox]
    /// Mailboxes of the first Cc header.
    public var cc: [Mailbox]
    /// Mailboxes of the first Reply-To header.
    public var replyTo: [Mailbox]
    /// The Date header as an instant, when it could be read.
    public var date: Date?
    /// The best plain text: the text/plain alternative if present, else the HTML rendered
    /// to text. `\n` line endings.
    public var text: String?
    /// The first text/html part, as decoded (not rendered).
    public var html: String?
    /// Forwarded originals (attached `message/rfc822` parts, then inline forwards),
    /// each chain ordered innermost original first.
    public var forwarded: [ForwardedOriginal]
    /// Human-readable notes on anything malformed or skipped. They never contain message content.
    public var defects: [String]

    /// Creates a message from already-known parts (mostly for tests and callers that build mail).
    public init(
        headers: [MIMEHeader] = [],
        messageID: String? = nil,
        subject: String? = nil,
        from: [Mailbox] = [],
        to: [Mailbox] = [],
        cc: [Mailbox] = [],
        replyTo: [Mailbox] = [],
        date: Date? = nil,
        text: String? = nil,
        html: String? = nil,
        forwarded: [ForwardedOriginal] = [],
        defects: [String] = []
    ) {
        self.headers = headers
        self.messageID = messageID
        self.subject = subject
        self.from = from
        self.to = to
        self.cc = cc
        self.replyTo = replyTo
        self.date = date
        self.text = text
        self.html = html
        self.forwarded = forwarded
        self.defects = defects
    }

    /// Parses raw message bytes (as received over SMTP or read from an .eml file).
    public static func parse(_ bytes: [UInt8], limits: MIMELimits = MIMELimits()) -> MIMEMessage {
        var parser = MessageParser(limits: limits)
        var defects: [String] = []
        var end = bytes.count
        if end > limits.maximumSize {
            end = max(0, limits.maximumSize)
            defects.append("message larger than \(limits.maximumSize) bytes; the rest was ignored")
        }
        if end == 0 {
            defects.append("empty message")
        }
        return parser.parseMessage(bytes, range: 0..<end, depth: 0, initialDefects: defects)
    }

    /// The value of the first header with this name (case-insensitive).
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }

    /// All values of headers with this name (case-insensitive), in order.
    public func headerValues(_ name: String) -> [String] {
        let wanted = name.lowercased()
        return headers.filter { $0.name.lowercased() == wanted }.map(\.value)
    }

    /// Builds the public view of a parsed message.
    init(assembling headers: [MIMEHeader], content: MessageParser.Content, defects: [String], limits: MIMELimits) {
        var defects = defects
        func first(_ name: String) -> MIMEHeader? {
            headers.first { $0.name.lowercased() == name }
        }
        func addresses(_ name: String, label: String) -> [Mailbox] {
            guard let header = first(name) else { return [] }
            let result = AddressListParser.parse(header.rawValue)
            defects += result.defects.map { "\(label): \($0)" }
            return result.mailboxes
        }

        let text: String?
        if !content.plain.isEmpty {
            text = content.plain.joined(separator: "\n")
        } else if !content.html.isEmpty {
            text = HTMLTextRenderer.render(content.html.joined(separator: "\n"))
        } else {
            text = nil
        }

        var date: Date?
        if let dateHeader = first("date") {
            date = RFC5322DateParser.parse(dateHeader.value)
            if date == nil { defects.append("unreadable Date header") }
        }

        var forwarded: [ForwardedOriginal] = []
        for attached in content.attached {
            forwarded += attached.forwarded
            forwarded.append(ForwardedOriginal(
                from: attached.from.first,
                date: attached.header("Date"),
                subject: attached.subject,
                to: attached.to,
                body: HeaderBlockParser.trimmed(attached.text ?? ""),
                style: .attachedMessage
            ))
        }
        if let text {
            forwarded += InlineForwardParser.parse(text, limits: limits)
        }

        self.init(
            headers: headers,
            messageID: first("message-id").map { Self.stripAngles($0.value) },
            subject: first("subject")?.value,
            from: addresses("from", label: "From"),
            to: addresses("to", label: "To"),
            cc: addresses("cc", label: "Cc"),
            replyTo: addresses("reply-to", label: "Reply-To"),
            date: date,
            text: text,
            html: content.html.first,
            forwarded: forwarded,
            defects: defects
        )
    }

    private static func stripAngles(_ value: String) -> String {
        var id = Substring(HeaderBlockParser.trimmed(value))
        if let open = id.firstIndex(of: "<") {
            id = id[id.index(after: open)...]
            if let close = id.firstIndex(of: ">") { id = id[..<close] }
        }
        return HeaderBlockParser.trimmed(String(id))
    }
}
