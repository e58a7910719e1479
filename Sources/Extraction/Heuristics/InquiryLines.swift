import LeadModel

/// The prospect's text as numbered lines, the unit every heuristic works on, with what one
/// byte pass over each line tells the finders' prefilters.
///
/// Quoted lines (`>`) are kept as empty lines so numbering still matches the text: they are
/// someone else's words. So are the lines of a quotation of the builder's own text
/// (``BuilderQuotation``: "I saw this on your website:" and a quoted paragraph). Work is bounded: at most ``maximumLines`` lines of at most
/// ``maximumLineLength`` characters are examined.
///
/// Every word of a line (``PhraseVocabulary/words(in:)``) is looked up once in
/// ``InquiryKeywords/table``, from the line's bytes and without making a `String` per word,
/// so each finder knows which lines can give it anything without reading them. What that
/// lookup gives an ASCII line's words is kept too (vocabulary indices for ``indexed(at:)``
/// and ``textIndexed``, timeline cue flags for ``anyWord(at:starting:_:)``); the words
/// themselves (``words(at:)``) are made only for the lines a finder reads.
///
/// A class: the finders share one text's lines by one reference (a struct of six arrays
/// was retained array by array wherever it was copied), and the lazily made indices live
/// in it.
final class InquiryLines {
    static let maximumLines = 400
    static let maximumLineLength = 500

    /// (1-based line number, trimmed text) for every line, quoted ones emptied.
    let lines: [(number: Int, text: String)]
    /// What a byte scan says about each line, for the finders' prefilters.
    let traits: [Traits]
    /// Which requirement words (``InquiryKeywords``) each line's words hold.
    let presence: Presence
    /// The union of every line's ``presence``: a requirement no alternative of which it
    /// meets is met by no line nor pair of lines (``pairPresence(_:_:)`` is a union too).
    let textPresence: InquiryKeywords.PresenceSet

    /// Each line's presence set. A text of one line (most messages) keeps its one set in
    /// ``textPresence`` and makes no array of sets (whose copying code a cold pass pays for).
    struct Presence: RandomAccessCollection {
        /// Every line's set; empty for a text of one line.
        fileprivate let sets: [InquiryKeywords.PresenceSet]
        /// The text's set: line 0's when ``sets`` is empty.
        fileprivate let text: InquiryKeywords.PresenceSet
        fileprivate let lineCount: Int

        var startIndex: Int { 0 }
        var endIndex: Int { lineCount }

        subscript(index: Int) -> InquiryKeywords.PresenceSet {
            sets.isEmpty ? text : sets[index]
        }
    }

    struct Traits {
        var hasDigit = false
        var hasComma = false
        /// Whether a digit, `,` and three digits are in the line (a thousands group, as
        /// ``BudgetPhraseFinder`` asks).
        var hasThousandsGroup = false
        /// Whether a `$` is in the line.
        var hasDollar = false
        var isASCII = true
        /// ASCII digits in the line, counting stops at 255.
        var digits: UInt8 = 0
        var hasPlus = false
        /// Whether a CR byte is in the line.
        var hasCR = false
        /// Whether an apostrophe (`'`, or `’` in a line that is not ASCII) is in the line.
        var hasApostrophe = false
        /// Whether a control byte other than tab, FF and CR (or DEL) is in the line: what
        /// ``TextLegibility`` counts as noise, in ASCII.
        var hasControl = false
        /// Whether the bytes between two spaces or tabs (or the line's ends), a token, hold
        /// five or nine ASCII digits somewhere: what a ZIP word of ``AddressFinder`` needs.
        var hasZIPToken = false
        /// Whether a token that may be a house number (a digit, then up to five digits or
        /// capitals) comes before a word flagged ``InquiryKeywords/Flags/streetHead``: what a
        /// street of ``AddressFinder`` needs.
        var hasHouseNumberThenHead = false
        /// Whether a word flagged ``InquiryKeywords/Flags/cityStateLead`` is followed by a
        /// word that starts with a capital: what `in Austin, TX` needs.
        var hasLeadBeforeCapital = false
        /// The flags of the line's words (for a line that is not ASCII, of more: see
        /// ``scan(_:_:_:_:)``). A line that is not ASCII has no letter-run (budget) flags.
        var keywords: InquiryKeywords.Flags = []
    }

    /// The vocabulary indices (``VocabularyIndex``) of the words of every ASCII line, line
    /// after line (a line that is not ASCII adds none): what ``VocabularyIndex/words(ascii:)``
    /// gives for each, from the lookups the scan makes anyway.
    private let asciiWords: [IndexedWord]
    /// Line `i`'s words in ``asciiWords``: `wordStarts[i]..<wordStarts[i + 1]`.
    private let wordStarts: [Int32]
    /// Whether every line is ASCII (so ``asciiWords`` holds every word of the text).
    private let everyLineIsASCII: Bool

