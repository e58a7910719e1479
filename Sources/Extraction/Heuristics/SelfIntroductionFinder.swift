import LeadModel

/// Finds the name a prospect introduces themselves with: `My name is Sarah Johnson and ...`,
/// `Hi, this is Sarah Johnson from Round Rock.`
///
/// The name is what follows the phrase up to the first comma, stop or joining word (`and`,
/// `from`, `with`, ...), and must read as a name the way a signature must (one to four words,
/// letters only, not a phrase; see ``SignatureNameFinder/name(_:)``). `this is` counts only
/// at the start of a line or after a greeting. The name must start with a capital (`this is
/// a custom home`, `My name is on the deed` are no introductions), unless the whole line is
/// lowercase (`hi, my name is maria gonzalez`). `I'm` / `I am` counts only at the start of a
/// line or after a greeting, and only for a name of two or more capitalised words (`Hi, I'm
/// Nina Patel`; `I'm Interested`, `I'm ready` are no introductions). The first introduction
/// in the text wins.
///
/// Couples: after `this is`, a first name, `and` and a capitalised name read on (`Hi, this
/// is Dana and Mark Whitfield`; `this is Dana & Mark` reads on as it is); `We are` / `We're`
/// introduces only a couple (`We are Dana and Mark Whitfield`; `We are Texans` is none).
/// The lead holds the first person named and the surname they share, and the rule says it
/// was a couple (``SignatureNameFinder/rule(_:for:)``). `My name is Dana and Mark ...` does
/// not read on (one name: Mark is someone else).
enum SelfIntroductionFinder {
    private static let greetings = ["", "hi", "hello", "hey", "good morning", "good afternoon", "good evening", "greetings"]

    /// How a name after an introduction's phrase may name two people.
    enum CoupleReading {
        /// One person: the name ends at `and` (`My name is Dana and ...`).
        case no
        /// A first name, `and` and a name read on when they make a couple.
        case allowed
        /// Only a couple is an introduction (`We are Dana and Mark Whitfield`).
        case required
    }
    /// Where a name ends.
    private static let stopWords: Set<String> = [
        "and", "from", "with", "in", "at", "of", "i", "i'm", "im", "we", "my", "our", "here", "but", "who", "the", "a",
    ]

    static func find(in lines: InquiryLines) -> HeuristicFinding<PersonName>? {
        for (index, (number, text)) in lines.lines.enumerated() {
            let phrases = mayIntroduce(text)
            guard phrases != 0 else { continue }
            // `Hola, soy Alejandro Ruiz`, `me llamo ...` (only a line holding such a phrase).
            if phrases & spanishPhrase != 0, let name = spanishIntroduction(text) {
                return HeuristicFinding(value: name, line: number, rule: "self-introduction")
            }
            guard phrases & englishPhrase != 0 else { continue }
            // An ASCII line is read from its bytes (the same reading).
            if lines.traits[index].isASCII {
                if let name = asciiIntroduction(text) { return finding(name, number) }
                continue
            }
            let lower = text.lowercased()
            // (Lowercasing keeps the text's Character count for every letter an English
            // introduction uses; other texts are skipped below when the offsets disagree.)
            guard lower.count == text.count else { continue }
            if let range = lower.firstRange(of: "my name is "),
               let name = name(after: lower.distance(from: lower.startIndex, to: range.upperBound), in: text,
                               capitalisedOnly: lower != text) {
                return HeuristicFinding(value: name, line: number, rule: "self-introduction")
            }
            if let range = lower.firstRange(of: "this is "), isAfterGreeting(lower[..<range.lowerBound]),
               let name = name(at: Self.index(ofCharacter: lower.distance(from: lower.startIndex, to: range.upperBound), in: text), in: text,
                               capitalisedOnly: true, couple: .allowed) {
                return finding(name, number)
            }
            for phrase in ["we are ", "we're ", "we\u{2019}re "] {
                guard let range = lower.firstRange(of: phrase), isAfterGreeting(lower[..<range.lowerBound]) else { continue }
                if let name = name(at: Self.index(ofCharacter: lower.distance(from: lower.startIndex, to: range.upperBound), in: text), in: text,
                                   capitalisedOnly: true, couple: .required) {
                    return finding(name, number)
                }
                break
            }
            for phrase in ["i'm ", "i\u{2019}m ", "i am "] {
                guard let range = lower.firstRange(of: phrase), isAfterGreeting(lower[..<range.lowerBound]) else { continue }
                if let name = fullName(after: lower.distance(from: lower.startIndex, to: range.upperBound), in: text) {
                    return HeuristicFinding(value: name, line: number, rule: "self-introduction")
                }
                break
            }
        }
        return nil
    }

