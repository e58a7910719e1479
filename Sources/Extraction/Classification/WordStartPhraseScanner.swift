/// Which of a fixed list of lowercase ASCII phrases occur in a text at a word start and
/// before a non-letter, A-Z counted as a-z: a prefilter for ``SpamRule/containsWord(_:_:)``
/// that looks only where that search can succeed.
///
/// ``SpamRule`` confirms a phrase only where the Character before it is neither a letter nor
/// a number and the Character after it is not a letter. On the bytes that means (for a
/// phrase of ASCII letters and the like, in text whose lowercasing adds no ASCII letters):
/// - after: the byte after the phrase is not an ASCII letter (an ASCII byte always starts a
///   Character after an ASCII one, and that Character is then a letter);
/// - before: the byte before is not an ASCII letter or digit, unless the byte before that is
///   non-ASCII: an ASCII byte is a Character of its own except after a Prepend scalar
///   (U+0600, ...), which joins the next scalar, and those are all multi-byte.
/// So every phrase `containsWord` confirms is marked here; the converse need not hold.
///
/// The scan reads eight bytes at a time: a few word operations find the letters that start
/// a word, and only those positions (about one in six in prose) are looked at: their first
/// four bytes (three for three-byte phrases), each ORed with 0x20, are hashed into a bit
/// table of the phrases' own, which rejects most ("for", "we" and "in" start phrases, "for ",
/// "we a" and "in t" do not); the rest are looked up by their first two bytes in a table of
/// the phrases that start with them. No per-byte branch.
struct WordStartPhraseScanner: Sendable {
    /// How many phrases; results are indexed like the list given.
    let count: Int
    /// Every phrase's bytes in one array, and each phrase's (start, length) in it.
    private let flatBytes: [UInt8]
    private let flatRanges: [(start: Int32, length: Int32)]
    /// Phrase indices grouped by their first two bytes: the group of pair `(b0 - "a") << 7 | b1`
    /// is `byPair[slots[key]..<slots[key + 1]]` (empty for most pairs), in phrase order.
    private let byPair: [Int32]
    private let slots: [Int32]
    /// 4,096-bit tables of ``hash(_:)`` of the phrases' first four bytes (phrases of four
    /// bytes or more) and of their first three (three-byte phrases), bytes ORed with 0x20:
    /// A-Z becomes a-z and the phrases' own bytes (a-z, space, "-", digits) stay, so a true
    /// occurrence always hits; other bytes may hit too (then the exact compare rejects).
    private let fourByteFilter: [UInt64]
    private let threeByteFilter: [UInt64]

    /// nil when some phrase is shorter than three bytes, does not start with a-z or holds a
    /// byte that is not lowercase ASCII (A-Z or non-ASCII): the word-start reading above
    /// assumes those.
    init?(_ phrases: [String]) {
        let bytes = phrases.map { Array($0.utf8) }
        for phrase in bytes {
            guard phrase.count >= 3, phrase[0] >= 0x61, phrase[0] <= 0x7A,
                  phrase.allSatisfy({ $0 < 0x80 && !($0 >= 0x41 && $0 <= 0x5A) }) else { return nil }
        }
        count = bytes.count
        var flatBytes: [UInt8] = []
        var flatRanges: [(start: Int32, length: Int32)] = []
        for phrase in bytes {
            flatRanges.append((Int32(flatBytes.count), Int32(phrase.count)))
            flatBytes += phrase
        }
        self.flatBytes = flatBytes
        self.flatRanges = flatRanges
        let keys = bytes.map { Int($0[0] - 0x61) << 7 | Int($0[1]) }
        var slots = [Int32](repeating: 0, count: 26 * 128 + 1)
        for key in keys { slots[key + 1] += 1 }
        for key in 0..<(26 * 128) { slots[key + 1] += slots[key] }
        var next = slots
        var byPair = [Int32](repeating: 0, count: bytes.count)
        for (index, key) in keys.enumerated() {
            byPair[Int(next[key])] = Int32(index)
            next[key] += 1
        }
        self.byPair = byPair
        self.slots = slots
        var fourByteFilter = [UInt64](repeating: 0, count: 64)
        var threeByteFilter = [UInt64](repeating: 0, count: 64)
        for phrase in bytes {
            var key: UInt32 = 0
            for (offset, byte) in phrase.prefix(4).enumerated() { key |= UInt32(byte | 0x20) << UInt32(offset * 8) }
            let slot = Self.hash(key)
            if phrase.count >= 4 {
                fourByteFilter[slot >> 6] |= 1 << UInt64(slot & 63)
            } else {
                threeByteFilter[slot >> 6] |= 1 << UInt64(slot & 63)
            }
        }
        self.fourByteFilter = fourByteFilter
        self.threeByteFilter = threeByteFilter
    }

    /// 12 bits of a multiplicative hash of four bytes (lane 0 the first).
    @inline(__always)
    private static func hash(_ key: UInt32) -> Int {
        Int((key &* 0x9E37_79B1) >> 20)
    }

