import Foundation
import LeadModel
import MIME

/// The part of a message that is the prospect's own: the innermost forwarded original when
/// there is one, else the message itself, with provenance labels for each field.
struct Inquiry {
    /// The innermost forwarded original, if the message carries one.
    let original: ForwardedOriginal?
    /// The prospect's mailbox (for a forward: the original's sender, never the forwarder).
    let sender: Mailbox?
    /// The prospect's text.
    let body: String
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

    init(message: MIMEMessage) {
        var replyText: String?
        if message.forwarded.isEmpty, SubjectCleaner.isReply(message.subject) {
            // A reply quoting earlier mail (often ours): the prospect's words are above the
            // quote, and the sender of this message is the prospect.
            let split = QuotedReply.split(message.text ?? "")
            if split.quoted != nil { replyText = split.newText }
        }
        guard let original = message.forwarded.first, replyText == nil else {
            self.original = nil
            attachedOriginal = nil
            sender = message.from.first
            body = replyText ?? message.text ?? ""
            subject = message.subject
            nameSource = "From header display name"
            addressSource = "From header"
            bodySource = "body"
            messageSource = replyText == nil ? "message body" : "message body above the quoted original"
            subjectSource = "Subject header"
            return
        }
        self.original = original
        attachedOriginal = original.style == .attachedMessage ? Self.attachedMessage(in: message, for: original) : nil
        sender = original.from
        body = original.body
        if original.style == .attachedMessage {
            nameSource = "attached original message From header display name"
            addressSource = "attached original message From header"
            bodySource = "attached original message body"
            messageSource = bodySource
        } else {
            let from = "forwarded original From line (\(original.style.rawValue) style)"
            nameSource = from
            addressSource = from
            bodySource = "forwarded original body"
            messageSource = bodySource
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
        return LineSplitter.lines(text)
            .map { $0.drop { $0 == " " || $0 == "\t" }.first == ">" ? "" : $0 }
            .joined(separator: "\n")
    }
}
