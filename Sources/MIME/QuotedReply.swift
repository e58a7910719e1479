/// Tells the new text of a reply apart from the earlier message it quotes.
///
/// Recognised boundaries, in English, French, Spanish and German:
/// - attribution lines: `On <date>, <name> <addr> wrote:` (also wrapped over two or three
///   lines, as Gmail does), `Le <date>, <name> a écrit :`, `El <date>, <name> escribió:`,
///   `Am <date> schrieb <name>:`;
/// - Outlook's reply header: `-----Original Message-----` or a line of underscores followed
///   by `From:`, or a `From:` / `Sent:` / `To:` / `Subject:` block with no separator;
/// - `>`-quoted lines. When quoted and unquoted lines alternate (answers written between
///   the quoted questions) the unquoted lines are the new text.
///
/// A forward separator (Gmail's, Apple Mail's, Yahoo's, Thunderbird's) is not a reply
/// boundary: text with a forward is returned whole (see ``ForwardedOriginal``).
public enum QuotedReply {
    /// Splits `text` into the writer's new text and the quoted earlier message.
    ///
    /// Linear in the length of `text`; never fails.
    ///
    /// - Parameter text: A message's plain text (`\n` or `\r\n` line endings).
    /// - Returns: `newText`, trimmed (empty when the message is only a quote), and `quoted`,
    ///   the quoted part from its attribution or header line on, or nil when nothing is quoted.
    public static func split(_ text: String) -> (newText: String, quoted: String?) {
        InlineForwardParser.withLines(text) { split(text, $0) }
    }

