/// Tables for the single-byte charsets that mail actually uses, decoded without Foundation
/// so the result is the same on every platform.
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
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            scalars.append(scalar(windows1252: byte))
        }
        return String(scalars)
    }

    /// Decodes ISO-8859-15 (Latin-9): Latin-1 with eight code points replaced (e.g. the euro).
    static func latin9(_ bytes: some Collection<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            let value: UInt32
            switch byte {
            case 0xA4: value = 0x20AC
            case 0xA6: value = 0x0160
            case 0xA8: value = 0x0161
            case 0xB4: value = 0x017D
            case 0xB8: value = 0x017E
            case 0xBC: value = 0x0152
            case 0xBD: value = 0x0153
            case 0xBE: value = 0x0178
            default: value = UInt32(byte)
            }
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }

    /// One Windows-1252 byte as a scalar.
    static func scalar(windows1252 byte: UInt8) -> Unicode.Scalar {
        if byte >= 0x80 && byte <= 0x9F {
            return Unicode.Scalar(windows1252High[Int(byte - 0x80)]) ?? "\u{FFFD}"
        }
        return Unicode.Scalar(byte)
    }
}