    init(_ text: String) {
        var builder = Builder(byteCount: text.utf8.count)
        // Lines as LineSplitter splits them: at an LF byte not preceded by CR.
        var copy = text
        copy.withUTF8 { bytes in
            builder.quotation.opensInline = BuilderQuotation.mayQuote(bytes)
            var lineStart = 0
            var searchFrom = 0
            while true {
                let lf = LineSplitter.firstLF(in: bytes, from: searchFrom)
                guard lf < bytes.count else { break }
                searchFrom = lf + 1
                if lf > 0, bytes[lf - 1] == 0x0D { continue }
                builder.add(UnsafeBufferPointer(rebasing: bytes[lineStart..<lf]), from: lineStart, of: text)
                if builder.lines.count == Self.maximumLines { return }
                lineStart = lf + 1
            }
            builder.add(UnsafeBufferPointer(rebasing: bytes[lineStart...]), from: lineStart, of: text)
        }
        lines = builder.lines
        traits = builder.traits
        presence = Presence(sets: builder.presence, text: builder.textPresence, lineCount: builder.lines.count)
        textPresence = builder.textPresence
        asciiWords = builder.words
        wordStarts = builder.wordStarts
        everyLineIsASCII = builder.everyLineIsASCII
    }

    /// What ``init(_:)`` collects, line by line (a struct of its own, so adding a line
    /// touches no captured variables).
    private struct Builder {
        var lines: [(number: Int, text: String)] = []
        var traits: [Traits] = []
        var presence: [InquiryKeywords.PresenceSet] = []
        var textPresence = InquiryKeywords.PresenceSet()
        var words: [IndexedWord] = []
        /// (Its 0 is appended in the init: a literal allocates, then reserving allocates again.)
        var wordStarts: [Int32] = []
        var everyLineIsASCII = true
        var quotation = BuilderQuotation()
        let table = InquiryKeywords.table
        /// The text's UTF-8 byte count.
        let byteCount: Int

        init(byteCount: Int) {
            self.byteCount = byteCount
            lines.reserveCapacity(8)
            traits.reserveCapacity(8)
            wordStarts.reserveCapacity(9)
            wordStarts.append(0)
            // (A word takes at least one byte and its separator another.)
            words.reserveCapacity(min(byteCount, Self.wordCapacityCap) / 2 + 1)
        }

        /// Past this, the word array grows as needed instead.
        private static let wordCapacityCap = 4_096

        /// Adds the line whose raw bytes are `raw`, at byte `start` of `text`.
        mutating func add(_ raw: UnsafeBufferPointer<UInt8>, from start: Int, of text: String) {
            let line: String
            var lineTraits = Traits()
            var linePresence = InquiryKeywords.PresenceSet()
            let earlier = lines
            let cover = quotation.cover(raw, previous: { BuilderQuotation.lastText(of: earlier) })
            if cover == .whole {
                // The builder's own words, quoted: kept empty, as a quoted (`>`) line is.
                line = ""
            } else if case .span(let span) = cover {
                // The prospect's words around them stay: the quoted part is spaced out.
                let utf8 = text.utf8
                let lower = utf8.index(utf8.startIndex, offsetBy: start)
                let rest = BuilderQuotation.spaced(String(text[lower..<utf8.index(lower, offsetBy: raw.count)]), span)
                line = InquiryLines.line(Substring(rest))
                var copy = line
                copy.withUTF8 { InquiryLines.scan($0, table, &lineTraits, &linePresence, &words) }
            } else if let kept = InquiryLines.asciiLine(raw) {
                // (A text that is one line kept whole, the common message, is that line.)
                line = kept.count == raw.count && raw.count == byteCount ? text
                    : String(decoding: UnsafeBufferPointer(rebasing: raw[kept]), as: UTF8.self)
                InquiryLines.scan(UnsafeBufferPointer(rebasing: raw[kept]), table, &lineTraits, &linePresence, &words)
            } else {
                let utf8 = text.utf8
                let lower = utf8.index(utf8.startIndex, offsetBy: start)
                line = InquiryLines.line(text[lower..<utf8.index(lower, offsetBy: raw.count)])
                var copy = line
                copy.withUTF8 { InquiryLines.scan($0, table, &lineTraits, &linePresence, &words) }
            }
            if !lineTraits.isASCII {
                var copy = line
                copy.withUTF8 { InquiryLines.scanFoldedWords($0, table, &linePresence) }
            }
            // (The sets are kept once there are two lines: before the second, the text's
            // set is the first line's.)
            if !lines.isEmpty {
                if presence.isEmpty {
                    presence.reserveCapacity(8)
                    presence.append(textPresence)
                }
                presence.append(linePresence)
            }
            lines.append((lines.count + 1, line))
            traits.append(lineTraits)
            textPresence.formUnion(linePresence)
            wordStarts.append(Int32(words.count))
            if !lineTraits.isASCII { everyLineIsASCII = false }
        }
    }

    // MARK: - Lines