    /// Sets `found[i]` for each phrase `i` found in `buffer` as described above (others are
    /// left as they are: several parts can be marked into one array), `buffer` being a whole
    /// part of the text: its first byte starts a word. Stops once `stopAt` phrases are marked.
    func markOccurrences(inBytes buffer: UnsafeBufferPointer<UInt8>, into found: inout [Bool], stopAt: Int) {
        precondition(found.count == count)
        var marked = found.lazy.filter { $0 }.count
        guard marked < stopAt, let base = buffer.baseAddress, buffer.count >= 2 else { return }
        let total = buffer.count
        let raw = UnsafeRawPointer(base)
        flatBytes.withUnsafeBufferPointer { flat in
            flatRanges.withUnsafeBufferPointer { ranges in
                byPair.withUnsafeBufferPointer { byPair in
                    slots.withUnsafeBufferPointer { slots in
                        found.withUnsafeMutableBufferPointer { found in
                            fourByteFilter.withUnsafeBufferPointer { fourByteFilter in
                                threeByteFilter.withUnsafeBufferPointer { threeByteFilter in
                                    /// Whether the four bytes at `position` may start a phrase
                                    /// (true near the end, where there are not four).
                                    @inline(__always) func mayStart(_ position: Int) -> Bool {
                                        guard position + 4 <= total else { return true }
                                        let key = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: position, as: UInt32.self)) | 0x2020_2020
                                        let four = Self.hash(key)
                                        let three = Self.hash(key & 0x00FF_FFFF)
                                        return (fourByteFilter[four >> 6] >> UInt64(four & 63) | threeByteFilter[three >> 6] >> UInt64(three & 63)) & 1 != 0
                                    }
                                    /// Compares the phrases starting with the two bytes at
                                    /// `position` (a letter starting a word); true to stop.
                                    @inline(__always) func check(_ position: Int) -> Bool {
                                        guard position + 1 < total else { return false }
                                        let second = Self.folded(base[position + 1])
                                        guard second < 0x80 else { return false }
                                        let key = Int((base[position] | 0x20) &- 0x61) << 7 | Int(second)
                                        let low = Int(slots[key])
                                        let high = Int(slots[key + 1])
                                        guard low < high else { return false }
                                        for slot in low..<high {
                                            let index = Int(byPair[slot])
                                            guard !found[index] else { continue }
                                            let start = Int(ranges[index].start)
                                            let length = Int(ranges[index].length)
                                            let end = position + length
                                            guard end <= total else { continue }
                                            var offset = 2
                                            while offset < length, Self.folded(base[position + offset]) == flat[start + offset] { offset += 1 }
                                            guard offset == length else { continue }
                                            if end < total, Self.isLetter(base[end]) { continue }
                                            found[index] = true
                                            marked += 1
                                            if marked >= stopAt { return true }
                                        }
                                        return false
                                    }
                                    // The previous chunk's word-start inputs: whether its last byte is
                                    // a letter or digit, whether its last two are non-ASCII. Before the
                                    // part: a line break (the subject's start has no Character before).
                                    var previousAlphanumeric: UInt64 = 0
                                    var previousNonASCII: UInt64 = 0
                                    var chunkStart = 0
                                    while chunkStart < total {
                                        let word: UInt64
                                        if chunkStart + 8 <= total {
                                            word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: chunkStart, as: UInt64.self))
                                        } else {
                                            // The tail, padded with zero bytes (neither letters nor digits).
                                            var tail: UInt64 = 0
                                            for offset in 0..<(total - chunkStart) {
                                                tail |= UInt64(base[chunkStart + offset]) << UInt64(offset * 8)
                                            }
                                            word = tail
                                        }
                                        let classes = Self.classify(word)
                                        let beforeAlphanumeric = classes.alphanumeric << 8 | previousAlphanumeric >> 56
                                        let twoBeforeNonASCII = classes.nonASCII << 16 | previousNonASCII >> 48
                                        previousAlphanumeric = classes.alphanumeric
                                        previousNonASCII = classes.nonASCII
                                        var starts = classes.letters & ~(beforeAlphanumeric & ~twoBeforeNonASCII)
                                        while starts != 0 {
                                            let position = chunkStart + starts.trailingZeroBitCount >> 3
                                            if mayStart(position), check(position) { return }
                                            starts &= starts &- 1
                                        }
                                        chunkStart += 8
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// A-Z as a-z, other bytes as they are.
    @inline(__always)
    private static func folded(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    @inline(__always)
    private static func isLetter(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return lower >= 0x61 && lower <= 0x7A
    }

    /// Bit 7 of each byte lane set when that byte is an ASCII letter, an ASCII letter or
    /// digit, non-ASCII (lane 0 is the first byte in memory).
    @inline(__always)
    static func classify(_ word: UInt64) -> (letters: UInt64, alphanumeric: UInt64, nonASCII: UInt64) {
        let high: UInt64 = 0x8080_8080_8080_8080
        let nonASCII = word & high
        let ascii = word & ~high
        // Each lane is at most 0x7F, so adding at most 0x50 never carries into the next lane.
        let lower = ascii | 0x2020_2020_2020_2020
        let atLeastA = lower &+ 0x1F1F_1F1F_1F1F_1F1F   // lower >= 0x61
        let pastZ = lower &+ 0x0505_0505_0505_0505      // lower >= 0x7B
        let atLeast0 = ascii &+ 0x5050_5050_5050_5050   // ascii >= 0x30
        let past9 = ascii &+ 0x4646_4646_4646_4646      // ascii >= 0x3A
        let letters = atLeastA & ~pastZ & ~nonASCII & high
        let digits = atLeast0 & ~past9 & ~nonASCII & high
        return (letters, letters | digits, nonASCII)
    }
}
