/// Windows-1252, the single-byte charset mail actually falls back to, decoded without
/// Foundation or iconv so the result is the same everywhere and fast.
enum SingleByteCharset {
    /// Windows-1252 code points for bytes 0x80...0x9F. The five undefined bytes map to
    /// the C1 control of the same value, as browsers (WHATWG) do, so nothing is lost.
    static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// Decodes Windows-1252 (also used for ISO-8859-1, which senders routinely mislabel).
    static func windows1252(_ bytes: some Collection<UInt8>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 4)
        for byte in bytes {
            appendWindows1252(byte, to: &output)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the UTF-8 encoding of one Windows-1252 byte.
    @inline(__always)
    static func appendWindows1252(_ byte: UInt8, to output: inout [UInt8]) {
        if byte < 0x80 {
            output.append(byte)
        } else if byte >= 0xA0 || windows1252High[Int(byte - 0x80)] < 0x800 {
            let value = byte >= 0xA0 ? UInt32(byte) : windows1252High[Int(byte - 0x80)]
            output.append(UInt8(0xC0 | (value >> 6)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        } else {
            let value = windows1252High[Int(byte - 0x80)]
            output.append(UInt8(0xE0 | (value >> 12)))
            output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        }
    }

    /// One Windows-1252 byte as a scalar.
    static func scalar(windows1252 byte: UInt8) -> Unicode.Scalar {
        if byte >= 0x80 && byte <= 0x9F {
            return Unicode.Scalar(windows1252High[Int(byte - 0x80)]) ?? "\u{FFFD}"
        }
        return Unicode.Scalar(byte)
    }
}