    /// The line as kept: its first ``maximumLineLength`` characters, without leading spaces,
    /// tabs, lone CRs and no-break spaces nor trailing whitespace; empty when quoted.
    private static func line(_ raw: Substring) -> String {
        // (At most that many bytes are at most that many characters: nothing to cut.)
        var line = raw.utf8.count <= Self.maximumLineLength ? raw : Substring(raw.prefix(Self.maximumLineLength))
        line = line.drop { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\u{A0}" }
        while let last = line.last, last.isWhitespace { line = line.dropLast() }
        return line.first == ">" ? "" : String(line)
    }

    /// ``line(_:)`` for ASCII bytes, where a Character is one byte except CR LF (one
    /// Character, whitespace, not `"\r"`), as the bytes it keeps (none when quoted); nil
    /// when a byte is not ASCII.
    private static func asciiLine(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var end = 0
        var characters = 0
        if bytes.count <= Self.maximumLineLength {
            // Nothing to cut (at most that many bytes are at most that many Characters):
            // only whether every byte is ASCII, eight at a time.
            guard isASCII(bytes) else { return nil }
            end = bytes.count
        }
        while end < bytes.count, characters < Self.maximumLineLength {
            let byte = bytes[end]
            if byte >= 0x80 { return nil }
            end += byte == 0x0D && end + 1 < bytes.count && bytes[end + 1] == 0x0A ? 2 : 1
            characters += 1
        }
        // A non-ASCII scalar right after the cut may extend the last Character (a combining
        // mark): the Character path decides. (An ASCII byte never extends one, but LF after
        // CR, which the count takes with its CR.)
        if end < bytes.count, bytes[end] >= 0x80 { return nil }
        var start = 0
        while start < end {
            let byte = bytes[start]
            let isLoneCR = byte == 0x0D && !(start + 1 < end && bytes[start + 1] == 0x0A)
            guard byte == 0x20 || byte == 0x09 || isLoneCR else { break }
            start += 1
        }
        while end > start, bytes[end - 1] == 0x20 || (bytes[end - 1] >= 0x09 && bytes[end - 1] <= 0x0D) { end -= 1 }
        if start < end, bytes[start] == UInt8(ascii: ">") { return start..<start }
        return start..<end
    }

    /// Whether every byte is below 0x80.
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var index = 0
        var high: UInt64 = 0
        while index + 8 <= bytes.count {
            high |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < bytes.count {
            high |= UInt64(bytes[index])
            index += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }

    // MARK: - Words

    /// The traits of the line's UTF-8 `bytes`, and its words looked up: the words
    /// ``PhraseVocabulary/words(in:)`` makes (runs of letters, digits and `'`, lowercased)
    /// and, for the budget flags, the runs of letters (``BudgetPhraseFinder``'s words).
    ///
    /// A line that is not ASCII is read the same way, and every other scalar ends a word,
    /// but KELVIN SIGN (read as `k`, a capital) and `’` (read as `'`): only those lowercase to
    /// ASCII of their own, so a word of its lowercasing (made of Characters) that equals an
    /// ASCII string (every keyword is one) is such a run, bounded by a scalar that is no
    /// word character or by one that makes a neighbouring word non-ASCII. Its runs hold
    /// every such word and maybe more: its flags and presence bits are those of its words
    /// or more, which is what a prefilter may use. (Its letter-run flags are dropped: the
    /// budget finder reads such lines itself.)
    ///
    /// An ASCII line's words are also appended to `words` as vocabulary indices, as
    /// ``VocabularyIndex/words(ascii:)`` gives them.
    private static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, _ table: ASCIIWordTable, _ traits: inout Traits,
        _ presence: inout InquiryKeywords.PresenceSet, _ words: inout [IndexedWord]
    ) {
        // (One pass: the line's traits are counted along the words.)
        var digits = 0
        var isASCII = true
        let firstWord = words.count
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count + 1) { scratch in
            let word = UnsafeBufferPointer(scratch)
            var length = 0
            var hasDigit = false
            var hasApostrophe = false
            // Whether a byte of the word is no digit (a letter or apostrophe).
            var hasNonDigit = false
            // Whether the first letter or digit of the word is a capital (0: none seen yet).
            var capital: UInt8 = 0
            // Whether the last word was a city lead word.
            var afterLead = false
            // The current token (since the last space or tab): where it starts, its digits.
            var tokenStart = 0
            var tokenDigits = 0
            var afterHouseNumber = false
            // (Kept inline: called as a function, once per token, it costs more than its work.)
            @inline(__always) func finishToken(at end: Int) {
                if tokenDigits == 5 || tokenDigits == 9 { traits.hasZIPToken = true }
                if end - tokenStart >= 1, end - tokenStart <= 6, bytes[tokenStart] >= 0x30, bytes[tokenStart] <= 0x39,
                   bytes[(tokenStart + 1)..<end].allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) }) {
                    afterHouseNumber = true
                }
                tokenStart = end + 1
                tokenDigits = 0
            }
            func finish() {
                if length > 0 {
                    let (raw, stem, cues) = lookUp(word, length, hasDigit: hasDigit, hasApostrophe: hasApostrophe,
                                                   startsCapital: capital == 2, scratch: scratch, table, &traits, &presence)
                    // (Dropped again below if a later byte is not ASCII.)
                    words.append(IndexedWord(raw: raw, stem: stem, numeric: !hasNonDigit, cues: cues))
                    if afterLead, capital == 2 { traits.hasLeadBeforeCapital = true }
                    afterLead = cues.contains(.cityStateLead)
                    if afterHouseNumber, cues.contains(.streetHead) { traits.hasHouseNumberThenHead = true }
                }
                length = 0
                hasDigit = false
                hasApostrophe = false
                hasNonDigit = false
                capital = 0
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte >= 0x80 {
                    isASCII = false
                    // KELVIN SIGN (E2 84 AA) and RIGHT SINGLE QUOTATION MARK (E2 80 99) join
                    // words; any other scalar ends one.
                    let kelvin = byte == 0xE2 && index + 2 < bytes.count && bytes[index + 1] == 0x84 && bytes[index + 2] == 0xAA
                    let quote = byte == 0xE2 && index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x99
                    if kelvin {
                        if capital == 0 { capital = 2 }
                        scratch[length] = UInt8(ascii: "k")
                        length += 1
                        hasNonDigit = true
                    } else if quote {
                        scratch[length] = 0x27
                        length += 1
                        hasApostrophe = true
                        traits.hasApostrophe = true
                        hasNonDigit = true
                    } else {
                        finish()
                    }
                    index += 1
                    while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
                    continue
                }
                let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                if lower >= 0x61 && lower <= 0x7A {
                    if capital == 0 { capital = lower == byte ? 1 : 2 }
                    scratch[length] = lower
                    length += 1
                    hasNonDigit = true
                    index += 1
                    // The rest of a run of letters (most bytes), which changes nothing else:
                    // a byte ORed with 0x20 is a-z exactly when the byte is a letter.
                    while index < bytes.count {
                        let folded = bytes[index] | 0x20
                        guard folded &- 0x61 < 26 else { break }
                        scratch[length] = folded
                        length += 1
                        index += 1
                    }
                    continue
                } else if lower >= 0x30 && lower <= 0x39 {
                    if capital == 0 { capital = 1 }
                    scratch[length] = lower
                    length += 1
                    hasDigit = true
                    digits += 1
                    tokenDigits += 1
                } else if lower == 0x27 {
                    scratch[length] = lower
                    length += 1
                    hasApostrophe = true
                    traits.hasApostrophe = true
                    hasNonDigit = true
                } else {
                    switch byte {
                    case 0x2C:
                        traits.hasComma = true
                        if isThousandsGroup(bytes, comma: index) { traits.hasThousandsGroup = true }
                    case 0x24: traits.hasDollar = true
                    case 0x2B: traits.hasPlus = true
                    case 0x0D: traits.hasCR = true
                    case 0x20, 0x09: finishToken(at: index)
                    case 0x00...0x08, 0x0B, 0x0E...0x1F, 0x7F: traits.hasControl = true
                    default: break
                    }
                    finish()
                }
                index += 1
            }
            finishToken(at: bytes.count)
            finish()
        }
        traits.isASCII = isASCII
        traits.hasDigit = digits > 0
        traits.digits = UInt8(min(digits, 255))
        if !isASCII {
            traits.keywords.subtract(InquiryKeywords.Flags.letterRun)
            words.removeSubrange(firstWord...)
        }
    }

    /// Adds to `presence` the words of a line that is not ASCII which hold a Latin letter
    /// with an accent, read as its base letter (``LatinLetterFolding``: "remodelación" as the
    /// vocabularies' "remodelacion"); the line's words are read as Strings, and folded so, by
    /// the vocabulary readers. Apart from the scan: only lines with such a letter pay for it.
    private static func scanFoldedWords(
        _ bytes: UnsafeBufferPointer<UInt8>, _ table: ASCIIWordTable, _ presence: inout InquiryKeywords.PresenceSet
    ) {
        guard bytes.contains(0xC3) else { return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count + 1) { scratch in
            let word = UnsafeBufferPointer(scratch)
            var length = 0
            var folded = false
            var index = 0
            while index <= bytes.count {
                let byte = index < bytes.count ? bytes[index] : 0x20
                var letter: UInt8?
                if byte == 0xC3, index + 1 < bytes.count, let base = LatinLetterFolding.baseLetter(afterC3: bytes[index + 1]) {
                    letter = base
                    folded = true
                    index += 1
                } else if byte < 0x80 {
                    let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    if lower &- 0x61 < 26 || lower &- 0x30 < 10 || lower == 0x27 { letter = lower }
                }
                if let letter {
                    scratch[length] = letter
                    length += 1
                } else {
                    if folded {
                        let (raw, stem) = tableValues(word, length, table)
                        presence.insert(raw: InquiryKeywords.vocabularyIndex(raw), stem: InquiryKeywords.vocabularyIndex(stem))
                    }
                    length = 0
                    folded = false
                    // (The rest of another scalar.)
                    while index + 1 < bytes.count, bytes[index + 1] & 0xC0 == 0x80 { index += 1 }
                }
                index += 1
            }
        }
    }

    /// The table's values of `word[0..<length]` as written and as a stem (PhraseVocabulary.stem:
    /// a final "s" goes from words of four or more bytes not ending in "ss", "us" or "is").
    @inline(__always)
    private static func tableValues(
        _ word: UnsafeBufferPointer<UInt8>, _ length: Int, _ table: ASCIIWordTable
    ) -> (raw: UInt64, stem: UInt64) {
        let raw = table.value(of: word, 0..<length)
        let stem = length > 3 && word[length - 1] == 0x73 && word[length - 2] != 0x73 && word[length - 2] != 0x75
            && word[length - 2] != 0x69 ? table.value(of: word, 0..<(length - 1)) : raw
        return (raw, stem)
    }

    /// Looks up one lowercase word `word[0..<length]`: as written, as a stem, without
    /// apostrophes (timeline, street heads) and as runs of letters (budget). `startsCapital`:
    /// its first letter or digit was a capital (street heads need one). `scratch` holds at
    /// least `length` bytes and may be the word's own storage: it is only written for a
    /// word with apostrophes, after the other lookups. Returns the word's vocabulary indices
    /// (as written, stemmed; -1: none) and its timeline cue flags (``IndexedWord/cues``).
    private static func lookUp(
        _ word: UnsafeBufferPointer<UInt8>, _ length: Int, hasDigit: Bool, hasApostrophe: Bool, startsCapital: Bool,
        scratch: UnsafeMutableBufferPointer<UInt8>, _ table: ASCIIWordTable, _ traits: inout Traits,
        _ presence: inout InquiryKeywords.PresenceSet
    ) -> (raw: Int32, stem: Int32, cues: InquiryKeywords.Flags) {
        let (raw, stem) = tableValues(word, length, table)
        var flags = InquiryKeywords.flags(raw)
        let rawIndex = InquiryKeywords.vocabularyIndex(raw)
        let stemIndex = InquiryKeywords.vocabularyIndex(stem)
        presence.insert(raw: rawIndex, stem: stemIndex)
        // Budget: the runs of letters of the word (the word itself when it has only letters).
        if hasDigit || hasApostrophe {
            flags.subtract(InquiryKeywords.Flags.letterRun)
            var start = 0
            while start < length {
                guard word[start] >= 0x61 else { start += 1; continue }
                var end = start + 1
                while end < length, word[end] >= 0x61 { end += 1 }
                flags.formUnion(InquiryKeywords.flags(table.value(of: word, start..<end)).intersection(InquiryKeywords.Flags.letterRun))
                start = end
            }
        }
        // Timeline and street heads: the word without apostrophes; a year is "20" and two
        // more digits.
        // (Whether a timeline phrase may start at the word is asked of it so too: no start
        // word holds an apostrophe, and all digits without them may start one.)
        if hasApostrophe {
            let bareFlags: InquiryKeywords.Flags = [.timeline, .streetHead, .timelineStart]
            flags.subtract(bareFlags)
            var stripped = 0
            var digits = 0
            for index in 0..<length where word[index] != 0x27 {
                if word[index] &- 0x30 < 10 { digits += 1 }
                scratch[stripped] = word[index]
                stripped += 1
            }
            let bare = UnsafeBufferPointer(scratch)
            flags.formUnion(InquiryKeywords.flags(table.value(of: bare, 0..<stripped)).intersection(bareFlags))
            if isYear(bare, stripped) { flags.insert(.timeline) }
            if stripped > 0, digits == stripped { flags.insert(.timelineStart) }
        } else if hasDigit, isYear(word, length) {
            flags.insert(.timeline)
        }
        if !startsCapital { flags.remove(.streetHead) }
        traits.keywords.formUnion(flags)
        // (The cue flags are those of the word as written: nothing above changes them.)
        return (rawIndex, stemIndex, flags.intersection(IndexedWord.cueFlags.union([.cityStateLead, .streetHead, .timelineStart])))
    }

    /// Whether the `,` at `comma` follows a digit and precedes three digits.
    @inline(__always)
    private static func isThousandsGroup(_ bytes: UnsafeBufferPointer<UInt8>, comma: Int) -> Bool {
        @inline(__always) func isDigit(_ index: Int) -> Bool { bytes[index] &- 0x30 < 10 }
        guard comma >= 1, comma + 3 < bytes.count else { return false }
        return isDigit(comma - 1) && isDigit(comma + 1) && isDigit(comma + 2) && isDigit(comma + 3)
    }

    @inline(__always)
    private static func isYear(_ word: UnsafeBufferPointer<UInt8>, _ length: Int) -> Bool {
        length == 4 && word[0] == 0x32 && word[1] == 0x30 && word[2] >= 0x30 && word[2] <= 0x39 && word[3] >= 0x30 && word[3] <= 0x39
    }

    /// The indices of every ASCII line's words (``asciiIndexed(_:)`` of them all), made on
    /// first use (most texts never ask).
    private var allASCII: VocabularyWords?

    /// The words of `lines[index].text`, as ``PhraseVocabulary/words(in:)`` splits them.
    ///
    /// Split on each call: a line's words are asked for once on nearly every text (the
    /// timeline reading; the vocabulary readings read an ASCII line's indices), and a
    /// cache of them costs more code than it spares.
    func words(at index: Int) -> [String] {
        PhraseVocabulary.words(in: lines[index].text)
    }

    /// The words of `lines[index].text + " " + lines[next].text`, as
    /// ``PhraseVocabulary/words(in:)`` splits them: those of the first line then those of the
    /// second, unless the space joins a character of either (``joinsPlainly(_:_:)``).
    func pairWords(_ index: Int, _ next: Int) -> [String] {
        if joinsPlainly(index, next) { return words(at: index) + words(at: next) }
        return PhraseVocabulary.words(in: lines[index].text + " " + lines[next].text)
    }

    /// Whether the words of `lines[index].text + " " + lines[next].text` are those of the
    /// first line then those of the second.
    ///
    /// Words are split from the lowercased text by Characters, and lowercasing maps each
    /// scalar on its own. The space is a Character of its own (a separator) unless the
    /// scalar before it is a Prepend or the one after it an Extend, ZWJ or SpacingMark
    /// (grapheme break rules GB9, GB9a, GB9b; the rules that look further back stop at a
    /// space): the last scalar of the first line's lowercasing and the first of the
    /// second's decide it. With it a Character of its own, the Characters before and after
    /// it are those of each line alone. ASCII scalars are none of those.
    func joinsPlainly(_ index: Int, _ next: Int) -> Bool {
        guard let last = lines[index].text.unicodeScalars.last, let first = lines[next].text.unicodeScalars.first else {
            return true
        }
        if last.isASCII && first.isASCII { return true }
        guard let before = last.properties.lowercaseMapping.unicodeScalars.last,
              let after = first.properties.lowercaseMapping.unicodeScalars.first else { return false }
        var probe = String.UnicodeScalarView()
        probe.append(before)
        probe.append(" ")
        probe.append(after)
        return String(probe).count == 3
    }

    /// The presence set of the words ``pairWords(_:_:)`` gives, or more: the union of both
    /// lines' (the space between them ends a run of ``scan(_:_:_:_:)``, and a word of the
    /// pair equal to an ASCII string is such a run of one line or the other).
    func pairPresence(_ index: Int, _ next: Int) -> InquiryKeywords.PresenceSet {
        var result = presence[index]
        result.formUnion(presence[next])
        return result
    }

    /// The words of `lines[index].text` as vocabulary indices (``VocabularyIndex``),
    /// nil for a line with a word that may equal a vocabulary
    /// string without having its bytes.
    func indexed(at index: Int) -> VocabularyWords? {
        // An ASCII line's indices were recorded by the scan (and those of a line holding
        // every word of the text are made once: asked as the line's and the text's). Not
        // kept per line: a cache of these values costs more code than the copy it spares.
        traits[index].isASCII ? asciiIndexed(Int(wordStarts[index])..<Int(wordStarts[index + 1]))
            : VocabularyIndex.words(ascii: lines[index].text) ?? VocabularyIndex.words(words(at: index))
    }

    /// The words of every line as vocabulary indices, one line after another (the words
    /// ``indexed(at:)`` gives for each), and where each line's start: line `i`'s are
    /// `starts[i]..<starts[i + 1]`. Nil when a line has none.
    var textIndexed: (words: VocabularyWords, starts: [Int32])? {
        if everyLineIsASCII { return (asciiIndexed(0..<asciiWords.count), wordStarts) }
        var raw: [Int32] = []
        var stem: [Int32] = []
        var numeric: [Bool] = []
        var starts: [Int32] = [0]
        starts.reserveCapacity(lines.count + 1)
        for index in lines.indices {
            if traits[index].isASCII {
                for word in asciiWords[Int(wordStarts[index])..<Int(wordStarts[index + 1])] {
                    raw.append(word.raw)
                    stem.append(word.stem)
                    numeric.append(word.numeric)
                }
            } else {
                guard let words = indexed(at: index) else { return nil }
                raw += words.raw
                stem += words.stem
                numeric += words.numeric
            }
            starts.append(Int32(raw.count))
        }
        var words = VocabularyWords()
        words.raw = raw
        words.stem = stem
        words.numeric = numeric
        return (words, starts)
    }

    /// The `stem` indices of ``textIndexed`` alone, and its `starts`: for a text of ASCII
    /// lines, one array taken from the scan's words (not the three ``textIndexed`` makes).
    var textStems: (stems: [Int32], starts: [Int32])? {
        if everyLineIsASCII { return (asciiWords.map(\.stem), wordStarts) }
        return textIndexed.map { ($0.words.stem, $0.starts) }
    }

    /// Whether the word after words `range` of ``textStems`` (of a text of ASCII lines), on
    /// the same line, is a capitalised street head word: the words name a road ("Hamilton
    /// Pool Rd", "Pool Creek Dr"). False for other texts.
    func isStreetName(words range: Range<Int>) -> Bool {
        guard everyLineIsASCII, !range.isEmpty, range.upperBound < asciiWords.count,
              asciiWords[range.upperBound].cues.contains(.streetHead) else { return false }
        return lineNumber(ofWord: range.upperBound, starts: wordStarts) == lineNumber(ofWord: range.upperBound - 1, starts: wordStarts)
    }

    /// The 1-based number of the line that word `wordIndex` of ``textIndexed`` is on, given
    /// its `starts`.
    func lineNumber(ofWord wordIndex: Int, starts: [Int32]) -> Int {
        // The first line whose words end after it (a line without words ends where it starts).
        var low = 0
        var high = lines.count - 1
        while low < high {
            let middle = (low + high) / 2
            if Int(starts[middle + 1]) > wordIndex { high = middle } else { low = middle + 1 }
        }
        return lines[low].number
    }

    /// The words `range` of ``asciiWords``: made once for all of them (a text of one line
    /// with words asks for those as its text's and as its line's).
    private func asciiIndexed(_ range: Range<Int>) -> VocabularyWords {
        guard range == 0..<asciiWords.count else { return copyIndexed(range) }
        if let all = allASCII { return all }
        let all = copyIndexed(range)
        allASCII = all
        return all
    }

    private func copyIndexed(_ range: Range<Int>) -> VocabularyWords {
        // (Reserved first: three allocations, no growth.)
        var raw: [Int32] = []
        var stem: [Int32] = []
        var numeric: [Bool] = []
        raw.reserveCapacity(range.count)
        stem.reserveCapacity(range.count)
        numeric.reserveCapacity(range.count)
        for index in range {
            let word = asciiWords[index]
            raw.append(word.raw)
            stem.append(word.stem)
            numeric.append(word.numeric)
        }
        var words = VocabularyWords()
        words.raw = raw
        words.stem = stem
        words.numeric = numeric
        return words
    }

    /// A word's entry in ``VocabularyWords``, and its cue flags.
    struct IndexedWord {
        var raw: Int32
        var stem: Int32
        var numeric: Bool
        /// Which ``TimelinePhraseFinder`` cues the word as written starts (``cueFlags``),
        /// and whether it is a city lead word, a street head (capitalised) or a timeline
        /// phrase's start word (without its apostrophes: see ``mayStartTimeline(at:word:)``).
        var cues: InquiryKeywords.Flags

        static let cueFlags: InquiryKeywords.Flags = [.futureCue, .pastCue, .timingCue]
    }

    /// Whether a ``TimelinePhrase`` match may start at word `position` of ASCII line `index`,
    /// as ``TimelinePhrase`` tests the word without its apostrophes: a start word or all
    /// digits (a word with an apostrophe is flagged so by the scan).
    func mayStartTimeline(at index: Int, word position: Int) -> Bool {
        precondition(traits[index].isASCII, "only an ASCII line's words are recorded")
        let word = asciiWords[Int(wordStarts[index]) + position]
        return word.numeric || word.cues.contains(.timelineStart)
    }

    /// Whether `body` is true for a position of a word of ASCII line `index` whose cue flags
    /// hold `kind`: the line's words are those ``words(at:)`` gives, in order, so a position
    /// where one of its cues of that kind starts is one of those.
    func anyWord(at index: Int, starting kind: InquiryKeywords.Flags, _ body: (Int) -> Bool) -> Bool {
        precondition(traits[index].isASCII, "only an ASCII line's words are recorded")
        let first = Int(wordStarts[index])
        for position in first..<Int(wordStarts[index + 1]) where asciiWords[position].cues.contains(kind) {
            if body(position - first) { return true }
        }
        return false
    }

    /// The vocabulary indices of the words ``pairWords(_:_:)`` gives; nil as for a line.
    func pairIndexed(_ index: Int, _ next: Int) -> VocabularyWords? {
        guard joinsPlainly(index, next) else { return VocabularyIndex.words(pairWords(index, next)) }
        guard var words = indexed(at: index), let second = indexed(at: next) else { return nil }
        words.append(contentsOf: second)
        return words
    }

    /// The text with quoted lines emptied (for scanners that report their own line numbers).
    var joined: String {
        // (Sized once: the lines and a separator after each but the last.)
        var result = ""
        result.reserveCapacity(lines.reduce(lines.count) { $0 + $1.text.utf8.count })
        for (index, line) in lines.enumerated() {
            if index > 0 { result += "\n" }
            result += line.text
        }
        return result
    }

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

