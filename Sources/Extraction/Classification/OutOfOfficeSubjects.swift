/// Subject prefixes mail clients put on automatic replies, in the languages builders'
/// prospects and their clients commonly use.
enum OutOfOfficeSubjects {
    /// Lowercased prefixes; a subject starting with one (before any `Re:`) is an auto-reply.
    static let prefixes: [String] = [
        "auto:", "autoreply:", "auto reply:", "auto-reply:", "auto response:", "auto-response:", "automatic reply:",
        "automatic response:", "automated reply:", "automated response:", "out of office:", "out of office reply",
        "out of the office:", "out-of-office:", "ooo:", "away from office:", "vacation reply:", "on vacation:",
        // German, French, Spanish, Italian, Dutch, Portuguese, Scandinavian, Finnish, Polish.
        "abwesenheitsnotiz:", "abwesend:", "automatische antwort:", "réponse automatique:", "reponse automatique:",
        "absence du bureau:", "respuesta automática:", "respuesta automatica:", "fuera de la oficina:",
        "risposta automatica:", "fuori sede:", "automatisch antwoord:", "afwezig:", "resposta automática:",
        "resposta automatica:", "ausente:", "autosvar:", "automaattinen vastaus:", "odpowiedź automatyczna:",
        "automatické odpověď:", "自动回复:", "自動回覆:", "自動応答:",
    ]
    /// Phrases that are an out-of-office subject wherever they appear.
    static let phrases: [String] = ["out of office", "out of the office", "abwesenheitsnotiz", "réponse automatique", "respuesta automática"]

    /// The indices of `prefixes` by their first byte, in list order, with their bytes: an
    /// ASCII subject is compared with the few prefixes that start like it.
    private static let prefixesByFirstByte: [[(index: Int, bytes: [UInt8])]] = {
        var table = [[(index: Int, bytes: [UInt8])]](repeating: [], count: 256)
        for (index, prefix) in prefixes.enumerated() {
            let bytes = Array(prefix.utf8)
            guard let first = bytes.first else { continue }
            table[Int(first)].append((index, bytes))
        }
        return table
    }()

    /// The first of `prefixes` that `subject` (lowercased) starts with, or nil.
    static func prefix(of subject: Substring) -> String? {
        let utf8 = subject.utf8
        // In ASCII every byte is a Character (the prefixes hold no CR), and a non-ASCII
        // prefix cannot start an ASCII text: byte comparisons give what `hasPrefix` gives.
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return prefixes.first { subject.hasPrefix($0) } }
        guard let first = utf8.first else { return prefixes.first { $0.isEmpty } }
        for (index, bytes) in prefixesByFirstByte[Int(first)] where utf8.starts(with: bytes) {
            return prefixes[index]
        }
        return nil
    }

    /// The matching prefix or phrase, or nil.
    static func match(_ subject: String?) -> String? {
        guard let subject else { return nil }
        let lower = subject.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        if let prefix = prefixes.first(where: { lower.hasPrefix($0) }) { return prefix }
        return phrases.first { lower.contains($0) }
    }
}
