/// Byte-level helpers for the forward and quoted-reply scanners, which look at every line
/// of every message and so work on the text's UTF-8 bytes with plain offsets, making a
/// String only for a value that is kept.
enum ForwardBytes {
    /// Length of the filler ending just before `end`: a space, tab or `*` (bold rendered as
    /// text) is 1 byte, a no-break space (C2 A0) 2, a narrow no-break space (E2 80 AF) 3;
    /// 0 when the byte before `end` is no filler.
    @inline(__always)
    static func fillerLength(_ bytes: UnsafeBufferPointer<UInt8>, before end: Int) -> Int {
        guard end > 0 else { return 0 }
        switch bytes[end - 1] {
        case 0x20, 0x09, UInt8(ascii: "*"):
            return 1
        case 0xA0:
            return end >= 2 && bytes[end - 2] == 0xC2 ? 2 : 0
        case 0xAF:
            return end >= 3 && bytes[end - 2] == 0x80 && bytes[end - 3] == 0xE2 ? 3 : 0
        default:
            return 0
        }
    }

    /// Length of the filler starting at `index` (see `fillerLength(_:before:)`).
    @inline(__always)
    static func fillerLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte == 0x20 || byte == 0x09 || byte == UInt8(ascii: "*") { return 1 }
        let rest = bytes.count - index
        if byte == 0xC2, rest >= 2, bytes[index + 1] == 0xA0 { return 2 }
        if byte == 0xE2, rest >= 3, bytes[index + 1] == 0x80, bytes[index + 2] == 0xAF { return 3 }
        return 0
    }

    /// `end` moved back over any fillers, not past `start`.
    static func trimFillers(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Int {
        var end = end
        while end > start {
            let length = fillerLength(bytes, before: end)
            guard length > 0, end - start >= length else { break }
            end -= length
        }
        return end
    }

    /// `start` moved forward over any fillers.
    static func skipFillers(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            let length = fillerLength(bytes, at: index)
            guard length > 0 else { break }
            index += length
        }
        return index
    }

    /// Whether `bytes[range]` equal the lowercase `pattern`, ASCII letters compared without
    /// case (the non-ASCII letters of the phrases are lowercase in every client).
    static func equalsFoldingASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ pattern: [UInt8]) -> Bool {
        guard range.count == pattern.count else { return false }
        var offset = 0
        for index in range {
            let byte = bytes[index]
            let folded = byte >= 65 && byte <= 90 ? byte + 32 : byte
            guard folded == pattern[offset] else { return false }
            offset += 1
        }
        return true
    }

    /// Whether a line of `bytes` is blank: only spaces and tabs (or nothing).
    @inline(__always)
    static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte != 0x20 && byte != 0x09 { return false }
        return true
    }

    /// `bytes[range]` as a String without the spaces, tabs, CRs and LFs at either end: what
    /// `HeaderBlockParser.trimmed(String(...))` gives, with one copy. The ends of `range`
    /// must be scalar boundaries (they are: line ends, colons, fillers).
    static func trimmedString(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end, isTrimmed(bytes[start]) { start += 1 }
        while end > start, isTrimmed(bytes[end - 1]) { end -= 1 }
        return string(bytes, start..<end)
    }

    /// `bytes[range]` as a String (the range's ends are scalar boundaries of valid UTF-8).
    @inline(__always)
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// The bytes `HeaderBlockParser.trimmed` removes.
    @inline(__always)
    static func isTrimmed(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }
}
