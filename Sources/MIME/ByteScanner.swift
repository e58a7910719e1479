/// Finds a byte in a buffer eight bytes at a time, inline.
///
/// `memchr` is faster over long stretches but costs a call per search; in quoted-printable
/// text (an escape every few words) and CRLF text (a CR every line) the distances are
/// short, and a word-at-a-time search with no call wins.
enum ByteScanner {
    /// The index of the first `byte` in `buffer[start...]`, or nil.
    @inline(__always)
    static func firstIndex(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = buffer.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        let count = buffer.count
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let pattern = ones &* UInt64(byte)
        var index = start
        while index + 8 <= count {
            // Classic "has zero byte": only bytes equal to `byte` set their high bit in
            // `found`, apart from false positives above a real match, so the lowest set
            // bit is always the first match (little-endian load).
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) ^ pattern
            let found = (word &- ones) & ~word & highs
            if found != 0 {
                return index + found.trailingZeroBitCount / 8
            }
            index += 8
        }
        while index < count {
            if buffer[index] == byte { return index }
            index += 1
        }
        return nil
    }
}
