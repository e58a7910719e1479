import MIME

/// Outlook's "Recall" of a message sent earlier: subject `Recall: <subject>`, text
/// "<Name> would like to recall the message, "<subject>"." (Spanish Outlook: `Recuperar:`,
/// "<Name> desea recuperar el mensaje"). Whatever the recalled message was, the recall
/// itself is no lead (the original, if it was one, came on its own).
///
/// Both are needed: a subject that starts with the prefix (after spaces, any case) and the
/// text's sentence in the same language. Read only for a subject whose first byte is an R:
/// every other message pays one byte comparison.
enum MessageRecallRule {
    /// Each language's subject prefix (lowercase) and the sentence of the text.
    private static let languages: [(prefix: String, sentence: StaticString)] = [
        ("recall:", "would like to recall the message"),
        ("recuperar:", "desea recuperar el mensaje"),
    ]

    static func verdict(_ message: MIMEMessage) -> NotALeadVerdict? {
        guard let subject = message.subject, let language = Self.recallLanguage(subject) else { return nil }
        guard let text = message.text, Self.containsFolded(text, languages[language].sentence) else { return nil }
        return NotALeadVerdict(kind: .automated, reason: "Outlook message recall (subject \"\(Self.prefix(of: subject, language))\")")
    }

    /// Which of ``languages`` the subject's prefix is (after spaces, A-Z folded), or nil.
    private static func recallLanguage(_ subject: String) -> Int? {
        var utf8 = subject.utf8[...]
        while utf8.first == UInt8(ascii: " ") { utf8 = utf8.dropFirst() }
        guard let first = utf8.first, first | 0x20 == UInt8(ascii: "r") else { return nil }
        return languages.firstIndex { language in
            let prefix = language.prefix.utf8
            return utf8.count >= prefix.count
                && zip(utf8.prefix(prefix.count), prefix).allSatisfy { ($0 &- 0x41 < 26 ? $0 | 0x20 : $0) == $1 }
        }
    }

    /// The subject's prefix as written ("Recall:", "RECUPERAR:").
    private static func prefix(of subject: String, _ language: Int) -> String {
        let trimmed = subject.drop { $0 == " " }
        return String(trimmed.prefix(languages[language].prefix.count))
    }

    private static func containsFolded(_ text: String, _ phrase: StaticString) -> Bool {
        var text = text
        return text.withUTF8 { FoldedSearch.contains($0, phrase) }
    }
}
