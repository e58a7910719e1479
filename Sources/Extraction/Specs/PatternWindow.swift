import Foundation

/// The part of a text a spec pattern needs to run on to find the first match the whole text
/// gives, read from the pattern's syntax (see ``SpecPatternSyntax``).
///
/// NSRegularExpression copies the range it is given (only that range) to UTF-16 and ICU
/// scans it, so a smaller range is cheaper in both; corelibs-foundation runs ICU on a copy
/// of the range alone, with anchoring, non-transparent bounds, so the range's edges act as
/// the input's edges. Two shapes are windowed:
///
/// * A line-local pattern (no part of a match, look-aheads included, can be a line feed;
///   `^`/`$` only under `(?m)`; no `\A \G \z \Z`, no look-behind) that needs one of a few
///   literals: each match lies inside one line that holds one of them. Such lines are
///   searched in order, each with its line feed: from every position up to the line feed,
///   ICU sees the characters it would see in the whole text (`^` after a line feed or at
///   the start, `$` and `\b` before a line feed), and a match it reports after the line
///   feed is the next line's business. After ``maximumLines`` lines the rest of the text
///   is searched at once, so the number of searches stays bounded.
/// * A pattern whose every match starts with a literal, and that has no look-behind, `\A`,
///   `\G` or `^` without `(?m)`: no match starts before the literal's first occurrence, so
///   the search starts at the start of that occurrence's line (a line start, so `^` and
///   `\b` there mean what they mean in the whole text).
///
/// Under `(?i)` literals are found with ASCII case folded, which is what ICU's matching
/// does unless the text holds a character whose case folding has ASCII letters (`ſ`, the
/// Kelvin sign, ligatures, ...): then the whole text is searched.
///
/// The search of a part is the caller's: NSRegularExpression on its UTF-16 range, or
/// ``SpecRegex`` on its bytes when they are ASCII (which finds there what ICU finds on that
/// part alone, so the same argument holds).
struct PatternWindow: Sendable {
    enum Kind: Sendable {
        /// Lines holding one of these literals.
        case lines(literals: [Literal])
        /// From the start of the line of the literal's first occurrence to the end.
        case fromLineOf(Literal)
    }

    /// A literal's UTF-8 bytes (lowercased when ``PatternWindow/foldsCase``), and a byte of
    /// it that case folding leaves alone, for `memchr`.
    struct Literal: Sendable {
        let bytes: [UInt8]
        let anchor: Int?

        init(_ bytes: [UInt8], folded: Bool) {
            self.bytes = bytes
            anchor = folded ? bytes.firstIndex { !($0 >= 0x61 && $0 <= 0x7A) } : 0
        }
    }

    /// What a windowed search found: a match or nil, or that the text could not be
    /// windowed (the caller searches it whole).
    enum Outcome<Match> {
        case searched(Match?)
        case notWindowed
    }

    /// Lines searched one by one before the rest of the text is searched at once.
    static let maximumLines = 8

    let kind: Kind
    let foldsCase: Bool

    init?(_ syntax: SpecPatternSyntax) {
        foldsCase = syntax.caseInsensitive
        if syntax.isLineLocal, let literals = syntax.requiredLiterals {
            kind = .lines(literals: literals.map { Literal($0, folded: syntax.caseInsensitive) })
        } else if syntax.isStartIndependent, let literal = syntax.leadingLiteral {
            kind = .fromLineOf(Literal(literal, folded: syntax.caseInsensitive))
        } else {
            return nil
        }
    }

