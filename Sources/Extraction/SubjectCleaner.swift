import Foundation

/// Removes reply and forward prefixes (`Re:`, `Fwd:`, `FW:`, and common localised forms)
/// from a subject, however many are stacked.
public enum SubjectCleaner {
    private static let prefixes: Set<String> = ["re", "fw", "fwd", "aw", "wg", "rv", "tr", "sv", "vs", "antw"]

    private static let replyPrefixes: Set<String> = ["re", "aw", "sv", "antw"]

    /// The same words packed by ``packed(_:)``, for subjects read on their bytes.
    private static let prefixCodes: [UInt64] = prefixes.map { packed(Array($0.utf8)[...]) }
    private static let replyPrefixCodes: [UInt64] = replyPrefixes.map { packed(Array($0.utf8)[...]) }

    /// Whether the subject's first prefix marks a reply (`Re:`) rather than a forward.
    public static func isReply(_ subject: String?) -> Bool {
        guard let subject else { return false }
        let answer = subject.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard let start = skippingWhitespace(bytes, from: 0) else { return nil }
            switch prefixWord(in: bytes, from: start) {
            case .undecided: return nil
            case .none: return false
            case .word(let code, _): return replyPrefixCodes.contains(code)
            }
        }
        return (answer ?? nil) ?? characterIsReply(subject)
    }

    /// The subject without leading prefixes, trimmed; nil when nothing remains.
    public static func clean(_ subject: String?) -> String? {
        guard let subject else { return nil }
        let restStart = subject.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            var position = 0
            for _ in 0..<20 {
                guard let start = skippingWhitespace(bytes, from: position) else { return nil }
                position = start
                switch prefixWord(in: bytes, from: position) {
                case .undecided: return nil
                case .none: return position
                case .word(let code, let colon):
                    guard prefixCodes.contains(code) else { return position }
                    position = colon + 1
                }
            }
            return position
        }
        guard let offset = restStart ?? nil else { return characterClean(subject) }
        // `offset` follows an ASCII byte that ends a Character (a colon or whitespace before
        // an ASCII byte), so the rest is the Character path's `rest`.
        let utf8 = subject.utf8
        let rest = offset == 0 ? subject : String(Substring(utf8[utf8.index(utf8.startIndex, offsetBy: offset)...]))
        let result = ValueNormalizer.trimmingWhitespace(rest)
        return result.isEmpty ? nil : result
    }

    // MARK: - Byte path

    // The prefixes are read on the bytes where the Character steps below would read only
    // ASCII: there each byte other than CR is one Character (CR LF is the one ASCII pair
    // that forms a single Character), and a Character ends where an ASCII byte follows; the
    // whitespace Characters and scalars among them are the bytes 09-0D and 20; lowercasing
    // maps A-Z alone. Where a step would read a non-ASCII byte (or a CR inside a prefix
    // window), the subject takes the Character path instead.

    @inline(__always)
    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// The first position at or after `start` that is not ASCII whitespace; nil (undecided)
    /// when the byte there is not ASCII (a non-ASCII space, or a mark joining the whitespace
    /// before it).
    private static func skippingWhitespace(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var position = start
        while position < bytes.count, isWhitespace(bytes[position]) { position += 1 }
        if position < bytes.count, bytes[position] >= 0x80 { return nil }
        return position
    }

    private enum PrefixWord {
        /// Not decided on the bytes.
        case undecided
        /// No colon in the window: no prefix.
        case none
        /// The word before the colon, packed, and the colon's position.
        case word(code: UInt64, colon: Int)
    }

    /// For a prefix starting at `start`: a colon within the next ten Characters, and the word
    /// before it (cut at `[` or `(`, trimmed, A-Z folded) packed. Decided when the ten bytes
    /// and the one after (a mark there would join the tenth) are ASCII and hold no CR: then
    /// they are the ten Characters.
    private static func prefixWord(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> PrefixWord {
        let limit = min(bytes.count, start + 10)
        for index in start..<min(bytes.count, start + 11) where bytes[index] >= 0x80 || (index < limit && bytes[index] == 0x0D) {
            return .undecided
        }
        var colon = start
        while colon < limit, bytes[colon] != UInt8(ascii: ":") { colon += 1 }
        guard colon < limit else { return .none }
        var end = start
        while end < colon, bytes[end] != UInt8(ascii: "["), bytes[end] != UInt8(ascii: "(") { end += 1 }
        var first = start
        while first < end, isWhitespace(bytes[first]) { first += 1 }
        while end > first, isWhitespace(bytes[end - 1]) { end -= 1 }
        return .word(code: packed(bytes[first..<end]), colon: colon)
    }

    /// A word of up to seven bytes, A-Z folded, as its length and bytes in one number
    /// (distinct words, distinct numbers); longer words give 0, which no prefix gives.
    private static func packed<Bytes: Collection<UInt8>>(_ word: Bytes) -> UInt64 {
        guard word.count <= 7 else { return 0 }
        var code = UInt64(word.count) << 56
        var shift: UInt64 = 0
        for byte in word {
            let folded = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            code |= UInt64(folded) << shift
            shift += 8
        }
        return code
    }

    // MARK: - Character path (any other subject)

    static func characterIsReply(_ subject: String) -> Bool {
        let rest = subject.drop { $0.isWhitespace }
        guard let colon = rest.prefix(10).firstIndex(of: ":") else { return false }
        var word = rest[..<colon]
        if let bracket = word.firstIndex(where: { $0 == "[" || $0 == "(" }) { word = word[..<bracket] }
        return replyPrefixes.contains(ValueNormalizer.trimmingWhitespace(word.lowercased()))
    }

    static func characterClean(_ subject: String) -> String? {
        var rest = Substring(subject)
        for _ in 0..<20 {
            rest = rest.drop { $0.isWhitespace }
            guard let colon = rest.prefix(10).firstIndex(of: ":") else { break }
            var word = rest[..<colon]
            // "Re[2]:" and "Fwd(3):" count too.
            if let bracket = word.firstIndex(where: { $0 == "[" || $0 == "(" }) { word = word[..<bracket] }
            guard prefixes.contains(ValueNormalizer.trimmingWhitespace(word.lowercased())) else { break }
            rest = rest[rest.index(after: colon)...]
        }
        let result = ValueNormalizer.trimmingWhitespace(String(rest))
        return result.isEmpty ? nil : result
    }
}
