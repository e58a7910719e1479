/// Subject prefixes mail clients put on automatic replies, in the languages builders'
/// prospects and their clients commonly use.
enum OutOfOfficeSubjects {
    /// Lowercased prefixes; a subject starting with one (before any `Re:`) is an auto-reply.
    static let prefixes: [String] = [
        "auto:", "autoreply:", "auto reply:", "auto-reply:", "auto response:", "auto-response:", "automatic reply:",
        "automatic response:", "automated reply:", "automated response:", "out of office:", "out of office reply",
        // Exchange 2003 and older: "Out of Office AutoReply: <subject>".
        "out of office autoreply:", "out of office auto reply:",
        "out of the office:", "out-of-office:", "ooo:", "out of office re:",
        // Bracketed tags some responders put first ("[Auto-Reply] Re: ...").
        "[auto-reply]", "[auto reply]", "[autoreply]", "[auto-response]", "[auto response]", "[automatic reply]",
        "[out of office]", "[ooo]", "away from office:", "vacation reply:", "on vacation:",
        // German, French, Spanish, Italian, Dutch, Portuguese, Scandinavian, Finnish, Polish.
        "abwesenheitsnotiz:", "abwesend:", "automatische antwort:", "réponse automatique:", "reponse automatique:",
        "absence du bureau:", "respuesta automática:", "respuesta automatica:", "fuera de la oficina:",
        "risposta automatica:", "fuori sede:", "automatisch antwoord:", "afwezig:", "resposta automática:",
        "resposta automatica:", "ausente:", "autosvar:", "automaattinen vastaus:", "odpowiedź automatyczna:",
        "automatické odpověď:", "自动回复:", "自動回覆:", "自動応答:",
    ]
    /// Phrases that make an out-of-office subject without a colon ("Out of office until
    /// Monday"), with X-Auto-Response-Suppress: only as a whole word at the subject's start,
    /// or after one of `openers`. Anywhere else they are a person's words: "Building a home
    /// office addition - out of office space!" (Outlook sets the header on people's mail).
    static let phrases: [String] = ["out of office", "out of the office", "abwesenheitsnotiz", "réponse automatique", "respuesta automática"]

    /// Lowercased openers a vacation responder's own subject starts with before a phrase
    /// ("I'm out of office until Monday"); each ends with a space.
    static let openers: [String] = ["i'm ", "i\u{2019}m ", "i am ", "we're ", "we\u{2019}re ", "we are "]

    /// The first of `phrases` that `subject` (prepared as ``AutoReplyRule`` prepares it:
    /// lowercased, " :" made ":", leading spaces dropped) starts with, directly or after one
    /// of `openers` and its spaces, followed by no letter or digit; nil otherwise.
    static func leadingPhrase(of subject: Substring) -> String? {
        var rest = subject
        if let opener = openers.first(where: { rest.hasPrefix($0) }) {
            rest = rest.dropFirst(opener.count).drop(while: { $0 == " " })
        }
        return phrases.first { phrase in
            guard rest.hasPrefix(phrase) else { return false }
            guard let next = rest.dropFirst(phrase.count).first else { return true }
            return !next.isLetter && !next.isNumber
        }
    }

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

    /// ``leadingPhrase(of:)`` of an ASCII subject prepared as for ``prefix(ofASCIISubject:)``
    /// (a non-ASCII opener or phrase cannot occur). In ASCII a letter or digit Character is
    /// a byte `[a-z0-9]` once folded; every other byte (CR LF included) is neither.
    static func leadingPhrase(ofASCIISubject bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var prepared: [UInt8] = []
        prepared.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count { prepared.append(preparedByte(bytes, at: &index)) }
        var position = prepared.firstIndex { $0 != UInt8(ascii: " ") } ?? prepared.count
        if let opener = asciiOpenerBytes.first(where: { Self.bytes(prepared, at: position, start: $0) }) {
            position += opener.count
            while position < prepared.count, prepared[position] == UInt8(ascii: " ") { position += 1 }
        }
        for (phraseIndex, needle) in asciiPhraseBytes where Self.bytes(prepared, at: position, start: needle) {
            let end = position + needle.count
            guard end < prepared.count else { return phrases[phraseIndex] }
            let next = prepared[end]
            if !((next >= 0x61 && next <= 0x7A) || (next >= 0x30 && next <= 0x39)) { return phrases[phraseIndex] }
        }
        return nil
    }

    /// Whether `prepared` holds `needle` from `position`.
    private static func bytes(_ prepared: [UInt8], at position: Int, start needle: [UInt8]) -> Bool {
        guard position + needle.count <= prepared.count else { return false }
        return prepared[position..<(position + needle.count)].elementsEqual(needle)
    }

    /// The ASCII phrases' indices and bytes, in `phrases` order.
    private static let asciiPhraseBytes: [(index: Int, bytes: [UInt8])] = phrases.enumerated().compactMap { index, phrase in
        let bytes = Array(phrase.utf8)
        return !bytes.isEmpty && bytes.allSatisfy({ $0 < 0x80 }) ? (index, bytes) : nil
    }

    /// The ASCII openers' bytes, in `openers` order.
    private static let asciiOpenerBytes: [[UInt8]] = openers.map { Array($0.utf8) }.filter { $0.allSatisfy { $0 < 0x80 } }

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
}
