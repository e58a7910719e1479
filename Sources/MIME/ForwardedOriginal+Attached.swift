extension ForwardedOriginal {
    /// The original of a "forward as attachment": a `message/rfc822` (or `message/global`)
    /// part, already decoded and parsed (any transfer encoding, Gmail uses base64).
    ///
    /// Gives the same fields as an inline forward: the date as written in its `Date` header,
    /// and as body its own text up to the first original forwarded inline inside it (those
    /// are in `message.forwarded`, which the carrying message lists before this one).
    ///
    /// - Parameter message: The embedded message.
    public init(attachedMessage message: MIMEMessage) {
        var body = message.text ?? ""
        if let outermostInline = message.forwarded.last, outermostInline.style != .attachedMessage {
            body = outermostInline.leadingText
        }
        // Outlook's "On Behalf Of" is a Sender header that differs from From.
        let sender = message.headers.first { Self.isSenderName($0.name) }
            .flatMap { AddressListParser.parse($0.rawValue).mailboxes.first }
        self.init(
            from: message.from.first,
            date: message.header("Date").map(HeaderBlockParser.trimmed),
            subject: message.subject,
            to: message.to,
            cc: message.cc,
            replyTo: message.replyTo,
            body: HeaderBlockParser.trimmed(body),
            style: .attachedMessage,
            sentOnBehalfBy: sender?.address == message.from.first?.address ? nil : sender
        )
    }

    /// `name.lowercased() == "sender"` without building a lowercased copy: for an ASCII name
    /// lowercasing is folding A-Z; other names keep the Unicode check.
    private static func isSenderName(_ name: String) -> Bool {
        let utf8 = name.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return name.lowercased() == "sender" }
        return utf8.count == 6 && utf8.elementsEqual("sender".utf8) { ($0 >= 65 && $0 <= 90 ? $0 + 32 : $0) == $1 }
    }
}
