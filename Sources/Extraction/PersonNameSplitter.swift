/// Splits a display name into first and last name.
///
/// The rule is deliberately simple and predictable: the first token is the first name and
/// the rest is the last name ("Jane Q. Doe" gives "Jane" / "Q. Doe"); "Doe, Jane" is
/// read as last-comma-first. Leading honorifics are dropped; names that are really
/// addresses give nothing.
public enum PersonNameSplitter {
    private static let honorifics: Set<String> = ["mr", "mrs", "ms", "miss", "mx", "dr"]
    private static let suffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"]

    /// First and last name from a display name; both nil when there is nothing usable.
    public static func split(_ displayName: String?) -> (first: String?, last: String?) {
        guard let displayName else { return (nil, nil) }
        if let split = splitASCII(displayName) { return split }
        let cleaned = collapse(displayName.filter { $0 != "\"" && $0 != "*" })
        guard !cleaned.isEmpty, !cleaned.contains("@") else { return (nil, nil) }

        let commaParts = cleaned.split(separator: ",", maxSplits: 1).map { collapse(String($0)) }
        if commaParts.count == 2, !commaParts[0].isEmpty, !commaParts[1].isEmpty,
           !suffixes.contains(normalizedToken(commaParts[1])) {
            return (commaParts[1], commaParts[0])
        }

        var tokens = cleaned.split(separator: " ").map(String.init)
        while tokens.count > 1, honorifics.contains(normalizedToken(tokens[0])) {
            tokens.removeFirst()
        }
        guard let first = tokens.first else { return (nil, nil) }
        let rest = tokens.dropFirst().joined(separator: " ")
        return (first, rest.isEmpty ? nil : rest)
    }

    private static func normalizedToken(_ token: String) -> String {
        token.lowercased().filter { $0 != "." && $0 != "," }
    }

    private static func collapse(_ text: String) -> String {
        text.split(whereSeparator: isWhitespace).joined(separator: " ")
    }

    /// `character.isWhitespace` (the White_Space property of its first scalar) without the
    /// Unicode property lookup per Character (a third of ``split(_:)``'s time on a long
    /// name). White_Space is a fixed, short list.
    static func isWhitespace(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first?.value else { return false }
        switch scalar {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// ``split(_:)`` of an ASCII name, byte by byte in two passes; nil when `name` is not
    /// ASCII.
    ///
    /// A value a spec rule takes can be a whole hostile line (`Name: ` and a megabyte of
    /// words): the general path walks it as Characters six times, with a Unicode property
    /// lookup per Character, ~230 ns a byte. On ASCII every Character is one byte except
    /// CR LF, and the general path's steps mean, byte for byte: drop `"` and `*`; split at
    /// the whitespace bytes (HT, LF, VT, FF, CR, space: White_Space in ASCII, which CR LF
    /// is too) into words joined by single spaces; no `@`; the first comma splits the
    /// words into last, first (unless a suffix follows); else honorifics off the front,
    /// the first word and the rest.
    private static func splitASCII(_ name: String) -> (first: String?, last: String?)? {
        var name = name
        return name.withUTF8 { bytes -> (first: String?, last: String?)? in
            // `cleaned`: the words, one space between them; where each word ends in it.
            var cleaned: [UInt8] = []
            cleaned.reserveCapacity(bytes.count)
            var wordEnds: [Int] = []
            var inWord = false
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "*"):
                    continue
                case 0x09...0x0D, UInt8(ascii: " "):
                    if inWord { wordEnds.append(cleaned.count) }
                    inWord = false
                default:
                    if !inWord, !cleaned.isEmpty { cleaned.append(UInt8(ascii: " ")) }
                    inWord = true
                    cleaned.append(byte)
                }
            }
            if inWord { wordEnds.append(cleaned.count) }
            guard !cleaned.isEmpty, !cleaned.contains(UInt8(ascii: "@")) else { return (nil, nil) }

            // (The same generic split as the general path, on bytes: empty parts are
            // dropped and do not count as the one split.)
            let commaParts = cleaned.split(separator: UInt8(ascii: ","), maxSplits: 1).map(trimmedSpaces)
            if commaParts.count == 2, !commaParts[0].isEmpty, !commaParts[1].isEmpty, !isSuffix(commaParts[1]) {
                return (string(commaParts[1]), string(commaParts[0]))
            }

            // Word `index` of `cleaned`: from after the previous word's space to its end.
            func wordStart(_ index: Int) -> Int { index == 0 ? 0 : wordEnds[index - 1] + 1 }
            var first = 0
            while wordEnds.count - first > 1, isHonorific(cleaned[wordStart(first)..<wordEnds[first]]) {
                first += 1
            }
            let firstWord = string(cleaned[wordStart(first)..<wordEnds[first]])
            let rest = first + 1 < wordEnds.count ? string(cleaned[wordStart(first + 1)...]) : nil
            return (firstWord, rest)
        }
    }

    /// `part` without the spaces at its ends (``collapse(_:)`` of a part of a collapsed
    /// ASCII name, whose only whitespace is single spaces).
    private static func trimmedSpaces(_ part: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var part = part
        while part.first == UInt8(ascii: " ") { part.removeFirst() }
        while part.last == UInt8(ascii: " ") { part.removeLast() }
        return part
    }

    private static func string(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    /// Whether ``normalizedToken(_:)`` of ASCII `token` is in `set`, without making a
    /// `String` of a long token (every word in the sets has at most 4 letters).
    private static func normalizedTokenIsIn(_ set: Set<String>, _ token: ArraySlice<UInt8>) -> Bool {
        var letters: [UInt8] = []
        for byte in token where byte != UInt8(ascii: ".") && byte != UInt8(ascii: ",") {
            guard letters.count < 4 else { return false }
            letters.append(byte &- 0x41 < 26 ? byte | 0x20 : byte)
        }
        return set.contains(String(decoding: letters, as: UTF8.self))
    }

    private static func isSuffix(_ token: ArraySlice<UInt8>) -> Bool { normalizedTokenIsIn(suffixes, token) }
    private static func isHonorific(_ token: ArraySlice<UInt8>) -> Bool { normalizedTokenIsIn(honorifics, token) }
}
