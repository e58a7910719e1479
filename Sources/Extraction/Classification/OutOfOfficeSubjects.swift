/// Subject prefixes mail clients put on automatic replies, in the languages builders'
/// prospects and their clients commonly use.
enum OutOfOfficeSubjects {
    /// Lowercased prefixes; a subject starting with one (before any `Re:`) is an auto-reply.
    static let prefixes: [String] = [
        "auto:", "autoreply:", "auto reply:", "auto-reply:", "auto response:", "auto-response:", "automatic reply:",
        "automatic response:", "automated reply:", "automated response:", "out of office:", "out of office reply",
        // Exchange 2003 and older: "Out of Office AutoReply: <subject>".
        "out of office autoreply:", "out of office auto reply:",
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
        guard utf8.allSatisfy({ $0 < 0x80 }) else {
            // A prefix starting with a lowercase ASCII letter can only start a subject whose
            // first byte is that letter: a Character equal to it is that one scalar (no other
            // scalar decomposes to a lowercase ASCII letter alone), so `hasPrefix` runs only
            // for the few prefixes that start like the subject.
            let first = utf8.first
            return prefixes.first { prefix in
                if let head = prefix.utf8.first, head >= 0x61, head <= 0x7A, head != first { return false }
                return subject.hasPrefix(prefix)
            }
        }
        guard let first = utf8.first else { return prefixes.first { $0.isEmpty } }
        for (index, bytes) in prefixesByFirstByte[Int(first)] where utf8.starts(with: bytes) {
            return prefixes[index]
        }
        return nil
    }

    /// True when ``prefix(of:)`` of `subject` as ``AutoReplyRule`` prepares it (lowercased,
    /// " :" made ":", leading spaces dropped) is certainly nil, for any subject: its first
    /// byte is ASCII and not a space, and A-Z folded it is no prefix's first byte. The
    /// prepared subject's first Character then starts with that folded byte (lowercasing
    /// maps each scalar on its own, an ASCII one to itself or its lowercase letter; the
    /// other steps change only spaces), while each prefix's first Character is one scalar
    /// whose first byte differs: no canonical equivalence makes them equal.
    static func startsNoPrefix(_ subject: String) -> Bool {
        guard let first = subject.utf8.first, first < 0x80, first != UInt8(ascii: " ") else { return false }
        return prefixesByFirstByte[Int(first >= 0x41 && first <= 0x5A ? first | 0x20 : first)].isEmpty
    }

    /// ``prefix(of:)`` of an ASCII subject's bytes as ``AutoReplyRule`` prepares the text:
    /// A-Z folded (lowercasing), each " :" made ":" left to right (`replacing`), leading
    /// spaces dropped. Done on the fly while comparing, so only the first bytes are read.
    /// In ASCII a space, a colon and a letter are each one Character (only CR LF joins two
    /// bytes, and no prefix holds CR), so the Character steps give the same bytes.
    static func prefix(ofASCIISubject bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var start = 0
        var first: UInt8 = 0
        while start < bytes.count {
            var index = start
            first = preparedByte(bytes, at: &index)
            guard first == UInt8(ascii: " ") else { break }
            start = index
        }
        guard start < bytes.count else { return nil }
        for (index, prefix) in prefixesByFirstByte[Int(first)] {
            var position = start
            var matched = 0
            while matched < prefix.count, position < bytes.count, preparedByte(bytes, at: &position) == prefix[matched] {
                matched += 1
            }
            if matched == prefix.count { return prefixes[index] }
        }
        return nil
    }

    /// The first of `phrases` in an ASCII subject prepared as for ``prefix(ofASCIISubject:)``
    /// (leading spaces kept, which no phrase starts with); a non-ASCII phrase cannot occur.
    static func phrase(inASCIISubject bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var prepared: [UInt8] = []
        prepared.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count { prepared.append(preparedByte(bytes, at: &index)) }
        for (index, needle) in asciiPhraseBytes where needle.count <= prepared.count {
            var start = 0
            while start + needle.count <= prepared.count {
                var offset = 0
                while offset < needle.count, prepared[start + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return phrases[index] }
                start += 1
            }
        }
        return nil
    }

    /// The ASCII phrases' indices and bytes, in `phrases` order.
    private static let asciiPhraseBytes: [(index: Int, bytes: [UInt8])] = phrases.enumerated().compactMap { index, phrase in
        let bytes = Array(phrase.utf8)
        return !bytes.isEmpty && bytes.allSatisfy({ $0 < 0x80 }) ? (index, bytes) : nil
    }

    /// The next byte of the prepared subject from `index` (which moves past what it used).
    @inline(__always)
    private static func preparedByte(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) -> UInt8 {
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: " "), index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            index += 1
            return UInt8(ascii: ":")
        }
        return byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// The matching prefix or phrase, or nil.
    static func match(_ subject: String?) -> String? {
        guard let subject else { return nil }
        let lower = subject.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        if let prefix = prefixes.first(where: { lower.hasPrefix($0) }) { return prefix }
        return phrases.first { lower.contains($0) }
    }
}
