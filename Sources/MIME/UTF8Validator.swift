/// UTF-8 validation tuned for mail text, and String creation from bytes already validated.
///
/// The standard library validates every String made from bytes, byte by byte. Body texts
/// are mostly ASCII with an accented letter here and there, so skipping ASCII eight bytes at
/// a time and checking the rest with `LenientUTF8.sequenceLength` (the same Unicode table
/// 3-7 rules) is faster, and a validated buffer then becomes a String without a second pass.
enum UTF8Validator {
    /// Whether `input` is well-formed UTF-8, and whether it is all ASCII.
    static func validate(_ input: UnsafeBufferPointer<UInt8>) -> (isValid: Bool, isASCII: Bool) {
        guard let base = input.baseAddress else { return (true, true) }
        let raw = UnsafeRawPointer(base)
        let count = input.count
        let highBits: UInt64 = 0x8080_8080_8080_8080
        var isASCII = true
        var index = 0
        while index < count {
            // ASCII runs, a word at a time; stop at the first byte with its high bit set.
            while index + 8 <= count {
                let high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) & highBits
                if high != 0 {
                    index += high.trailingZeroBitCount / 8
                    break
                }
                index += 8
            }
            guard index < count else { break }
            if input[index] < 0x80 {
                index += 1
                continue
            }
            let length = LenientUTF8.sequenceLength(input, at: index)
            if length == 0 { return (false, false) }
            isASCII = false
            index += length
        }
        return (true, isASCII)
    }

    /// A String of `input`, which the caller has validated (`validate`).
    static func string(validated input: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> String {
        if #available(macOS 26.0, iOS 26.0, watchOS 26.0, tvOS 26.0, visionOS 26.0, *) {
            return String(copying: unsafe UTF8Span(unchecked: input.span, isKnownASCII: isASCII))
        }
        return String(decoding: input, as: UTF8.self)
    }

    /// A String of `input` if it is well-formed UTF-8.
    static func string(validating input: UnsafeBufferPointer<UInt8>) -> String? {
        let result = validate(input)
        return result.isValid ? string(validated: input, isASCII: result.isASCII) : nil
    }
}