/// A quotation the prospect says is the builder's own text ("I saw this on your website:"
/// then a paragraph in quotation marks, or `your ad says "..."` on one line): its phone,
/// prices and words are the builder's, not the prospect's. It opens at a `"` or `“` that
/// starts a line right after a line citing the builder (``citesBuilder(_:)``, blank lines
/// between allowed), or at the first such mark of a line after a cue earlier on that line;
/// and ends at the closing mark, at a blank line, or after ``maximumLines`` lines. The
/// prospect's own words before the opening mark and after the closing one stay.
struct BuilderQuotation {
    static let maximumLines = 15
    /// Lines of the open quotation still to cover (0: none open).
    private var remaining = 0
    /// Whether a quotation may open after a cue on its own line (false when the text has no
    /// quotation mark or no `you`: ``mayQuote(_:)``).
    var opensInline = true

    /// What of a line a quotation covers.
    enum Cover: Equatable {
        case none
        /// The whole line.
        case whole
        /// These bytes of the line (the prospect's own words are around them).
        case span(Range<Int>)
    }

    /// Words that, after `your `, cite something of the builder's.
    private static let cues: [StaticString] = [
        "website", "web site", "site", " ad ", " ad:", " ad,", " ads", "advert", "listing", "page", "brochure",
        "flyer", "profile", "sign", "email", "e-mail", "proposal", "quote", "estimate", " bid", "post", "message",
        "letter",
    ]
    /// Words that cite the builder without `your `.
    private static let sayingCues: [StaticString] = ["you wrote", "you said", "you mentioned", "you quoted"]

