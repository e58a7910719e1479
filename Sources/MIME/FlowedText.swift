/// RFC 3676 `format=flowed` text: the sender broke long paragraphs into lines ending in a
/// space (a "soft" break) that the reader is to join again. Without joining, an address or
/// a phone number wrapped by Thunderbird, Apple Mail or K-9 stays cut in two lines.
enum FlowedText {
    /// `text` (`\n` line endings) with its soft line breaks joined, as RFC 3676 section 4
    /// reads it:
    /// - a line's quote depth is its count of leading `>`; a space after them (or at the
    ///   start of an unquoted line) is space-stuffing and is removed;
    /// - a line that then ends in a space is flowed: it is joined with the next line when
    ///   that has the same quote depth; a change of depth ends the paragraph;
    /// - with `delSp` (DelSp=yes) the space the sender added before a soft break is deleted,
    ///   but only when the line ends in two spaces: senders that declare DelSp=yes and break
    ///   at a single space between words are common, and deleting that space glues a phone
    ///   or an address to the word before it ("my cell is(512) 555-0163"), which is worse
    ///   than the stray space the rule leaves in a word broken in the middle (a long URL);
    /// - the signature separator `-- ` is never flowed.
    ///
    /// Quoted lines are written back with their `>` markers (and one space) so that quote
    /// detection still sees them. Linear in the length of `text`.
    static func unflowed(_ text: String, delSp: Bool) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        // The quote depth of the paragraph being joined, while the last line was flowed.
        var openDepth: Int?
        var utf8 = text
        utf8.withUTF8 { bytes in
            var lineStart = 0
            while lineStart <= bytes.count {
                let lineEnd = ByteScanner.firstIndex(of: 0x0A, in: bytes, from: lineStart) ?? bytes.count
                var content = lineStart
                var depth = 0
                while content < lineEnd, bytes[content] == UInt8(ascii: ">") {
                    depth += 1
                    content += 1
                }
                if content < lineEnd, bytes[content] == 0x20 { content += 1 }  // space-stuffing
                if let open = openDepth, open != depth {
                    // A flowed line followed by another depth: the paragraph ends here.
                    output.append(0x0A)
                    openDepth = nil
                }
                if openDepth == nil {
                    if depth > 0 {
                        output.append(contentsOf: repeatElement(UInt8(ascii: ">"), count: depth))
                        output.append(0x20)
                    }
                }
                var end = lineEnd
                let isSignatureSeparator = lineEnd - content == 3
                    && bytes[content] == UInt8(ascii: "-") && bytes[content + 1] == UInt8(ascii: "-") && bytes[content + 2] == 0x20
                let isFlowed = !isSignatureSeparator && end > content && bytes[end - 1] == 0x20
                if isFlowed, delSp, end - content >= 2, bytes[end - 2] == 0x20 { end -= 1 }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[content..<end]))
                guard lineEnd < bytes.count else {
                    break
                }
                if isFlowed {
                    openDepth = depth
                } else {
                    output.append(0x0A)
                    openDepth = nil
                }
                lineStart = lineEnd + 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Whether a `text/plain` part's parameters declare `format=flowed`, and whether
    /// `delsp=yes` (both compared ignoring case, as RFC 2045 parameter values may be).
    static func format(_ parameters: [String: String]) -> (isFlowed: Bool, delSp: Bool) {
        guard let format = parameters["format"], format.lowercased() == "flowed" else { return (false, false) }
        return (true, parameters["delsp"]?.lowercased() == "yes")
    }
}
