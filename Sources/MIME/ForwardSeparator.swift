/// A line that clients put between the forwarder's note and the original's header block:
/// Gmail's, Thunderbird's and Yahoo's dashed "Forwarded message" lines, Outlook's
/// "Original Message" line or line of underscores, and Apple Mail's "Begin forwarded message:",
/// in English, Spanish, French and German.
struct ForwardSeparator: Sendable, Equatable {
    /// The client style the separator implies.
    var style: ForwardStyle
    /// Whether clients also write this separator above quoted *replies* (Outlook's
    /// "Original Message" and underscores), so the subject must decide.
    var isAmbiguous: Bool
    /// Text after the closing dashes on the same line: Yahoo glues the header block there.
    var remainder: Substring

    /// Phrases of forward separators, lowercased.
    private static let forwardPhrases: [[UInt8]] = [
        "forwarded message", "mensaje reenviado", "message transféré", "message transfere",
        "weitergeleitete nachricht", "messaggio inoltrato", "mensagem encaminhada",
    ].map { Array($0.utf8) }
    /// Phrases of "original message" separators, lowercased; clients write these for replies too.
    private static let originalPhrases: [[UInt8]] = [
        "original message", "mensaje original", "message d'origine", "message d’origine", "message original",
        "ursprüngliche nachricht", "messaggio originale", "mensagem original",
    ].map { Array($0.utf8) }
    /// Apple Mail's introductions (also used by iOS), lowercased, without the colon.
    private static let appleIntroductions: [[UInt8]] = [
        "begin forwarded message", "inicio del mensaje reenviado", "début du message réexpédié",
        "debut du message reexpedie", "anfang der weitergeleiteten nachricht", "inizio messaggio inoltrato",
    ].map { Array($0.utf8) }

    /// Recognises a separator in a line's content (quote markers already stripped).
    ///
    /// Works on UTF-8 bytes and rejects ordinary lines after a byte or two: it runs on
    /// every line of every message.
    static func parse(_ content: Substring) -> ForwardSeparator? {
        let bytes = content.utf8
        var start = bytes.startIndex
        while start < bytes.endIndex, bytes[start] == 0x20 || bytes[start] == 0x09 || bytes[start] == UInt8(ascii: "*") {
            start = bytes.index(after: start)
        }
        guard start < bytes.endIndex else { return nil }
        switch bytes[start] {
        case UInt8(ascii: "-"):
            return dashed(content, from: start)
        case UInt8(ascii: "_"):
            var count = 0
            for byte in bytes[start...] {
                if byte == UInt8(ascii: "_") { count += 1 } else if byte != 0x20 && byte != 0x09 { return nil }
            }
            return count >= 8 ? ForwardSeparator(style: .outlookUnderscores, isAmbiguous: true, remainder: "") : nil
        case UInt8(ascii: "B"), UInt8(ascii: "b"), UInt8(ascii: "I"), UInt8(ascii: "i"),
             UInt8(ascii: "D"), UInt8(ascii: "d"), UInt8(ascii: "A"), UInt8(ascii: "a"):
            // "Begin forwarded message:" and its translations, alone on the line.
            var end = ForwardBytes.trimFillers(bytes, from: start, end: bytes.endIndex)
            guard end > start, bytes[bytes.index(before: end)] == UInt8(ascii: ":") else { return nil }
            end = ForwardBytes.trimFillers(bytes, from: start, end: bytes.index(before: end))
            let phrase = bytes[start..<end]
            guard appleIntroductions.contains(where: { ForwardBytes.equalsFoldingASCII(phrase, $0) }) else { return nil }
            return ForwardSeparator(style: .appleMail, isAmbiguous: false, remainder: "")
        default:
            return nil
        }
    }

    /// `---------- Forwarded message ---------` and its relatives. The number of leading
    /// dashes tells the clients apart: Gmail writes 10, Thunderbird 8, Yahoo and Outlook 5.
    private static func dashed(_ content: Substring, from start: String.Index) -> ForwardSeparator? {
        let bytes = content.utf8
        var index = start
        var dashes = 0
        while index < bytes.endIndex, bytes[index] == UInt8(ascii: "-") {
            dashes += 1
            index = bytes.index(after: index)
        }
        guard dashes >= 3 else { return nil }
        while index < bytes.endIndex, bytes[index] == 0x20 || bytes[index] == 0x09 { index = bytes.index(after: index) }
        // The phrase ends at the closing dashes; Yahoo may glue headers after those.
        let phraseStart = index
        var scanned = 0
        while index < bytes.endIndex, bytes[index] != UInt8(ascii: "-") {
            scanned += 1
            guard scanned <= 60 else { return nil }
            index = bytes.index(after: index)
        }
        guard index < bytes.endIndex else { return nil }
        var phraseEnd = index
        while phraseEnd > phraseStart, bytes[bytes.index(before: phraseEnd)] == 0x20 || bytes[bytes.index(before: phraseEnd)] == 0x09 {
            phraseEnd = bytes.index(before: phraseEnd)
        }
        let phrase = bytes[phraseStart..<phraseEnd]
        while index < bytes.endIndex, bytes[index] == UInt8(ascii: "-") || bytes[index] == 0x20 || bytes[index] == 0x09 {
            index = bytes.index(after: index)
        }
        let remainder = content[index...]
        if forwardPhrases.contains(where: { ForwardBytes.equalsFoldingASCII(phrase, $0) }) {
            let style: ForwardStyle = dashes >= 10 ? .gmail : dashes >= 6 ? .thunderbird : .yahoo
            return ForwardSeparator(style: style, isAmbiguous: false, remainder: remainder)
        }
        if originalPhrases.contains(where: { ForwardBytes.equalsFoldingASCII(phrase, $0) }) {
            return ForwardSeparator(style: .outlookOriginalMessage, isAmbiguous: true, remainder: remainder)
        }
        return nil
    }
}