    /// What of the line of raw bytes `bytes` (the next line of the text) is in such a
    /// quotation; `previous` gives the last non-empty line before it, asked only when the
    /// line opens with a quotation mark.
    mutating func cover(_ bytes: UnsafeBufferPointer<UInt8>, previous: () -> String?) -> Cover {
        var start = 0
        while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 || bytes[start] == 0x0D { start += 1 }
        if remaining > 0 {
            guard start < bytes.count else {
                remaining = 0
                return .none
            }
            guard let close = Self.closingMarkEnd(in: bytes, from: start) else {
                remaining -= 1
                return .whole
            }
            remaining = 0
            return Self.isBlank(bytes, from: close) ? .whole : .span(0..<close)
        }
        guard start < bytes.count else { return .none }
        if let afterMark = Self.openingMark(bytes, at: start), let cited = previous(), Self.citesBuilder(cited) {
            return open(bytes, at: start, after: afterMark, lineStart: start)
        }
        guard opensInline, let mark = Self.firstOpeningMark(bytes, from: start), mark > start,
              Self.citesBuilder(UnsafeBufferPointer(rebasing: bytes[start..<mark])) else { return .none }
        return open(bytes, at: mark, after: Self.openingMark(bytes, at: mark) ?? mark + 1, lineStart: start)
    }

