#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the body parts of a multipart entity by scanning line starts for
/// `--boundary` delimiters (RFC 2046 section 5.1.1).
///
/// Line ends are found with `memchr` and only lines starting with `-` are compared with
/// the delimiter, each at most once, so the scan is linear and runs at memory speed over
/// base64 attachments. Anything before the first delimiter (the preamble, which may
/// mention other boundaries) and after the closing one (the epilogue) is ignored.
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
        return bytes.withUnsafeBufferPointer { buffer in
            delimiter.withUnsafeBufferPointer { delimiter in
                split(buffer, range: range, delimiter: delimiter, maximumParts: maximumParts)
            }
        }
    }

    private static func split(
        _ buffer: UnsafeBufferPointer<UInt8>, range: Range<Int>, delimiter: UnsafeBufferPointer<UInt8>,
        maximumParts: Int
    ) -> Result {
        guard let base = buffer.baseAddress else { return Result(parts: [], closed: false, truncated: false) }
        var parts: [Range<Int>] = []
        var partStart: Int?
        var lineStart = range.lowerBound
        let end = range.upperBound
        while lineStart < end {
            let contentEnd: Int
            let next: Int
            if let found = memchr(base + lineStart, 0x0A, end - lineStart) {
                let newline = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                contentEnd = newline > lineStart && buffer[newline - 1] == 0x0D ? newline - 1 : newline
                next = newline + 1
            } else {
                contentEnd = end
                next = end
            }
            if buffer[lineStart] == UInt8(ascii: "-"),
               let isClose = delimiterKind(buffer, lineStart: lineStart, contentEnd: contentEnd, delimiter: delimiter) {
                if let start = partStart {
                    parts.append(start..<precedingLineBreakStart(buffer, before: lineStart, floor: start))
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
    private static func delimiterKind(
        _ bytes: UnsafeBufferPointer<UInt8>, lineStart: Int, contentEnd: Int, delimiter: UnsafeBufferPointer<UInt8>
    ) -> Bool? {
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
    private static func precedingLineBreakStart(_ bytes: UnsafeBufferPointer<UInt8>, before lineStart: Int, floor: Int) -> Int {
        var end = lineStart
        if end > floor, bytes[end - 1] == 0x0A {
            end -= 1
            if end > floor, bytes[end - 1] == 0x0D { end -= 1 }
        }
        return end
    }
}
