/// ``PersonNameNormalizer/parse(_:)`` for ASCII text without CR, read from its bytes: a
/// Character is one byte there and whitespace is 0x09-0x0D and space, so each step of
/// ``PersonNameNormalizer/generalParse(_:)`` is done on byte ranges, with table keys packed
/// into integers, and Strings made only for the parts kept.
extension PersonNameNormalizer {
    /// The name of ASCII text without CR (`.some(nil)`: not a name); nil for other text.
    static func asciiParse(_ raw: String) -> PersonName?? {
        asciiParts(raw).map { $0.map(withCompoundGivenName) }
    }

    private static func asciiParts(_ raw: String) -> PersonName?? {
        var copy = raw
        return copy.withUTF8 { bytes -> PersonName?? in
            guard !bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return nil }
            // Cleaned text, token bounds and output each fit in these sizes (an initial "Q"
            // becomes "Q.", so output takes at most twice the text).
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 3 * bytes.count + 4) { scratch in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * bytes.count + 4) { bounds in
                    let text = UnsafeMutableBufferPointer(rebasing: scratch[0..<(bytes.count + 1)])
                    let output = UnsafeMutableBufferPointer(rebasing: scratch[(bytes.count + 1)...])
                    let length = cleanASCII(bytes, into: text)
                    return .some(parseCleanedASCII(UnsafeBufferPointer(rebasing: text[0..<length]), bounds: bounds, output: output))
                }
            }
        }
    }

    /// ``parse(_:)`` of the commonest names, two to six words kept as written (`Jane Doe`,
    /// `Patrick O'Neil`, `Beth Ann Marsh`, `José García`, and with `couples` `José and María
    /// Núñez`); nil for any other text, which the full reading takes.
    ///
    /// The words are ASCII letters, "'", "-" and Latin letters U+00C0-U+024F (but × and ÷),
    /// each with an ASCII letter, one space between and none around; the ASCII letters show
    /// both upper and lower case (so nothing is recased); the first word is no honorific, the
    /// last no suffix nor `Family` (a word with a non-ASCII letter is none of those), and the
    /// first word of the last name is no initial (one letter). Cleaning leaves such text as
    /// it is (no quote, bracket, comma, CR or other whitespace; those Latin letters are whole
    /// Characters) and the full reading gives the first word as first name and the rest as
    /// last name: one pass over the bytes stands in for the cleaning, the scratch buffers and
    /// the general reader (a few KB of code run once per name, and for non-ASCII names the
    /// String-by-String path).
    ///
    /// With `couples`, one `and` neither first nor last makes a couple
    /// (``couple(_:first:conjunction:partnerEnd:restLength:)``); without, no word is `and`.
    static func plainName(_ bytes: UnsafeBufferPointer<UInt8>, couples: Bool = false) -> PersonName? {
        plainParts(bytes, couples: couples).map(withCompoundGivenName)
    }

    private static func plainParts(_ bytes: UnsafeBufferPointer<UInt8>, couples: Bool) -> PersonName? {
        let tables = ASCIINameTables.shared
        var hasLower = false
        var hasUpper = false
        var words = 0
        var wordStart = 0
        var wordHasLetter = false
        var firstEnd = 0
        var secondLength = 0
        // The `and` (its bytes and word number), the end of the word after it and the length
        // of the one after that (0: none).
        var conjunction: (range: Range<Int>, word: Int)?
        var partnerEnd = 0
        var restLength = 0
        var index = 0
        // The end of the text ends the last word, as a space would.
        while index <= bytes.count {
            let byte = index < bytes.count ? bytes[index] : 0x20
            switch byte {
            case 0x61...0x7A:
                hasLower = true
                wordHasLetter = true
            case 0x41...0x5A:
                hasUpper = true
                wordHasLetter = true
            case UInt8(ascii: "'"), UInt8(ascii: "-"):
                break
            case 0x20:
                // (An empty word, from a space at an end or two in a row, has no letter.)
                guard wordHasLetter, words < 6 else { return nil }
                // (A key with a byte from 0x80 up matches no table word: they are ASCII.)
                let key = ASCIINameTables.key(bytes, wordStart, index, droppingPeriods: true)
                if tables.isConjunction(key) {
                    guard couples, conjunction == nil, words > 0, index < bytes.count else { return nil }
                    conjunction = (wordStart..<index, words)
                } else if let conjunction, words == conjunction.word + 1 {
                    partnerEnd = index
                } else if let conjunction, words == conjunction.word + 2 {
                    restLength = index - wordStart
                }
                if words == 0 {
                    guard tables.honorific(key) == nil else { return nil }
                    firstEnd = index
                } else if words == 1 {
                    secondLength = index - wordStart
                }
                if index == bytes.count, tables.suffix(key) != nil || key == tables.familyKey { return nil }
                words += 1
                wordStart = index + 1
                wordHasLetter = false
            case 0xC3:
                // U+00C0-U+00FF but U+00D7 and U+00F7.
                guard index + 1 < bytes.count, bytes[index + 1] >= 0x80, bytes[index + 1] <= 0xBF,
                      bytes[index + 1] != 0x97, bytes[index + 1] != 0xB7 else { return nil }
                index += 1
            case 0xC4...0xC9:
                // U+0100-U+024F.
                guard index + 1 < bytes.count, bytes[index + 1] >= 0x80,
                      bytes[index + 1] <= (byte == 0xC9 ? 0x8F : 0xBF) else { return nil }
                index += 1
            default:
                return nil
            }
            index += 1
        }
        guard hasLower, hasUpper, words >= 2 else { return nil }
        if let conjunction {
            return couple(bytes, first: firstEnd, conjunction: conjunction, partnerEnd: partnerEnd,
                          restLength: conjunction.word == 1 ? restLength : secondLength)
        }
        // A one-byte second word (with a letter: an initial) would be a middle name, or a
        // last initial, written `W.`.
        guard secondLength > 1 else { return nil }
        return PersonName(
            first: String(decoding: UnsafeBufferPointer(rebasing: bytes[..<firstEnd]), as: UTF8.self),
            last: String(decoding: UnsafeBufferPointer(rebasing: bytes[(firstEnd + 1)...]), as: UTF8.self))
    }

    /// ``plainName(_:)``'s couple, as the full reading takes one: the word after `and` is the
    /// partner; with one word before `and` (`José and María Núñez`) the words after the
    /// partner are the last name, else (`John Smith and Mary Jones`) the words between the
    /// first and `and`. Nil when that last name opens with an initial (`restLength`, the
    /// byte length of its first word, is 1: a middle initial or a last one, written `W.`).
    private static func couple(
        _ bytes: UnsafeBufferPointer<UInt8>, first firstEnd: Int, conjunction: (range: Range<Int>, word: Int), partnerEnd: Int,
        restLength: Int
    ) -> PersonName? {
        func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        let last = conjunction.word == 1 ? min(partnerEnd + 1, bytes.count)..<bytes.count : (firstEnd + 1)..<(conjunction.range.lowerBound - 1)
        guard last.isEmpty || restLength > 1 else { return nil }
        return PersonName(first: text(0..<firstEnd), last: last.isEmpty ? nil : text(last),
                          partnerFirst: text((conjunction.range.upperBound + 1)..<partnerEnd))
    }

    /// Quotes and asterisks dropped, bracketed notes (and the brackets) dropped, whitespace
    /// collapsed to single spaces and trimmed: ``generalParse(_:)``'s two collapsing passes in
    /// one (dropping bytes that are not whitespace and whitespace inside brackets, then
    /// collapsing, gives what collapsing before the bracket pass and after it gives).
    private static func cleanASCII(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var length = 0
        var pendingSpace = false
        var depth = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "*"):
                continue
            case UInt8(ascii: "("), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"):
                depth = max(0, depth - 1)
            case 0x20, 0x09...0x0D:
                if depth == 0 { pendingSpace = length > 0 }
            default:
                guard depth == 0 else { continue }
                if pendingSpace {
                    out[length] = 0x20
                    length += 1
                    pendingSpace = false
                }
                out[length] = byte
                length += 1
            }
        }
        return length
    }

    /// ``generalParse(_:)`` after cleaning, on a cleaned ASCII text (single spaces, no CR).
    /// `bounds` holds token starts and ends (at least `2 * text.count + 4` slots); `output`
    /// at least `2 * text.count + 2` bytes.
    private static func parseCleanedASCII(
        _ text: UnsafeBufferPointer<UInt8>, bounds: UnsafeMutableBufferPointer<Int>, output: UnsafeMutableBufferPointer<UInt8>
    ) -> PersonName? {
        guard !text.isEmpty else { return nil }
        var hasLower = false
        var hasUpper = false
        for byte in text {
            if byte == UInt8(ascii: "@") || (byte >= 0x30 && byte <= 0x39) { return nil }
            if byte >= 0x61 && byte <= 0x7A { hasLower = true }
            if byte >= 0x41 && byte <= 0x5A { hasUpper = true }
        }
        let recase = !hasLower || !hasUpper
        let tables = ASCIINameTables.shared

        // Comma parts, trimmed, empty ones dropped: five or more always end in nil (at most
        // two are taken out as suffixes, and only one or two may remain).
        var partStarts = (0, 0, 0, 0)
        var partEnds = (0, 0, 0, 0)
        var partCount = 0
        var start = 0
        for index in 0...text.count where index == text.count || text[index] == UInt8(ascii: ",") {
            var low = start
            var high = index
            start = index + 1
            while low < high, text[low] == 0x20 { low += 1 }
            while high > low, text[high - 1] == 0x20 { high -= 1 }
            guard low < high else { continue }
            switch partCount {
            case 0: partStarts.0 = low; partEnds.0 = high
            case 1: partStarts.1 = low; partEnds.1 = high
            case 2: partStarts.2 = low; partEnds.2 = high
            case 3: partStarts.3 = low; partEnds.3 = high
            default: return nil
            }
            partCount += 1
        }
        func part(_ index: Int) -> (Int, Int) {
            switch index {
            case 0: return (partStarts.0, partEnds.0)
            case 1: return (partStarts.1, partEnds.1)
            case 2: return (partStarts.2, partEnds.2)
            default: return (partStarts.3, partEnds.3)
            }
        }
        func key(_ bounds: (Int, Int)) -> UInt64 { ASCIINameTables.key(text, bounds.0, bounds.1, droppingPeriods: true) }

        var suffix: String?
        if partCount >= 2, let found = tables.suffix(key(part(partCount - 1))) {
            suffix = found
            partCount -= 1
        }
        if partCount >= 3, let found = tables.suffix(key(part(1))) {
            suffix = found
            // Remove part 1: the later parts move down.
            partStarts.1 = partStarts.2; partEnds.1 = partEnds.2
            partStarts.2 = partStarts.3; partEnds.2 = partEnds.3
            partCount -= 1
        }
        guard partCount == 1 || partCount == 2 else { return nil }

        // Tokens: bounds[2i] and bounds[2i + 1] are token i's start and end.
        var head = 0
        var tail = 0
        func appendTokens(of bounds0: (Int, Int)) {
            var tokenStart = -1
            for index in bounds0.0...bounds0.1 {
                if index == bounds0.1 || text[index] == 0x20 {
                    if tokenStart >= 0 {
                        bounds[2 * tail] = tokenStart
                        bounds[2 * tail + 1] = index
                        tail += 1
                        tokenStart = -1
                    }
                } else if tokenStart < 0 {
                    tokenStart = index
                }
            }
        }
        func token(_ index: Int) -> (Int, Int) { (bounds[2 * index], bounds[2 * index + 1]) }
        if partCount == 2 {
            appendTokens(of: part(1))
            while tail > 1, let found = tables.suffix(key(token(tail - 1))) {
                suffix = suffix ?? found
                tail -= 1
            }
        }
        appendTokens(of: part(0))

        // Honorifics, including "Mr. and Mrs." and "Dr. & Mr.".
        // The titles joined by " & ", appended in place (linear however many there are).
        var honorifics = ""
        var hasHonorific = false
        while tail - head > 1 {
            let first = key(token(head))
            if let title = tables.honorific(first) {
                if hasHonorific { honorifics += " & " }
                honorifics += title
                hasHonorific = true
                head += 1
            } else if hasHonorific, tables.isConjunction(first), tail - head > 2, tables.honorific(key(token(head + 1))) != nil {
                head += 1
            } else {
                break
            }
        }
        while tail - head > 1, let found = tables.suffix(key(token(tail - 1))) {
            suffix = suffix ?? found
            tail -= 1
        }
        // A household: "The Okafor Family", "Garcia family".
        var isFamily = false
        if tail - head > 1, key(token(tail - 1)) == tables.familyKey {
            isFamily = true
            tail -= 1
            if tail - head > 1, key(token(head)) == tables.theKey { head += 1 }
        }
        guard tail > head, tail - head <= 6 else { return nil }
        for index in head..<tail {
            let (low, high) = token(index)
            var hasLetter = false
            for position in low..<high where (text[position] | 0x20) >= 0x61 && (text[position] | 0x20) <= 0x7A {
                hasLetter = true
                break
            }
            // (The conjunctions as written: "and" has letters, "&" and "+" are one byte.)
            guard hasLetter || (high - low == 1 && (text[low] == UInt8(ascii: "&") || text[low] == UInt8(ascii: "+"))) else {
                return nil
            }
        }

        var result = PersonName(suffix: suffix, honorific: hasHonorific ? honorifics : nil)
        // One word after a title or before "Family" is a surname: "Mr & Mrs Smith", "Dr. Lee".
        if isFamily || hasHonorific, tail - head == 1, !tables.isConjunction(key(token(head))) {
            result.last = word(token(head), recase: recase, isFirst: true, text: text, output: output)
            return result
        }
        // Couples.
        if let conjunction = (head..<tail).first(where: { tables.isConjunction(key(token($0))) }) {
            guard conjunction > head, conjunction + 1 < tail else { return nil }
            result.partnerFirst = word(token(conjunction + 1), recase: recase, isFirst: true, text: text, output: output)
            if conjunction - head == 1 {
                // The one name before, then the words after the partner's first name.
                var kept = head + 1
                for index in (conjunction + 2)..<tail {
                    bounds[2 * kept] = bounds[2 * index]
                    bounds[2 * kept + 1] = bounds[2 * index + 1]
                    kept += 1
                }
                tail = kept
            } else {
                tail = conjunction
            }
        }

        result.first = word(token(head), recase: recase, isFirst: true, text: text, output: output)
        var rest = head + 1
        var length = 0
        while tail - rest > 1, let letter = initialLetter(token(rest), text) {
            if length > 0 {
                output[length] = 0x20
                length += 1
            }
            output[length] = letter >= 0x61 && letter <= 0x7A ? letter & ~0x20 : letter
            output[length + 1] = UInt8(ascii: ".")
            length += 2
            rest += 1
        }
        if length > 0 { result.middle = String(decoding: UnsafeBufferPointer(rebasing: output[0..<length]), as: UTF8.self) }
        if tail - rest == 1, let letter = initialLetter(token(rest), text) {
            // A last initial (`Dana W`, `Dana W.`) is written `W.`.
            result.last = String(decoding: [letter >= 0x61 && letter <= 0x7A ? letter & ~0x20 : letter, UInt8(ascii: ".")], as: UTF8.self)
        } else if rest < tail {
            length = 0
            for index in rest..<tail {
                if length > 0 {
                    output[length] = 0x20
                    length += 1
                }
                length = appendWord(token(index), recase: recase, isFirst: false, text: text, output: output, at: length)
            }
            result.last = String(decoding: UnsafeBufferPointer(rebasing: output[0..<length]), as: UTF8.self)
        }
        return result
    }

    /// The letter of an initial (`Q`, `Q.`: one byte but periods, a letter), or nil.
    private static func initialLetter(_ bounds: (Int, Int), _ text: UnsafeBufferPointer<UInt8>) -> UInt8? {
        var letter: UInt8?
        for position in bounds.0..<bounds.1 where text[position] != UInt8(ascii: ".") {
            guard letter == nil else { return nil }
            letter = text[position]
        }
        guard let letter, (letter | 0x20) >= 0x61 && (letter | 0x20) <= 0x7A else { return nil }
        return letter
    }

    /// `word(_:recase:isFirst:)` of a token, as a String.
    private static func word(
        _ bounds: (Int, Int), recase: Bool, isFirst: Bool, text: UnsafeBufferPointer<UInt8>, output: UnsafeMutableBufferPointer<UInt8>
    ) -> String {
        let length = appendWord(bounds, recase: recase, isFirst: isFirst, text: text, output: output, at: 0)
        return String(decoding: UnsafeBufferPointer(rebasing: output[0..<length]), as: UTF8.self)
    }

    /// Writes `word(_:recase:isFirst:)` of a token at `output[start...]`; the end.
    private static func appendWord(
        _ bounds: (Int, Int), recase: Bool, isFirst: Bool, text: UnsafeBufferPointer<UInt8>,
        output: UnsafeMutableBufferPointer<UInt8>, at start: Int
    ) -> Int {
        let count = bounds.1 - bounds.0
        let end = start + count
        guard recase else {
            for offset in 0..<count { output[start + offset] = text[bounds.0 + offset] }
            return end
        }
        @inline(__always) func upper(_ byte: UInt8) -> UInt8 { byte >= 0x61 && byte <= 0x7A ? byte & ~0x20 : byte }
        for offset in 0..<count {
            let byte = text[bounds.0 + offset]
            output[start + offset] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        }
        let lowered = UnsafeBufferPointer(rebasing: output[start..<end])
        if !isFirst, ASCIINameTables.shared.isParticle(ASCIINameTables.key(lowered, 0, count, droppingPeriods: false)) { return end }
        if count == 1 || (count == 2 && output[start + 1] == UInt8(ascii: ".")) {
            for index in start..<end { output[index] = upper(output[index]) }
            return end
        }
        // Hyphenated and apostrophe'd parts are cased separately: Smith-Jones, O'Brien, D'Angelo.
        var startOfPart = true
        for index in start..<end {
            let byte = output[index]
            if startOfPart, byte >= 0x61 && byte <= 0x7A {
                output[index] = upper(byte)
                startOfPart = false
            }
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "'") { startOfPart = true }
        }
        // Mc prefix: mcdonald → McDonald. (Mac is ambiguous: Mack, Macy; left alone.)
        if count > 3, output[start] == UInt8(ascii: "M"), output[start + 1] == UInt8(ascii: "c") {
            output[start + 2] = upper(output[start + 2])
        }
        return end
    }
}

