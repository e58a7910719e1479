/// A forgiving base64 decoder: skips anything outside the alphabet (line breaks, garbage,
/// padding) and decodes whatever complete bytes the remaining bits spell, so missing
/// padding or a truncated tail still yields the readable prefix.
enum Base64Decoder {
    /// The decoded bytes, and how many non-alphabet, non-whitespace bytes were skipped.
    static func decode(_ input: some Collection<UInt8>) -> (bytes: [UInt8], skipped: Int) {
        var output: [UInt8] = []
        output.reserveCapacity(input.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        var skipped = 0
        for byte in input {
            let value: UInt32
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = UInt32(byte - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = UInt32(byte - UInt8(ascii: "a")) + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt32(byte - UInt8(ascii: "0")) + 52
            case UInt8(ascii: "+"), UInt8(ascii: "-"): value = 62  // "-" is the URL-safe alphabet
            case UInt8(ascii: "/"), UInt8(ascii: "_"): value = 63
            case UInt8(ascii: "="), 0x20, 0x09, 0x0D, 0x0A:
                continue
            default:
                skipped += 1
                continue
            }
            accumulator = (accumulator << 6) | value
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8((accumulator >> UInt32(bits)) & 0xFF))
                accumulator &= (1 << UInt32(bits)) - 1
            }
        }
        return (output, skipped)
    }
}