    /// The first match `search` finds in the parts of `text` this window needs.
    /// - Parameters:
    ///   - caseFoldingChecked: The caller knows `text` holds no case-folding hazard.
    ///   - search: Runs the pattern on the part `part` (UTF-8 offsets) of `text` (`bytes`,
    ///     its UTF-8) as if it were the whole input; a match that starts at or after
    ///     `mustStartBefore` (when given) is no match.
    func firstMatch<Match>(
        in text: String, caseFoldingChecked: Bool,
        search: (_ bytes: UnsafeBufferPointer<UInt8>, _ part: Range<Int>, _ mustStartBefore: Int?) -> Match?
    ) -> Outcome<Match> {
        let outcome = text.utf8.withContiguousStorageIfAvailable { bytes -> Outcome<Match> in
            guard let base = bytes.baseAddress else { return .notWindowed }
            if foldsCase, !caseFoldingChecked, DetectionLiterals.hasCaseFoldingHazard(bytes) { return .notWindowed }
            switch kind {
            case .fromLineOf(let literal):
                guard let found = find(literal, base, bytes.count, from: 0) else { return .searched(nil) }
                return .searched(search(bytes, Self.lineStart(before: found, base)..<bytes.count, nil))
            case .lines(let literals):
                // Where each literal occurs next (-2: not looked for, -1: none), on the stack:
                // an array was allocated for every search.
                return withUnsafeTemporaryAllocation(of: Int.self, capacity: literals.count) { next -> Outcome<Match> in
                    next.initialize(repeating: -2)
                    var position = 0
                    var tried = 0
                    while true {
                        var earliest = -1
                        for index in literals.indices {
                            if next[index] != -1, next[index] < position {
                                next[index] = find(literals[index], base, bytes.count, from: position) ?? -1
                            }
                            if next[index] >= 0, earliest < 0 || next[index] < earliest { earliest = next[index] }
                        }
                        guard earliest >= 0 else { return .searched(nil) }
                        let start = Self.lineStart(before: earliest, base, notBefore: position)
                        if tried == Self.maximumLines { return .searched(search(bytes, start..<bytes.count, nil)) }
                        tried += 1
                        // The line with its line feed (if any).
                        let end: Int
                        if let lineFeed = memchr(base + earliest, 0x0A, bytes.count - earliest) {
                            end = base.distance(to: lineFeed.assumingMemoryBound(to: UInt8.self)) + 1
                        } else {
                            end = bytes.count
                        }
                        if let match = search(bytes, start..<end, end == bytes.count ? nil : end) {
                            return .searched(match)
                        }
                        position = end
                    }
                }
            }
        }
        return outcome ?? .notWindowed
    }

    /// The UTF-16 offset of UTF-8 offset `offset` (a scalar boundary) in `text`.
    static func utf16Offset(_ offset: Int, in text: String) -> Int {
        offset == text.utf8.count ? text.utf16.count : text.utf8.index(text.utf8.startIndex, offsetBy: offset).utf16Offset(in: text)
    }

    /// The offset of the start of the line holding offset `offset`: after the last line
    /// feed before it (at or after `notBefore`, a line start).
    private static func lineStart(before offset: Int, _ base: UnsafePointer<UInt8>, notBefore: Int = 0) -> Int {
        var start = offset
        while start > notBefore, base[start - 1] != 0x0A { start -= 1 }
        return start
    }

    /// The first offset at or after `start` where `literal` occurs (A-Z folded to a-z when
    /// ``foldsCase``).
    private func find(_ literal: Literal, _ base: UnsafePointer<UInt8>, _ count: Int, from start: Int) -> Int? {
        let bytes = literal.bytes
        let length = bytes.count
        guard length > 0, count - start >= length else { return nil }
        let last = count - length  // the last offset an occurrence can start at
        return bytes.withUnsafeBufferPointer { pattern -> Int? in
            guard let pattern = pattern.baseAddress else { return nil }
            @inline(__always) func matches(at offset: Int) -> Bool {
                guard foldsCase else { return memcmp(base + offset, pattern, length) == 0 }
                for index in 0..<length {
                    let byte = base[offset + index]
                    if (byte &- 0x41 < 26 ? byte | 0x20 : byte) != pattern[index] { return false }
                }
                return true
            }
            guard let anchor = literal.anchor else {
                // Letters only, under folding: compare at every offset.
                var offset = start
                while offset <= last {
                    if matches(at: offset) { return offset }
                    offset += 1
                }
                return nil
            }
            // `memchr` finds each candidate anchor byte, many bytes at a time.
            let anchorByte = Int32(pattern[anchor])
            var offset = start
            while offset <= last {
                guard let hit = memchr(base + offset + anchor, anchorByte, last - offset + 1) else { return nil }
                let candidate = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - anchor
                if matches(at: candidate) { return candidate }
                offset = candidate + 1
            }
            return nil
        }
    }
}
