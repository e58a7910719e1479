/// Splits text into lines the way `text.split(separator: "\n", omittingEmptySubsequences: false)`
/// does, from the UTF-8 bytes instead of Characters.
///
/// A `Character` is `"\n"` exactly at an LF byte not preceded by CR: grapheme clusters
/// always break before and after LF, except inside CR LF (one Character, `"\r\n"`, which
/// does not equal `"\n"`). So the pieces are the same, at a fraction of the cost.
enum LineSplitter {
    static func lines(_ text: String) -> [Substring] {
        let utf8 = text.utf8
        var result: [Substring] = []
        var lineStart = utf8.startIndex
        var previous: UInt8 = 0
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x0A, previous != 0x0D {
                result.append(text[lineStart..<index])
                lineStart = utf8.index(after: index)
            }
            previous = byte
            utf8.formIndex(after: &index)
        }
        result.append(text[lineStart...])
        return result
    }
}