    /// The finding of an introduction's name, its rule saying when it is a couple's.
    private static func finding(_ name: PersonName, _ line: Int) -> HeuristicFinding<PersonName> {
        HeuristicFinding(value: name, line: line, rule: SignatureNameFinder.rule("self-introduction", for: name))
    }

    /// ``mayIntroduce(_:)``'s bits: an English phrase's, a Spanish phrase's.
    private static let englishPhrase: UInt8 = 1
    private static let spanishPhrase: UInt8 = 2

    /// A cheap byte test: ``englishPhrase`` when the line holds `is ` (`my name is`, `this
    /// is`) or `'m `, `am ` (`I'm`, `I am`; the last byte of `’` is 0x99) or `we are `,
    /// `we're `, `we’re ` at all; ``spanishPhrase`` when it holds `llamo `, `ombre es ` or
    /// the word `soy ` (`me llamo`, `mi nombre es`, `soy`), in any case.
    static func mayIntroduce(_ text: String) -> UInt8 {
        guard text.utf8.count >= 8 else { return 0 }
        // (Read from the contiguous bytes: a String's UTF-8 view costs more per byte.)
        var copy = text
        return copy.withUTF8(mayIntroduce)
    }

    /// ``mayIntroduce(_:)-(String)`` of a line's UTF-8 `bytes`: only the bytes before each
    /// space are looked at (every phrase ends at one).
    private static func mayIntroduce(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var found: UInt8 = 0
        // (The packed phrases read once: a static read in the loop is a once-check per byte.)
        let (weAre, weApostropheRe, weCurlyRe) = (Self.weAre, Self.weApostropheRe, Self.weCurlyRe)
        let (llamo, ombreEs, spaceSoy, soy) = (Self.llamo, Self.ombreEs, Self.spaceSoy, Self.soy)
        for index in bytes.indices where bytes[index] == 0x20 {
            // The two bytes before the space (none before the line's start: 0).
            let last = index >= 1 ? bytes[index - 1] : 0
            let beforeLast = index >= 2 ? bytes[index - 2] : 0
            if last == 0x73 || last == 0x53, beforeLast == 0x69 || beforeLast == 0x49 { found |= englishPhrase }
            if last == 0x6D || last == 0x4D,
               beforeLast == 0x27 || beforeLast == 0x99 || beforeLast == 0x61 || beforeLast == 0x41 { found |= englishPhrase }
            // The phrases compared folded end in `e`, `s`, `o` or `y`.
            let lastFolded = last | 0x20
            guard lastFolded == 0x65 || lastFolded == 0x73 || lastFolded == 0x6F || lastFolded == 0x79 else { continue }
            let window = foldedWindow(bytes, before: index)
            if window & 0xFFFF_FFFF_FFFF == weAre || window & 0xFF_FFFF_FFFF == weApostropheRe
                || window & 0xFF_FFFF_FFFF_FFFF == weCurlyRe { found |= englishPhrase }
            // (`soy` opening the line leaves zeros before it in the window.)
            if window & 0xFF_FFFF_FFFF == llamo || window == ombreEs || window & 0xFFFF_FFFF == spaceSoy
                || window & 0xFFFF_FFFF == soy { found |= spanishPhrase }
        }
        return found
    }

    /// The (up to) eight bytes before `end`, each ORed with 0x20 (A-Z lowercased; a space,
    /// `'` and `’`'s bytes keep a value of their own), the latest lowest; zeros for those
    /// before the line's start.
    private static func foldedWindow(_ bytes: UnsafeBufferPointer<UInt8>, before end: Int) -> UInt64 {
        if end >= 8 {
            let loaded = UnsafeRawPointer(bytes.baseAddress.unsafelyUnwrapped + end - 8).loadUnaligned(as: UInt64.self)
            // (Little-endian memory puts the earliest byte lowest: swapped, the latest is.)
            return UInt64(littleEndian: loaded).byteSwapped | 0x2020_2020_2020_2020
        }
        var window: UInt64 = 0
        for index in 0..<end { window = window << 8 | UInt64(bytes[index] | 0x20) }
        return window
    }

    /// `llamo`, `ombre es`, ` soy` and `soy` packed as ``mayIntroduce(_:)``'s window holds them.
    private static let llamo = packed("llamo")
    private static let ombreEs = packed("ombre es")
    private static let spaceSoy = packed(" soy")
    private static let soy = packed("soy")

