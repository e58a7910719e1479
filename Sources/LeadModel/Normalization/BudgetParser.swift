/// Reads budget phrases into whole-dollar bounds.
///
/// - Ranges: `$500k-700k`, `$500-700k` (a multiplier on one end applies to both),
///   `$400,000 to $450,000`, `between 1 and 1.5 million`, `600 to 700 thousand`.
/// - Open ranges: `under 800k`, `up to $1M`, `no more than`, `max` → high only;
///   `over`, `at least`, `starting at`, `$750K+`, `750k or more` → low only.
/// - A single figure, with or without `around`/`about`/`roughly`/`~`: low = high = that
///   figure (no margin is invented; a person reads "around" in the message).
/// - `the 600s`, `mid 600s`, `low 600s`, `upper 600s` → 600,000–700,000 (`high 600s to low
///   700s` → 600,000–800,000): the decade, not a
///   narrower guess (whether "low 600s" stops at 630k or 650k is the writer's; the decade is
///   what the words bound, and a person reads "low" in the message), as "around" adds no margin.
/// - A shared unit: `6-700k`, `5-600` → 500,000–600,000 (one digit before hundreds of
///   thousands); `6 to 7 hundred thousand` (`hundred thousand` is a unit of 100,000).
/// - Implied units for bare numbers (no `k`/`M`, no thousands separator), because house
///   budgets are never a few hundred dollars: below 10 → millions (`1.5` → 1,500,000);
///   10 to 999 → thousands (`under 800` → 800,000; `$650` → 650,000); 1,000 and more → dollars.
///   A `$` figure below 10 (`$5`) is no budget, nor is one with cents (`$52.18` is a price).
/// - Results below $1,000 or above $1,000,000,000 are dropped; low and high are swapped if reversed.
public enum BudgetParser {
    /// The first budget in `raw`, or nil.
    public static func parse(_ raw: String) -> BudgetRange? {
        matches(in: raw).first?.range
    }

    /// Every money expression in `text`, in order, with surrounding words for context.
    public static func matches(in text: String) -> [BudgetMatch] {
        // Every match holds an amount, and an amount starts at an ASCII digit (a Character
        // that is one is that one byte): text without such a byte has none. Most text
        // scanned for budgets has none; one pass over its bytes answers.
        var copy = text
        let (hasDigit, hasUnderscore) = copy.withUTF8 { bytes in
            (bytes.contains { $0 &- 0x30 < 10 }, bytes.contains(UInt8(ascii: "_")))
        }
        guard hasDigit else { return [] }
        // Form exports write "$800k_-_$1m" for "$800k - $1m".
        let bounded = boundedText(text)
        let spaced = hasUnderscore && bounded.utf8.contains(UInt8(ascii: "_")) ? underscoresAsSpaces(bounded) : bounded
        return matches(inTokens: BudgetTokenizer.withoutNumberRuns(BudgetTokenizer.tokens(spaced)))
    }

