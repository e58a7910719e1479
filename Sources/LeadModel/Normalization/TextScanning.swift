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

    static func isASCIIDigit(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        return ascii >= 0x30 && ascii <= 0x39
    }

    static func allDigits(_ text: some StringProtocol) -> Bool {
        !text.isEmpty && text.allSatisfy(isASCIIDigit)
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
