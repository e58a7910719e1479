/// Finds the body parts of a multipart entity by scanning line starts for
/// `--boundary` delimiters (RFC 2046 section 5.1.1).
///
/// Each line is compared against the boundary at most once, so the scan is linear.
enum MultipartSplitter {
    /// Part byte ranges in order, whether the closing delimiter was seen, and whether
    /// the part list was cut short by `maximumParts`.
    struct Result {
        var parts: [Range<Int>]
        var closed: Bool
        var truncated: Bool
    }

    /// Splits `bytes[range]` on `boundary`, keeping at most `maximumParts` parts.
    static func split(_ bytes: [UInt8], range: Range<Int>, boundary: String, maximumParts: Int) -> Result {
        let delimiter = Array("--".utf8) + Array(boundary.utf8)
        var parts: [Range<Int>] = []
        var partStart: Int?
        var lineStart = range.lowerBound
        let end = range.upperBound
        while lineStart < end {
            let (contentEnd, next) = HeaderBlockParser.lineEnd(bytes, from: lineStart, end: end)
            if let isClose = delimiterKind(bytes, lineStart: lineStart, contentEnd: contentEnd, delimiter: delimiter) {
                if let start = partStart {
                    parts.append(start..<precedingLineBreakStart(bytes, before: lineStart, floor: start))
                    if parts.count >= maximumParts {
                        return Result(parts: parts, closed: isClose, truncated: !isClose)
                    }
                }
                if isClose {
                    return Result(parts: parts, closed: true, truncated: false)
                }
                partStart = next
            }
            lineStart = next
        }
        if let start = partStart {
            parts.append(start..<end)
        }
        return Result(parts: parts, closed: false, truncated: false)
    }

    /// Nil if the line is not a delimiter; true for the closing `--boundary--`.
    private static func delimiterKind(_ bytes: [UInt8], lineStart: Int, contentEnd: Int, delimiter: [UInt8]) -> Bool? {
        guard contentEnd - lineStart >= delimiter.count else { return nil }
        for offset in 0..<delimiter.count where bytes[lineStart + offset] != delimiter[offset] {
            return nil
        }
        var index = lineStart + delimiter.count
        var isClose = false
        if index + 2 <= contentEnd, bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: "-") {
            isClose = true
            index += 2
        }
        // Only transport padding may follow; anything else means a longer boundary.
        while index < contentEnd {
            if bytes[index] != 0x20 && bytes[index] != 0x09 { return nil }
            index += 1
        }
        return isClose
    }

    /// The CRLF (or LF) before a delimiter belongs to the delimiter, not the part.
    private static func precedingLineBreakStart(_ bytes: [UInt8], before lineStart: Int, floor: Int) -> Int {
        var end = lineStart
        if end > floor, bytes[end - 1] == 0x0A {
            end -= 1
            if end > floor, bytes[end - 1] == 0x0D { end -= 1 }
        }
        return end
    }
}
