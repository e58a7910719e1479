/// A short note as its words, for phrase lookups: lowercase, curly apostrophes straight, one
/// space between words and at both ends (" we're under contract on this lot "). Built in
/// one pass over the bytes; no String per word.
struct NoteWords {
    private let bytes: [UInt8]

    init(_ text: String) {
        var out: [UInt8] = [0x20]
        out.reserveCapacity(text.utf8.count + 2)
        var pendingQuote = 0  // bytes of U+2019 (E2 80 99) matched so far
        for byte in text.utf8 {
            if pendingQuote > 0 {
                if (pendingQuote == 1 && byte == 0x80) || (pendingQuote == 2 && byte == 0x99) {
                    pendingQuote += 1
                    if pendingQuote == 3 { out.append(UInt8(ascii: "'")); pendingQuote = 0 }
                    continue
                }
                // (Not the apostrophe: the bytes held back are some other letter's.)
                out.append(0xE2)
                if pendingQuote == 2 { out.append(0x80) }
                pendingQuote = 0
            }
            switch byte {
            case 0x41...0x5A: out.append(byte | 0x20)
            case 0x61...0x7A, UInt8(ascii: "'"): out.append(byte)
            case 0xE2: pendingQuote = 1
            case 0x80...: out.append(byte)  // (part of a non-ASCII letter, or punctuation: kept in its word)
            default: if out.last != 0x20 { out.append(0x20) }
            }
        }
        if pendingQuote > 0 { out.append(0xE2); if pendingQuote == 2 { out.append(0x80) } }
        if out.last != 0x20 { out.append(0x20) }
        bytes = out
    }

    /// Whether one of `table`'s phrases occurs here as whole words.
    func contains(_ table: PhraseTable) -> Bool { contains(table, wholeWords: true) }

    /// Whether one of `table`'s phrases occurs here at a word start, with any ending
    /// ("return" in "returning").
    func containsAtWordStart(_ table: PhraseTable) -> Bool { contains(table, wholeWords: false) }

    private func contains(_ table: PhraseTable, wholeWords: Bool) -> Bool {
        let count = bytes.count
        return bytes.withUnsafeBufferPointer { words in
            var index = 1
            while index < count {
                if words[index - 1] == 0x20, words[index] != 0x20 {
                    for phrase in table.phrases(startingWith: words[index]) {
                        let end = index + phrase.count
                        guard end < count, !wholeWords || words[end] == 0x20 else { continue }
                        var offset = 0
                        while offset < phrase.count, words[index + offset] == phrase[offset] { offset += 1 }
                        if offset == phrase.count { return true }
                    }
                }
                index += 1
            }
            return false
        }
    }
}

/// Phrases of lowercase words (one space between them), indexed by their first byte.
struct PhraseTable: Sendable {
    private let byFirstByte: [[[UInt8]]]

    init(_ phrases: [String]) {
        var table = [[[UInt8]]](repeating: [], count: 256)
        for phrase in phrases {
            let bytes = Array(phrase.utf8)
            if let first = bytes.first { table[Int(first)].append(bytes) }
        }
        byFirstByte = table
    }

    func phrases(startingWith byte: UInt8) -> [[UInt8]] { byFirstByte[Int(byte)] }
}
