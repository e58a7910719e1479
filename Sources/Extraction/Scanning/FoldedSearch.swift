/// Whether text holds a lowercase ASCII phrase with A-Z folded, on its bytes: no lowercased
/// copy and no Character walk (the cue checks of a message run on every message).
enum FoldedSearch {
    /// Whether `bytes` hold `needle` (lowercase ASCII), A-Z in `bytes` folded.
    static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        contains(bytes, UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount))
    }

    /// Whether `bytes` hold `needle` (lowercase bytes), A-Z in `bytes` folded.
    static func contains(_ bytes: UnsafeBufferPointer<UInt8>, bytes needle: [UInt8]) -> Bool {
        needle.withUnsafeBufferPointer { contains(bytes, $0) }
    }

    /// Whether `bytes` start with `needle` (lowercase bytes), A-Z in `bytes` folded.
    static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, bytes needle: [UInt8]) -> Bool {
        needle.withUnsafeBufferPointer { needle in needle.isEmpty || matches(bytes, at: 0, needle) }
    }

    /// ``contains(_:_:)-(UnsafeBufferPointer<UInt8>,_)`` of a String's UTF-8.
    static func contains(_ text: String, _ needle: StaticString) -> Bool {
        var copy = text
        return copy.withUTF8 { contains($0, needle) }
    }

    /// The first of `needles` (lowercase ASCII) found in `bytes`, by position in `bytes`, A-Z
    /// folded: one pass, each position tried only against the needles starting with its byte.
    static func firstOf(_ bytes: UnsafeBufferPointer<UInt8>, _ needles: [StaticString]) -> Int? {
        // One needle (the usual case after a prefilter): found eight bytes at a time.
        if needles.count == 1, needles[0].utf8CodeUnitCount > 0, needles[0].utf8Start[0] < 0x80 {
            return contains(bytes, UnsafeBufferPointer(start: needles[0].utf8Start, count: needles[0].utf8CodeUnitCount)) ? 0 : nil
        }
        // (The needles' first bytes, ASCII, as a 128-bit mask on the stack.)
        var low: UInt64 = 0
        var high: UInt64 = 0
        for needle in needles where needle.utf8CodeUnitCount > 0 {
            let first = needle.utf8Start[0]
            if first < 64 { low |= 1 << first } else if first < 128 { high |= 1 << (first - 64) }
        }
        for start in 0..<bytes.count {
            let byte = folded(bytes[start])
            guard byte < 128, (byte < 64 ? low >> byte : high >> (byte - 64)) & 1 == 1 else { continue }
            for (index, needle) in needles.enumerated()
            where matches(bytes, at: start, UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)) {
                return index
            }
        }
        return nil
    }

    private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !needle.isEmpty else { return true }
        guard bytes.count >= needle.count else { return false }
        // Most positions fail on their first byte: tested alone, as is or as its capital (the
        // only bytes that fold to a lowercase letter), before the whole needle is compared.
        let first = needle[0]
        let capital = first >= 0x61 && first <= 0x7A ? first - 0x20 : first
        let last = bytes.count - needle.count
        var start = 0
        while start <= last {
            start = nextCandidate(bytes, from: start, through: last, first | 0x20)
            guard start <= last else { return false }
            let byte = bytes[start]
            if byte == first || byte == capital, matches(bytes, at: start, needle) { return true }
            start += 1
        }
        return false
    }

    /// The first position from `start` (at most `last`) whose byte with bit 5 set is
    /// `key`, or a position past `last`: eight bytes at a time. Every byte that is a
    /// needle's first or its capital is such a byte (`key` is the first with bit 5 set);
    /// a few others are too, which the caller's test rules out.
    @inline(__always)
    private static func nextCandidate(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, through last: Int, _ key: UInt8) -> Int {
        guard let base = bytes.baseAddress else { return last + 1 }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let pattern = UInt64(key) &* ones
        var index = start
        while index + 8 <= last + 1 {
            let word = (UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) | 0x2020_2020_2020_2020) ^ pattern
            // (The lowest flagged byte is a true zero; none is missed.)
            let zeros = (word &- ones) & ~word & highs
            if zeros != 0 { return index + zeros.trailingZeroBitCount / 8 }
            index += 8
        }
        while index <= last, bytes[index] | 0x20 != key { index += 1 }
        return index
    }

    /// Whether `needle` (non-empty, lowercase) is at `start` of `bytes`, A-Z folded.
    @inline(__always)
    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !needle.isEmpty, start + needle.count <= bytes.count else { return false }
        for offset in 0..<needle.count where folded(bytes[start + offset]) != needle[offset] { return false }
        return true
    }

    @inline(__always)
    private static func folded(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
}