    /// Opens the quotation whose mark is at `mark` (its text from `afterMark`): the line's
    /// part it covers.
    private mutating func open(_ bytes: UnsafeBufferPointer<UInt8>, at mark: Int, after afterMark: Int, lineStart: Int) -> Cover {
        if let close = Self.closingMarkEnd(in: bytes, from: afterMark) {
            return mark == lineStart && Self.isBlank(bytes, from: close) ? .whole : .span(mark..<close)
        }
        remaining = Self.maximumLines - 1
        return mark == lineStart ? .whole : .span(mark..<bytes.count)
    }

    /// Whether `bytes` may hold a quotation of the builder's: a quotation mark (`"` or `“`)
    /// and `you`, found eight bytes at a time before any folded search.
    static func mayQuote(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        // (One pass for both `"` and the lead byte of `“`: a byte equal to either is a zero
        // byte of the word XORed with it repeated.)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quote = UInt64(0x22) &* ones
        let lead = UInt64(0xE2) &* ones
        var index = 0
        var candidate = bytes.count
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            let a = word ^ quote
            let b = word ^ lead
            if ((a &- ones) & ~a | (b &- ones) & ~b) & highs != 0 {
                candidate = index
                break
            }
            index += 8
        }
        if candidate == bytes.count { candidate = index }
        var hasMark = false
        for position in candidate..<bytes.count {
            if bytes[position] == 0x22 || (bytes[position] == 0xE2 && position + 2 < bytes.count
                                           && bytes[position + 1] == 0x80 && bytes[position + 2] == 0x9C) {
                hasMark = true
                break
            }
        }
        return hasMark && FoldedSearch.contains(bytes, "you")
    }

    /// ``mayQuote(_:)`` of a String's UTF-8.
    static func mayQuote(in text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { mayQuote($0) }
    }

    /// `text` with the quotations of the builder's own text spaced out (lines and their
    /// numbers kept); nil when it has none. Read on the bytes, lines split at LF: a copy is
    /// made only for a text with such a quotation.
    static func blanked(_ text: String) -> String? {
        var copy = text
        return copy.withUTF8 { bytes -> String? in
            guard mayQuote(bytes) else { return nil }
            var quotation = BuilderQuotation()
            var spans: [Range<Int>] = []
            // The last line not empty nor covered, and its number: `previous` of the next three.
            var lastText: (range: Range<Int>, line: Int)?
            var lineStart = 0
            var line = 0
            while lineStart <= bytes.count {
                let end = LineSplitter.firstIndex(of: 0x0A, in: bytes, from: lineStart)
                line += 1
                let raw = UnsafeBufferPointer(rebasing: bytes[lineStart..<end])
                let cover = quotation.cover(raw) {
                    guard let lastText, line - lastText.line <= 3 else { return nil }
                    return String(decoding: UnsafeBufferPointer(rebasing: bytes[lastText.range]), as: UTF8.self)
                }
                switch cover {
                case .none:
                    if raw.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) { lastText = (lineStart..<end, line) }
                case .whole: spans.append(lineStart..<end)
                case .span(let span): spans.append((lineStart + span.lowerBound)..<(lineStart + span.upperBound))
                }
                lineStart = end + 1
            }
            guard !spans.isEmpty else { return nil }
            var spaced = Array(bytes)
            for span in spans { for index in span { spaced[index] = 0x20 } }
            return String(decoding: spaced, as: UTF8.self)
        }
    }

    /// `line` with the bytes of `span` (whole scalars: from a mark to a mark) made spaces.
    static func spaced(_ line: String, _ span: Range<Int>) -> String {
        var bytes = Array(line.utf8)
        for index in span where index < bytes.count { bytes[index] = 0x20 }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether a line of `text` starts (after spaces and tabs) with `"` or `“`, as a
    /// quotation must: on the bytes, before any line of the text is made.
    static func mayOpen(in text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            var atLineStart = true
            for index in bytes.indices {
                let byte = bytes[index]
                if byte == 0x0A {
                    atLineStart = true
                } else if atLineStart, byte != 0x20, byte != 0x09, byte != 0x0D {
                    if openingMark(bytes, at: index) != nil { return true }
                    atLineStart = false
                }
            }
            return false
        }
    }

    /// Whether `text` cites the builder's website, ad, listing, sign or mail.
    static func citesBuilder(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { citesBuilder($0) }
    }

    /// ``citesBuilder(_:)-(String)`` on bytes.
    static func citesBuilder(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if FoldedSearch.contains(bytes, "your "), cues.contains(where: { FoldedSearch.contains(bytes, $0) }) { return true }
        return sayingCues.contains { FoldedSearch.contains(bytes, $0) }
    }

    /// The text of the last non-empty line of `lines` among its last three.
    static func lastText(of lines: [(number: Int, text: String)]) -> String? {
        lines.suffix(3).last(where: { !$0.text.isEmpty })?.text
    }

    /// Past `"` or `“` at `index`, or nil.
    private static func openingMark(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        if bytes[index] == 0x22 { return index + 1 }
        if bytes[index] == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x9C { return index + 3 }
        return nil
    }

    /// Past the first `"` or `”` in `bytes` from `start`, or nil.
    private static func closingMarkEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if bytes[index] == 0x22 { return index + 1 }
            if bytes[index] == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x9D { return index + 3 }
            index += 1
        }
        return nil
    }

    /// Where the first `"` or `“` in `bytes` from `start` is, or nil.
    private static func firstOpeningMark(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if openingMark(bytes, at: index) != nil { return index }
            index += 1
        }
        return nil
    }

    /// Whether `bytes` from `start` are only spaces, tabs and CRs.
    private static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        bytes[start...].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
