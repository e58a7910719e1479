/// A cheap test before looking a word up in a set or dictionary of words (which hashes
/// it): bit `min(n, 63)` of slot `b` is set when some word of the set has UTF-8 starting with
/// byte `b` and `n` bytes long.
///
/// `mayContain` is false only for an ASCII word none of the set's words has the first byte
/// and length of: ASCII strings are equal exactly when their bytes are, so that word is not
/// in the set. A non-ASCII word always passes (String equality is canonical equivalence,
/// not byte equality).
package struct WordLookupFilter: Sendable {
    private let bits: [UInt64]

    package init(_ words: some Sequence<String>) {
        var bits = [UInt64](repeating: 0, count: 256)
        for word in words { bits[Self.slot(word)] |= Self.bit(word) }
        self.bits = bits
    }

    @inline(__always)
    package func mayContain(_ word: String) -> Bool {
        bits[Self.slot(word)] & Self.bit(word) != 0 || word.utf8.contains(where: { $0 >= 0x80 })
    }

    @inline(__always) private static func slot(_ word: String) -> Int { Int(word.utf8.first ?? 0) }
    @inline(__always) private static func bit(_ word: String) -> UInt64 { 1 << UInt64(min(word.utf8.count, 63)) }
}
