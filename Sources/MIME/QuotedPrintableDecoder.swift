/// Decodes quoted-printable (RFC 2045 section 6.7) body text and the `Q` encoding of
/// RFC 2047. Malformed escapes are kept literally rather than rejected.
enum QuotedPrintableDecoder {
    /// Decodes a body: `=XX` escapes and `=` soft line breaks (trailing whitespace tolerated).
    static func decode(_ input: some Collection<UInt8>) -> (bytes: [UInt8], malformed: Int) {
        if let result = input.withContiguousStorageIfAvailable({ decode(buffer: $0) }) {
            return result
        }
        return Array(input).withUnsafeBufferPointer { decode(buffer: $0) }
    }

    /// Decodes a contiguous buffer.
    static func decode(buffer input: UnsafeBufferPointer<UInt8>) -> (bytes: [UInt8], malformed: Int) {
        var malformed = 0
        // Decoding never grows the input, so one allocation of its size is enough.
        let output = [UInt8](unsafeUninitializedCapacity: input.count) { out, initialized in
            guard let source = input.baseAddress, let target = out.baseAddress else { return }
            var written = 0
            malformed = scan(input, literal: { run in
                (target + written).update(from: source + run.lowerBound, count: run.count)
                written += run.count
            }, byte: { byte in
                target[written] = byte
                written += 1
            })
            initialized = written
        }
        return (output, malformed)
    }

    /// The number of bytes `decode` would produce, without building them.
    static func decodedLength(_ input: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        _ = scan(input, literal: { count += $0.count }, byte: { _ in count += 1 })
        return count
    }

    /// The one decoding loop, shared by `decode` and `decodedLength` so they cannot disagree.
    ///
    /// Text between escapes is passed on as whole runs (most of a quoted-printable body is
    /// literal text), single decoded bytes one at a time.
    @inline(__always)
    private static func scan(
        _ input: UnsafeBufferPointer<UInt8>, literal: (Range<Int>) -> Void, byte emit: (UInt8) -> Void
    ) -> Int {
        var malformed = 0
        var index = 0
        let count = input.count
        while index < count {
            guard let equals = ByteScanner.firstIndex(of: UInt8(ascii: "="), in: input, from: index) else {
                literal(index..<count)
                break
            }
            if equals > index { literal(index..<equals) }
            index = equals
            // Soft line break: "=" then optional spaces/tabs then CRLF or LF (or end of input).
            var probe = index + 1
            while probe < count, input[probe] == 0x20 || input[probe] == 0x09 {
                probe += 1
            }
            if probe >= count {
                index = probe
                continue
            }
            if input[probe] == 0x0A {
                index = probe + 1
                continue
            }
            if input[probe] == 0x0D {
                index = probe + 1
                if index < count, input[index] == 0x0A { index += 1 }
                continue
            }
            if index + 2 < count, let high = hexValue(input[index + 1]), let low = hexValue(input[index + 2]) {
                emit(high << 4 | low)
                index += 3
                continue
            }
            malformed += 1
            emit(UInt8(ascii: "="))
            index += 1
        }
        return malformed
    }

    /// Decodes RFC 2047 `Q` text: like quoted-printable, but `_` means space.
    static func decodeWord(_ input: some Collection<UInt8>) -> [UInt8] {
        let bytes = Array(input)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "_") {
                output.append(0x20)
            } else if byte == UInt8(ascii: "="), index + 2 < bytes.count,
                      let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                output.append(high << 4 | low)
                index += 3
                continue
            } else {
                output.append(byte)
            }
            index += 1
        }
        return output
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }
}
