/// Reads timeline phrases into a short lowercase canonical form.
///
/// | written                                         | canonical            |
/// |-------------------------------------------------|----------------------|
/// | `ASAP`, `as soon as possible`, `immediately`     | `asap`               |
/// | `spring 2027`, `Spring of 2027`, `spring '27`     | `spring 2027`        |
/// | `by summer`, `next spring`, `early fall 2027`     | as written, lowercase|
/// | `Q3 2027`, `3rd quarter of 2027`                  | `q3 2027`            |
/// | `Q2 next year`, `2nd quarter of next year`        | `q2 next year`       |
/// | `in the next 6 months`, `within six months`       | `within 6 months`    |
/// | `within a year`, `in the next year`               | `within 1 year`      |
/// | `in 3-6 months`, `3 to 6 months`                  | `3-6 months`         |
/// | `next year`, `this year`, `end of the year`       | `next year`, `this year`, `end of year` |
/// | `March 2027`, `by March`                          | `march 2027`, `by march` |
/// | `Christmas 2027`, `by Thanksgiving`               | `christmas 2027`, `by thanksgiving` |
/// | `after the holidays`, `after Christmas`           | `after the holidays`, `after christmas` |
/// | `after the first of the year`, `after New Year's` | `after the new year` |
/// | `as soon as January`, `as early as March`         | `january`, `march`   |
/// | `early 2027`, `mid 2027`, `late 2027`, `2027`      | `early 2027` ...     |
/// | `sometime in 2027`                                | `2027` (not a bare year) |
/// | `18 months out`, `2 years from now`, `in a year from now` | `18 months out`, `2 years out` ... |
/// | `no rush`, `flexible`, `whenever`, `not urgent`    | `flexible`           |
/// | `fall of next year`, `March of this year`         | `fall next year` ... |
/// | `start in January`, `build in March`              | `in january` ...     |
/// | `our lease ends in August`, `lease is up in June`, `lease runs out in May` | `lease ends in august` ... |
/// | `after our lease ends in August`, `once the lease is up in June` | `after august` ... |
/// | `just researching`, `just exploring`              | `researching`        |
/// | Spanish: `lo antes posible`, `cuanto antes`; `primavera de 2027`, `marzo de 2027` | `asap`; `spring 2027`, `march 2027` |
public enum TimelinePhrase {
    /// A phrase found in text: its canonical form and the index of its first word.
    public struct Match: Sendable, Equatable {
        public var canonical: String
        public var wordIndex: Int
        /// Whether the phrase is only a year (`2027`, `in 2027`): a timeline only with context.
        public var isBareYear: Bool
        /// Whether the phrase is a length of time said without `in`, `within`, `out` ...
        /// (`6 years`, `3-6 months`): as likely a duration ("lived here for 6 years") or an
        /// age ("5 years old") as a plan, so a timeline only where the line talks about timing.
        public var isBareQuantity = false
    }

