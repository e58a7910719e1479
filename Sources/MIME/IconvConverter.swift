#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A thin, never-failing wrapper over the C library's `iconv` for the multi-byte charsets
/// (and the single-byte ones without a table of our own), converting to UTF-8.
///
/// Each call opens and closes its own conversion descriptor: glibc caches the loaded
/// gconv modules, so opening costs microseconds, and no state is shared between threads.
/// Bytes the charset cannot decode become U+FFFD, one per skipped byte, and are counted
/// so the caller can record a defect.
enum IconvConverter {
    /// The decoded text and how many input bytes were replaced.
    struct Result {
        var text: String
        var invalidBytes: Int
    }

    /// Decodes `input` from the charset glibc calls `name` (for example `GB18030`).
    /// Nil when the C library does not know the charset.
    static func decode(_ input: UnsafeBufferPointer<UInt8>, from name: String) -> Result? {
        guard let descriptor = open(name) else { return nil }
        defer { iconv_close(descriptor) }
        guard let base = input.baseAddress, !input.isEmpty else { return Result(text: "", invalidBytes: 0) }

        // UTF-8 output is rarely more than 3 bytes per input byte (2-byte CJK → 3 bytes);
        // the buffer grows on E2BIG anyway.
        var output = [UInt8](repeating: 0, count: max(64, input.count * 2 + 16))
        var written = 0
        var invalid = 0
        var inPointer = UnsafeMutablePointer<CChar>(OpaquePointer(UnsafeMutableRawPointer(mutating: base)))
        var inLeft = input.count

        while inLeft > 0 {
            let capacity = output.count
            let (result, error, produced) = output.withUnsafeMutableBufferPointer { buffer -> (Int, Int32, Int) in
                let outStart = UnsafeMutableRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self) + written
                var outPointer: UnsafeMutablePointer<CChar>? = outStart
                var outLeft = capacity - written
                var inOptional: UnsafeMutablePointer<CChar>? = inPointer
                let result = iconv(descriptor, &inOptional, &inLeft, &outPointer, &outLeft)
                let error = result == -1 ? errno : 0
                inPointer = inOptional!
                return (result, error, (capacity - written) - outLeft)
            }
            written += produced
            if result != -1 { break }
            switch error {
            case E2BIG:
                output.append(contentsOf: repeatElement(0, count: output.count))
            case EILSEQ, EINVAL:
                // EILSEQ: an invalid sequence; EINVAL: an incomplete one at the end.
                // Either way skip one byte, mark it, and reset the shift state.
                invalid += 1
                inPointer += 1
                inLeft -= 1
                if output.count - written < 3 { output.append(contentsOf: repeatElement(0, count: 64)) }
                output[written] = 0xEF
                output[written + 1] = 0xBF
                output[written + 2] = 0xBD
                written += 3
                iconv(descriptor, nil, nil, nil, nil)
            default:
                // Unknown failure: stop rather than loop; what was converted is kept.
                invalid += inLeft
                inLeft = 0
            }
        }
        // Flush any pending shift sequence (stateful encodings such as ISO-2022-JP).
        output.withUnsafeMutableBufferPointer { buffer in
            let outStart = UnsafeMutableRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self) + written
            var outPointer: UnsafeMutablePointer<CChar>? = outStart
            var outLeft = buffer.count - written
            if iconv(descriptor, nil, nil, &outPointer, &outLeft) != -1 {
                written = buffer.count - outLeft
            }
        }
        let text = output.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[0..<written]), as: UTF8.self)
        }
        return Result(text: text, invalidBytes: invalid)
    }

    /// Whether the C library can decode this charset name.
    static func isSupported(_ name: String) -> Bool {
        guard let descriptor = open(name) else { return false }
        iconv_close(descriptor)
        return true
    }

    private static func open(_ name: String) -> iconv_t? {
        let descriptor = iconv_open("UTF-8", name)
        // iconv_open reports failure as (iconv_t)-1, not NULL.
        guard let descriptor, Int(bitPattern: descriptor) != -1 else { return nil }
        return descriptor
    }
}