    /// `we are`, `we're`, `we’re` packed as ``mayIntroduce(_:)``'s window holds them.
    private static let weAre = packed("we are")
    private static let weApostropheRe = packed("we're")
    private static let weCurlyRe = packed("we\u{2019}re")

    private static func packed(_ text: String) -> UInt64 {
        text.utf8.reduce(0) { $0 << 8 | UInt64($1 | 0x20) }
    }

    /// ``find(in:)``'s reading of an ASCII line, from its bytes. In ASCII a letter or space
    /// is a Character of its own (only CR LF is two bytes), so the byte matches of the
    /// lowercase phrases in the bytes folded to lowercase are the Character matches
    /// `firstRange(of:)` finds in the lowercased line, their Character offsets are byte
    /// offsets less the CR LF pairs before, lowercasing changes only A-Z, and the letters
    /// before `this is` are those ``isAfterGreeting(_:)`` keeps: a greeting (`there`
    /// included) has at most ``longestGreetingLetters``.
    private static func asciiIntroduction(_ text: String) -> PersonName? {
        var copy = text
        let (myName, thisIs, hasCapital) = copy.withUTF8 { bytes -> (Int?, (start: Int, letters: Int)?, Bool) in
            let myName = firstFolded(myNameIs, in: bytes)
            var thisIs: (Int, Int)?
            if let start = firstFolded(Self.thisIs, in: bytes) {
                var letters = 0
                for byte in bytes[..<start] where (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A { letters += 1 }
                thisIs = (start, letters)
            }
            return (myName, thisIs, bytes.contains { $0 >= 0x41 && $0 <= 0x5A })
        }
        if let start = myName,
           let name = name(at: index(ofByte: start + myNameIs.utf8CodeUnitCount, in: text), in: text, capitalisedOnly: hasCapital) {
            return name
        }
        if let (start, letters) = thisIs, letters <= longestGreetingLetters, isAfterGreeting(ascii: text, before: start) {
            return name(at: index(ofByte: start + Self.thisIs.utf8CodeUnitCount, in: text), in: text, capitalisedOnly: true, couple: .allowed)
        }
        // `We are Dana and Mark Whitfield`, `we're ...`: the first of them, after a greeting.
        let weAre = copy.withUTF8 { bytes -> (start: Int, length: Int)? in
            [(firstFolded(weArePhrase, in: bytes), weArePhrase.utf8CodeUnitCount), (firstFolded(wereApostrophe, in: bytes), wereApostrophe.utf8CodeUnitCount)]
                .compactMap { found, length in found.map { ($0, length) } }.min { $0.0 < $1.0 }
        }
        if let (start, length) = weAre, isAfterGreeting(ascii: text, before: start),
           let name = name(at: index(ofByte: start + length, in: text), in: text, capitalisedOnly: true, couple: .required) {
            return name
        }
        // `I'm Nina Patel`, `I am Nina Patel`: the first of them, after a greeting.
        let iAm = copy.withUTF8 { bytes -> (start: Int, length: Int)? in
            [(firstFolded(imPhrase, in: bytes), imPhrase.utf8CodeUnitCount), (firstFolded(iAmPhrase, in: bytes), iAmPhrase.utf8CodeUnitCount)]
                .compactMap { found, length in found.map { ($0, length) } }.min { $0.0 < $1.0 }
        }
        guard let (start, length) = iAm, isAfterGreeting(ascii: text, before: start) else { return nil }
        return fullName(at: index(ofByte: start + length, in: text), in: text)
    }

    /// Whether the ASCII text before byte `start` is empty or a greeting (a greeting has at
    /// most ``longestGreetingLetters`` letters: longer prefixes are not lowercased).
    private static func isAfterGreeting(ascii text: String, before start: Int) -> Bool {
        let letters = text.utf8.prefix(start).count { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
        guard letters <= longestGreetingLetters else { return false }
        // (Few lines get here: the prefix is lowercased as a String for the greeting test.)
        let before = String(decoding: text.utf8.prefix(start), as: UTF8.self).lowercased()
        return isAfterGreeting(Substring(before))
    }

    /// The name after `I'm` at Character offset `offset` of `text`: only a whole name (first
    /// and last) of capitalised words, since `I'm` is followed by much else (`I'm Excited`).
    static func fullName(after offset: Int, in text: String) -> PersonName? {
        fullName(at: index(ofCharacter: offset, in: text), in: text)
    }

    /// ``fullName(after:in:)`` from the Character boundary `start`.
    private static func fullName(at start: String.Index, in text: String, stops: Set<String> = []) -> PersonName? {
        guard let name = name(at: start, in: text, capitalisedOnly: true, stops: stops), name.first != nil, name.last != nil else { return nil }
        // (`name(at:in:capitalisedOnly:)` accepts a name in capitals too: not here.)
        var firstWord: Substring?
        forEachClauseWord(text[start...]) { word in
            firstWord = word
            return false
        }
        guard firstWord?.contains(where: \.isLowercase) == true else { return nil }
        return name
    }

    /// Where byte `offset` of ASCII `text` is: a Character boundary when it follows a space
    /// (every phrase read ends in one), as `dropFirst` of its Character offset would give.
    private static func index(ofByte offset: Int, in text: String) -> String.Index {
        text.utf8.index(text.utf8.startIndex, offsetBy: offset)
    }

    /// Where Character `offset` of `text` is (its end past the last Character).
    private static func index(ofCharacter offset: Int, in text: String) -> String.Index {
        text.index(text.startIndex, offsetBy: offset, limitedBy: text.endIndex) ?? text.endIndex
    }

    private static let myNameIs: StaticString = "my name is "
    private static let thisIs: StaticString = "this is "
    private static let imPhrase: StaticString = "i'm "
    private static let iAmPhrase: StaticString = "i am "
    private static let weArePhrase: StaticString = "we are "
    private static let wereApostrophe: StaticString = "we're "
    /// The letters of the longest greeting followed by `there` (`good afternoon there`).
    private static let longestGreetingLetters = greetings.map { $0.utf8.count { $0 != 0x20 } + 5 }.max() ?? 0

    /// The offset of the first occurrence of lowercase ASCII `pattern` in `bytes` read with
    /// A-Z folded to lowercase, or nil.
    private static func firstFolded(_ pattern: StaticString, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let length = pattern.utf8CodeUnitCount
        guard bytes.count >= length else { return nil }
        let target = pattern.utf8Start
        for start in 0...(bytes.count - length) {
            var offset = 0
            while offset < length {
                let byte = bytes[start + offset]
                let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                guard lower == target[offset] else { break }
                offset += 1
            }
            if offset == length { return start }
        }
        return nil
    }

    /// The text before `this is` is empty or a greeting (`Hi,`, `Hello there -`).
    private static func isAfterGreeting(_ before: Substring) -> Bool {
        let words = before.split(whereSeparator: { !$0.isLetter && $0 != " " }).joined()
            .split(separator: " ").joined(separator: " ")
        return greetings.contains(words) || greetings.contains { !$0.isEmpty && words == $0 + " there" }
    }

    /// The name at Character offset `offset` of `text`.
    static func name(after offset: Int, in text: String, capitalisedOnly: Bool) -> PersonName? {
        name(at: index(ofCharacter: offset, in: text), in: text, capitalisedOnly: capitalisedOnly)
    }

    /// The name from the Character boundary `start` of `text`: the clause's words up to a
    /// joining word, at most four. With `couple`, a first name followed by `and` reads on
    /// through one or two more words (not a joining word), kept when they make a couple
    /// (``SignatureNameFinder/name(_:)`` gives a partner); `.required` takes nothing else.
    private static func name(
        at start: String.Index, in text: String, capitalisedOnly: Bool, couple: CoupleReading = .no, stops: Set<String> = []
    ) -> PersonName? {
        var words: [Substring] = []
        // (Where `and` is in `words`, once read on after a first name.)
        var conjunction: Int?
        forEachClauseWord(text[start...]) { word in
            if word == "-" { return false }
            let lower = word.lowercased()
            if let conjunction {
                if stopWords.contains(lower) || stops.contains(lower) || lower == "&" { return false }
                words.append(word)
                return words.count - conjunction < 3
            }
            if couple != .no, lower == "and", words.count == 1 {
                conjunction = words.count
                words.append(word)
                return true
            }
            if stopWords.contains(lower) || stops.contains(lower) { return false }
            words.append(word)
            return words.count < 4
        }
        guard let first = words.first, !capitalisedOnly || first.first?.isUppercase == true else { return nil }
        if let conjunction {
            if words.count > conjunction + 1, words[conjunction + 1].first?.isUppercase == true || !capitalisedOnly,
               let name = SignatureNameFinder.name(words.joined(separator: " ")), name.partnerFirst != nil {
                return name
            }
            words.removeSubrange(conjunction...)
        }
        let name = SignatureNameFinder.name(words.joined(separator: " "))
        if couple == .required, name?.partnerFirst == nil { return nil }
        return name
    }

    /// The words (split at spaces, none empty) of the clause that opens `rest`, which ends
    /// at the first ``endsClause(_:)`` Character, given to `body` in order until it returns
    /// false: read as far as they are wanted, not the whole line (a name is a few words).
    private static func forEachClauseWord(_ rest: Substring, _ body: (Substring) -> Bool) {
        var wordStart: Substring.Index?
        var index = rest.startIndex
        while index < rest.endIndex {
            let character = rest[index]
            if endsClause(character) { break }
            if character == " " {
                if let start = wordStart {
                    guard body(rest[start..<index]) else { return }
                    wordStart = nil
                }
            } else if wordStart == nil {
                wordStart = index
            }
            index = rest.index(after: index)
        }
        if let start = wordStart { _ = body(rest[start..<index]) }
    }

    /// Whether `character` ends the clause a name is read from: one of `,.;:!?()/|"`, an em
    /// or en dash. (A Character of one byte is that ASCII scalar, equal to such a Character
    /// only if it is it; a longer one is compared as a Character: U+037E equals `;`.)
    private static func endsClause(_ character: Character) -> Bool {
        let utf8 = character.utf8
        if utf8.count == 1, let byte = utf8.first {
            switch byte {
            case 0x2C, 0x2E, 0x3B, 0x3A, 0x21, 0x3F, 0x28, 0x29, 0x2F, 0x7C, 0x22: return true
            default: return false
            }
        }
        return ",.;:!?()/|\"".contains(character) || character == "\u{2014}" || character == "\u{2013}"
    }

    // MARK: - Spanish

    /// Where a Spanish name ends (besides ``stopWords``): `y`, `de`, `con` ... (`soy de
    /// Kyle` is no name; `María de la Cruz` gives María alone, not a place's name).
    private static let spanishStops: Set<String> = [
        "y", "e", "de", "del", "con", "desde", "en", "que", "mi", "soy", "pero", "para", "el", "la", "los", "las", "un", "una",
    ]
    /// Greetings a Spanish line opens with, their letters' words lowercase.
    private static let spanishGreetings: Set<String> = [
        "", "hola", "buenas", "buenos dias", "buenos días", "buen dia", "buen día", "buenas tardes", "buenas noches",
        "hola buenas", "hola buenas tardes", "hola buenas noches", "hola buenos dias", "hola buenos días", "saludos",
    ]

    /// `me llamo` and `mi nombre es`, as ``spanishIntroduction(_:)`` looks for them.
    private static let spanishPhrases: [StaticString] = ["me llamo ", "mi nombre es "]

    /// A Spanish introduction's name: after `me llamo` or `mi nombre es` (capitalised unless
    /// the line is lowercase, as after `my name is`), or after `soy` at the line's start or
    /// after a greeting (`Hola, soy Alejandro Ruiz`), a whole name of capitalised words, as
    /// after `I'm` (`Soy dueño de un terreno`, `soy de Kyle`, `Hola, soy Alejandro.` give
    /// none). Read by Characters: only lines ``mayIntroduce(_:)`` flags get here.
    static func spanishIntroduction(_ text: String) -> PersonName? {
        let lower = text.lowercased()
        // (Lowercasing keeps the Character count of a Spanish line's letters.)
        guard lower.count == text.count else { return nil }
        func start(after range: Range<String.Index>) -> String.Index {
            index(ofCharacter: lower.distance(from: lower.startIndex, to: range.upperBound), in: text)
        }
        func isWordStart(_ position: String.Index) -> Bool {
            position == lower.startIndex || !lower[lower.index(before: position)].isLetter
        }
        // (A match by Characters is a match of the phrase's bytes: no other scalars are
        // canonically equal to its letters and space. A line without them is not searched
        // by Characters.)
        for phrase in spanishPhrases where FoldedSearch.contains(lower, phrase) {
            guard let range = lower.firstRange(of: phrase.description), isWordStart(range.lowerBound) else { continue }
            if let name = name(at: start(after: range), in: text, capitalisedOnly: lower != text, stops: spanishStops) { return name }
        }
        guard FoldedSearch.contains(lower, "soy "), let range = lower.firstRange(of: "soy "), isWordStart(range.lowerBound) else { return nil }
        let before = lower[..<range.lowerBound].split(whereSeparator: { !$0.isLetter && $0 != " " }).joined()
            .split(separator: " ").joined(separator: " ")
        guard spanishGreetings.contains(before) else { return nil }
        return fullName(at: start(after: range), in: text, stops: spanishStops)
    }
}