/// ``PersonNameNormalizer``'s honorifics, suffixes, particles and conjunctions keyed by packed
/// ASCII keys (``key(_:_:_:droppingPeriods:)``), built once from its tables; a lookup is a
/// scan of a few integers.
struct ASCIINameTables: Sendable {
    static let shared = ASCIINameTables()

    /// No key packs to this (its length byte is 0xFF).
    static let tooLong = UInt64.max

    private let honorificKeys: [UInt64]
    private let honorificTitles: [String]
    private let suffixKeys: [UInt64]
    private let suffixTitles: [String]
    private let particleKeys: [UInt64]
    private let conjunctionKeys: [UInt64]
    /// ``PersonNameNormalizer/familyWord`` and "the" (which it drops before a household's name).
    let familyKey: UInt64
    let theKey: UInt64

    private init() {
        func packed(_ word: String) -> UInt64 {
            var copy = word
            return copy.withUTF8 { Self.key($0, 0, $0.count, droppingPeriods: false) }
        }
        // (Every table word is ASCII lowercase, at most 7 bytes: checked by the tests.)
        let honorifics = PersonNameNormalizer.honorifics.sorted { $0.key < $1.key }
        honorificKeys = honorifics.map { packed($0.key) }
        honorificTitles = honorifics.map(\.value)
        let suffixes = PersonNameNormalizer.suffixes.sorted { $0.key < $1.key }
        suffixKeys = suffixes.map { packed($0.key) }
        suffixTitles = suffixes.map(\.value)
        particleKeys = PersonNameNormalizer.particles.map(packed)
        conjunctionKeys = PersonNameNormalizer.conjunctions.map(packed)
        familyKey = packed(PersonNameNormalizer.familyWord)
        theKey = packed("the")
    }

