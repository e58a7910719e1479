/// Small string helpers shared by the normalisers (LeadModel does not import Foundation).
enum TextScanning {
    /// Whitespace (including no-break and other Unicode spaces) collapsed to single spaces, trimmed.
    static func collapsed(_ text: some StringProtocol) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// `text` without leading and trailing whitespace.
    static func trimmed(_ text: some StringProtocol) -> String {
        guard let start = text.firstIndex(where: { !$0.isWhitespace }),
              let end = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(text[start...end])
    }

    /// `text` without leading and trailing characters in `set`.
    static func trimmed(_ text: some StringProtocol, dropping set: Set<Character>) -> String {
        guard let start = text.firstIndex(where: { !set.contains($0) && !$0.isWhitespace }),
              let end = text.lastIndex(where: { !set.contains($0) && !$0.isWhitespace }) else { return "" }
        return String(text[start...end])
    }

    /// Lowercased words: runs of letters, digits and apostrophes; everything else separates.
    /// `"Pre-approved, $650k!"` → `["pre", "approved", "650k"]`.
    static func words(_ text: some StringProtocol) -> [String] {
        // ASCII text (nearly all of it) is split byte by byte: for ASCII, lowercasing maps
        // A-Z only, the letters are A-Z/a-z, the numbers 0-9, and "\r\n" (one Character)
        // separates like any other non-word byte, so the words are the same.
        if let ascii = text.utf8.withContiguousStorageIfAvailable({ asciiWords($0) }), let ascii {
            return ascii
        }
        var result: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "'" || character == "\u{2019}" {
                current.append(character == "\u{2019}" ? "'" : character)
            } else if !current.isEmpty {
                result.append(current)
                current = ""
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// ``words(_:)`` for ASCII bytes; nil when a byte is not ASCII.
    private static func asciiWords(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        var result: [String] = []
        var scratch = [UInt8](repeating: 0, count: bytes.count)
        var length = 0
        for byte in bytes {
            if byte >= 0x80 { return nil }
            let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) || lower == 0x27 {
                scratch[length] = lower
                length += 1
            } else if length > 0 {
                result.append(String(decoding: scratch[0..<length], as: UTF8.self))
                length = 0
            }
        }
        if length > 0 { result.append(String(decoding: scratch[0..<length], as: UTF8.self)) }
        return result
    }

    static func isASCIIDigit(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        return ascii >= 0x30 && ascii <= 0x39
    }

    static func allDigits(_ text: some StringProtocol) -> Bool {
        // A Character is an ASCII digit exactly when it is one byte 0-9 (digits do not
        // combine), so the bytes answer.
        !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// Whether `words` contains `phrase` (already split into words) as a contiguous run.
    static func firstIndex(of phrase: [String], in words: [String], from start: Int = 0) -> Int? {
        guard !phrase.isEmpty, words.count >= phrase.count, start <= words.count - phrase.count else { return nil }
        for index in start...(words.count - phrase.count) where words[index] == phrase[0] {
            if Array(words[index..<(index + phrase.count)]) == phrase { return index }
        }
        return nil
    }
}