    private static func split(_ text: String, _ lines: InlineForwardParser.Lines) -> (newText: String, quoted: String?) {
        var contactForm: Bool?
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.depth > 0 {
                return splitAtQuote(lines, from: index)
            }
            // Attributions are only looked for at the top level; deeper ones are inside the quote.
            if attributionEnd(lines, at: index) != nil {
                return (joined(lines, 0..<index), joined(lines, index..<lines.count))
            }
            if let block = InlineForwardParser.block(at: index, in: lines, text: text, contactForm: &contactForm) {
                guard block.isAmbiguous else { return (HeaderBlockParser.trimmed(text), nil) }
                return (joined(lines, 0..<index), joined(lines, index..<lines.count))
            }
            index += 1
        }
        return (HeaderBlockParser.trimmed(text), nil)
    }

    /// Quoting with no attribution: either everything from the first `>` line is quoted,
    /// or (when unquoted answers follow quoted lines) the unquoted lines are the new text.
    /// An attribution or reply header further down still ends the new text.
    private static func splitAtQuote(_ lines: InlineForwardParser.Lines, from start: Int) -> (newText: String, quoted: String?) {
        var newLines: [Range<Int>] = (0..<start).map { raw(lines, $0) }
        var quotedLines: [Range<Int>] = []
        var index = start
        while index < lines.count {
            let line = lines[index]
            if line.depth > 0 {
                quotedLines.append(raw(lines, index))
            } else if attributionEnd(lines, at: index) != nil || isReplyHeader(lines, at: index) {
                quotedLines += (index..<lines.count).map { raw(lines, $0) }
                break
            } else {
                newLines.append(raw(lines, index))
            }
            index += 1
        }
        let quoted = InlineForwardParser.joinedTrimmed(lines.bytes, quotedLines)
        return (InlineForwardParser.joinedTrimmed(lines.bytes, newLines), quoted.isEmpty ? nil : quoted)
    }

    /// A whole line (quote markers included) as a range of the text's bytes.
    private static func raw(_ lines: InlineForwardParser.Lines, _ index: Int) -> Range<Int> {
        lines[index].start..<lines[index].end
    }

    private static func isReplyHeader(_ lines: InlineForwardParser.Lines, at index: Int) -> Bool {
        var contactForm: Bool? = false
        return InlineForwardParser.block(at: index, in: lines, text: "", contactForm: &contactForm)?.isAmbiguous == true
    }

    /// If an attribution starts at line `index` (on up to three lines), the line after it.
    static func attributionEnd(_ lines: InlineForwardParser.Lines, at index: Int) -> Int? {
        let first = lines[index]
        var closesNearby = false
        for candidate in index..<min(index + 3, lines.count) where lines[candidate].depth == first.depth {
            if endsWithColon(lines.content(candidate)) {
                closesNearby = true
                break
            }
        }
        guard closesNearby, let opening = opening(lines.content(index)) else { return nil }
        var text = String()
        var end = index
        while end < lines.count, end < index + 3, lines[end].depth == first.depth, !lines.isBlank(end) {
            if !text.isEmpty { text.append(" ") }
            text += lines.trimmedContent(end)
            end += 1
            guard text.utf8.count <= 400 else { return nil }
            if closes(text, opening: opening) {
                // "On Monday I wrote:" in prose is not an attribution unless a quote follows
                // or it names a date or an address.
                let hasDetail = text.contains { $0.isNumber || $0 == "@" }
                return hasDetail || quoteFollows(lines, after: end, depth: first.depth) ? end : nil
            }
        }
        return nil
    }

    /// Whether the next non-blank line from `start` is quoted deeper than `depth`.
    static func quoteFollows(_ lines: InlineForwardParser.Lines, after start: Int, depth: Int) -> Bool {
        var next = start
        while next < lines.count, next < start + 3, lines.isBlank(next) { next += 1 }
        return next < lines.count && lines[next].depth > depth
    }

    private enum Opening { case english, french, spanish, german, bare }

    private static func opening(_ bytes: UnsafeBufferPointer<UInt8>) -> Opening? {
        var start = 0
        while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        let line = bytes[start...]
        if line.starts(with: "On ".utf8) { return .english }
        if line.starts(with: "Le ".utf8) { return .french }
        if line.starts(with: "El ".utf8) { return .spanish }
        if line.starts(with: "Am ".utf8) { return .german }
        // Older Thunderbird and many list archives: "Jane Doe <jane@x> wrote:".
        return line.count <= 200 && line.contains(UInt8(ascii: "@")) ? .bare : nil
    }

    /// Whether the line's last non-filler byte is a colon: the cheap test that rules out
    /// almost every line before an attribution is assembled.
    private static func endsWithColon(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let end = ForwardBytes.trimFillers(bytes, from: 0, end: bytes.count)
        return end > 0 && bytes[end - 1] == UInt8(ascii: ":")
    }

    private static func closes(_ text: String, opening: Opening) -> Bool {
        var copy = text
        let ascii = copy.withUTF8 { bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return asciiCloses(bytes, opening: opening)
        }
        if let ascii { return ascii }
        var trimmed = Substring(text.map { $0 == "\u{A0}" || $0 == "\u{202F}" ? " " : $0 })
        while let last = trimmed.last, last == " " || last == "\u{A0}" || last == "\u{202F}" { trimmed = trimmed.dropLast() }
        guard trimmed.last == ":" else { return false }
        trimmed = trimmed.dropLast()
        while let last = trimmed.last, last == " " || last == "\u{A0}" || last == "\u{202F}" { trimmed = trimmed.dropLast() }
        switch opening {
        case .english, .bare: return trimmed.hasSuffix(" wrote")
        case .french: return trimmed.hasSuffix(" a écrit")
        case .spanish: return trimmed.hasSuffix(" escribió")
        case .german: return trimmed.hasSuffix(" schrieb") || trimmed.contains(" schrieb ")
        }
    }

    /// ``closes(_:opening:)`` on the bytes of ASCII text, without a Character array: each
    /// byte is a Character there but CR LF (which no compared byte is part of), it holds no
    /// U+00A0 or U+202F, and the French and Spanish endings (not ASCII) never end it.
    private static func asciiCloses(_ bytes: UnsafeBufferPointer<UInt8>, opening: Opening) -> Bool {
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
        guard end > 0, bytes[end - 1] == UInt8(ascii: ":") else { return false }
        end -= 1
        while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
        let trimmed = UnsafeBufferPointer(rebasing: bytes[..<end])
        switch opening {
        case .english, .bare: return hasSuffix(trimmed, " wrote")
        case .french, .spanish: return false
        case .german: return hasSuffix(trimmed, " schrieb") || contains(trimmed, " schrieb ")
        }
    }

    private static func hasSuffix(_ bytes: UnsafeBufferPointer<UInt8>, _ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        return (0..<count).allSatisfy { bytes[bytes.count - count + $0] == suffix.utf8Start[$0] }
    }

    private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ part: StaticString) -> Bool {
        let count = part.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        return (0...(bytes.count - count)).contains { start in
            (0..<count).allSatisfy { bytes[start + $0] == part.utf8Start[$0] }
        }
    }

    private static func joined(_ lines: InlineForwardParser.Lines, _ range: Range<Int>) -> String {
        InlineForwardParser.joined(lines, range, stripping: 0)
    }
}
