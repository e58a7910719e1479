import LeadModel

/// The prospect's text as numbered lines, the unit every heuristic works on.
///
/// Quoted lines (`>`) are kept as empty lines so numbering still matches the text: they are
/// someone else's words. Work is bounded: at most ``maximumLines`` lines of at most
/// ``maximumLineLength`` characters are examined.
struct InquiryLines {
    static let maximumLines = 400
    static let maximumLineLength = 500

    /// (1-based line number, trimmed text) for every line, quoted ones emptied.
    let lines: [(number: Int, text: String)]
    /// What a byte scan says about each line, for the finders' prefilters: a finder whose
    /// every match needs an ASCII digit (or a comma) skips lines without one.
    let traits: [Traits]

    struct Traits {
        var hasDigit = false
        var hasComma = false
        var isASCII = true
    }

    init(_ text: String) {
        var result: [(Int, String)] = []
        var number = 0
        for raw in LineSplitter.lines(text) {
            number += 1
            if number > Self.maximumLines { break }
            var line = Substring(raw.prefix(Self.maximumLineLength))
            line = line.drop { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\u{A0}" }
            while let last = line.last, last.isWhitespace { line = line.dropLast() }
            result.append((number, line.first == ">" ? "" : String(line)))
        }
        lines = result
        traits = result.map { line in
            var traits = Traits()
            for byte in line.1.utf8 {
                if byte >= 0x30 && byte <= 0x39 { traits.hasDigit = true }
                else if byte == 0x2C { traits.hasComma = true }
                else if byte >= 0x80 { traits.isASCII = false }
            }
            return traits
        }
    }

    /// The words of each line (``PhraseVocabulary/words(in:)``), split once on first use and
    /// shared by the finders.
    private let wordCache = WordCache()

    private final class WordCache {
        var words: [[String]?] = []
    }

    /// The words of `lines[index].text`, as ``PhraseVocabulary/words(in:)`` splits them.
    func words(at index: Int) -> [String] {
        if wordCache.words.isEmpty { wordCache.words = Array(repeating: nil, count: lines.count) }
        if let words = wordCache.words[index] { return words }
        let words = PhraseVocabulary.words(in: lines[index].text)
        wordCache.words[index] = words
        return words
    }

    /// The text with quoted lines emptied (for scanners that report their own line numbers).
    var joined: String { lines.map(\.text).joined(separator: "\n") }

    /// The next non-empty line after index `index`, within `distance` lines.
    func nextNonEmpty(after index: Int, within distance: Int = 2) -> Int? {
        var cursor = index + 1
        while cursor < lines.count, cursor - index <= distance {
            if !lines[cursor].text.isEmpty { return cursor }
            cursor += 1
        }
        return nil
    }
}
