/// Splits the header block off the front of an entity and unfolds its fields.
///
/// Works on bytes: a line is `name:value`, continuation lines start with a space or tab,
/// and the block ends at the first empty line. CRLF and bare LF are both accepted.
enum HeaderBlockParser {
    /// The parsed header fields and where the body begins.
    struct Result {
        var headers: [MIMEHeader]
        var bodyStart: Int
        var defects: [String]
    }

    /// Parses the header block of `bytes[range]`.
    static func parse(_ bytes: [UInt8], range: Range<Int>, limits: MIMELimits) -> Result {
        var headers: [MIMEHeader] = []
        var defects: [String] = []
        let end = range.upperBound
        let headerLimit = range.lowerBound + max(0, limits.maximumHeaderBytes)
        var lineStart = range.lowerBound
        var currentName: Range<Int>?
        // Reused for every field: one buffer per block rather than one per header.
        var currentValue: [UInt8] = []
        currentValue.reserveCapacity(256)

        var fieldCut = false
        var fallbackReported = false
        let lineLimit = max(0, limits.maximumLineLength)

        func finish() {
            guard let name = currentName else { return }
            let (header, fallbackBytes) = makeHeader(name: bytes[name], value: currentValue)
            headers.append(header)
            if fallbackBytes > 0 && !fallbackReported {
                // Reported once per block: one bad header usually means they all are.
                defects.append("8-bit bytes in header \(CharsetLabel.sanitized(header.name.lowercased())) are not UTF-8; decoded as Windows-1252")
                fallbackReported = true
            }
            if fieldCut {
                defects.append("header field \(CharsetLabel.sanitized(header.name.lowercased())) longer than \(lineLimit) bytes; truncated")
                fieldCut = false
            }
            currentName = nil
            currentValue.removeAll(keepingCapacity: true)
        }

        func appendValue(_ range: Range<Int>) {
            let room = lineLimit - currentValue.count
            if range.count > room {
                currentValue.append(contentsOf: bytes[range.lowerBound..<(range.lowerBound + max(0, room))])
                fieldCut = true
            } else {
                currentValue.append(contentsOf: bytes[range])
            }
        }

        // An mbox "From " envelope line is not a header; skip it.
        if startsWith(bytes, at: lineStart, end: end, "From ") {
            lineStart = lineEnd(bytes, from: lineStart, end: end).next
        }

        while lineStart < end {
            if lineStart >= headerLimit {
                finish()
                defects.append("header block longer than \(limits.maximumHeaderBytes) bytes; remaining headers skipped")
                return Result(headers: headers, bodyStart: skipToBlankLine(bytes, from: lineStart, end: end), defects: defects)
            }
            let (contentEnd, next) = lineEnd(bytes, from: lineStart, end: min(end, headerLimit + 2))
            if contentEnd == lineStart {
                finish()
                return Result(headers: headers, bodyStart: next, defects: defects)
            }
            let first = bytes[lineStart]
            if first == 0x20 || first == 0x09 {
                if currentName != nil {
                    // Unfolding removes only the line break; the leading whitespace stays.
                    appendValue(lineStart..<contentEnd)
                } else {
                    defects.append("continuation line with no header before it")
                }
                lineStart = next
                continue
            }
            guard let colon = headerColon(bytes, from: lineStart, to: contentEnd) else {
                finish()
                if headers.isEmpty {
                    defects.append("message does not start with a header block; treating everything as body")
                } else {
                    defects.append("missing blank line between headers and body")
                }
                return Result(headers: headers, bodyStart: lineStart, defects: defects)
            }
            finish()
            var nameEnd = colon
            while nameEnd > lineStart, bytes[nameEnd - 1] == 0x20 || bytes[nameEnd - 1] == 0x09 {
                nameEnd -= 1
            }
            currentName = lineStart..<nameEnd
            appendValue((colon + 1)..<contentEnd)
            lineStart = next
        }
        finish()
        return Result(headers: headers, bodyStart: end, defects: defects)
    }

