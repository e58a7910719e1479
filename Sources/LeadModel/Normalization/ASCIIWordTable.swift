/// A fixed table of lowercase ASCII words, each with a 64-bit value, looked up from bytes
/// without making a `String` (an open-addressing hash table over the words' bytes).
///
/// Lookups compare bytes, so they answer for ASCII words only; callers decide what a
/// non-ASCII word may be (see ``VocabularyIndex``).
///
/// Each slot packs what a probe needs (a tag of the hash, the word's length, where its
/// bytes are and its entry), so a word that is not in the table (most words looked up)
/// is answered from the slot array alone: one cache line, where the lookups run cold.
// Immutable after init (the buffers are written only there): safe to share.
package final class ASCIIWordTable: @unchecked Sendable {
    /// 0: empty; else ``Slot`` fields: entry (bits 0-15), byte offset (16-39), length
    /// (40-47), hash tag (48-63). The slot count is a power of two.
    private let slots: UnsafeMutableBufferPointer<UInt64>
    /// Every word's bytes, one after another.
    private let bytes: UnsafeMutableBufferPointer<UInt8>
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

    /// `entries` may name a word more than once: its values are OR-ed.
    package init(_ entries: [(word: String, value: UInt64)]) {
        var size = 16
        while size < entries.count * 2 { size *= 2 }
        let slots = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: size)
        slots.initialize(repeating: 0)
        let byteCount = entries.reduce(0) { $0 + $1.word.utf8.count }
        precondition(entries.count < 1 << 16 && byteCount < 1 << 24, "too many words for a slot's fields")
        let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(byteCount, 1))
        let values = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: max(entries.count, 1))
        var count = 0
        var end = 0
        var longest = 0
        for (word, value) in entries {
            var copy = word
            copy.withUTF8 { utf8 in
                precondition(!utf8.isEmpty && utf8.count < 256 && utf8.allSatisfy { $0 < 0x80 && !($0 >= 0x41 && $0 <= 0x5A) },
                             "not lowercase ASCII: \(word)")
                var hash: UInt32 = 2_166_136_261
                for byte in utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
                let key = Self.key(hash: hash, length: utf8.count)
                var slot = Int(hash) & (size - 1)
                while slots[slot] != 0 {
                    // The same word again: its values are merged.
                    let packed = slots[slot]
                    let start = Int(packed >> 16 & 0xFF_FFFF)
                    if packed & Self.keyMask == key, utf8.indices.allSatisfy({ bytes[start + $0] == utf8[$0] }) {
                        values[Int(packed & 0xFFFF)] |= value
                        return
                    }
                    slot = (slot + 1) & (size - 1)
                }
                let start = end
                for byte in utf8 {
                    bytes[end] = byte
                    end += 1
                }
                values[count] = value
                slots[slot] = key | UInt64(start) << 16 | UInt64(count)
                count += 1
                longest = max(longest, utf8.count)
            }
        }
        self.slots = slots
        self.bytes = bytes
        self.values = values
        mask = size - 1
        maximumLength = longest
    }

    // The table lives as long as the program (it is a static): its buffers are never freed.

    /// The value of the word `word[range]` (bytes already lowercase), or 0 when it is not in
    /// the table.
    @inline(__always)
    package func value(of word: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        let count = range.count
        guard count > 0, count <= maximumLength, let base = word.baseAddress?.advanced(by: range.lowerBound) else { return 0 }
        var hash: UInt32 = 2_166_136_261
        for offset in 0..<count { hash = (hash ^ UInt32(base[offset])) &* 16_777_619 }
        let key = Self.key(hash: hash, length: count)
        var slot = Int(hash) & mask
        while true {
            let packed = slots[slot]
            if packed == 0 { return 0 }
            if packed & Self.keyMask == key {
                let start = Int(packed >> 16 & 0xFF_FFFF)
                var offset = 0
                while offset < count, bytes[start + offset] == base[offset] { offset += 1 }
                if offset == count { return values[Int(packed & 0xFFFF)] }
            }
            slot = (slot + 1) & mask
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
            return Self.lowercasing(bytes) { value(of: $0, 0..<$0.count) != 0 }
        }
    }

    /// The value of ASCII `word` as written (no case folding), or 0.
    package func value(of word: String) -> UInt64 {
        var copy = word
        return copy.withUTF8 { value(of: $0, 0..<$0.count) }
    }
}
