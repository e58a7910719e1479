public import Foundation
public import HTMLText

/// A parsed email: headers, addresses, the best plain text, the MIME parts, and any
/// forwarded originals.
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
    /// to text; also the HTML rendered when the plain alternative is blank, an "HTML-capable
    /// client" stub, or, in a forward, lacks the forward the HTML carries
    /// (``PlainAlternative``). `\n` line endings. Rendering happens on first access.
    public var text: String? {
        if let textOverride { return textOverride }
        return self.derived.text
    }
    /// The text/plain body parts as decoded (several are joined with a newline), or nil
    /// when the message has none. Unlike `text`, never rendered from HTML.
    public var plainText: String?
    /// The text/html body parts, as decoded (not rendered); several (Apple Mail splits the
    /// HTML around inline images) are joined with a newline.
    public var html: String?
    /// `html` parsed by libxml2, for callers that search it (XPath, table rows, meta tags).
    ///
    /// Parsed at most once per parsed message and shared with the rendering behind `text`:
    /// an HTML-only message that was rendered has it already; otherwise it is parsed on
    /// first use. Embedded messages (`part.message`, attached originals) have their own.
    /// The tree (several times the size of the markup) then lives as long as the message
    /// and its copies: fine for messages handled and dropped, worth knowing before keeping
    /// many messages around. A message built with the memberwise `init(headers:...)`, or
    /// whose `html` was changed after parsing, gets a fresh uncached parse of its current
    /// `html` on each access. Nil when there is no HTML.
    public var htmlDocument: HTMLDocument? {
        guard let html else { return nil }
        // Same storage as what was parsed (the usual case) compares in constant time.
        if html == self.derived.inputs.html, let document = self.derived.htmlDocument { return document }
        return HTMLDocument(html)
    }
    /// Forwarded originals (attached `message/rfc822` parts, then inline forwards),
    /// each chain ordered innermost original first. Found on first access.
    public var forwarded: [ForwardedOriginal] {
        self.forwardedOverride ?? self.derived.forwarded
    }
    /// Human-readable notes on anything malformed or skipped. They never contain message
    /// content. Reading them renders HTML-only text (which may add a note).
    public var defects: [String] {
        self.textOverride == nil ? self.parseDefects + self.derived.renderingDefects : self.parseDefects
    }
    /// Every leaf of the MIME tree in order: body texts, attachments, inline images and
    /// embedded messages (an embedded message is one leaf; its own parts are in
    /// `part.message?.parts`).
    public var parts: [MIMEPart]
    /// Message ids of the In-Reply-To header, without angle brackets.
    public var inReplyTo: [String]
    /// Message ids of the References header, oldest first, without angle brackets.
    public var references: [String]

    private var textOverride: String??
    private var forwardedOverride: [ForwardedOriginal]?
    private var parseDefects: [String]
    private var derived: Derived

    /// The leaves that are not body text: files, inline images, embedded messages.
    public var attachments: [MIMEPart] {
        parts.filter(\.isAttachment)
    }

    /// The Auto-Submitted header (`auto-replied`, `auto-generated`; RFC 3834), lowercased token.
    public var autoSubmitted: String? {
        headerToken("auto-submitted")
    }

    /// The Precedence header (`bulk`, `list`, `junk`), lowercased token.
    public var precedence: String? {
        headerToken("precedence")
    }

    /// The List-Id header's identifier (`list.example.com`), without brackets or phrase.
    public var listID: String? {
        guard let value = MIMEHeader.first(headers, "list-id")?.value else { return nil }
        let id = value.contains("<") ? MessageIDList.stripAngles(value) : HeaderBlockParser.trimmed(value)
        return id.isEmpty ? nil : id
    }

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
        defects: [String] = [],
        parts: [MIMEPart] = [],
        inReplyTo: [String] = [],
        references: [String] = []
    ) {
        self.headers = headers
        self.messageID = messageID
        self.subject = subject
        self.from = from
        self.to = to
        self.cc = cc
        self.replyTo = replyTo
        self.date = date
        self.textOverride = .some(text)
        self.plainText = text
        self.html = html
        self.forwardedOverride = forwarded
        self.parseDefects = defects
        self.derived = .empty
        self.parts = parts
        self.inReplyTo = inReplyTo
        self.references = references
    }

    /// Parses raw message bytes (as received over SMTP or read from an .eml file).
    ///
    /// The returned parts share `bytes`' storage rather than copying it.
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
        MIMEHeader.first(headers, name.lowercased())?.value
    }

    /// All values of headers with this name (case-insensitive), in order.
    public func headerValues(_ name: String) -> [String] {
        let wanted = name.lowercased()
        return headers.filter { $0.hasName(wanted) }.map(\.value)
    }

    private static func dropBlankUnlessAll(_ texts: [String]) -> [String] {
        let filled = texts.filter { !isBlank($0) }
        return filled.isEmpty ? Array(texts.prefix(1)) : filled
    }

    private static func isBlank(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }

    private func headerToken(_ name: String) -> String? {
        MIMEHeader.first(headers, name).flatMap { Self.leadingToken(of: $0.value) }
    }

    /// How one-word headers such as `Precedence` are read: the value up to the first `;`,
    /// `(`, space or tab, lowercased; nil when that is empty (`"Bulk (list)"` → `"bulk"`).
    public static func leadingToken(of value: String) -> String? {
        var token = Substring(value)
        if let end = token.firstIndex(where: { $0 == ";" || $0 == "(" || $0 == " " || $0 == "\t" }) {
            token = token[..<end]
        }
        let result = token.lowercased()
        return result.isEmpty ? nil : result
    }

    /// Builds the public view of a parsed message.
    init(assembling headers: [MIMEHeader], content: MessageParser.Content, defects: [String], limits: MIMELimits) {
        var defects = defects
        func first(_ name: String) -> MIMEHeader? {
            MIMEHeader.first(headers, name)
        }
        func addresses(_ name: String, label: String) -> [Mailbox] {
            guard let header = first(name) else { return [] }
            let result = AddressListParser.parse(header.rawValue)
            defects += result.defects.map { "\(label): \($0)" }
            return result.mailboxes
        }

        // Blank parts (an empty alternative, a stray delimiter) add nothing but blank lines.
        // (A message whose only text is blank keeps it: the body really is empty.)
        let plain = Self.dropBlankUnlessAll(content.plain)
        let htmlParts = Self.dropBlankUnlessAll(content.html)
        let html: String? = htmlParts.isEmpty ? nil : htmlParts.joined(separator: "\n")
        let plainText: String? = plain.isEmpty ? nil : plain.joined(separator: "\n")

        var date: Date?
        if let dateHeader = first("date") {
            date = RFC5322DateParser.parse(dateHeader.value)
            if date == nil { defects.append("unreadable Date header") }
        }

        let subject = first("subject")?.value
        let messageID = first("message-id").map { MessageIDList.stripAngles($0.value) }
        self.init(
            headers: headers,
            messageID: messageID?.isEmpty == false ? messageID : nil,
            subject: subject,
            from: addresses("from", label: "From"),
            to: addresses("to", label: "To"),
            cc: addresses("cc", label: "Cc"),
            replyTo: addresses("reply-to", label: "Reply-To"),
            date: date,
            html: html,
            defects: defects,
            parts: content.leaves,
            inReplyTo: first("in-reply-to").map { MessageIDList.parse($0.value) } ?? [],
            references: first("references").map { MessageIDList.parse($0.value) } ?? []
        )
        self.plainText = plainText
        self.textOverride = nil
        self.forwardedOverride = nil
        self.derived = Derived(.init(plain: plainText, html: html, attached: content.attached, subject: subject, limits: limits))
    }
}
