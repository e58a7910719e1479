/// A fixed table of lowercase ASCII words, each with a 64-bit value, looked up from bytes
/// without making a `String` (an open-addressing hash table over the words' bytes).
///
/// Lookups compare bytes, so they answer for ASCII words only; callers decide what a
/// non-ASCII word may be (see ``VocabularyIndex``).
///
/// Each slot packs what a probe needs (a tag of the hash, the word's length, where its
/// bytes are and its entry), so a word that is not in the table (most words looked up)
/// is answered from the slot array alone: one cache line, where the lookups run cold.
/// A word is hashed and compared eight bytes at a time (most words are one such chunk),
/// not byte by byte.
// Immutable after init (the buffers are written only there): safe to share.
package final class ASCIIWordTable: @unchecked Sendable {
    /// 0: empty; else ``Slot`` fields: entry (bits 0-15), first chunk (16-39), length
    /// (40-47), hash tag (48-63). The slot count is a power of two.
    private let slots: UnsafeMutableBufferPointer<UInt64>
    /// Every word's bytes as little-endian chunks of eight, one word after another, the
    /// last chunk of each zero-padded: a word of `n` bytes takes `(n + 7) / 8` chunks.
    private let chunks: UnsafeMutableBufferPointer<UInt64>
    private let values: UnsafeMutableBufferPointer<UInt64>
    private let mask: Int
    /// Longer words are not in the table.
    package let maximumLength: Int

    /// The slot fields a probe compares first: the length and the hash tag.
    @inline(__always)
    private static func key(hash: UInt32, length: Int) -> UInt64 {
        UInt64(hash >> 16) << 48 | UInt64(length) << 40
    }

    private static let keyMask: UInt64 = 0xFFFF_FF00_0000_0000

    /// The `length` (1 to 8) bytes of `buffer` from `start` as a little-endian chunk, zero
    /// above them: one load where eight bytes can be read within the buffer (the bytes
    /// loaded past the word are masked off).
    @inline(__always)
    private static func chunk(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int, folding: Bool) -> UInt64 {
        let base = buffer.baseAddress.unsafelyUnwrapped
        let loaded: UInt64
        if start + 8 <= buffer.count {
            loaded = UInt64(littleEndian: UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self))
        } else if buffer.count >= 8 {
            // (Near the buffer's end: the eight bytes ending there, shifted down to `start`.)
            let before = UInt64(start + 8 - buffer.count) * 8
            loaded = UInt64(littleEndian: UnsafeRawPointer(base + buffer.count - 8).loadUnaligned(as: UInt64.self)) >> before
        } else {
            var assembled: UInt64 = 0
            for offset in 0..<length { assembled |= UInt64(base[start + offset]) << UInt64(offset * 8) }
            return folding ? folded(assembled) : assembled
        }
        let masked = length == 8 ? loaded : loaded & ((1 << UInt64(length * 8)) &- 1)
        return folding ? folded(masked) : masked
    }

    /// `chunk` of ASCII bytes with A-Z lowercased, eight bytes at once (no byte above 0x7F
    /// carries into the next).
    @inline(__always)
    private static func folded(_ chunk: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        // (High bit of a byte: at least `A`; at least the byte after `Z`.)
        let atLeastA = chunk &+ 0x3F &* ones
        let pastZ = chunk &+ 0x25 &* ones
        let capitals = atLeastA & ~pastZ & 0x8080_8080_8080_8080
        return chunk | capitals &>> 2
    }

    private static let seed: UInt64 = 0x243F_6A88_85A3_08D3
    private static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The 32-bit hash of `buffer[start..<(start + count)]` (`count` > 0), and its first chunk.
    @inline(__always)
    private static func hash(
        _ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int, folding: Bool = false
    ) -> (hash: UInt32, first: UInt64) {
        let first = chunk(buffer, start, min(count, 8), folding: folding)
        var hash = (seed ^ first) &* multiplier
        var offset = 8
        while offset < count {
            hash = (hash ^ chunk(buffer, start + offset, min(count - offset, 8), folding: folding)) &* multiplier
            offset += 8
        }
        // (The high half of the product depends on every bit of the chunks.)
        return (UInt32(truncatingIfNeeded: hash >> 32), first)
    }

    /// Whether the chunks from `chunk` hold `buffer[start..<(start + count)]`, its first
    /// chunk `first`.
    @inline(__always)
    private func holds(
        _ chunk: Int, _ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int, first: UInt64, folding: Bool = false
    ) -> Bool {
        guard chunks[chunk] == first else { return false }
        var offset = 8
        var index = chunk + 1
        while offset < count {
            guard chunks[index] == Self.chunk(buffer, start + offset, min(count - offset, 8), folding: folding) else { return false }
            offset += 8
            index += 1
        }
        return true
    }

    /// `entries` may name a word more than once: its values are OR-ed.
    package init(_ entries: [(word: String, value: UInt64)]) {
        var size = 16
        while size < entries.count * 2 { size *= 2 }
        let slots = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: size)
        slots.initialize(repeating: 0)
        let chunkCount = entries.reduce(0) { $0 + ($1.word.utf8.count + 7) / 8 }
        precondition(entries.count < 1 << 16 && chunkCount < 1 << 24, "too many words for a slot's fields")
        let chunks = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: max(chunkCount, 1))
        chunks.initialize(repeating: 0)
        let values = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: max(entries.count, 1))
        self.slots = slots
        self.chunks = chunks
        self.values = values
        mask = size - 1
        maximumLength = entries.reduce(0) { max($0, $1.word.utf8.count) }
        var count = 0
        var end = 0
        for (word, value) in entries {
            var copy = word
            copy.withUTF8 { utf8 in
                precondition(!utf8.isEmpty && utf8.count < 256 && utf8.allSatisfy { $0 < 0x80 && !($0 >= 0x41 && $0 <= 0x5A) },
                             "not lowercase ASCII: \(word)")
                let (hash, first) = Self.hash(utf8, 0, utf8.count)
                let key = Self.key(hash: hash, length: utf8.count)
                var slot = Int(hash) & (size - 1)
                while slots[slot] != 0 {
                    // The same word again: its values are merged.
                    let packed = slots[slot]
                    if packed & Self.keyMask == key, holds(Int(packed >> 16 & 0xFF_FFFF), utf8, 0, utf8.count, first: first) {
                        values[Int(packed & 0xFFFF)] |= value
                        return
                    }
                    slot = (slot + 1) & (size - 1)
                }
                let start = end
                for (offset, byte) in utf8.enumerated() { chunks[start + offset / 8] |= UInt64(byte) << UInt64(offset % 8 * 8) }
                end += (utf8.count + 7) / 8
                values[count] = value
                slots[slot] = key | UInt64(start) << 16 | UInt64(count)
                count += 1
            }
        }
    }

    // The table lives as long as the program (it is a static): its buffers are never freed.

    /// The value of the word `word[range]` (bytes already lowercase), or 0 when it is not in
    /// the table.
    @inline(__always)
    package func value(of word: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        let count = range.count
        guard count > 0, count <= maximumLength, word.baseAddress != nil else { return 0 }
        // A word of at most eight bytes (most words looked up): one chunk to hash and compare.
        if count <= 8 { return shortValue(Self.chunk(word, range.lowerBound, count, folding: false), length: count) }
        return probe(word, range, folding: false)
    }

    /// ``value(of:_:)`` of ASCII `word[range]` with A-Z lowercased, folded as it is read
    /// (no lowercase copy is made).
    package func value(foldingCaseOf word: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        let count = range.count
        guard count > 0, count <= maximumLength, word.baseAddress != nil else { return 0 }
        if count <= 8 { return shortValue(Self.chunk(word, range.lowerBound, count, folding: true), length: count) }
        return probe(word, range, folding: true)
    }

    /// The value of `word[range]` (not empty, at most ``maximumLength`` bytes), A-Z lowercased
    /// when `folding`, by the general reading (a word of any length, in any buffer).
    private func probe(_ word: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, folding: Bool) -> UInt64 {
        let count = range.count
        let (hash, first) = Self.hash(word, range.lowerBound, count, folding: folding)
        let key = Self.key(hash: hash, length: count)
        var slot = Int(hash) & mask
        while true {
            let packed = slots[slot]
            if packed == 0 { return 0 }
            if packed & Self.keyMask == key,
               holds(Int(packed >> 16 & 0xFF_FFFF), word, range.lowerBound, count, first: first, folding: folding) {
                return values[Int(packed & 0xFFFF)]
            }
            slot = (slot + 1) & mask
        }
    }

    /// The value of the word of `length` (at most eight) bytes whose chunk is `first`, or 0.
    @inline(__always)
    private func shortValue(_ first: UInt64, length: Int) -> UInt64 {
        // (What ``hash(_:_:_:folding:)`` gives a word of one chunk.)
        let hash = UInt32(truncatingIfNeeded: ((Self.seed ^ first) &* Self.multiplier) &>> 32)
        let key = Self.key(hash: hash, length: length)
        let (slots, chunks, mask) = (self.slots, self.chunks, self.mask)
        var slot = Int(hash) & mask
        while true {
            let packed = slots[slot]
            if packed == 0 { return 0 }
            // (The length is in the key: the one chunk holds the whole word.)
            if packed & Self.keyMask == key, chunks[Int(truncatingIfNeeded: packed &>> 16) & 0xFF_FFFF] == first {
                return values[Int(truncatingIfNeeded: packed) & 0xFFFF]
            }
            slot = (slot &+ 1) & mask
        }
    }

    /// `body` of `bytes` with A-Z lowercased (in a temporary copy).
    package static func lowercasing<Result>(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count + 1) { lower in
            for index in bytes.indices { lower[index] = bytes[index] >= 0x41 && bytes[index] <= 0x5A ? bytes[index] | 0x20 : bytes[index] }
            return body(UnsafeBufferPointer(rebasing: lower[0..<bytes.count]))
        }
    }

    /// Whether `word` lowercased is in the table, from its bytes when they are ASCII (where
    /// lowercasing maps A-Z only); nil when a byte is not ASCII.
    package func containsLowercased(_ word: String) -> Bool? {
        var copy = word
        return copy.withUTF8 { bytes -> Bool? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return value(foldingCaseOf: bytes, 0..<bytes.count) != 0
        }
    }

    /// The value of ASCII `word` as written (no case folding), or 0.
    package func value(of word: String) -> UInt64 {
        var copy = word
        return copy.withUTF8 { value(of: $0, 0..<$0.count) }
    }
}
