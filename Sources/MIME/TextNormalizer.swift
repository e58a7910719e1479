/// Line-ending normalisation for decoded text.
enum TextNormalizer {
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
}