    /// The colon ending a valid field name on this line, if the line is a header.
    private static func headerColon(_ bytes: [UInt8], from start: Int, to end: Int) -> Int? {
        var index = start
        var sawSpace = false
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: ":") {
                return index > start ? index : nil
            }
            if byte == 0x20 || byte == 0x09 {
                // Tolerate "Subject : x" but not spaces inside a name.
                sawSpace = true
            } else if byte < 33 || byte > 126 || sawSpace {
                return nil
            }
            index += 1
            if index - start > 200 { return nil }
        }
        return nil
    }

    /// The header, and how many of its bytes had to be read as Windows-1252.
    private static func makeHeader(name: ArraySlice<UInt8>, value: [UInt8]) -> (MIMEHeader, Int) {
        let nameText = String(decoding: name, as: UTF8.self)
        if let plain = plainASCIIValue(value) {
            return (MIMEHeader(name: nameText, value: plain.hasEncodedWordStart ? EncodedWordDecoder.decode(plain.text) : plain.text,
                               rawValue: plain.text), 0)
        }
        // NUL bytes mean nothing in a header and PostgreSQL text cannot store them.
        let decoded = LenientUTF8.decode(value.contains(0) ? value.filter { $0 != 0 } : value)
        let raw = trimmed(decoded.text)
        return (MIMEHeader(name: nameText, value: EncodedWordDecoder.decode(raw), rawValue: raw), decoded.fallbackBytes)
    }

    /// The trimmed value of a field that is plain ASCII without NUL (nearly every field),
    /// found in one pass over the bytes, and whether it may hold an encoded word (`=?`).
    /// Nil for anything else, which takes the general path.
    private static func plainASCIIValue(_ value: [UInt8]) -> (text: String, hasEncodedWordStart: Bool)? {
        value.withUnsafeBufferPointer { input in
            var previous: UInt8 = 0
            var hasEncodedWordStart = false
            for byte in input {
                if byte >= 0x80 || byte == 0 { return nil }
                if byte == UInt8(ascii: "?") && previous == UInt8(ascii: "=") { hasEncodedWordStart = true }
                previous = byte
            }
            // Same as `trimmed` on the decoded text: for ASCII, bytes are characters.
            var start = 0
            var end = input.count
            func isSpace(_ byte: UInt8) -> Bool {
                byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
            }
            while start < end, isSpace(input[start]) { start += 1 }
            while end > start, isSpace(input[end - 1]) { end -= 1 }
            let text = UTF8Validator.string(validated: UnsafeBufferPointer(rebasing: input[start..<end]), isASCII: true)
            return (text, hasEncodedWordStart)
        }
    }

    /// Trims spaces, tabs and stray line-break characters from both ends.
    static func trimmed(_ text: String) -> String {
        // On UTF-8 bytes: the four trimmed characters are ASCII, so byte offsets are
        // character boundaries; and the common case (nothing to trim) copies nothing.
        let utf8 = text.utf8
        var start = utf8.startIndex
        var end = utf8.endIndex
        func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
        }
        while start < end, isSpace(utf8[start]) { start = utf8.index(after: start) }
        while end > start, isSpace(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        if start == utf8.startIndex && end == utf8.endIndex { return text }
        return String(text[start..<end])
    }

    /// End of line content (before CR/LF) and the start of the next line.
    static func lineEnd(_ bytes: [UInt8], from start: Int, end: Int) -> (contentEnd: Int, next: Int) {
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A {
                let contentEnd = index > start && bytes[index - 1] == 0x0D ? index - 1 : index
                return (contentEnd, index + 1)
            }
            index += 1
        }
        return (end, end)
    }

    private static func skipToBlankLine(_ bytes: [UInt8], from start: Int, end: Int) -> Int {
        var lineStart = start
        while lineStart < end {
            let (contentEnd, next) = lineEnd(bytes, from: lineStart, end: end)
            if contentEnd == lineStart { return next }
            lineStart = next
        }
        return end
    }

    private static func startsWith(_ bytes: [UInt8], at index: Int, end: Int, _ prefix: String) -> Bool {
        let prefixBytes = Array(prefix.utf8)
        guard end - index >= prefixBytes.count else { return false }
        for offset in 0..<prefixBytes.count where bytes[index + offset] != prefixBytes[offset] {
            return false
        }
        return true
    }
}
