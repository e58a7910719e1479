import LeadModel

/// A lot designation ending one line and its road opening the next: `Lot 14, Block C` /
/// `Ridge View Drive, Austin TX 78738`, `our lot is Lot 7` / `Saddle Creek Trail, Dripping
/// Springs`. Read as one street in the lot readings' form (`Lot 14, Block C, Ridge View
/// Drive`: ``lotStreet(_:)``), with the city, state and ZIP after the road as on one line.
/// The road must read as an address line: it ends its line or a comma follows it
/// (`Saddle Creek Trail is lovely` after `... lot 7` is a sentence about the road, not the
/// lot's address); and the lot must end its line without a period (`We bought lot 7.` ends
/// a sentence).
extension AddressFinder {
    /// The lot ending line `index` on the road opening the next line, as a street candidate;
    /// nil when the lines do not hold one so.
    ///
    /// Gate (most lines cost a flag test and a few bytes from their end): the next line has
    /// a street head word (its traits), the line ends with a lot or block number (a digit
    /// then digits and capitals, or one capital: ``endsWithLotNumber(_:)``), and a lot word
    /// comes before a number in it (``mentionsLotNumber(_:)``).
    static func wrappedLot(_ lines: InquiryLines, _ index: Int) -> StreetCandidate? {
        let next = index + 1
        guard next < lines.lines.count, lines.traits[next].keywords.contains(.streetHead),
              let head = lines.lines[next].text.utf8.first, head >= 0x41, head <= 0x5A,
              endsWithLotNumber(lines.lines[index].text), mentionsLotNumber(lines.lines[index].text) else { return nil }
        let lineWords = spaceSeparatedWords(lines.lines[index].text)
        let words = lineWords + spaceSeparatedWords(lines.lines[next].text)
        // The lot's designation starts on the line and the road's name is on the next,
        // opening it or after the lot's block (`Lot 14` / `Block C, Ridge View Drive`).
        guard let lot = lotStreet(words), lot.start < lineWords.count, lot.nameStart >= lineWords.count,
              lot.nameStart == lineWords.count || isBlockWord(words[lineWords.count]),
              lot.end == words.count || words[lot.end - 1].utf8.last == UInt8(ascii: ",") else { return nil }
        return lotStreetCandidate(lot, words, lines, index, placeLine: next)
    }

    /// Whether `word` is `Block` or `Blk` (any case, punctuation aside).
    private static func isBlockWord(_ word: String) -> Bool {
        let lower = trimmedWord(word).lowercased()
        return lower == "block" || lower == "blk"
    }

    /// Whether `text` ends (spaces and one `,` or `:` aside) with a lot or block number: `7`,
    /// `14B`, `#12`, `C` (one to five digits and capitals, the first a digit, or one
    /// capital), on its bytes.
    static func endsWithLotNumber(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            var end = bytes.count
            while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D { end -= 1 }
            if end > 0, bytes[end - 1] == UInt8(ascii: ",") || bytes[end - 1] == UInt8(ascii: ":") { end -= 1 }
            var start = end
            while start > 0, (bytes[start - 1] >= 0x30 && bytes[start - 1] <= 0x39) || (bytes[start - 1] >= 0x41 && bytes[start - 1] <= 0x5A) {
                start -= 1
            }
            guard start < end, end - start <= 5 else { return false }
            // The word starts there: at the line's start, after a space or a `#`.
            guard start == 0 || bytes[start - 1] == 0x20 || bytes[start - 1] == 0x09 || bytes[start - 1] == UInt8(ascii: "#") else { return false }
            let first = bytes[start]
            return (first >= 0x30 && first <= 0x39) || end - start == 1
        }
    }
}
