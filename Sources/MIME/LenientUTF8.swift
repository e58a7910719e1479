/// Decodes bytes that should be UTF-8 but may not be: every well-formed UTF-8 sequence is
/// kept, and every byte that is not part of one is read as Windows-1252.
///
/// This is the rule the issue asks for ("UTF-8 when valid, else Windows-1252") applied per
/// sequence rather than per message, so a UTF-8 template with one pasted Windows-1252 word
/// keeps its accents readable on both sides. For text that is entirely Windows-1252 the
/// result is the same as a plain Windows-1252 decode, except for the rare byte pairs that
/// also happen to be valid UTF-8.
enum LenientUTF8 {
    /// The decoded text and how many bytes were read as Windows-1252.
    struct Result {
        var text: String
        var fallbackBytes: Int
        /// Whether the input ended in the middle of a UTF-8 sequence (a cut-off message or
        /// part), which is shown as U+FFFD rather than as Windows-1252 mojibake.
        var truncatedTail = false
    }

    /// Decodes `input`; never fails.
    ///
    /// - Parameter declaredUTF8: The sender said UTF-8, so a lead byte cut off by the end of
    ///   input is a truncation (U+FFFD). Without a declaration it is more likely a
    ///   Windows-1252 letter ("café" ending in 0xE9) and is decoded as one.
    static func decode(_ input: UnsafeBufferPointer<UInt8>, declaredUTF8: Bool = false) -> Result {
        if let text = UTF8Validator.string(validating: input) {
            return Result(text: text, fallbackBytes: 0)
        }
        var output: [UInt8] = []
        output.reserveCapacity(input.count + input.count / 4)
        var fallback = 0
        var index = 0
        let count = input.count
        while index < count {
            let byte = input[index]
            if byte < 0x80 {
                output.append(byte)
                index += 1
                continue
            }
            let length = sequenceLength(input, at: index)
            if length == 0, declaredUTF8, isTruncatedSequence(input, at: index) {
                output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                return Result(text: String(decoding: output, as: UTF8.self), fallbackBytes: fallback, truncatedTail: true)
            }
            if length > 0 {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: input[index..<(index + length)]))
                index += length
            } else {
                SingleByteCharset.appendWindows1252(byte, to: &output)
                fallback += 1
                index += 1
            }
        }
        return Result(text: String(decoding: output, as: UTF8.self), fallbackBytes: fallback)
    }

    /// Decodes any byte collection (copied to contiguous storage only when it is not already).
    static func decode(_ bytes: some Collection<UInt8>) -> Result {
        if let result = bytes.withContiguousStorageIfAvailable({ decode($0) }) {
            return result
        }
        return Array(bytes).withUnsafeBufferPointer { decode($0) }
    }

    /// The length of the well-formed UTF-8 sequence starting at `index`, or 0 if there is
    /// none (Unicode 15, table 3-7: no overlongs, no surrogates, nothing above U+10FFFF).
    static func sequenceLength(_ input: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = input[index]
        let remaining = input.count - index
        func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            offset < remaining && input[index + offset] >= low && input[index + offset] <= high
        }
        switch lead {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : 0
        case 0xE0:
            return continuation(1, 0xA0, 0xBF) && continuation(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return continuation(1) && continuation(2) ? 3 : 0
        case 0xED:
            return continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : 0
        case 0xF0:
            return continuation(1, 0x90, 0xBF) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3:
            return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4:
            return continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default:
            return 0
        }
    }

    /// Whether the bytes from `index` to the end are the start of a valid sequence that the
    /// end of input cut short.
    static func isTruncatedSequence(_ input: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let lead = input[index]
        let needed: Int
        var secondLow: UInt8 = 0x80
        var secondHigh: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: needed = 2
        case 0xE0: needed = 3; secondLow = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: needed = 3
        case 0xED: needed = 3; secondHigh = 0x9F
        case 0xF0: needed = 4; secondLow = 0x90
        case 0xF1...0xF3: needed = 4
        case 0xF4: needed = 4; secondHigh = 0x8F
        default: return false
        }
        let available = input.count - index
        guard available < needed else { return false }
        for offset in 1..<max(1, available) {
            let byte = input[index + offset]
            let low = offset == 1 ? secondLow : 0x80
            let high = offset == 1 ? secondHigh : 0xBF
            if byte < low || byte > high { return false }
        }
        return true
    }

    /// Where to cut `input` at or before `limit` without splitting a UTF-8 sequence.
    static func boundary(_ input: UnsafeBufferPointer<UInt8>, atOrBefore limit: Int) -> Int {
        guard limit < input.count else { return input.count }
        var cut = limit
        // Step back over at most three continuation bytes to the sequence's lead byte.
        while cut > 0, limit - cut < 3, input[cut] & 0xC0 == 0x80 {
            cut -= 1
        }
        return input[cut] & 0xC0 == 0x80 ? limit : cut
    }
}
