@testable import LeadModel
import Testing

/// The ASCII budget reading makes only the words near an amount, and timeline matching
/// looks words up by their bytes: both must read exactly as before.
@Suite("Budget and timeline phrase readings")
struct PhraseReadingDifferentialTests {

    private static let budgetPieces = [
        "budget", "Budget", "between", "and", "to", "or", "more", "less", "under", "up", "max", "for", "the", "build",
        "house", "in", "total", "all", "plus", "at", "most", "least", "over", "min", "of", "no", "than", "lot", "per",
        "month", "we", "have", "about", "don't", "$500k", "$650,000", "600", "1.5", "million", "700K", "$1M", "2", "800",
        "-", "~", "$", "600s", "3br", "10:30", "5/12", "512-555-0162", "512 555 0162", "1,200,000", "+", "750k+", "x",
        "K", "mm", "grand", "thousand", ",", ".", "!", "(", ")", "20%", "1962",
    ]

    @Test func asciiBudgetTokensReadAsTheCharacterReading() {
        var random = SplitMix64(seed: 7)
        for _ in 0..<4_000 {
            let count = 1 + Int(random.next() % 14)
            var text = ""
            for index in 0..<count {
                if index > 0, random.next() % 5 != 0 { text += " " }
                text += random.pick(Self.budgetPieces)
            }
            let fast = BudgetParser.matches(in: text)
            let reference = BudgetParser.matches(inTokens: BudgetTokenizer.withoutNumberRuns(BudgetTokenizer.characterTokens(text)))
            #expect(fast == reference, "\(text)")
        }
    }

    @Test func everyOpenRangePhraseEndIsPrefiltered() {
        for phrase in BudgetParser.openRangePhrases {
            #expect(phrase.last.map(BudgetParser.mayEndOpenRangePhrase) == true, "\(phrase)")
        }
        #expect(!BudgetParser.mayEndOpenRangePhrase("budget"))
    }

    @Test func distantWordsAreNotMade() {
        let tokens = BudgetTokenizer.tokens("we would like to build a house with a budget of about $500k for the build and more words here")
        let distant = tokens.filter { if case .distantWord = $0 { return true } else { return false } }.count
        // "we would like to build a house with a" (9 words) and "words here" (2) are far from the
        // amount; "budget of about" are its three before, "more" its fifth token after.
        #expect(distant == 11)
        #expect(BudgetParser.parse("we would like to build a house with a budget of about $500k for the build") == BudgetRange(low: 500_000, high: 500_000))
    }

    private static let timelinePieces = [
        "asap", "as", "soon", "possible", "right", "away", "no", "rush", "flexible", "just", "researching", "by", "the",
        "end", "of", "year", "yr", "more", "than", "over", "less", "under", "at", "least", "within", "in", "next", "q3",
        "q5", "3rd", "quarter", "first", "early", "mid", "late", "this", "spring", "autumn", "fall", "march", "may",
        "sept", "jun", "2027", "2031", "27", "6", "12", "a", "an", "six", "couple", "few", "months", "month", "mos",
        "weeks", "wk", "years", "to", "or", "hoping", "build", "we'll", "20'27", "ｍay", "é", "spring’s", "1999", "123",
        "christmas", "thanksgiving", "sometime", "out", "from", "now", "october", "not", "urgent", "start", "ends",
        "lease", "after", "once", "our", "is", "up", "runs", "run",
    ]

    @Test func timelineMatchesReadAsBefore() {
        var random = SplitMix64(seed: 11)
        for _ in 0..<6_000 {
            let count = 1 + Int(random.next() % 10)
            let words = (0..<count).map { _ in random.pick(Self.timelinePieces) }
            let fast = TimelinePhrase.matches(inWords: words)
            let reference = ReferenceTimelinePhrase.matches(inWords: words)
            #expect(fast.map(\.canonical) == reference.map(\.canonical), "\(words)")
            #expect(fast.map(\.wordIndex) == reference.map(\.wordIndex), "\(words)")
            #expect(fast.map(\.isBareYear) == reference.map(\.isBareYear), "\(words)")
        }
    }

    @Test(arguments: [
        ("in the next 6 months", "within 6 months"), ("within a year", "within 1 year"), ("3 to 6 months", "3-6 months"),
        ("within a couple of months", "within 2 months"), ("spring 2027", "spring 2027"), ("Q3 2027", "q3 2027"),
        ("3rd quarter of 2027", "q3 2027"), ("early march 2027", "early march 2027"), ("next year", "next year"),
        ("late fall", "late fall"), ("more than six months", "more than 6 months"), ("end of the yr", "end of year"),
        ("over the next few weeks", "within 3 weeks"), ("by October", "by october"), ("by Christmas 2027", "by christmas 2027"),
        ("by Christmas", "by christmas"), ("sometime in 2027", "2027"), ("18 months out", "18 months out"),
        ("in 2 years from now", "2 years out"),
    ])
    func timelineCanonicalForms(_ text: String, _ canonical: String) {
        #expect(TimelinePhrase.parse(text) == canonical)
        #expect(ReferenceTimelinePhrase.parse(text) == canonical)
    }
}

