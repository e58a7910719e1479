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
    /// Where in the line's content the text after the closing dashes lies (Yahoo glues the
    /// header block there); empty for the other separators.
    var remainder: Range<Int>

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

    /// Recognises a separator in a line's content (quote markers already stripped), given
    /// as its UTF-8 bytes.
    ///
    /// Rejects ordinary lines after a byte or two: it runs on every line of every message.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> ForwardSeparator? {
        let count = bytes.count
        var start = 0
        while start < count, bytes[start] == 0x20 || bytes[start] == 0x09 || bytes[start] == UInt8(ascii: "*") {
            start += 1
        }
        guard start < count else { return nil }
        switch bytes[start] {
        case UInt8(ascii: "-"):
            return dashed(bytes, from: start)
        case UInt8(ascii: "_"):
            var underscores = 0
            for index in start..<count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "_") { underscores += 1 } else if byte != 0x20 && byte != 0x09 { return nil }
            }
            return underscores >= 8 ? ForwardSeparator(style: .outlookUnderscores, isAmbiguous: true, remainder: count..<count) : nil
        case UInt8(ascii: "B"), UInt8(ascii: "b"), UInt8(ascii: "I"), UInt8(ascii: "i"),
             UInt8(ascii: "D"), UInt8(ascii: "d"), UInt8(ascii: "A"), UInt8(ascii: "a"):
            // "Begin forwarded message:" and its translations, alone on the line.
            var end = ForwardBytes.trimFillers(bytes, from: start, end: count)
            guard end > start, bytes[end - 1] == UInt8(ascii: ":") else { return nil }
            end = ForwardBytes.trimFillers(bytes, from: start, end: end - 1)
            guard appleIntroductions.contains(where: { ForwardBytes.equalsFoldingASCII(bytes, start..<end, $0) }) else { return nil }
            return ForwardSeparator(style: .appleMail, isAmbiguous: false, remainder: count..<count)
        default:
            return nil
        }
    }

    /// `---------- Forwarded message ---------` and its relatives. The number of leading
    /// dashes tells the clients apart: Gmail writes 10, Thunderbird 8, Yahoo and Outlook 5.
    private static func dashed(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> ForwardSeparator? {
        let count = bytes.count
        var index = start
        var dashes = 0
        while index < count, bytes[index] == UInt8(ascii: "-") {
            dashes += 1
            index += 1
        }
        guard dashes >= 3 else { return nil }
        while index < count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        // The phrase ends at the closing dashes; Yahoo may glue headers after those.
        let phraseStart = index
        var scanned = 0
        while index < count, bytes[index] != UInt8(ascii: "-") {
            scanned += 1
            guard scanned <= 60 else { return nil }
            index += 1
        }
        guard index < count else { return nil }
        var phraseEnd = index
        while phraseEnd > phraseStart, bytes[phraseEnd - 1] == 0x20 || bytes[phraseEnd - 1] == 0x09 {
            phraseEnd -= 1
        }
        let phrase = phraseStart..<phraseEnd
        while index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == 0x20 || bytes[index] == 0x09 {
            index += 1
        }
        if forwardPhrases.contains(where: { ForwardBytes.equalsFoldingASCII(bytes, phrase, $0) }) {
            let style: ForwardStyle = dashes >= 10 ? .gmail : dashes >= 6 ? .thunderbird : .yahoo
            return ForwardSeparator(style: style, isAmbiguous: false, remainder: index..<count)
        }
        if originalPhrases.contains(where: { ForwardBytes.equalsFoldingASCII(bytes, phrase, $0) }) {
            return ForwardSeparator(style: .outlookOriginalMessage, isAmbiguous: true, remainder: index..<count)
        }
        return nil
    }
}
