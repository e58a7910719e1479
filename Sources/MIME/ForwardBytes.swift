/// Byte-level helpers for the forward and quoted-reply scanners, which look at every line
/// of every message and so avoid `Character` work until a line looks promising.
enum ForwardBytes {
    /// Length of the filler ending just before `end`: a space, tab or `*` (bold rendered as
    /// text) is 1 byte, a no-break space (C2 A0) 2, a narrow no-break space (E2 80 AF) 3;
    /// 0 when the byte before `end` is no filler.
    static func fillerLength(_ bytes: Substring.UTF8View, before end: String.Index) -> Int {
        guard end > bytes.startIndex else { return 0 }
        let one = bytes.index(before: end)
        switch bytes[one] {
        case 0x20, 0x09, UInt8(ascii: "*"):
            return 1
        case 0xA0:
            guard one > bytes.startIndex, bytes[bytes.index(before: one)] == 0xC2 else { return 0 }
            return 2
        case 0xAF:
            guard bytes.distance(from: bytes.startIndex, to: one) >= 2 else { return 0 }
            let two = bytes.index(before: one)
            return bytes[two] == 0x80 && bytes[bytes.index(before: two)] == 0xE2 ? 3 : 0
        default:
            return 0
        }
    }

    /// `end` moved back over any fillers, not past `start`.
    static func trimFillers(_ bytes: Substring.UTF8View, from start: String.Index, end: String.Index) -> String.Index {
        var end = end
        while end > start {
            let length = fillerLength(bytes, before: end)
            guard length > 0, bytes.distance(from: start, to: end) >= length else { break }
            end = bytes.index(end, offsetBy: -length)
        }
        return end
    }

    /// Length of the filler starting at `index` (see `fillerLength(_:before:)`).
    static func fillerLength(_ bytes: Substring.UTF8View, at index: String.Index) -> Int {
        let byte = bytes[index]
        if byte == 0x20 || byte == 0x09 || byte == UInt8(ascii: "*") { return 1 }
        let rest = bytes.distance(from: index, to: bytes.endIndex)
        if byte == 0xC2, rest >= 2, bytes[bytes.index(after: index)] == 0xA0 { return 2 }
        if byte == 0xE2, rest >= 3, bytes[bytes.index(index, offsetBy: 1)] == 0x80, bytes[bytes.index(index, offsetBy: 2)] == 0xAF {
            return 3
        }
        return 0
    }

    /// `start` moved forward over any fillers.
    static func skipFillers(_ bytes: Substring.UTF8View, from start: String.Index) -> String.Index {
        var index = start
        while index < bytes.endIndex {
            let length = fillerLength(bytes, at: index)
            guard length > 0 else { break }
            index = bytes.index(index, offsetBy: length)
        }
        return index
    }

    /// Whether `bytes` equal the lowercase `pattern`, ASCII letters compared without case
    /// (the non-ASCII letters of the phrases are lowercase in every client).
    static func equalsFoldingASCII(_ bytes: Substring.UTF8View, _ pattern: [UInt8]) -> Bool {
        guard bytes.count == pattern.count else { return false }
        var offset = 0
        for byte in bytes {
            let folded = byte >= 65 && byte <= 90 ? byte + 32 : byte
            guard folded == pattern[offset] else { return false }
            offset += 1
        }
        return true
    }
}