/// ``TimelinePhrase`` as it was before its words were looked up by their bytes (commit
/// 63e2a44), the reference for ``PhraseReadingDifferentialTests``, with the phrases added
/// since (`by October`, `by Christmas 2027`, `sometime in 2027`, `18 months out`, `not urgent`,
/// `within the next year`, `fall of next year`, `start in January`, `after our lease ends in August`).
enum ReferenceTimelinePhrase {
    /// A phrase found in text: its canonical form and the index of its first word.
    struct Match: Sendable, Equatable {
        var canonical: String
        var wordIndex: Int
        /// Whether the phrase is only a year (`2027`, `in 2027`): a timeline only with context.
        var isBareYear: Bool
    }

    static let seasons: Set<String> = ["spring", "summer", "fall", "autumn", "winter"]
    static let months: [String: String] = [
        "january": "january", "jan": "january", "february": "february", "feb": "february", "march": "march",
        "april": "april", "apr": "april", "may": "may", "june": "june", "jun": "june", "july": "july", "jul": "july",
        "august": "august", "aug": "august", "september": "september", "sept": "september", "sep": "september",
        "october": "october", "oct": "october", "november": "november", "nov": "november", "december": "december",
        "dec": "december",
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
    static let ordinalQuarters: [String: Int] = ["1st": 1, "first": 1, "2nd": 2, "second": 2, "3rd": 3, "third": 3, "4th": 4, "fourth": 4]
    static let holidays: Set<String> = ["christmas", "thanksgiving"]

    /// The canonical form of the first timeline phrase in `raw`, or nil.
    static func parse(_ raw: String) -> String? {
        let found = matches(in: raw)
        return (found.first { !$0.isBareYear } ?? found.first)?.canonical
    }

    /// Every timeline phrase in `text`, in order.
    static func matches(in text: String) -> [Match] {
        // A text of at most 2,000 bytes has at most 2,000 characters: all of it is read.
        matches(inWords: text.utf8.count <= 2_000 ? TextScanning.words(text) : TextScanning.words(text.prefix(2_000)))
    }

    /// ``matches(in:)`` over the words of a text of at most 2,000 characters, already split
    /// by ``PhraseVocabulary/words(in:)``.
    static func matches(inWords textWords: [String]) -> [Match] {
        // (Nearly no word holds an apostrophe: the words are then used as they are.)
        let words = !textWords.contains(where: { $0.utf8.contains(0x27) }) ? textWords : textWords.map { word in
            guard word.utf8.contains(0x27) else { return word }
            // An ASCII word is a Character per byte: dropping the bytes drops the Characters.
            if word.utf8.allSatisfy({ $0 < 0x80 }) { return String(decoding: word.utf8.filter { $0 != 0x27 }, as: UTF8.self) }
            return word.replacing("'", with: "")
        }
        var results: [Match] = []
        var index = 0
        while index < words.count {
            if mayStartPhrase(words[index]), let (canonical, length, bare) = match(words, at: index) {
                results.append(Match(canonical: canonical, wordIndex: index, isBareYear: bare))
                index += max(1, length)
            } else {
                index += 1
            }
        }
        return results
    }

    /// Every word ``match(_:at:)`` can succeed at, besides all-digit words (years, counts).
    private static let startWords: Set<String> = {
        var words: Set<String> = [
            "asap", "immediately", "urgent", "as", "right", "no", "flexible", "whenever", "just", "by", "more", "over",
            "less", "under", "at", "within", "in", "next", "q1", "q2", "q3", "q4", "end", "sometime",
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
    private static let startWordTable = ASCIIWordTable(startWords.map { ($0, 1) })

    /// Checked before a ``startWords`` lookup, which hashes the word.
    private static let startWordFilter = WordLookupFilter(startWords)

    // swiftlint:disable:next cyclomatic_complexity
    private static func match(_ w: [String], at i: Int) -> (String, Int, Bool)? {
        // "by" reads the phrase after it: at the end of the text there is none.
        guard i < w.count else { return nil }
        func word(_ offset: Int) -> String? { i + offset < w.count ? w[i + offset] : nil }
        func year(_ offset: Int) -> String? {
            guard let candidate = word(offset) else { return nil }
            if candidate.count == 4, TextScanning.allDigits(candidate), candidate.hasPrefix("20") { return candidate }
            return nil
        }
        let current = w[i]
        // asap ("not urgent": no rush)
        let negated = i > 0 && ["not", "isnt", "nothing", "arent", "never", "wasnt"].contains(w[i - 1])
        if current == "asap" || current == "immediately" || current == "urgent" { return (negated ? "flexible" : "asap", 1, false) }
        if current == "as", word(1) == "soon", word(2) == "as", word(3) == "possible" { return (negated ? "flexible" : "asap", 4, false) }
        if current == "right", word(1) == "away" { return (negated ? "flexible" : "asap", 2, false) }
        // flexible / researching
        if current == "no", word(1) == "rush" || word(1) == "hurry" || word(1) == "timeline" { return ("flexible", 2, false) }
        if current == "flexible" || current == "whenever" { return ("flexible", 1, false) }
        if current == "just", let next = word(1), ["researching", "exploring", "browsing", "starting"].contains(next) {
            return ("researching", 2, false)
        }
        // by + season/month/year
        if current == "by" {
            let skip = word(1) == "the" && word(2) == "end" ? 1 : 0
            if let (inner, length, bare) = match(w, at: i + 1 + skip), !bare || year(1) != nil {
                return ("by " + inner, length + 1 + skip, false)
            }
            if let next = word(1), let month = months[next], next.count >= 3 { return ("by " + month, 2, false) }
            if let next = word(1), holidays.contains(next) { return ("by " + next, 2, false) }
        }
        if current == "sometime" {
            if let y = year(1) { return (y, 2, false) }
            if word(1) == "in", let y = year(2) { return (y, 3, false) }
        }
        if holidays.contains(current) {
            if let y = year(1) { return (current + " " + y, 2, false) }
            if word(1) == "of", let y = year(2) { return (current + " " + y, 3, false) }
            return nil
        }
        // "more than 6 months", "less than 3 months", "at least a year"
        if current == "more" || current == "over" && word(1) != "the" || current == "less" || current == "under" || current == "at" {
            var skip = 1
            if current == "more" || current == "less" { guard word(1) == "than" else { return nil }; skip = 2 }
            if current == "at" { guard word(1) == "least" else { return nil }; skip = 2 }
            if let (text, length) = quantity(w, at: i + skip) {
                let isUpper = current == "less" || current == "under"
                return ((isUpper ? "within " : "more than ") + text, skip + length, false)
            }
        }
        // within / in the next / over the next N units
        var cursor = 0
        var within = false
        if current == "within" {
            cursor = 1
            within = true
            if word(1) == "the", word(2) == "next" { cursor = 3 }
        }
        if current == "in" || current == "over" {
            cursor = 1
            if word(1) == "the", word(2) == "next" { cursor = 3; within = true }
            else if word(1) == "next" { cursor = 2; within = true }
        }
        if current == "next", word(1).flatMap({ TextScanning.allDigits($0) || numberWords[$0] != nil ? $0 : nil }) != nil {
            cursor = 1; within = true
        }
        if cursor > 0 || TextScanning.allDigits(current) {
            if word(cursor) == "the" { cursor += 1 }
            if let (text, length) = quantity(w, at: i + cursor) {
                let end = i + cursor + length
                if !within, end < w.count, w[end] == "out" || w[end] == "away" { return (text + " out", cursor + length + 1, false) }
                if !within, end + 1 < w.count, w[end] == "from", w[end + 1] == "now" { return (text + " out", cursor + length + 2, false) }
                return ((within ? "within " : "") + text, cursor + length, false)
            }
            if within, let unit = word(cursor).flatMap({ units[$0] }) {
                // "in the next year", "within the year"
                return ("within 1 " + (unit.hasSuffix("s") ? String(unit.dropLast()) : unit), cursor + 1, false)
            }
        }
        // quarters
        if current.count == 2, current.hasPrefix("q"), let digit = current.last, "1234".contains(digit) {
            if let y = year(1) { return ("q\(digit) \(y)", 2, false) }
            if word(1) == "of", let y = year(2) { return ("q\(digit) \(y)", 3, false) }
            return ("q\(digit)", 1, false)
        }
        if let quarter = ordinalQuarters[current], word(1) == "quarter" {
            if let y = year(2) { return ("q\(quarter) \(y)", 3, false) }
            if word(2) == "of", let y = year(3) { return ("q\(quarter) \(y)", 4, false) }
            return ("q\(quarter)", 2, false)
        }
        // qualifier + season / month / year; next/this year; end of (the) year
        var prefix = ""
        var consumed = 0
        if qualifiers.contains(current) || current == "early" {
            prefix = current + " "
            consumed = 1
        }
        let head = word(consumed)
        if let head, seasons.contains(head) {
            let season = head == "autumn" ? "fall" : head
            if let y = year(consumed + 1) { return (prefix + season + " " + y, consumed + 2, false) }
            if word(consumed + 1) == "of", let y = year(consumed + 2) { return (prefix + season + " " + y, consumed + 3, false) }
            if word(consumed + 1) == "of", word(consumed + 2) == "next" || word(consumed + 2) == "this", word(consumed + 3) == "year" {
                return (prefix + season + " " + word(consumed + 2)! + " year", consumed + 4, false)
            }
            if let short = word(consumed + 1), short.count == 2, TextScanning.allDigits(short) {
                return (prefix + season + " 20" + short, consumed + 2, false)
            }
            return (prefix + season, consumed + 1, false)
        }
        if let head, let month = months[head], head.count >= 3 || head == "may" {
            if let y = year(consumed + 1) { return (prefix + month + " " + y, consumed + 2, false) }
            if word(consumed + 1) == "of", let y = year(consumed + 2) { return (prefix + month + " " + y, consumed + 3, false) }
            if word(consumed + 1) == "of", word(consumed + 2) == "next" || word(consumed + 2) == "this", word(consumed + 3) == "year" {
                return (prefix + month + " " + word(consumed + 2)! + " year", consumed + 4, false)
            }
            // A bare month name is a timeline only after a qualifier or "by" ("may" is a verb).
            if !prefix.isEmpty, head != "may" { return (prefix + month, consumed + 1, false) }
            return nil
        }
        if let head, head == "year", prefix == "next " || prefix == "this " { return (prefix + "year", 2, false) }
        if current == "end", word(1) == "of" {
            let offset = word(2) == "the" ? 3 : 2
            if word(offset) == "year" || word(offset) == "yr" {
                if let y = year(offset + 1) { return ("end of " + y, offset + 2, false) }
                return ("end of year", offset + 1, false)
            }
            if let y = year(offset) { return ("end of " + y, offset + 1, false) }
        }
        if consumed == 1, ["early", "mid", "late"].contains(current), let y = year(1) { return (current + " " + y, 2, false) }
        if let y = year(0) { return (y, 1, true) }
        if current == "in", let y = year(1) { return (y, 2, true) }
        // (`our lease runs out in May`: `out` after `runs` or `run`, a lease within four words before it.)
        let runsOut = i > 1 && w[i - 1] == "out" && ["runs", "run"].contains(w[i - 2]) && (max(0, i - 5)..<(i - 1)).contains { w[$0] == "lease" }
        if current == "in", i > 0,
           ["start", "starting", "begin", "beginning", "build", "building", "ends", "end", "expires", "up", "ground"].contains(w[i - 1]) || runsOut,
           let next = word(1), let month = months[next], next.count >= 3, year(2) == nil, word(2) != "of" {
            // (`lease ends in August`, `after our lease ends in August`.)
            if ["ends", "end", "expires", "up"].contains(w[i - 1]) || runsOut, let lease = (max(0, i - 5)..<(i - 1)).last(where: { w[$0] == "lease" }) {
                var before = lease - 1
                while before >= 0, lease - before <= 3, ["our", "the", "my", "current", "apartment", "house", "rental", "home"].contains(w[before]) {
                    before -= 1
                }
                return ((before >= 0 && (w[before] == "after" || w[before] == "once") ? "after " : "lease ends in ") + month, 2, false)
            }
            return ("in " + month, 2, false)
        }
        return nil
    }

    /// `6 months`, `six months`, `a year`, `6-12 months`, `3 to 6 months`, `a couple of months`.
    private static func quantity(_ w: [String], at i: Int) -> (String, Int)? {
        func number(_ index: Int) -> Int? {
            guard index < w.count else { return nil }
            if TextScanning.allDigits(w[index]), w[index].count <= 2 { return Int(w[index]) }
            return numberWords[w[index]]
        }
        guard let first = number(i) else { return nil }
        var cursor = i + 1
        if cursor < w.count, w[cursor] == "of" { cursor += 1 }  // "a couple of months"
        if cursor < w.count, w[cursor] == "couple" || w[cursor] == "few" {
            guard let n = numberWords[w[cursor]] else { return nil }
            cursor += 1
            if cursor < w.count, w[cursor] == "of" { cursor += 1 }
            guard cursor < w.count, let unit = units[w[cursor]] else { return nil }
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
        guard cursor < w.count, let unit = units[w[cursor]] else { return nil }
        if let second { return ("\(first)-\(second) \(unit)", cursor - i + 1) }
        let written = first == 1 && unit.hasSuffix("s") ? String(unit.dropLast()) : (first != 1 && !unit.hasSuffix("s") ? unit + "s" : unit)
        return ("\(first) \(written)", cursor - i + 1)
    }
}