    /// The lowercased bytes of `bytes[start..<end]` (without "." and "," when
    /// `droppingPeriods`: ``PersonNameNormalizer/key(_:)``) packed with their count into an
    /// integer: one byte per position, the count in the top byte; ``tooLong`` past 7 bytes.
    @inline(__always)
    static func key(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, droppingPeriods: Bool) -> UInt64 {
        var value: UInt64 = 0
        var length: UInt64 = 0
        for index in start..<end {
            let byte = bytes[index]
            if droppingPeriods, byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") { continue }
            guard length < 7 else { return tooLong }
            let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            value |= UInt64(lower) << (8 * length)
            length += 1
        }
        return value | length << 56
    }

    func honorific(_ key: UInt64) -> String? {
        guard key != Self.tooLong, let index = honorificKeys.firstIndex(of: key) else { return nil }
        return honorificTitles[index]
    }

    func suffix(_ key: UInt64) -> String? {
        guard key != Self.tooLong, let index = suffixKeys.firstIndex(of: key) else { return nil }
        return suffixTitles[index]
    }

    func isParticle(_ key: UInt64) -> Bool { key != Self.tooLong && particleKeys.contains(key) }

    func isConjunction(_ key: UInt64) -> Bool { key != Self.tooLong && conjunctionKeys.contains(key) }
}
