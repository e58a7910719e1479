import Foundation
import LeadModel
import MIME

/// The part of a message that is the prospect's own: the innermost forwarded original when
/// there is one, else the message itself, with provenance labels for each field.
///
/// A class: made once per message and handed to several steps, each of which would copy a
/// struct of this many references (every one retained and released) out of the view.
final class Inquiry {
    /// The innermost forwarded original, if the message carries one.
    let original: ForwardedOriginal?
    /// Whether there is one: a stored answer, as `original != nil` copies the original
    /// (many references to retain and release) to compare it.
    let isForwarded: Bool
    /// The prospect's mailbox (for a forward: the original's sender, never the forwarder;
    /// for the forwarder's own sent mail, the person it was sent to).
    let sender: Mailbox?
    /// Whether the innermost original was written by the forwarder (a builder forwarding
    /// mail he sent a prospect): then its text, Reply-To and signature are his, not the
    /// prospect's, and ``sender`` is the original's addressee.
    let originalIsForwardersOwn: Bool
    /// The prospect's text.
    let body: String
    /// Whether ``body`` and ``subject`` are the message's own text and subject (no forward,
    /// no reply cut above a quote).
    let bodyIsMessageText: Bool
    /// The subject to report, before prefix cleaning.
    let subject: String?
    /// Provenance labels.
    let nameSource: String
    let addressSource: String
    /// Prefix for provenance of things found in the body ("body line 4").
    let bodySource: String
    let messageSource: String
    let subjectSource: String
    /// For a forward as attachment, the embedded original message (its headers and HTML).
    let attachedOriginal: MIMEMessage?
    /// The writer of the mail a prospect forwarded below their own inquiry
    /// (``ForwardersOwnInquiry``): the message is then read as the forwarder's, from their note.
    let forwardedOthersMailFrom: Mailbox?

    /// (The message borrowed: an owned argument was a copy of the whole message.)
    init(message: borrowing MIMEMessage, identity: BuilderIdentity = BuilderIdentity()) {
        var replyText: String?
        if message.forwarded.isEmpty, SubjectCleaner.isReply(message.subject) {
            // A reply quoting earlier mail (often ours): the prospect's words are above the
            // quote, and the sender of this message is the prospect.
            let split = QuotedReply.split(message.text ?? "")
            if split.quoted != nil { replyText = split.newText }
        }
        guard let original = message.forwarded.first, replyText == nil else {
            self.original = nil
            isForwarded = false
            originalIsForwardersOwn = false
            attachedOriginal = nil
            forwardedOthersMailFrom = nil
            sender = message.from.first
            subject = message.subject
            nameSource = "From header display name"
            addressSource = "From header"
            subjectSource = "Subject header"
            if replyText == nil, let attached = Self.attachedText(of: message) {
                body = attached.text
                bodyIsMessageText = false
                bodySource = "attached text file \(attached.name)"
                messageSource = bodySource
                return
            }
            body = replyText ?? message.text ?? ""
            bodyIsMessageText = replyText == nil
            bodySource = "body"
            messageSource = replyText == nil ? "message body" : "message body above the quoted original"
            return
        }
        if let note = ForwardersOwnInquiry.note(of: message, original, identity: identity) {
            // The forwarder's own message: what they wrote is the inquiry; the mail below is
            // someone else's (its contact details are not the prospect's).
            self.original = nil
            isForwarded = false
            originalIsForwardersOwn = false
            attachedOriginal = nil
            forwardedOthersMailFrom = original.from
            sender = message.from.first
            subject = message.subject
            nameSource = "From header display name"
            addressSource = "From header"
            subjectSource = "Subject header"
            body = note
            bodyIsMessageText = false
            bodySource = "forwarder's own note"
            messageSource = bodySource
            return
        }
        forwardedOthersMailFrom = nil
        self.original = original
        isForwarded = true
        attachedOriginal = original.style == .attachedMessage ? Self.attachedMessage(in: message, for: original) : nil
        bodyIsMessageText = false
        let isAttached = original.style == .attachedMessage
        bodySource = isAttached ? "attached original message body" : "forwarded original body"
        originalIsForwardersOwn = Self.isSameMailbox(original.from, message.from.first)
            && !Self.isResentToTheSameSide(original, message)
        if originalIsForwardersOwn {
            // The builder forwarding mail he sent: the prospect is whom he sent it to (never
            // the forwarder or the intake address it is forwarded to), and the text is his own,
            // so its phones and addresses are not the prospect's: none of it is read.
            sender = Self.addressee(of: original, excluding: [message.from.first].compactMap { $0 } + message.to + message.cc)
            body = ""
            let recipients = isAttached ? "attached original message To/Cc header" : "forwarded original To/Cc line (\(original.style.rawValue) style)"
            nameSource = recipients
            addressSource = recipients
            messageSource = bodySource
        } else {
            sender = original.from
            // A forwarded reply (the prospect answering the builder) quotes earlier mail,
            // usually the builder's own with his signature: the prospect's words are above it.
            let split = SubjectCleaner.isReply(original.subject) ? QuotedReply.split(original.body) : (newText: original.body, quoted: nil)
            body = Self.withoutForwardersSignature(split.quoted == nil ? original.body : split.newText,
                                                   forwarder: message.from.first, writer: original.from)
            let from = isAttached ? "attached original message From header" : "forwarded original From line (\(original.style.rawValue) style)"
            nameSource = isAttached ? "\(from) display name" : from
            addressSource = from
            messageSource = split.quoted == nil ? bodySource : "\(bodySource) above the quoted mail"
        }
        if let originalSubject = original.subject, !originalSubject.isEmpty {
            subject = originalSubject
            subjectSource = original.style == .attachedMessage
                ? "attached original message Subject header"
                : "forwarded original Subject line"
        } else {
            subject = message.subject
            subjectSource = "Subject header of the forwarding message"
        }
    }

