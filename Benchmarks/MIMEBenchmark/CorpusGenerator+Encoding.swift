/// Transfer encodings for the generated corpus (the benchmark's own writer, independent
/// of the engine's decoders).
extension CorpusGenerator {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Base64 on one line, padded.
    static func base64Line(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        appendBase64(bytes, lineLength: nil, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Base64 in 76-character CRLF lines, as mail clients write attachments.
    static func base64Bytes(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4 * 78 / 76 + 4)
        appendBase64(bytes, lineLength: 76, to: &out)
        return out
    }

    static func base64(_ bytes: [UInt8]) -> String {
        String(decoding: base64Bytes(bytes), as: UTF8.self)
    }

    private static func appendBase64(_ bytes: [UInt8], lineLength: Int?, to out: inout [UInt8]) {
        var column = 0
        var index = 0
        while index < bytes.count {
            let b0 = Int(bytes[index])
            let b1 = index + 1 < bytes.count ? Int(bytes[index + 1]) : 0
            let b2 = index + 2 < bytes.count ? Int(bytes[index + 2]) : 0
            out.append(alphabet[b0 >> 2])
            out.append(alphabet[((b0 & 0x03) << 4) | (b1 >> 4)])
            out.append(index + 1 < bytes.count ? alphabet[((b1 & 0x0F) << 2) | (b2 >> 6)] : 0x3D)
            out.append(index + 2 < bytes.count ? alphabet[b2 & 0x3F] : 0x3D)
            index += 3
            column += 4
            if let lineLength, column >= lineLength {
                out.append(0x0D)
                out.append(0x0A)
                column = 0
            }
        }
        if lineLength != nil && column > 0 {
            out.append(0x0D)
            out.append(0x0A)
        }
    }

    /// Quoted-printable of UTF-8 text with CRLF line breaks and 76-column soft breaks.
    static func quotedPrintable(_ text: String) -> String {
        var out: [UInt8] = []
        var column = 0
        let bytes = Array(text.utf8)
        for (index, byte) in bytes.enumerated() {
            if byte == 0x0A {
                out += [0x0D, 0x0A]
                column = 0
                continue
            }
            let atLineEnd = index + 1 == bytes.count || bytes[index + 1] == 0x0A
            let literal = (byte >= 0x21 && byte <= 0x7E && byte != 0x3D) || (byte == 0x20 && !atLineEnd)
            let token: [UInt8] = literal ? [byte] : [0x3D, hexDigit(byte >> 4), hexDigit(byte & 0x0F)]
            if column + token.count > 75 {
                out += [0x3D, 0x0D, 0x0A]
                column = 0
            }
            out += token
            column += token.count
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// RFC 2047 Q text: letters and digits as is, space as `_`, the rest `=XX`.
    static func qWord(_ text: String) -> String {
        var out: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: out.append(byte)
            case 0x20: out.append(0x5F)
            default: out += [0x3D, hexDigit(byte >> 4), hexDigit(byte & 0x0F)]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 + value : 0x41 + value - 10
    }
}
