/// Splits text into lines the way `text.split(separator: "\n", omittingEmptySubsequences: false)`
/// does, from the UTF-8 bytes instead of Characters.
///
/// A `Character` is `"\n"` exactly at an LF byte not preceded by CR: grapheme clusters
/// always break before and after LF, except inside CR LF (one Character, `"\r\n"`, which
/// does not equal `"\n"`). So the pieces are the same, at a fraction of the cost.
enum LineSplitter {
    static func lines(_ text: String) -> [Substring] {
        // (The LF bytes found eight bytes at a time, on the text's own bytes; a String index
        // made from an offset, which for UTF-8 text is O(1).)
        var copy = text
        return copy.withUTF8 { bytes in
            let utf8 = text.utf8
            var result: [Substring] = []
            var lineStart = utf8.startIndex
            var start = 0
            while true {
                let lf = firstLF(in: bytes, from: start)
                guard lf < bytes.count else { break }
                if lf == 0 || bytes[lf - 1] != 0x0D {
                    let end = utf8.index(utf8.startIndex, offsetBy: lf)
                    result.append(text[lineStart..<end])
                    lineStart = utf8.index(after: end)
                }
                start = lf + 1
            }
            result.append(text[lineStart...])
            return result
        }
    }

    /// The index of the first LF byte at or after `start` in `bytes`, or `bytes.count`.
    static func firstLF(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        firstIndex(of: 0x0A, in: bytes, from: start)
    }

    /// The index of the first `byte` at or after `start` in `bytes`, or `bytes.count`:
    /// eight bytes at a time (a byte equal to `byte` is a zero byte of `word ^ byte…byte`;
    /// the lowest flagged byte is always a true one).
    static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        var index = start
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let pattern = UInt64(byte) &* ones
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) ^ pattern
            let zeros = (word &- ones) & ~word & highs
            if zeros != 0 { return index + zeros.trailingZeroBitCount / 8 }
            index += 8
        }
        while index < bytes.count, bytes[index] != byte { index += 1 }
        return index
    }

    /// Whether `text`'s UTF-8 holds `byte`.
    static func contains(_ byte: UInt8, in text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { firstIndex(of: byte, in: $0, from: 0) < $0.count }
    }
}
