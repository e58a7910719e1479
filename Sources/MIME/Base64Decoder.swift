/// A forgiving base64 decoder: skips anything outside the alphabet (line breaks, garbage,
/// padding) and decodes whatever complete bytes the remaining bits spell, so missing
/// padding or a truncated tail still yields the readable prefix.
///
/// Table-driven over raw buffers: attachments are megabytes, and `decodedLength` lets a
/// part report its decoded size without decoding it.
public enum Base64Decoder {
    /// Sextet values; 0x40 marks whitespace and padding (skipped silently), 0x80 garbage.
    private static let table: [UInt8] = {
        var table = [UInt8](repeating: 0x80, count: 256)
        for (index, byte) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(byte)] = UInt8(index)
        }
        table[Int(UInt8(ascii: "-"))] = 62  // the URL-safe alphabet
        table[Int(UInt8(ascii: "_"))] = 63
        for byte in [UInt8(ascii: "="), 0x20, 0x09, 0x0D, 0x0A] {
            table[Int(byte)] = 0x40
        }
        return table
    }()

    /// The decoded bytes, and how many non-alphabet, non-whitespace bytes were skipped.
    public static func decode(_ input: some Collection<UInt8>) -> (bytes: [UInt8], skipped: Int) {
        if let result = input.withContiguousStorageIfAvailable({ decode(buffer: $0) }) {
            return result
        }
        return Array(input).withUnsafeBufferPointer { decode(buffer: $0) }
    }

    /// Decodes a contiguous buffer.
    static func decode(buffer input: UnsafeBufferPointer<UInt8>) -> (bytes: [UInt8], skipped: Int) {
        var skipped = 0
        let output = [UInt8](unsafeUninitializedCapacity: input.count / 4 * 3 + 3) { out, initialized in
            table.withUnsafeBufferPointer { table in
                var accumulator: UInt32 = 0
                var sextets = 0
                var written = 0
                for byte in input {
                    let value = table[Int(byte)]
                    if value >= 0x40 {
                        if value == 0x80 { skipped += 1 }
                        continue
                    }
                    accumulator = (accumulator << 6) | UInt32(value)
                    sextets += 1
                    if sextets == 4 {
                        out[written] = UInt8(truncatingIfNeeded: accumulator >> 16)
                        out[written + 1] = UInt8(truncatingIfNeeded: accumulator >> 8)
                        out[written + 2] = UInt8(truncatingIfNeeded: accumulator)
                        written += 3
                        accumulator = 0
                        sextets = 0
                    }
                }
                // A tail of 2 or 3 sextets still spells 1 or 2 whole bytes.
                if sextets == 2 {
                    out[written] = UInt8(truncatingIfNeeded: accumulator >> 4)
                    written += 1
                } else if sextets == 3 {
                    out[written] = UInt8(truncatingIfNeeded: accumulator >> 10)
                    out[written + 1] = UInt8(truncatingIfNeeded: accumulator >> 2)
                    written += 2
                }
                initialized = written
            }
        }
        return (output, skipped)
    }

    /// The number of bytes `decode` would produce, computed by counting alphabet bytes.
    static func decodedLength(_ input: UnsafeBufferPointer<UInt8>) -> Int {
        var sextets = 0
        table.withUnsafeBufferPointer { table in
            for byte in input where table[Int(byte)] < 0x40 {
                sextets += 1
            }
        }
        return sextets / 4 * 3 + max(0, sextets % 4 - 1)
    }
}
