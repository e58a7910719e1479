/// A fixed table of lowercase ASCII words, each with a 64-bit value, looked up from bytes
/// without making a `String` (an open-addressing hash table over the words' bytes).
///
/// Lookups compare bytes, so they answer for ASCII words only; callers decide what a
/// non-ASCII word may be (see ``VocabularyIndex``).
// Immutable after init (the buffers are written only there): safe to share.
package final class ASCIIWordTable: @unchecked Sendable {
    /// Slot → entry index + 1 (0: empty); the slot count is a power of two.
    private let slots: UnsafeMutableBufferPointer<Int32>
    /// Every word's bytes, one after another, entry `i`'s at `starts[i]..<starts[i + 1]`.
    private let bytes: UnsafeMutableBufferPointer<UInt8>
    private let starts: UnsafeMutableBufferPointer<Int32>
    private let values: UnsafeMutableBufferPointer<UInt64>
    private let mask: Int
    /// Longer words are not in the table.
    package let maximumLength: Int

    /// `entries` may name a word more than once: its values are OR-ed.
    package init(_ entries: [(word: String, value: UInt64)]) {
        var size = 16
        while size < entries.count * 3 { size *= 2 }
        let slots = UnsafeMutableBufferPointer<Int32>.allocate(capacity: size)
        slots.initialize(repeating: 0)
        let byteCount = entries.reduce(0) { $0 + $1.word.utf8.count }
        let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(byteCount, 1))
        let starts = UnsafeMutableBufferPointer<Int32>.allocate(capacity: entries.count + 1)
        let values = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: max(entries.count, 1))
        starts[0] = 0
        var count = 0
        var end = 0
        var longest = 0
        for (word, value) in entries {
            var copy = word
            copy.withUTF8 { utf8 in
                precondition(!utf8.isEmpty && utf8.allSatisfy { $0 < 0x80 && !($0 >= 0x41 && $0 <= 0x5A) }, "not lowercase ASCII: \(word)")
                var hash: UInt32 = 2_166_136_261
                for byte in utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
                var slot = Int(hash) & (size - 1)
                while slots[slot] != 0 {
                    // The same word again: its values are merged.
                    let entry = Int(slots[slot])
                    let start = Int(starts[entry - 1])
                    if Int(starts[entry]) - start == utf8.count, utf8.indices.allSatisfy({ bytes[start + $0] == utf8[$0] }) {
                        values[entry - 1] |= value
                        return
                    }
                    slot = (slot + 1) & (size - 1)
                }
                for byte in utf8 {
                    bytes[end] = byte
                    end += 1
                }
                values[count] = value
                count += 1
                starts[count] = Int32(end)
                slots[slot] = Int32(count)
                longest = max(longest, utf8.count)
            }
        }
        self.slots = slots
        self.bytes = bytes
        self.starts = starts
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
        var slot = Int(hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return 0 }
            let start = Int(starts[entry - 1])
            if Int(starts[entry]) - start == count {
                var offset = 0
                while offset < count, bytes[start + offset] == base[offset] { offset += 1 }
                if offset == count { return values[entry - 1] }
            }
            slot = (slot + 1) & mask
        }
    }

    /// The value of ASCII `word` as written (no case folding), or 0.
    package func value(of word: String) -> UInt64 {
        var copy = word
        return copy.withUTF8 { value(of: $0, 0..<$0.count) }
    }
}
