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
        var currentName: [UInt8]?
        var currentValue: [UInt8] = []

        func finish() {
            guard let name = currentName else { return }
            headers.append(makeHeader(name: name, value: currentValue))
            currentName = nil
            currentValue = []
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
                    currentValue.append(contentsOf: bytes[lineStart..<contentEnd])
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
            currentName = Array(bytes[lineStart..<nameEnd])
            currentValue = Array(bytes[(colon + 1)..<contentEnd])
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

    private static func makeHeader(name: [UInt8], value: [UInt8]) -> MIMEHeader {
        let nameText = String(decoding: name, as: UTF8.self)
        let raw = trimmed(CharsetDecoder.utf8OrWindows1252(value))
        return MIMEHeader(name: nameText, value: EncodedWordDecoder.decode(raw), rawValue: raw)
    }

    /// Trims spaces, tabs and stray line-break characters from both ends.
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n"
        }
        while start < end, isSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start, isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(scalars[start..<end])
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
