/// Small string helpers shared by the normalisers (LeadModel does not import Foundation).
enum TextScanning {
    /// Whitespace (including no-break and other Unicode spaces) collapsed to single spaces, trimmed.
    static func collapsed(_ text: some StringProtocol) -> String {
        // ASCII: whitespace is 0x09-0x0D and space (CR LF, one Character, is whitespace too).
        if let collapsed = text.utf8.withContiguousStorageIfAvailable({ bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return whitespaceBytesCollapsed(bytes)
        }), let collapsed {
            return collapsed
        }
        if let collapsed = bytewiseCollapsed(text) { return collapsed }
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// ``collapsed(_:)`` of text that is not ASCII, on its bytes, when its whitespace
    /// Characters are its ASCII whitespace bytes (CR LF one Character of two): no scalar that
    /// is not ASCII is whitespace, and every space is a Character of its own (a tab, CR or LF
    /// is a control, which joins nothing but CR LF; a space joins only a Prepend scalar before
    /// it or an Extend, ZWJ or SpacingMark one after it, so beside a byte that is not ASCII
    /// the three scalars around it are asked). Nil otherwise (the Character split decides).
    private static func bytewiseCollapsed(_ text: some StringProtocol) -> String? {
        for scalar in text.unicodeScalars where !scalar.isASCII && scalar.properties.isWhitespace { return nil }
        var copy = String(text)
        return copy.withUTF8 { bytes -> String? in
            for index in bytes.indices where bytes[index] == 0x20 {
                guard ASCIIByteCharacter.standsAlone(bytes, at: index) else { return nil }
            }
            return whitespaceBytesCollapsed(bytes)
        }
    }

    /// UTF-8 `bytes` with each run of ASCII whitespace bytes made one space, trimmed.
    private static func whitespaceBytesCollapsed(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count + 1) { out in
            var length = 0
            var pendingSpace = false
            for byte in bytes {
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    pendingSpace = length > 0
                } else {
                    if pendingSpace {
                        out[length] = 0x20
                        length += 1
                        pendingSpace = false
                    }
                    out[length] = byte
                    length += 1
                }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: out[0..<length]), as: UTF8.self)
        }
    }

    /// `text` without leading and trailing whitespace.
    static func trimmed(_ text: some StringProtocol) -> String {
        // ASCII: whitespace is 0x09-0x0D and space (CR LF, one Character, is whitespace too).
        if let trimmed = text.utf8.withContiguousStorageIfAvailable({ bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var start = 0
            var end = bytes.count
            while start < end, bytes[start] == 0x20 || (bytes[start] >= 0x09 && bytes[start] <= 0x0D) { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || (bytes[end - 1] >= 0x09 && bytes[end - 1] <= 0x0D) { end -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }), let trimmed {
            return trimmed
        }
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
        if let simple = simpleWords(text) { return simple }
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
    static func asciiWords(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count + 1) { scratch in
            var result: [String] = []
            // (About a word per five bytes of prose: reserved once rather than grown.)
            result.reserveCapacity(bytes.count / 5 + 4)
            var length = 0
            for byte in bytes {
                let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) || lower == 0x27 {
                    scratch[length] = lower
                    length += 1
                } else if length > 0 {
                    result.append(String(decoding: UnsafeBufferPointer(rebasing: scratch[0..<length]), as: UTF8.self))
                    length = 0
                }
            }
            if length > 0 { result.append(String(decoding: UnsafeBufferPointer(rebasing: scratch[0..<length]), as: UTF8.self)) }
            return result
        }
    }

    /// ``words(_:)`` for text whose scalars are all ``SimpleScalars``: there each scalar is a
    /// Character, before and after lowercasing (which maps each to one), so the words are
    /// made scalar by scalar, from the UTF-8 bytes; nil for other text.
    private static func simpleWords(_ text: some StringProtocol) -> [String]? {
        var copy = String(text)
        return copy.withUTF8 { bytes -> [String]? in
            let table = SimpleScalars.table
            var result: [String] = []
            // A lowercase scalar takes at most 3 bytes, its original at least 2 (ASCII: 1 and 1).
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count * 2 + 4) { word -> [String]? in
                var length = 0
                var index = 0
                while index < bytes.count {
                    let lead = bytes[index]
                    var isWord: Bool
                    if lead < 0x80 {
                        // (CR, alone or in CR LF, is a separator either way.)
                        let folded = lead >= 0x41 && lead <= 0x5A ? lead | 0x20 : lead
                        isWord = (folded >= 0x61 && folded <= 0x7A) || (folded >= 0x30 && folded <= 0x39) || folded == 0x27
                        if isWord {
                            word[length] = folded
                            length += 1
                        }
                        index += 1
                    } else {
                        // Valid UTF-8 (a String's): 2 or 3 bytes below U+10000, 4 above (none simple).
                        guard lead < 0xF0 else { return nil }
                        let value: UInt32
                        if lead < 0xE0 {
                            value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                            index += 2
                        } else {
                            value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                            index += 3
                        }
                        guard let scalar = Unicode.Scalar(value), let (lower, isWordScalar) = table.entry(scalar) else { return nil }
                        isWord = isWordScalar
                        if isWord {
                            // "’" counts as "'".
                            let stored: UInt32 = lower == "\u{2019}" ? 0x27 : lower.value
                            if stored < 0x80 {
                                word[length] = UInt8(stored)
                                length += 1
                            } else if stored < 0x800 {
                                word[length] = UInt8(0xC0 | (stored >> 6))
                                word[length + 1] = UInt8(0x80 | (stored & 0x3F))
                                length += 2
                            } else {
                                word[length] = UInt8(0xE0 | (stored >> 12))
                                word[length + 1] = UInt8(0x80 | ((stored >> 6) & 0x3F))
                                word[length + 2] = UInt8(0x80 | (stored & 0x3F))
                                length += 3
                            }
                        }
                    }
                    if !isWord, length > 0 {
                        result.append(String(decoding: UnsafeBufferPointer(rebasing: word[0..<length]), as: UTF8.self))
                        length = 0
                    }
                }
                if length > 0 { result.append(String(decoding: UnsafeBufferPointer(rebasing: word[0..<length]), as: UTF8.self)) }
                return result
            }
        }
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

/// Non-ASCII scalars that are a Character of their own next to any scalar of this set or of
/// ASCII but CR (no grapheme rule joins them: none is Extend, ZWJ, SpacingMark, Prepend, a
/// regional indicator or a Hangul jamo) and that lowercase to one scalar of that kind: C1
/// controls, Latin-1, Latin Extended-A and -B (but U+0130, which lowercases to two), IPA
/// extensions, spacing modifier letters, general punctuation, currency signs, `™`, U+FFFD.
/// In text made of them a Character is a scalar. (CR joins LF alone, and both are
/// separators wherever words are split, so word splitters may take CR too.)
/// `TextScanningTests` checks every one against Character's own answers.
package struct SimpleScalars: Sendable {
    /// The ranges as first and last scalar values, one after another.
    private static let bounds: [UInt32] = [
        0x80, 0x12F, 0x131, 0x2FF, 0x2010, 0x2027, 0x2030, 0x205E, 0x20A0, 0x20C0, 0x2122, 0x2122, 0xFFFD, 0xFFFD,
    ]

    package static var ranges: [ClosedRange<UInt32>] {
        stride(from: 0, to: bounds.count, by: 2).map { bounds[$0]...bounds[$0 + 1] }
    }

    /// Per scalar of ``ranges`` in order: its lowercase scalar, and bit 31 when that scalar
    /// is a word character (`Character.isLetter`, `isNumber`, `'` or `’`).
    private let entries: [UInt32]
    /// Each range's first entry.
    private let offsets: [Int]

    package static let table = SimpleScalars()

    private init() {
        var entries: [UInt32] = []
        var offsets: [Int] = []
        for pair in stride(from: 0, to: Self.bounds.count, by: 2) {
            offsets.append(entries.count)
            for value in Self.bounds[pair]...Self.bounds[pair + 1] {
                // (A scalar that lowercasing leaves alone is its own lowercase: no mapping made.)
                guard let scalar = Unicode.Scalar(value),
                      let lower = scalar.properties.changesWhenLowercased ? scalar.properties.lowercaseMapping.unicodeScalars.first : scalar
                else { preconditionFailure("not a scalar") }
                let properties = lower.properties
                let isWord = properties.isAlphabetic || properties.numericType != nil || lower == "'" || lower == "\u{2019}"
                entries.append(lower.value | (isWord ? 1 << 31 : 0))
            }
        }
        self.entries = entries
        self.offsets = offsets
    }

    /// The lowercase scalar of `scalar` and whether it is a word character, or nil when
    /// `scalar` is not in ``ranges``.
    @inline(__always)
    package func entry(_ scalar: Unicode.Scalar) -> (Unicode.Scalar, Bool)? {
        let value = scalar.value
        let bounds = Self.bounds
        for pair in stride(from: 0, to: bounds.count, by: 2) where value >= bounds[pair] && value <= bounds[pair + 1] {
            let entry = entries[offsets[pair / 2] + Int(value - bounds[pair])]
            guard let lower = Unicode.Scalar(entry & 0x7FFF_FFFF) else { return nil }
            return (lower, entry & (1 << 31) != 0)
        }
        return nil
    }
}