    /// The text of a text file attached in place of a body: what a person wrote, when the
    /// message's own text says nothing (a note sent as an attachment alone), or when it comes
    /// from a carrier's MMS gateway, which sends the text message as `text_0.txt` beside an
    /// empty body or its own banner. The first `text/plain` attachment named `*.txt` (or
    /// unnamed) of at most ``maximumAttachedTextBytes``; nil when there is none or it is blank.
    static func attachedText(of message: MIMEMessage) -> (text: String, name: String)? {
        // (Cheapest first: nearly every message has no text attachment.)
        guard let part = message.parts.first(where: Self.isAttachedTextFile) else { return nil }
        let fromGateway = message.from.first.map { GenericExtractor.smsGatewaySender($0.address) != nil } ?? false
        guard fromGateway || ValueNormalizer.trimmingWhitespace(message.text ?? "").isEmpty,
              let text = part.decodedText(maximumBytes: Self.maximumAttachedTextBytes),
              !ValueNormalizer.trimmingWhitespace(text).isEmpty else { return nil }
        return (text, part.filename ?? "(unnamed)")
    }

    /// Larger text files are documents (a log, an export), not a note someone typed.
    static let maximumAttachedTextBytes = 64 * 1024

    private static func isAttachedTextFile(_ part: MIMEPart) -> Bool {
        guard part.isAttachment, part.contentType == "text/plain", part.message == nil,
              part.decodedSize <= maximumAttachedTextBytes else { return false }
        guard let name = part.filename else { return true }
        return name.lowercased().hasSuffix(".txt")
    }

