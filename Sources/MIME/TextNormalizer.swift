#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Normalisation of decoded text: line endings, and a leading byte-order mark.
enum TextNormalizer {
    /// `text` without U+FEFF. The byte-order mark some clients put at the start of a text
    /// (iOS Mail at the top of a forwarded original's body, Windows editors at the top of a
    /// part) says nothing in mail, whose charset is declared, and would stick to the first
    /// word ("\u{FEFF}Hi Mike") of the lead's message; one before a forwarded header line
    /// ("\u{FEFF}From: ...") hid the forward, and the builder became the prospect. Inside a
    /// text it is an invisible zero-width no-break space: dropped everywhere.
    static func droppingByteOrderMark(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { bytes -> String? in
            guard bytes.contains(0xEF) else { return nil }
            var kept: [UInt8] = []
            kept.reserveCapacity(bytes.count)
            var index = 0
            var dropped = false
            while index < bytes.count {
                if bytes[index] == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF {
                    index += 3
                    dropped = true
                    continue
                }
                kept.append(bytes[index])
                index += 1
            }
            return dropped ? String(decoding: kept, as: UTF8.self) : nil
        } ?? text
    }

    /// Converts CRLF and lone CR to LF and drops NUL characters (PostgreSQL text cannot
    /// hold them, and no mail means them).
    ///
    /// Works on the UTF-8 bytes: CR, LF and NUL never occur inside a multi-byte sequence,
    /// so byte-level replacement is exact, and it is far faster than appending scalars
    /// (this runs over every text and HTML body).
    static func normalizeNewlines(_ text: String) -> String {
        var text = text
        let needsWork = text.withUTF8 { $0.contains(where: { $0 == 0x0D || $0 == 0x00 }) }
        guard needsWork else { return text }
        return text.withUTF8 { input -> String in
            String(unsafeUninitializedCapacity: input.count) { output in
                var written = 0
                var index = 0
                let count = input.count
                while index < count {
                    let byte = input[index]
                    index += 1
                    if byte == 0x0D {
                        output[written] = 0x0A
                        written += 1
                        if index < count, input[index] == 0x0A { index += 1 }
                    } else if byte != 0x00 {
                        output[written] = byte
                        written += 1
                    }
                }
                return written
            }
        }
    }

    /// Converts CRLF and lone CR to LF in place, unless the bytes contain a NUL: then they
    /// are left unchanged and the result is false (the caller decodes first and normalises
    /// the text, see `CharsetDecoder.decodeText`).
    static func normalizeNewlines(bytesWithoutNUL bytes: inout [UInt8]) -> Bool {
        let (hasCR, hasNUL) = bytes.withUnsafeBufferPointer { input -> (Bool, Bool) in
            // memchr runs far faster than a byte loop; most text has CRLF but no NUL.
            guard let base = input.baseAddress, !input.isEmpty else { return (false, false) }
            return (memchr(base, 0x0D, input.count) != nil, memchr(base, 0x00, input.count) != nil)
        }
        if hasNUL { return false }
        guard hasCR else { return true }
        let written = bytes.withUnsafeMutableBufferPointer { buffer -> Int in
            // Compacts towards the front, moving the runs between CRs as blocks: the output
            // never outruns the input.
            let input = UnsafeBufferPointer(buffer)
            guard let base = buffer.baseAddress else { return 0 }
            let count = buffer.count
            var written = 0
            var index = 0
            while let carriageReturn = ByteScanner.firstIndex(of: 0x0D, in: input, from: index) {
                let run = carriageReturn - index
                // memmove: source and destination overlap.
                if written != index { memmove(base + written, base + index, run) }
                written += run
                base[written] = 0x0A
                written += 1
                index = carriageReturn + 1
                if index < count, base[index] == 0x0A { index += 1 }
            }
            let rest = count - index
            if written != index { memmove(base + written, base + index, rest) }
            return written + rest
        }
        bytes.removeSubrange(written...)
        return true
    }
}