    static let seasons: Set<String> = Set(seasonNames.keys)
    /// Each season word's canonical name (Spanish ones too: `primavera de 2027` is `spring 2027`,
    /// `otoño de 2027` or `otono de 2027` is `fall 2027`).
    static let seasonNames: [String: String] = [
        "spring": "spring", "summer": "summer", "fall": "fall", "autumn": "fall", "winter": "winter",
        "primavera": "spring", "verano": "summer", "otoño": "fall", "otono": "fall", "invierno": "winter",
    ]
    /// `of` between a season or month and its year, in English and Spanish (`primavera de 2027`).
    static let ofWords: Set<String> = ["of", "de", "del"]
    static let months: [String: String] = [
        "january": "january", "jan": "january", "february": "february", "feb": "february", "march": "march",
        "april": "april", "apr": "april", "may": "may", "june": "june", "jun": "june", "july": "july", "jul": "july",
        "august": "august", "aug": "august", "september": "september", "sept": "september", "sep": "september",
        "october": "october", "oct": "october", "november": "november", "nov": "november", "december": "december",
        "dec": "december",
        "enero": "january", "febrero": "february", "marzo": "march", "abril": "april", "mayo": "may", "junio": "june",
        "julio": "july", "agosto": "august", "septiembre": "september", "setiembre": "september", "octubre": "october",
        "noviembre": "november", "diciembre": "december",
    ]
    static let numberWords: [String: Int] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "couple": 2, "few": 3,
    ]
    static let units: [String: String] = [
        "month": "months", "months": "months", "mo": "months", "mos": "months", "year": "year", "years": "years",
        "yr": "year", "yrs": "years", "week": "weeks", "weeks": "weeks", "wk": "weeks", "wks": "weeks",
    ]
    static let qualifiers: Set<String> = ["early", "mid", "late", "next", "this"]
    /// Words a start is said by, right before `after the holidays`.
    static let startVerbs: Set<String> = ["start", "begin", "ground", "construction", "build", "building", "starting", "beginning"]
    /// Holidays a date is given by (`by Christmas`, `Thanksgiving 2027`), read as a month is.
    static let holidays: Set<String> = ["christmas", "thanksgiving"]
    static let ordinalQuarters: [String: Int] = ["1st": 1, "first": 1, "2nd": 2, "second": 2, "3rd": 3, "third": 3, "4th": 4, "fourth": 4]

    /// The canonical form of the first timeline phrase in `raw`, or nil.
    public static func parse(_ raw: String) -> String? {
        let found = matches(in: raw)
        return (found.first { !$0.isBareYear } ?? found.first)?.canonical
    }

    /// Every timeline phrase in `text`, in order.
    public static func matches(in text: String) -> [Match] {
        // A text of at most 2,000 bytes has at most 2,000 characters: all of it is read.
        matches(inWords: text.utf8.count <= 2_000 ? TextScanning.words(text) : TextScanning.words(text.prefix(2_000)))
    }

    /// ``matches(in:)`` over the words of a text of at most 2,000 characters, already split
    /// by ``PhraseVocabulary/words(in:)``. `mayHoldApostrophes` false: the caller knows no
    /// word holds an apostrophe (its text has none), so the words are not looked at for one.
    /// `mayStart`, when given, says for each word position what ``mayStartPhrase(_:)`` says
    /// of the word without its apostrophes (a caller that looked its words up already).
    package static func matches(
        inWords textWords: [String], mayHoldApostrophes: Bool = true, mayStart: ((Int) -> Bool)? = nil
    ) -> [Match] {
        // (Nearly no word holds an apostrophe: the words are then used as they are.)
        let words = !mayHoldApostrophes || !textWords.contains(where: hasApostrophe) ? textWords : textWords.map { word in
            guard hasApostrophe(word) else { return word }
            // An ASCII word is a Character per byte: dropping the bytes drops the Characters.
            if word.utf8.allSatisfy({ $0 < 0x80 }) { return String(decoding: word.utf8.filter { $0 != 0x27 }, as: UTF8.self) }
            return word.replacing("'", with: "")
        }
        var results: [Match] = []
        var index = 0
        while index < words.count {
            if mayStart?(index) ?? mayStartPhrase(words[index]), let (canonical, length, bare) = match(words, at: index) {
                results.append(Match(canonical: canonical, wordIndex: index, isBareYear: bare,
                                     isBareQuantity: isBareQuantity(canonical, words, at: index)))
                index += max(1, length)
            } else {
                index += 1
            }
        }
        return results
    }

    /// Whether the phrase `canonical` read at `index` is a bare quantity (``Match/isBareQuantity``):
    /// it starts at its number (no `in`, `within`, `over` ... read before it) and is no
    /// `... out`.
    private static func isBareQuantity(_ canonical: String, _ words: [String], at index: Int) -> Bool {
        guard TextScanning.allDigits(words[index]), !canonical.hasSuffix(" out") else { return false }
        let unit = canonical.utf8.last
        // (Quantities end in a unit: "months", "weeks", "year(s)"; a year is all digits.)
        return unit == UInt8(ascii: "s") || unit == UInt8(ascii: "r")
    }

    /// Words right before an ASAP word that make it the opposite: "not urgent", "isn't urgent".
    static let asapNegations: Set<String> = ["not", "isnt", "nothing", "arent", "never", "wasnt"]

    /// Words right before `in <month>` that make it a plan: "start in January", "lease ends in August".
    static let monthPlanVerbs: Set<String> = [
        "start", "starting", "begin", "beginning", "build", "building", "ends", "end", "expires", "up", "ground",
    ]

    /// Whether `word` holds an apostrophe byte (from its contiguous bytes, without a
    /// generic walk of the UTF-8 view).
    private static func hasApostrophe(_ word: String) -> Bool {
        word.utf8.withContiguousStorageIfAvailable { $0.contains(0x27) } ?? word.utf8.contains(0x27)
    }

    /// Which of the word lists above a word is in (``kind(_:)``).
    private struct Kind: OptionSet {
        let rawValue: UInt64
        static let season = Kind(rawValue: 1)
        static let month = Kind(rawValue: 2)
        static let qualifier = Kind(rawValue: 4)
        static let ordinalQuarter = Kind(rawValue: 8)
        static let numberWord = Kind(rawValue: 16)
        static let unit = Kind(rawValue: 32)
        static let holiday = Kind(rawValue: 64)
    }

    /// The words ``match(_:at:)`` compares a phrase's first word with. Each has a code in
    /// ``kindTable``'s values above the ``Kind`` bits (its place in ``firstWords``, from 1), so
    /// the lookup made for the word's kind answers every comparison. A word that is not ASCII
    /// equals none of them: none holds `k`, `;` or `` ` ``, the only ASCII a scalar that is
    /// not decomposes to.
    private enum FirstWord: String, CaseIterable {
        case asap, immediately, urgent, right, no, flexible, whenever, just, after, sometime, more, over, less, under, at,
             within, next, end, early, mid, late
        // Spanish: "lo antes posible", "cuanto antes", "inmediatamente", "urgente".
        case lo, cuanto, inmediatamente, urgente
        case asWord = "as", inWord = "in", byWord = "by"
    }

    private static let firstWords = FirstWord.allCases

    /// The first word `kind` (a word's ``kind(_:)``) says the word is, if any.
    private static func firstWord(_ kind: Kind) -> FirstWord? {
        let code = Int(kind.rawValue >> 8)
        return code == 0 ? nil : firstWords[code - 1]
    }

    /// The lists' words by their bytes (all lowercase ASCII), each with its ``Kind`` (and
    /// its ``FirstWord`` code).
    private static let kindTable: ASCIIWordTable = {
        var entries: [(word: String, value: UInt64)] = []
        entries += firstWords.enumerated().map { ($1.rawValue, UInt64($0 + 1) << 8) }
        // (`otoño` is looked up in the sets: only ASCII words are looked up by their bytes.)
        entries += seasons.filter(isASCII).map { ($0, Kind.season.rawValue) }
        entries += months.keys.map { ($0, Kind.month.rawValue) }
        entries += qualifiers.map { ($0, Kind.qualifier.rawValue) }
        entries += ordinalQuarters.keys.map { ($0, Kind.ordinalQuarter.rawValue) }
        entries += numberWords.keys.map { ($0, Kind.numberWord.rawValue) }
        entries += units.keys.map { ($0, Kind.unit.rawValue) }
        entries += holidays.map { ($0, Kind.holiday.rawValue) }
        return ASCIIWordTable(entries)
    }()

    /// Which lists hold `word` (a lookup of its bytes for ASCII; the sets say for other
    /// words, which equal no list word but by canonical equivalence).
    private static func kind(_ word: String) -> Kind {
        if let ascii = word.utf8.withContiguousStorageIfAvailable({ bytes -> Kind? in
            for byte in bytes where byte >= 0x80 { return nil }
            return Kind(rawValue: kindTable.value(of: bytes, 0..<bytes.count))
        }), let ascii {
            return ascii
        }
        var kind: Kind = []
        if seasons.contains(word) { kind.insert(.season) }
        if months[word] != nil { kind.insert(.month) }
        if qualifiers.contains(word) { kind.insert(.qualifier) }
        if ordinalQuarters[word] != nil { kind.insert(.ordinalQuarter) }
        if numberWords[word] != nil { kind.insert(.numberWord) }
        if units[word] != nil { kind.insert(.unit) }
        if holidays.contains(word) { kind.insert(.holiday) }
        return kind
    }

    /// `numberWords[word]`, looked up only for a word that is one.
    private static func numberWord(_ word: String) -> Int? {
        kind(word).contains(.numberWord) ? numberWords[word] : nil
    }

    /// `units[word]`, looked up only for a word that is one.
    private static func unit(_ word: String) -> String? {
        kind(word).contains(.unit) ? units[word] : nil
    }

    /// Every word ``match(_:at:)`` can succeed at, besides all-digit words (years, counts).
    package static let startWords: Set<String> = {
        var words: Set<String> = [
            "asap", "immediately", "urgent", "as", "right", "no", "flexible", "whenever", "just", "by", "more", "over",
            "less", "under", "at", "within", "in", "next", "q1", "q2", "q3", "q4", "end", "sometime", "after",
            "lo", "cuanto", "inmediatamente", "urgente",
        ]
        words.formUnion(holidays)
        words.formUnion(seasons)
        words.formUnion(months.keys)
        words.formUnion(qualifiers)
        words.formUnion(["early", "mid", "late"])
        words.formUnion(ordinalQuarters.keys)
        return words
    }()

    /// Whether a phrase can start at `word`: a cheap test that spares ``match(_:at:)`` (which
    /// compares the word against every form above) on the other words of a text.
    private static func mayStartPhrase(_ word: String) -> Bool {
        // An ASCII word is one of ``startWords`` exactly when its bytes are (looked up in
        // ``startWordTable`` without hashing a String), and all digits when its bytes are.
        var copy = word
        if let ascii = copy.withUTF8({ bytes -> Bool? in
            var digits = !bytes.isEmpty
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                digits = digits && byte &- 0x30 < 10
            }
            return digits || startWordTable.value(of: bytes, 0..<bytes.count) != 0
        }) {
            return ascii
        }
        return (startWordFilter.mayContain(word) && startWords.contains(word)) || TextScanning.allDigits(word)
    }

    /// ``startWords`` by their bytes (all lowercase ASCII).
    private static let startWordTable = ASCIIWordTable(startWords.filter(isASCII).map { ($0, 1) })

    private static func isASCII(_ word: String) -> Bool { word.utf8.allSatisfy { $0 < 0x80 } }

    /// Checked before a ``startWords`` lookup, which hashes the word.
    private static let startWordFilter = WordLookupFilter(startWords)

    /// The length of "the first of the year", "the new year", "new year's" or "new years" at
    /// `start` of `w`, if one is there.
    private static func newYearLength(_ w: [String], at start: Int) -> Int? {
        func word(_ offset: Int) -> String? { start + offset < w.count ? w[start + offset] : nil }
        let the = word(0) == "the" ? 1 : 0
        if the == 1, word(1) == "first", word(2) == "of", word(3) == "the", word(4) == "year" { return 5 }
        if word(the) == "new", let year = word(the + 1), ["year", "years", "year's"].contains(year) { return the + 2 }
        return nil
    }

    // swiftlint:disable:next cyclomatic_complexity
    private static func match(_ w: [String], at i: Int) -> (String, Int, Bool)? {
        // "by" reads the phrase after it: at the end of the text there is none.
        guard i < w.count else { return nil }
        func word(_ offset: Int) -> String? { i + offset < w.count ? w[i + offset] : nil }
        func year(_ offset: Int) -> String? {
            guard let candidate = word(offset) else { return nil }
            // (All ASCII digits: a Character per byte.)
            if TextScanning.allDigits(candidate), candidate.utf8.count == 4, candidate.hasPrefix("20") { return candidate }
            return nil
        }
        let current = w[i]
        // (Which lists hold the word, by one lookup: asked of most words below.)
        let currentKind = kind(current)
        // (Which of the first words compared below it is, from the same lookup.)
        let first = firstWord(currentKind)
        // asap ("not urgent": no rush)
        // (Asked only of an ASAP phrase: the set lookup hashes the word before.)
        func asap() -> String { i > 0 && asapNegations.contains(w[i - 1]) ? "flexible" : "asap" }
        if first == .asap || first == .immediately || first == .urgent || first == .inmediatamente || first == .urgente {
            return (asap(), 1, false)
        }
        if first == .lo, word(1) == "antes", word(2) == "posible" { return (asap(), 3, false) }
        if first == .cuanto, word(1) == "antes" { return (asap(), 2, false) }
        if first == .asWord, word(1) == "soon", word(2) == "as", word(3) == "possible" { return (asap(), 4, false) }
        // "as soon as January", "as early as March": that month (a bare month is read after
        // these, as after "by"; not "may": "as soon as may be").
        if first == .asWord, word(1) == "soon" || word(1) == "early", word(2) == "as", let next = word(3),
           next != "may", kind(next).contains(.month), let month = months[next], next.count >= 3 {
            return (month, 4, false)
        }
        if first == .right, word(1) == "away" { return (asap(), 2, false) }
        // flexible / researching
        if first == .no, word(1) == "rush" || word(1) == "hurry" || word(1) == "timeline" { return ("flexible", 2, false) }
        if first == .flexible || first == .whenever { return ("flexible", 1, false) }
        if first == .just, let next = word(1), ["researching", "exploring", "browsing", "starting"].contains(next) {
            return ("researching", 2, false)
        }
        // by + season/month/year
        if first == .byWord {
            let skip = word(1) == "the" && word(2) == "end" ? 1 : 0
            if let (inner, length, bare) = match(w, at: i + 1 + skip), !bare || year(1) != nil {
                return ("by " + inner, length + 1 + skip, false)
            }
            // "by October", "by Christmas": a bare month or holiday is a date after "by".
            if let next = word(1), kind(next).contains(.month), let month = months[next], next.count >= 3 {
                return ("by " + month, 2, false)
            }
            if let next = word(1), holidays.contains(next) { return ("by " + next, 2, false) }
        }
        // "start right after the holidays", "break ground after Christmas": a date only right
        // after a start ("we moved in after Christmas", "after the holidays my in-laws visit"
        // are none).
        if first == .after {
            var before = i - 1
            while before >= 0, ["right", "just", "soon", "anytime", "any", "time", "sometime"].contains(w[before]) { before -= 1 }
            guard before >= 0, startVerbs.contains(w[before]) else { return nil }
            if word(1) == "the", word(2) == "holidays" { return ("after the holidays", 3, false) }
            if let next = word(1), holidays.contains(next) { return ("after " + next, 2, false) }
            // "start anytime after January 1st": after the month.
            if let next = word(1), kind(next).contains(.month), next != "may", let month = months[next], next.count >= 3 {
                return ("after " + month, 2, false)
            }
            if let length = newYearLength(w, at: i + 1) { return ("after the new year", length + 1, false) }
            return nil
        }
        // "sometime in 2027": a year said as a plan, not a bare year.
        if first == .sometime {
            if let y = year(1) { return (y, 2, false) }
            if word(1) == "in", let y = year(2) { return (y, 3, false) }
        }
        // "Christmas 2027", "Thanksgiving of 2027" (without a year, only after "by").
        if currentKind.contains(.holiday) {
            if let y = year(1) { return (current + " " + y, 2, false) }
            if word(1) == "of", let y = year(2) { return (current + " " + y, 3, false) }
            return nil
        }
        // "more than 6 months", "less than 3 months", "at least a year"
        if first == .more || first == .over && word(1) != "the" || first == .less || first == .under || first == .at {
            var skip = 1
            if first == .more || first == .less { guard word(1) == "than" else { return nil }; skip = 2 }
            if first == .at { guard word(1) == "least" else { return nil }; skip = 2 }
            if let (text, length) = quantity(w, at: i + skip) {
                let isUpper = first == .less || first == .under
                return ((isUpper ? "within " : "more than ") + text, skip + length, false)
            }
        }
        // within / in the next / over the next N units
        var cursor = 0
        var within = false
        if first == .within {
            cursor = 1
            within = true
            // "within the next year"
            if word(1) == "the", word(2) == "next" { cursor = 3 }
        }
        if first == .inWord || first == .over {
            cursor = 1
            if word(1) == "the", word(2) == "next" { cursor = 3; within = true }
            else if word(1) == "next" { cursor = 2; within = true }
        }
        if first == .next, word(1).flatMap({ TextScanning.allDigits($0) || numberWord($0) != nil ? $0 : nil }) != nil {
            cursor = 1; within = true
        }
        if cursor > 0 || TextScanning.allDigits(current) {
            if word(cursor) == "the" { cursor += 1 }
            if let (text, length) = quantity(w, at: i + cursor) {
                // "18 months out", "a year away", "2 years from now": a time from today.
                if !within, let after = awayLength(w, at: i + cursor + length) {
                    return (text + " out", cursor + length + after, false)
                }
                return ((within ? "within " : "") + text, cursor + length, false)
            }
            if within, let unit = word(cursor).flatMap(Self.unit) {
                // "in the next year", "within the year"
                return ("within 1 " + (unit.hasSuffix("s") ? String(unit.dropLast()) : unit), cursor + 1, false)
            }
        }
        // quarters
        // (A first Character "q" is a first byte "q": most words are answered without a count.)
        if current.utf8.first == UInt8(ascii: "q"), current.count == 2, current.hasPrefix("q"), let digit = current.last, "1234".contains(digit) {
            if let y = year(1) { return ("q\(digit) \(y)", 2, false) }
            if word(1) == "of", let y = year(2) { return ("q\(digit) \(y)", 3, false) }
            if let (relative, length) = relativeYear(w, at: i + 1) { return ("q\(digit) \(relative)", 1 + length, false) }
            return ("q\(digit)", 1, false)
        }
        if currentKind.contains(.ordinalQuarter), let quarter = ordinalQuarters[current], word(1) == "quarter" {
            if let y = year(2) { return ("q\(quarter) \(y)", 3, false) }
            if word(2) == "of", let y = year(3) { return ("q\(quarter) \(y)", 4, false) }
            if let (relative, length) = relativeYear(w, at: i + 2) { return ("q\(quarter) \(relative)", 2 + length, false) }
            return ("q\(quarter)", 2, false)
        }
        // qualifier + season / month / year; next/this year; end of (the) year
        var prefix = ""
        var consumed = 0
        if currentKind.contains(.qualifier) || first == .early {
            prefix = current + " "
            consumed = 1
        }
        let head = word(consumed)
        // (Without a qualifier the head is the current word, already looked up.)
        let headKind = consumed == 0 ? currentKind : head.map(kind) ?? []
        if let head, headKind.contains(.season) {
            let season = seasonNames[head] ?? head
            if let y = year(consumed + 1) { return (prefix + season + " " + y, consumed + 2, false) }
            if let of = word(consumed + 1), ofWords.contains(of), let y = year(consumed + 2) {
                return (prefix + season + " " + y, consumed + 3, false)
            }
            // "fall of next year"
            if let relative = ofRelativeYear(w, at: i + consumed + 1) { return (prefix + season + " " + relative, consumed + 4, false) }
            if let short = word(consumed + 1), short.count == 2, TextScanning.allDigits(short) {
                return (prefix + season + " 20" + short, consumed + 2, false)
            }
            // "late summer or early fall of 2027": the year the pair ends with is this
            // season's too.
            if let joiner = word(consumed + 1), seasonJoiners.contains(joiner) {
                var other = consumed + 2
                if let qualifier = word(other), qualifier == "early" || qualifier == "mid" || qualifier == "late" { other += 1 }
                if let next = word(other), kind(next).contains(.season),
                   let y = year(other + 1) ?? (word(other + 1).map(ofWords.contains) == true ? year(other + 2) : nil) {
                    return (prefix + season + " " + y, consumed + 1, false)
                }
            }
            return (prefix + season, consumed + 1, false)
        }
        if let head, headKind.contains(.month), let month = months[head], head.count >= 3 || head == "may" {
            if let y = year(consumed + 1) { return (prefix + month + " " + y, consumed + 2, false) }
            if let of = word(consumed + 1), ofWords.contains(of), let y = year(consumed + 2) {
                return (prefix + month + " " + y, consumed + 3, false)
            }
            // "March of next year"
            if let relative = ofRelativeYear(w, at: i + consumed + 1) { return (prefix + month + " " + relative, consumed + 4, false) }
            // A bare month name is a timeline only after a qualifier or "by" ("may" is a verb).
            if !prefix.isEmpty, head != "may" { return (prefix + month, consumed + 1, false) }
            return nil
        }
        if let head, head == "year", prefix == "next " || prefix == "this " { return (prefix + "year", 2, false) }
        if first == .end, word(1) == "of" {
            let offset = word(2) == "the" ? 3 : 2
            if word(offset) == "year" || word(offset) == "yr" {
                if let y = year(offset + 1) { return ("end of " + y, offset + 2, false) }
                return ("end of year", offset + 1, false)
            }
            if let y = year(offset) { return ("end of " + y, offset + 1, false) }
        }
        if consumed == 1, first == .early || first == .mid || first == .late, let y = year(1) { return (current + " " + y, 2, false) }
        if let y = year(0) { return (y, 1, true) }
        if first == .inWord, let y = year(1) { return (y, 2, true) }
        // "start in January", "our lease ends in August" (a month with a year is read at the month).
        // (The month first: the verb's set lookup hashes a word.)
        if first == .inWord, i > 0, let next = word(1), kind(next).contains(.month),
           monthPlanVerbs.contains(w[i - 1]) || leaseRunsOut(w, verb: i - 1) || schoolLetsOut(w, verb: i - 1) != nil,
           let month = months[next], next.count >= 3, year(2) == nil, word(2) != "of" {
            // The month a lease ends is no start: the start is after it ("after our lease
            // ends in August"), or not said ("our lease is up in June").
            if let after = leaseEnds(w, verb: i - 1) { return ((after ? "after " : "lease ends in ") + month, 2, false) }
            // "start after school lets out in June": after it.
            if let after = schoolLetsOut(w, verb: i - 1) { return ((after ? "after " : "in ") + month, 2, false) }
            return ("in " + month, 2, false)
        }
        return nil
    }

    /// Words joining two seasons a year closes ("late summer or early fall 2027").
    static let seasonJoiners: Set<String> = ["or", "to", "and", "through", "into"]

    /// Whether `verb` is the `out` of school letting out ("school lets out in June"): `lets`,
    /// `gets` or `is` before it, `school` before that. Nil when not; true when `after`,
    /// `once` or `when` leads `school` (the start is after the month).
    private static func schoolLetsOut(_ w: [String], verb: Int) -> Bool? {
        guard verb >= 2, w[verb] == "out", ["lets", "let", "gets", "get", "is"].contains(w[verb - 1]), w[verb - 2] == "school" else {
            return nil
        }
        return verb >= 3 && ["after", "once", "when"].contains(w[verb - 3])
    }

    /// Verbs by which a lease ends (`ends`, `is up`, `expires`).
    static let leaseEndVerbs: Set<String> = ["ends", "end", "expires", "up"]
    /// Words between `after` and `lease` ("after our current lease ends").
    static let leaseModifiers: Set<String> = ["our", "the", "my", "current", "apartment", "house", "rental", "home"]

    /// Whether the verb at `verb` (before `in <month>`) says a lease ends: `lease` within the
    /// four words before it ("our lease ends", "the lease on our apartment is up"). Nil when
    /// not; true when `after` or `once` leads the lease ("after our lease ends", "once the
    /// lease is up"): the start is after the month.
    private static func leaseEnds(_ w: [String], verb: Int) -> Bool? {
        guard leaseEndVerbs.contains(w[verb]) || leaseRunsOut(w, verb: verb),
              let lease = (max(0, verb - 4)..<verb).last(where: { w[$0] == "lease" }) else { return nil }
        var before = lease - 1
        while before >= 0, lease - before <= 3, leaseModifiers.contains(w[before]) { before -= 1 }
        return before >= 0 && (w[before] == "after" || w[before] == "once")
    }

    /// Whether `verb` is the `out` of a lease that runs out ("our lease runs out in August"):
    /// `runs` or `run` before it, `lease` within the four words before that verb.
    private static func leaseRunsOut(_ w: [String], verb: Int) -> Bool {
        verb > 0 && w[verb] == "out" && (w[verb - 1] == "runs" || w[verb - 1] == "run")
            && (max(0, verb - 4)..<verb).contains { w[$0] == "lease" }
    }

    /// `next year` / `this year` after `of` at `i` ("fall of next year"), or nil.
    private static func ofRelativeYear(_ w: [String], at i: Int) -> String? {
        guard i + 2 < w.count, w[i] == "of", w[i + 1] == "next" || w[i + 1] == "this", w[i + 2] == "year" else { return nil }
        return w[i + 1] + " year"
    }

    /// `next year` / `this year` at `i`, or after `of` there ("Q2 next year", "Q2 of next
    /// year"), and how many words it takes; or nil.
    private static func relativeYear(_ w: [String], at i: Int) -> (String, Int)? {
        if let relative = ofRelativeYear(w, at: i) { return (relative, 3) }
        guard i + 1 < w.count, w[i] == "next" || w[i] == "this", w[i + 1] == "year" else { return nil }
        return (w[i] + " year", 2)
    }

    /// The words of `out`, `away` or `from now` at `i` (after a quantity), or nil.
    private static func awayLength(_ w: [String], at i: Int) -> Int? {
        guard i < w.count else { return nil }
        if w[i] == "out" || w[i] == "away" { return 1 }
        if w[i] == "from", i + 1 < w.count, w[i + 1] == "now" { return 2 }
        return nil
    }

    /// `6 months`, `six months`, `a year`, `6-12 months`, `3 to 6 months`, `a couple of months`.
    private static func quantity(_ w: [String], at i: Int) -> (String, Int)? {
        func number(_ index: Int) -> Int? {
            guard index < w.count else { return nil }
            if TextScanning.allDigits(w[index]), w[index].utf8.count <= 2 { return Int(w[index]) }
            return numberWord(w[index])
        }
        guard let first = number(i) else { return nil }
        var cursor = i + 1
        if cursor < w.count, w[cursor] == "of" { cursor += 1 }  // "a couple of months"
        if cursor < w.count, w[cursor] == "couple" || w[cursor] == "few" {
            guard let n = numberWord(w[cursor]) else { return nil }
            cursor += 1
            if cursor < w.count, w[cursor] == "of" { cursor += 1 }
            guard cursor < w.count, let unit = Self.unit(w[cursor]) else { return nil }
            return ("\(n) \(unit)", cursor - i + 1)
        }
        var second: Int?
        if cursor + 1 < w.count, w[cursor] == "to" || w[cursor] == "or", let n = number(cursor + 1) {
            second = n
            cursor += 2
        } else if let n = number(cursor), TextScanning.allDigits(w[cursor]) {
            second = n  // "6-12 months" splits into two words
            cursor += 1
        }
        guard cursor < w.count, let unit = Self.unit(w[cursor]) else { return nil }
        if let second { return ("\(first)-\(second) \(unit)", cursor - i + 1) }
        let written = first == 1 && unit.hasSuffix("s") ? String(unit.dropLast()) : (first != 1 && !unit.hasSuffix("s") ? unit + "s" : unit)
        return ("\(first) \(written)", cursor - i + 1)
    }
}