    /// `body` cut at a line that is the forwarder's own name, when the original's writer is
    /// someone else: Apple Mail and Thunderbird put the forwarder's signature below the
    /// forwarded text ("Mike Brennan / Brennan Homes / 512-555-0100"), and its phone was taken
    /// for the prospect's (exploratory testing). A name of two or more words, on a line of
    /// its own after some text; the last such line.
    static func withoutForwardersSignature(_ body: String, forwarder: Mailbox?, writer: Mailbox?) -> String {
        // (Cheapest first: most forwards end here, on a byte search for the name.)
        guard let written = forwarder?.name, written.utf8.contains(0x20) else { return body }
        let name = ValueNormalizer.trimmingWhitespace(written).lowercased()
        guard name.utf8.contains(0x20), Self.mayHold(body, name),
              writer.map({ ValueNormalizer.trimmingWhitespace($0.name ?? "").lowercased() }) != name else { return body }
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        guard let cut = lines.indices.last(where: { index in
            index > 0 && lines[index].trimmingCharacters(in: .whitespaces).lowercased() == name
                && lines[..<index].contains { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        }) else { return body }
        var kept = lines[..<cut]
        // (The signature's "-- " separator, when there is one, goes with it.)
        while let last = kept.last, last.trimmingCharacters(in: .whitespaces).isEmpty || last == "-- " || last == "--" { kept.removeLast() }
        return kept.joined(separator: "\n")
    }

    /// Whether `body` may hold `lowercaseName`: for an ASCII name, its bytes with A-Z folded
    /// (most forwards have no such line; the lines are split only when it may be there).
    private static func mayHold(_ body: String, _ lowercaseName: String) -> Bool {
        let needle = Array(lowercaseName.utf8)
        guard needle.allSatisfy({ $0 < 0x80 }) else { return body.range(of: lowercaseName, options: .caseInsensitive) != nil }
        var copy = body
        return copy.withUTF8 { FoldedSearch.contains($0, bytes: needle) }
    }

    /// Whether the forwarder sends their own earlier mail again to whom it went before (the
    /// same address, or the same domain): a prospect's follow-up ("I sent
    /// this to your info@ address last week"), not the builder forwarding mail he sent a
    /// prospect. Never when the forwarder is on the side the forward goes to (the builder
    /// forwarding to his own intake address).
    static func isResentToTheSameSide(_ original: ForwardedOriginal, _ message: MIMEMessage) -> Bool {
        guard let forwarder = message.from.first?.address, !forwarder.isEmpty else { return false }
        let recipients = (message.to + message.cc).map(\.address).filter { !$0.isEmpty }
        guard !recipients.isEmpty, !recipients.contains(where: { isSameSide($0, forwarder) }) else { return false }
        return (original.to + original.cc).contains { sent in
            !sent.address.isEmpty && recipients.contains { isSameSide($0, sent.address) }
        }
    }

    /// Whether two addresses are one side's: the same domain (whole: `example.com` is no
    /// organization of `brennanhomes.example.com`'s), or at a personal mail provider (where a
    /// domain is everyone's) the same address.
    static func isSameSide(_ lhs: String, _ rhs: String) -> Bool {
        let left = lhs.lowercased(), right = rhs.lowercased()
        guard left != right else { return true }
        guard let leftDomain = domainOf(left), !PersonalMailDomains.contains(leftDomain) else { return false }
        return leftDomain == domainOf(right)
    }

    /// Whether two mailboxes have the same address (ignoring case); false when either has none.
    static func isSameMailbox(_ lhs: Mailbox?, _ rhs: Mailbox?) -> Bool {
        guard let lhs = lhs?.address, let rhs = rhs?.address, !lhs.isEmpty, !rhs.isEmpty else { return false }
        return lhs.lowercased() == rhs.lowercased()
    }

    /// The first `To` or `Cc` recipient of `original` that is none of `excluded` (the
    /// forwarder and the addresses the forward went to); nil when there is none.
    static func addressee(of original: ForwardedOriginal, excluding excluded: [Mailbox]) -> Mailbox? {
        (original.to + original.cc).first { recipient in
            // Outlook shows some recipients by name alone: compared by name.
            if recipient.address.isEmpty {
                guard let name = recipient.name?.lowercased(), !name.isEmpty else { return false }
                return !excluded.contains { $0.name?.lowercased() == name }
            }
            return !excluded.contains { isSameMailbox($0, recipient) }
        }
    }

    /// The embedded message (at any depth) that `original` was read from.
    static func attachedMessage(in message: MIMEMessage, for original: ForwardedOriginal) -> MIMEMessage? {
        var stack = [message]
        var visited = 0
        while let current = stack.popLast(), visited < 64 {
            visited += 1
            for part in current.parts {
                guard let embedded = part.message else { continue }
                if embedded.from.first == original.from, embedded.subject == original.subject {
                    return embedded
                }
                stack.append(embedded)
            }
        }
        return nil
    }

    /// `text` with `>`-quoted lines emptied (line numbers unchanged). In a direct message
    /// quoted lines are someone else's words, usually ours, so their phones are not the prospect's.
    static func blankingQuotedLines(_ text: String) -> String {
        // A byte search: without a ">" there is no quoted line (the Character-wise
        // `contains` walks graphemes, which costs more than the rest of a short message).
        guard LineSplitter.contains(UInt8(ascii: ">"), in: text) else { return text }
        let blanked = text.utf8.withContiguousStorageIfAvailable { blankingQuotedLines(bytes: $0) }
        return (blanked ?? nil) ?? characterBlankingQuotedLines(text)
    }

    /// ``blankingQuotedLines(_:)`` on the bytes, lines split as ``LineSplitter`` splits them.
    /// A line is quoted when its first byte after spaces and tabs is ">": a space or tab byte
    /// is that Character unless a mark follows (then the byte after is not ">" either, so
    /// both ways the line is kept), and ">" is that Character unless a non-ASCII byte
    /// follows: then nil, and the Character path decides.
    private static func blankingQuotedLines(bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count)
        var lineStart = 0
        while true {
            var lineEnd = lineStart
            while lineEnd < bytes.count, !(bytes[lineEnd] == 0x0A && (lineEnd == 0 || bytes[lineEnd - 1] != 0x0D)) { lineEnd += 1 }
            var first = lineStart
            while first < lineEnd, bytes[first] == 0x20 || bytes[first] == 0x09 { first += 1 }
            let quoted = first < lineEnd && bytes[first] == UInt8(ascii: ">")
            if quoted, first + 1 < bytes.count, bytes[first + 1] >= 0x80 { return nil }
            if !quoted { kept.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])) }
            guard lineEnd < bytes.count else { break }
            kept.append(0x0A)
            lineStart = lineEnd + 1
        }
        return String(decoding: kept, as: UTF8.self)
    }

    /// ``blankingQuotedLines(_:)`` on Characters.
    static func characterBlankingQuotedLines(_ text: String) -> String {
        LineSplitter.lines(text)
            .map { $0.drop { $0 == " " || $0 == "\t" }.first == ">" ? "" : $0 }
            .joined(separator: "\n")
    }
}