    /// `text.replacing("_", with: " ")`. In ASCII `_` is always a Character of its own (only
    /// CR LF joins two bytes): the bytes are replaced one for one, without the generic
    /// replacing algorithm (cold on most texts).
    static func underscoresAsSpaces(_ text: String) -> String {
        var copy = text
        if let ascii = copy.withUTF8({ bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                for index in bytes.indices { buffer[index] = bytes[index] == UInt8(ascii: "_") ? 0x20 : bytes[index] }
                return bytes.count
            }
        }) {
            return ascii
        }
        return text.replacing("_", with: " ")
    }

    /// The matches of `tokens` (what ``BudgetTokenizer`` gives, number runs removed).
    static func matches(inTokens tokens: [BudgetToken]) -> [BudgetMatch] {
        var results: [BudgetMatch] = []
        var index = 0
        while index < tokens.count {
            guard case .amount(let first) = tokens[index] else { index += 1; continue }
            var end = index + 1
            var low: Amount? = first
            var high: Amount? = first
            var explicit = first.isExplicit
            // Whether some amount has a one-letter M unit, and some has another money mark.
            var letterM = first.hasLetterMUnit
            var otherMark = first.hasOtherMoneyMark
            // Range: A - B, A to B, A through B, between A and B.
            let before = words(tokens, before: index, count: 3)
            // ("high 600s to low 700s": a decade's qualifier may stand before the second end.)
            let secondIndex = end + 2 < tokens.count && isDecadeQualifier(tokens[end + 1]) ? end + 2 : end + 1
            if secondIndex < tokens.count, case .amount(let second) = tokens[secondIndex], secondIndex == end + 1 || second.isDecade,
               isRangeJoiner(tokens[end], between: before.contains("between") || before.contains("entre"),
                             from: before.contains("de") || before.contains("desde")) {
                var a = first
                var b = second
                // ("6-700k", "$5-600,000": a lone first digit is the hundreds of thousands the
                // other end is written in.)
                if let shared = sharingHundredsOfThousands(a, with: b) { a = shared }
                // ("$500-700k": the unit of one end is the other's too; not for an end written
                // whole: "$900,000 to $1.1M" is not 900,000 million.)
                if a.multiplier == nil, !a.hasSeparator, a.value < 1_000, let m = b.multiplier { a.multiplier = m }
                if b.multiplier == nil, let m = a.multiplier, b.value < a.value { b.multiplier = m }
                low = a
                // ("600s to 700s": up to the end of the 700s.)
                high = b.isDecade ? Amount(value: b.value + 100, multiplier: b.multiplier ?? 1_000) : b
                explicit = explicit || second.isExplicit
                letterM = letterM || second.hasLetterMUnit
                otherMark = otherMark || second.hasOtherMoneyMark
                end = secondIndex + 1
            }
            let after = words(tokens, from: end, count: 3)
            if low == high, let only = low {
                if only.isPlus || opens(after, "or", "more") || opens(after, "and", "up")
                    || opens(after, "plus") || opens(after, "or", "above") {
                    high = nil
                } else if only.isDecade {
                    high = Amount(value: only.value + 100, multiplier: only.multiplier ?? 1_000)
                } else if highOnlyCue(before) || opens(after, "or", "less")
                            // ("min 500k, max 600k": that "max" leads the next amount.)
                            || opens(after, "max") && !before.contains("min") && !before.contains("minimum")
                            || opens(after, "tops") || opens(after, "at", "most") {
                    low = nil
                } else if lowOnlyCue(before) {
                    high = nil
                }
            }
            var lowDollars = low.flatMap(dollars)
            var highDollars = high.flatMap(dollars)
            if let l = lowDollars, let h = highDollars, l > h { (lowDollars, highDollars) = (h, l) }
            if lowDollars != nil || highDollars != nil {
                results.append(BudgetMatch(range: BudgetRange(low: lowDollars, high: highDollars), isExplicitMoney: explicit,
                                           wordsBefore: before, wordsAfter: after, isMoneyOnlyByLetterM: letterM && !otherMark))
            }
            index = end
        }
        return results
    }

    /// `words.starts(with: [first])`, or with `[first, second]`: compared in place, without
    /// an array of the phrase per test (an amount is tested against nine).
    private static func opens(_ words: [String], _ first: String, _ second: String? = nil) -> Bool {
        guard let word = words.first, word == first else { return false }
        guard let second else { return true }
        return words.count > 1 && words[1] == second
    }

    /// The first 2,000 characters of `text`: all of it when it has at most 2,000 bytes (a
    /// character has at least one).
    private static func boundedText(_ text: String) -> String {
        text.utf8.count <= 2_000 ? text : String(text.prefix(2_000))
    }

    /// `first` read in the other end's unit when it is one digit and `second` is hundreds of
    /// thousands starting with that digit or one or two more: "6-700k" is 600k-700k, "5-600"
    /// 500k-600k, "$6-700,000" $600,000-$700,000 (not 6,000 nor 6 million to 700k).
    private static func sharingHundredsOfThousands(_ first: Amount, with second: Amount) -> Amount? {
        guard first.multiplier == nil, !first.hasSeparator, !first.isDecade, !first.isPlus, !second.isDecade,
              first.value >= 1, first.value <= 9, first.value == first.value.rounded(),
              let high = dollars(second), high >= 100_000, high < 1_000_000 else { return nil }
        let lead = Double(high / 100_000)
        guard lead >= first.value, lead <= first.value + 2, first.value * 100_000 < Double(high) else { return nil }
        var shared = first
        shared.value = first.value * 100
        shared.multiplier = 1_000
        return shared
    }

    private static func dollars(_ amount: Amount) -> Int? {
        let value: Double
        if let multiplier = amount.multiplier {
            value = amount.value * multiplier
        } else if amount.hasSeparator || amount.value >= 1_000 || (amount.hasDollar && amount.hasCents) {
            // ("$52.18": dollars and cents, a price, not $52,180.)
            value = amount.value
        } else if amount.value < 10, amount.hasDollar {
            return nil  // "$5": not a house budget
        } else if amount.value < 10 {
            value = amount.value * 1_000_000
        } else {
            value = amount.value * 1_000
        }
        guard value >= 1_000, value <= 1_000_000_000 else { return nil }
        return Int((value).rounded())
    }

    private static let highOnlyPhrases: [[String]] = [
        ["under"], ["below"], ["less", "than"], ["up", "to"], ["upto"], ["max"], ["maximum"], ["no", "more", "than"],
        ["not", "more", "than"], ["at", "most"], ["not", "to", "exceed"], ["no", "higher", "than"], ["cap", "of"], ["capped", "at"],
        ["within"], ["max", "of"], ["maximum", "of"], ["max", "is"], ["maximum", "is"],
    ]
    private static let lowOnlyPhrases: [[String]] = [
        ["over"], ["above"], ["more", "than"], ["at", "least"], ["starting", "at"], ["min"], ["minimum"], ["minimum", "of"],
        ["min", "of"], ["upwards", "of"], ["north", "of"], ["in", "excess", "of"], ["min", "is"], ["minimum", "is"],
    ]

    /// The phrases by their last word: a phrase ends `before` only if that word does.
    private static let highOnlyByLast = Dictionary(grouping: highOnlyPhrases) { $0.last ?? "" }
    private static let lowOnlyByLast = Dictionary(grouping: lowOnlyPhrases) { $0.last ?? "" }

    private static func highOnlyCue(_ before: [String]) -> Bool {
        guard let last = before.last, mayEndOpenRangePhrase(last), let phrases = highOnlyByLast[last] else { return false }
        return phrases.contains { before.count >= $0.count && before.suffix($0.count).elementsEqual($0) }
    }

    private static func lowOnlyCue(_ before: [String]) -> Bool {
        guard let last = before.last, mayEndOpenRangePhrase(last), let phrases = lowOnlyByLast[last] else { return false }
        return phrases.contains { before.count >= $0.count && before.suffix($0.count).elementsEqual($0) }
    }

    /// Whether `word` is the last word of a ``highOnlyPhrases`` or ``lowOnlyPhrases`` phrase:
    /// compared as strings (short ones compare as two words), sparing the other words the
    /// hashing of a dictionary lookup.
    static func mayEndOpenRangePhrase(_ word: String) -> Bool {
        // (Each of them is ASCII, two to seven bytes, and starts with one of these letters;
        // no other string equals one, so most words are answered before any comparison.)
        let utf8 = word.utf8
        guard utf8.count >= 2, utf8.count <= 7, let first = utf8.first, openRangeFirstLetters & (1 << UInt32(first & 31)) != 0,
              first >= 0x61, first <= 0x7A else { return false }
        switch word {
        case "under", "below", "than", "to", "upto", "max", "maximum", "most", "exceed", "of", "at", "within",
             "over", "above", "least", "min", "minimum", "is": return true
        default: return false
        }
    }

    /// The first letters of the words ``mayEndOpenRangePhrase(_:)`` accepts, as bits of their
    /// low five bits (a-z are 1-26).
    private static let openRangeFirstLetters: UInt32 = "ubtmeoawli".utf8.reduce(0) { $0 | 1 << UInt32($1 & 31) }

    /// Every phrase of ``highOnlyPhrases`` and ``lowOnlyPhrases``, for tests.
    static var openRangePhrases: [[String]] { highOnlyPhrases + lowOnlyPhrases }

    /// Whether `token` joins two amounts into a range: `-`, `to`, `through`, `or`, `and`
    /// after `between`; in Spanish `hasta`, `y` after `entre`, `a` after `de`/`desde` ("de
    /// $400,000 a $450,000": only there, "$650k a 2,500 sq ft home" is no range).
    /// Whether `token` is a word that places an amount within its decade: "low 700s".
    private static func isDecadeQualifier(_ token: BudgetToken) -> Bool {
        guard case .word(let word) = token else { return false }
        switch word {
        case "low", "lower", "mid", "middle", "high", "upper": return true
        default: return false
        }
    }

    private static func isRangeJoiner(_ token: BudgetToken, between: Bool, from: Bool) -> Bool {
        switch token {
        case .dash: return true
        case .word(let word):
            return word == "to" || word == "through" || word == "thru" || word == "or" || word == "hasta"
                || (between && (word == "and" || word == "y")) || (from && word == "a")
        default: return false
        }
    }

    /// The words right before token `index`, at most `count` (fewer at a token that is not a
    /// word), in order.
    private static func words(_ tokens: [BudgetToken], before index: Int, count: Int) -> [String] {
        var first = index
        while first > 0, index - first < count, isWord(tokens[first - 1]) { first -= 1 }
        return words(tokens, first..<index)
    }

    /// The words from token `index` on, at most `count` (fewer at a token that is not a word).
    private static func words(_ tokens: [BudgetToken], from index: Int, count: Int) -> [String] {
        var end = index
        while end < tokens.count, end - index < count, isWord(tokens[end]) { end += 1 }
        return words(tokens, index..<end)
    }

    /// Whether `token` is a word (one the tokenizer made: it is near an amount).
    @inline(__always)
    private static func isWord(_ token: BudgetToken) -> Bool {
        switch token {
        case .word: return true
        case .distantWord:
            // (The tokenizer makes every word this parser reads: never reached.)
            assertionFailure("an unmade word next to an amount")
            return true
        default: return false
        }
    }

    /// The words of `tokens[range]`, all made words.
    private static func words(_ tokens: [BudgetToken], _ range: Range<Int>) -> [String] {
        guard !range.isEmpty else { return [] }
        var result: [String] = []
        result.reserveCapacity(range.count)
        for index in range {
            if case .word(let word) = tokens[index] { result.append(word) }
        }
        return result
    }
}
