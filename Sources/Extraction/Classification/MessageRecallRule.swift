import MIME

/// Outlook's "Recall" of a message sent earlier: subject `Recall: <subject>`, text
/// "<Name> would like to recall the message, "<subject>"." Whatever the recalled message
/// was, the recall itself is no lead (the original, if it was one, came on its own).
///
/// Both are needed: a subject that starts "Recall:" (after spaces, any case) and the
/// text's "would like to recall the message". Read only for a subject whose first byte is
/// an R: every other message pays one byte comparison.
enum MessageRecallRule {
    static func verdict(_ message: MIMEMessage) -> NotALeadVerdict? {
        guard let subject = message.subject, Self.startsWithRecall(subject) else { return nil }
        guard let text = message.text, Self.containsFolded(text, "would like to recall the message") else { return nil }
        return NotALeadVerdict(kind: .automated, reason: "Outlook message recall (subject \"Recall:\")")
    }

    /// Whether `subject` starts with "recall:" after spaces (A-Z folded).
    static func startsWithRecall(_ subject: String) -> Bool {
        var utf8 = subject.utf8[...]
        while utf8.first == UInt8(ascii: " ") { utf8 = utf8.dropFirst() }
        guard let first = utf8.first, first | 0x20 == UInt8(ascii: "r") else { return false }
        return utf8.count >= 7 && zip(utf8.prefix(7), "recall:".utf8).allSatisfy { ($0 &- 0x41 < 26 ? $0 | 0x20 : $0) == $1 }
    }

    private static func containsFolded(_ text: String, _ phrase: StaticString) -> Bool {
        var text = text
        return text.withUTF8 { FoldedSearch.contains($0, phrase) }
    }
}
