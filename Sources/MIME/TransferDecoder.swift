/// Undoes a Content-Transfer-Encoding over a range of the input, or only measures the
/// result: one place that knows the encodings, so `MIMEPart.decodedSize` and
/// `decodedBody()` always agree.
enum TransferDecoder {
    /// Decoded bytes plus a defect when the input was damaged.
    struct Result {
        var bytes: [UInt8]
        var defect: String?
    }

    /// The encodings decoded as they are (no transformation).
    static func isIdentity(_ encoding: String) -> Bool {
        switch encoding {
        case "", "7bit", "8bit", "binary": return true
        default: return false
        }
    }

    /// Decodes `source[range]` as `encoding` (lowercased, trimmed).
    static func decode(_ source: [UInt8], range: Range<Int>, encoding: String) -> Result {
        source.withUnsafeBufferPointer { whole in
            let input = UnsafeBufferPointer(rebasing: whole[range])
            switch encoding {
            case "base64":
                let result = Base64Decoder.decode(buffer: input)
                return Result(bytes: result.bytes, defect: result.skipped > 0
                    ? "base64 body contained \(result.skipped) invalid characters (skipped)" : nil)
            case "quoted-printable":
                let result = QuotedPrintableDecoder.decode(buffer: input)
                return Result(bytes: result.bytes, defect: result.malformed > 0
                    ? "quoted-printable body contained \(result.malformed) malformed escapes" : nil)
            default:
                return Result(bytes: Array(input), defect: isIdentity(encoding)
                    ? nil : "unknown Content-Transfer-Encoding; body used as is")
            }
        }
    }

    /// The decoded size of `source[range]`, by counting rather than decoding.
    static func decodedLength(_ source: [UInt8], range: Range<Int>, encoding: String) -> Int {
        switch encoding {
        case "base64":
            return source.withUnsafeBufferPointer { Base64Decoder.decodedLength(UnsafeBufferPointer(rebasing: $0[range])) }
        case "quoted-printable":
            return source.withUnsafeBufferPointer {
                QuotedPrintableDecoder.decodedLength(UnsafeBufferPointer(rebasing: $0[range]))
            }
        default:
            return range.count
        }
    }
}
