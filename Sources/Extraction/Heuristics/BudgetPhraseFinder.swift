import LeadModel

/// Finds the prospect's budget in free text.
///
/// A money expression (see ``BudgetParser``) counts when
/// - the line talks about a budget (`budget`, `spend`, `price range`, `afford`, ...) and the
///   expression is not about something else (`$50 gift card`, `$200k for the lot`,
///   `$250 per square foot`, `$3,000 a month`), or
/// - without such a word, it is unmistakably money (`$`, `k`, `M`, separators), at house
///   scale (at least $50,000), and not about something else.
/// A line that is only a label (`Budget:`) lends its cue to the next line.
enum BudgetPhraseFinder {
    /// Words that make a line about the budget; a bare number ("under 800") needs one.
    static let strongCues: Set<String> = [
        "budget", "budgeted", "budgeting", "spend", "spending", "afford", "price", "pricepoint", "invest", "investment",
        // Spanish.
        "presupuesto",
    ]
    /// Words that make unmistakable money on the line likely to be the budget.
    static let cues: Set<String> = strongCues.union(["range", "total", "allin", "financing", "approved", "cost", "costs", "build", "project"])
    /// Checked before a ``cues`` or ``strongCues`` lookup, which hashes the word.
    private static let cueFilter = WordLookupFilter(cues)
    /// ``cues`` and ``strongCues`` looked up from an ASCII word's bytes.
    private static let cueWords = ASCIIWordSet(cues)
    private static let strongCueWords = ASCIIWordSet(strongCues)
    /// Words right before an amount that make it not the budget.
    static let unrelatedBefore = ASCIIWordSet([
        "paid", "sold", "worth", "appraised", "valued", "owe", "rent", "earn", "make", "makes", "saved",
        "deposit", "fee", "lot", "land", "taxes", "tax", "hoa", "won", "spent", "refund",
    ])
    /// Words right after an amount that make it not the budget.
    static let unrelatedAfter = ASCIIWordSet([
        "gift", "card", "deposit", "fee", "fees", "per", "a", "an", "sq", "sqft", "square", "month", "monthly", "mo",
        "down", "hoa", "tax", "taxes", "rent", "salary", "income", "off", "discount", "credit", "rebate", "bonus",
        "coupon", "voucher", "reward", "referral", "for", "each", "retainer", "consultation", "hour", "hr",
        "acre", "acres", "lot", "raise", "annually", "year", "yr", "ago", "bedroom", "bedrooms", "bed", "beds", "bath",
        "baths", "bathroom", "bathrooms", "br", "ba", "story", "stories", "car", "ft", "feet", "foot", "people", "kids",
        "minutes", "min", "days", "weeks", "months", "years", "am", "pm", "x", "sf", "psf", "ppsf",
    ])
    /// Words that, a few words before an amount and joined to it only by ``priceConnectors``,
    /// make it another price: a payment ("a monthly payment of about $4,000"), a listing
    /// ("listed at $189,900", "asking $450k"), a sale.
    static let otherPriceWords = ASCIIWordSet(["payment", "payments", "listed", "listing", "asking", "selling", "sell"])
    /// What may stand between an ``otherPriceWords`` word and its amount.
    private static let priceConnectors = ASCIIWordSet([
        "for", "at", "of", "price", "about", "around", "roughly", "approximately", "near", "close", "to", "is",
    ])

    static func find(in lines: InquiryLines) -> HeuristicFinding<BudgetRange>? {
        var cueFromLabel = false
        // A lender's amount, kept until the text names another (``isLoanAmount(_:)``).
        var loan: HeuristicFinding<BudgetRange>?
        // The first amount read without a strong cue on its line, kept until a later line
        // gives one with a strong cue.
        var uncued: HeuristicFinding<BudgetRange>?
        // The 0-based line of a label without digits lending its cue, or -1.
        var labelLine = -1
        for (index, line) in lines.lines.enumerated() {
            let text = line.text
            guard !text.isEmpty else { continue }
            let traits = lines.traits[index]
            if !traits.hasDigit {
                // Every amount needs an ASCII digit: this line has none, so it can only be a
                // "Budget:" label lending its cue to the next line. Its words hold "budget"
                // only if its bytes do, in some ASCII case (no other scalar lowercases to
                // those letters); an ASCII line's word flags tell exactly.
                let mayBeLabel = traits.isASCII ? traits.keywords.contains(.budgetWord) : containsBudget(text)
                cueFromLabel = mayBeLabel && { let words = Set(wordsOf(text)); return words.contains("budget") && words.count <= 3 }()
                // A line that is only a cue phrase ("What we can spend:", "Price range"):
                // its last word is the cue.
                if !cueFromLabel, traits.isASCII ? traits.keywords.contains(.budgetStrongCue) : mayMatter(text) {
                    cueFromLabel = isCueLine(text)
                }
                // (Not a label said to be none: "No budget yet".)
                labelLine = cueFromLabel && !wordsOf(text).contains(where: negations.contains) ? index : -1
                // "We can spend up to half a million": the one amount without a digit read,
                // on a line with a strong cue only.
                // (ASCII lines only: their word flags say whether there is a strong cue.)
                if traits.isASCII, traits.keywords.contains(.budgetStrongCue),
                   FoldedSearch.contains(text, "half a mil"), let finding = halfAMillion(in: text, line: line.number) {
                    return finding
                }
                // "in the mid-six figures": a range said in figures (ASCII lines with the word
                // `figures` or `figure` only: their word flags say so).
                if traits.isASCII, traits.keywords.contains(.figuresWord),
                   let finding = figures(in: text, line: line.number, lineHasCue: traits.keywords.contains(.budgetCue)) {
                    return traits.keywords.contains(.budgetStrongCue) ? finding : uncued ?? finding
                }
                continue
            }
            // A line that is not ASCII: when its bytes hold no money mark and no strong cue,
            // it gives nothing (see ``mayMatter(_:)``), without reading its words.
            if !traits.isASCII, !cueFromLabel, !mayMatter(text) { continue }
            // An ASCII line's word flags say which cues its words hold.
            let words = traits.isASCII ? nil : wordsOf(text)
            let hasCue = cueFromLabel
                || (words.map { $0.contains { cueFilter.mayContain($0) && cues.contains($0) } } ?? traits.keywords.contains(.budgetCue))
            let hasStrongCue = cueFromLabel
                || (words.map { $0.contains { cueFilter.mayContain($0) && strongCues.contains($0) } } ?? traits.keywords.contains(.budgetStrongCue))
            // An amount opening the line right below a label reads as written after it
            // ("Our budget:" / "in the 200s"), unless the line is a phone or a ZIP.
            let cueOpensLine = cueFromLabel && labelLine >= 0 && labelLine == index - 1 && traits.digits < 7 && !traits.hasZIPToken
            cueFromLabel = false
            labelLine = -1
            // "low 6 figures": figures said with a digit, read after money in dollars and
            // before a bare number (its 6 is none).
            let digitFigures = traits.isASCII && traits.keywords.contains(.figuresWord)
                ? figuresWithDigit(in: text, line: line.number, lineHasCue: hasCue) : nil
            // Without a strong cue only unmistakable money is accepted (``accepts``); an ASCII
            // line that cannot hold any (no `$`, no thousands group, no unit after a number)
            // gives nothing: skip the parse. (Its words lack "budget", a strong cue, so it is
            // no "Budget:" label either.) The line scan recorded its thousands groups and `$`,
            // and whether a run of its letters is a unit, which a unit after a digit is.
            if !hasStrongCue, traits.isASCII, !traits.hasThousandsGroup, !traits.hasDollar,
               !traits.keywords.contains(.moneyUnit) || !mayHoldExplicitMoney(text),
               !(hasCue && mayHoldCap(text)), !(traits.keywords.contains(.allWord) && FoldedSearch.contains(text, "all in")) {
                if let digitFigures { return uncued ?? digitFigures }
                continue
            }
            let matches = BudgetParser.matches(in: text)
            if matches.isEmpty {
                if let digitFigures { return hasStrongCue ? digitFigures : uncued ?? digitFigures }
                // "Budget:" alone on a line: the figure is on the next one.
                if traits.isASCII ? traits.keywords.contains(.budgetWord) : true {
                    let words = words ?? wordsOf(text)
                    if words.contains("budget"), Set(words).count <= 3 { cueFromLabel = true }
                }
                continue
            }
            // Unmistakable money first: "remodel our 1962 ranch ... around $250k" is $250k.
            for pass in 0..<2 {
                if pass == 1, let digitFigures { return hasStrongCue ? digitFigures : uncued ?? digitFigures }
                let accepted = matches.filter { match in
                    match.isExplicitMoney == (pass == 0)
                        && (accepts(match, lineHasCue: hasCue, lineHasStrongCue: hasStrongCue, line: text,
                                    previousLine: index > 0 ? lines.lines[index - 1].text : "")
                            || cueOpensLine && match == matches[0] && opensLineAfterCue(match))
                }
                // ("That one was probably a $2M house; we're more in the $600k-800k range":
                // of two amounts, the one a cue word stands beside.)
                let ordered = accepted.count > 1 ? accepted.filter(isBesideCue) + accepted.filter { !isBesideCue($0) } : accepted
                for match in ordered {
                    let finding = HeuristicFinding(value: withStretch(withOtherEnd(bounded(match, line: text), of: match, among: matches), of: match, among: matches), line: line.number,
                                                   rule: hasCue || isAllIn(match) ? "budget phrase" : "money amount at house scale")
                    // "pre-approved for $650,000 ... keep the house under $550k": the loan
                    // is the budget only when the text names no other.
                    if isLoanAmount(match) {
                        if loan == nil { loan = finding }
                        continue
                    }
                    // "That one was $2M." / "Our budget is $600k-800k.": money without a cue
                    // yields to an amount a later line gives with a strong one.
                    if !hasStrongCue, !isAllIn(match) {
                        if uncued == nil { uncued = finding }
                        continue
                    }
                    // (Not a budget for the land: "Our lot budget is about $200k" after "a
                    // $650k home".)
                    if uncued != nil, (words ?? wordsOf(text)).contains(where: landWords.contains) { continue }
                    return finding
                }
            }
        }
        return uncued ?? loan
    }

    /// Whether a cue word stands within three words before `match` or two after it.
    private static func isBesideCue(_ match: BudgetMatch) -> Bool {
        match.wordsBefore.suffix(3).contains(where: cueWords.contains) || match.wordsAfter.prefix(2).contains(where: cueWords.contains)
    }

    /// Whether the words right before `match` make it what a lender approved ("pre-approved
    /// for $650,000", "qualified for up to 700k", "a construction loan of $500k").
    private static func isLoanAmount(_ match: BudgetMatch) -> Bool {
        match.wordsBefore.suffix(3).contains { loanWords.contains($0) }
    }

    private static let loanWords = ASCIIWordSet(["approved", "preapproved", "qualified", "prequalified", "approval", "loan", "mortgage"])

    /// ``figures(in:line:lineHasCue:)`` of a line that writes the figures with a digit (`low 6
    /// figures`, `a 7-figure budget`): a lone 6 or 7 before a space or a hyphen is read as
    /// its word. Nil when the line has none.
    static func figuresWithDigit(in text: String, line: Int, lineHasCue: Bool) -> HeuristicFinding<BudgetRange>? {
        var copy = text
        let spelled = copy.withUTF8 { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 8)
            var changed = false
            for index in bytes.indices {
                let byte = bytes[index]
                let lone = (byte == UInt8(ascii: "6") || byte == UInt8(ascii: "7"))
                    && (index == 0 || !Self.isWordByte(bytes[index - 1]))
                    && index + 1 < bytes.count && (bytes[index + 1] == 0x20 || bytes[index + 1] == UInt8(ascii: "-"))
                if lone {
                    out.append(contentsOf: byte == UInt8(ascii: "6") ? Array("six".utf8) : Array("seven".utf8))
                    changed = true
                } else {
                    out.append(byte)
                }
            }
            return changed ? String(decoding: out, as: UTF8.self) : nil
        }
        guard let spelled else { return nil }
        return figures(in: spelled, line: line, lineHasCue: lineHasCue)
    }

    @inline(__always) private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",")
    }

    /// Phrases that turn "more than" / "over" into a ceiling ("we don't want to spend more
    /// than 90k"): the parser reads only three words before an amount.
    private static let negatedFloors: [StaticString] = [
        "n't spend more", "not spend more", "n't want to spend more", "not want to spend more", "n't go over",
        "not go over", "n't want to go over", "not want to go over", "n't be over", "not be over", "n't be more",
        "not be more", "n't exceed", "not exceed",
        "n\u{2019}t spend more", "n\u{2019}t want to spend more", "n\u{2019}t go over", "n\u{2019}t want to go over",
    ]

    /// `match`'s range, a floor said negated ("don't want to spend more than 90k") read as
    /// the ceiling it is, and one figure after "max budget" as a ceiling only.
    private static func bounded(_ match: BudgetMatch, line: String) -> BudgetRange {
        let range = match.range
        guard let low = range.low else { return range }
        if range.high == nil, match.wordsBefore.last == "than" || match.wordsBefore.last == "over",
           negatedFloors.contains(where: { FoldedSearch.contains(line, $0) }) {
            return BudgetRange(low: nil, high: low)
        }
        if range.high == low, match.wordsBefore.suffix(2).first == "max" || match.wordsBefore.suffix(2).first == "maximum",
           match.wordsBefore.last == "budget" {
            return BudgetRange(low: nil, high: low)
        }
        // "Min budget 500k, max 600k": the floor only (its ceiling may follow).
        if range.high == low, floorWords.contains(match.wordsBefore.last == "budget" ? match.wordsBefore.suffix(2).first ?? "" : match.wordsBefore.last ?? "") {
            return BudgetRange(low: low, high: nil)
        }
        return range
    }

    /// Words right before an amount that make it the floor or the ceiling ("max budget
    /// 600k, min 500k").
    private static let floorWords: Set<String> = ["min", "minimum"]
    private static let ceilingWords: Set<String> = ["max", "maximum"]

    /// `range` (read from `match`) with its missing end from another amount of the line
    /// that is the other end ("Max budget 600k, min 500k": 500k-600k).
    private static func withOtherEnd(_ range: BudgetRange, of match: BudgetMatch, among matches: [BudgetMatch]) -> BudgetRange {
        guard matches.count > 1, (range.low == nil) != (range.high == nil) else { return range }
        let wanted = range.low == nil ? floorWords : ceilingWords
        for other in matches where other != match {
            // ("min 500k", "max budget 600k".)
            let words = other.wordsBefore.last == "budget" ? other.wordsBefore.dropLast() : other.wordsBefore[...]
            guard let lead = words.last, wanted.contains(lead),
                  let value = other.range.low ?? other.range.high else { continue }
            let combined = range.low == nil ? BudgetRange(low: value, high: range.high) : BudgetRange(low: range.low, high: value)
            guard let low = combined.low, let high = combined.high, low <= high else { return range }
            return combined
        }
        return range
    }

    /// A figure with a stretch after it ("$95k but could stretch to $110k", "650k, could go up
    /// to 700k"): the range from the figure to the stretch.
    private static func withStretch(_ range: BudgetRange, of match: BudgetMatch, among matches: [BudgetMatch]) -> BudgetRange {
        guard matches.count > 1, let low = range.low, range.high == low,
              let index = matches.firstIndex(of: match), index + 1 < matches.count else { return range }
        let other = matches[index + 1]
        let before = other.wordsBefore.suffix(3)
        guard before.contains("stretch") || before.elementsEqual(["go", "up", "to"]) || before.suffix(2).elementsEqual(["push", "to"]),
              let high = other.range.high ?? other.range.low, other.range.low == nil || other.range.low == other.range.high,
              high > low, high <= low * 2 else { return range }
        return BudgetRange(low: low, high: high)
    }

    /// A budget said as "half a million" (`up to half a million`, `around half a mil`) on a
    /// line with a strong cue: the line's words with it as `500k`, read as any line.
    private static func halfAMillion(in text: String, line: Int) -> HeuristicFinding<BudgetRange>? {
        let words = wordsOf(text)
        guard let half = words.indices.dropLast(2).first(where: {
            words[$0] == "half" && words[$0 + 1] == "a" && (words[$0 + 2] == "million" || words[$0 + 2] == "mil")
        }) else { return nil }
        let written = (words[..<half] + ["500k"] + words[(half + 3)...]).joined(separator: " ")
        let hasStrongCue = words.contains(where: strongCueWords.contains)
        guard hasStrongCue, let match = BudgetParser.matches(in: written).first,
              accepts(match, lineHasCue: true, lineHasStrongCue: true, line: written) else { return nil }
        return HeuristicFinding(value: bounded(match, line: written), line: line, rule: "budget phrase")
    }

    /// A budget said in figures, as a range of whole dollars. The thirds of a decade are a
    /// reading, not a rule (people mean roughly these; a person reads the message):
    ///
    /// | written                                   | range                     |
    /// |-------------------------------------------|---------------------------|
    /// | `six figures`, `a six-figure budget`       | $100,000 – $999,999       |
    /// | `low six figures`, `lower six figures`     | $100,000 – $400,000       |
    /// | `mid six figures`, `mid-six figures`       | $400,000 – $700,000       |
    /// | `high six figures`, `upper six figures`    | $700,000 – $999,999       |
    /// | `low to mid six figures`, `mid-high ...`   | the first's low – the second's high |
    /// | `seven figures` (`low`, `mid`, `high`)     | ten times those           |
    ///
    /// Read on a line about the project or its budget (a budget cue, or `home`, `house`,
    /// `build`, `custom`), and not when the figures are someone's pay or another price (an
    /// ``unrelatedBefore`` or ``figuresElsewhereWords`` word among the five before: `makes
    /// six figures`, `the lot was low six figures`; `salary`, `income`, `a year` after). The
    /// singular reads only before what it qualifies (`a six-figure budget`, not `a six-figure
    /// salary`). Written with a digit (`low 6 figures`) see ``figuresWithDigit(in:line:lineHasCue:)``.
    static func figures(in text: String, line: Int, lineHasCue: Bool) -> HeuristicFinding<BudgetRange>? {
        let words = wordsOf(text)
        guard let at = words.indices.first(where: { $0 > 0 && (words[$0] == "figures" || words[$0] == "figure") }) else { return nil }
        let scale: Int
        switch words[at - 1] {
        case "six": scale = 100_000
        case "seven": scale = 1_000_000
        default: return nil
        }
        let after = words[(at + 1)...].prefix(3)
        if words[at] == "figure", !(after.first.map(figureNouns.contains) ?? false) { return nil }
        // The thirds: 1-4, 4-7, 7-10 times the scale (the last short of the next figure).
        func third(_ word: String) -> Int? {
            switch word {
            case "low", "lower": 0
            case "mid", "middle": 1
            case "high", "upper": 2
            default: nil
            }
        }
        func bounds(_ third: Int) -> (Int, Int) { (scale * (1 + 3 * third), third == 2 ? scale * 10 - 1 : scale * (4 + 3 * third)) }
        var range = (scale, scale * 10 - 1)
        var first = at - 1
        if at >= 2, let high = third(words[at - 2]) {
            first = at - 2
            range = bounds(high)
            // "low to mid six figures", "mid-high six figures".
            if at >= 4, words[at - 3] == "to" || words[at - 3] == "or", let low = third(words[at - 4]), low < high {
                first = at - 4
                range.0 = bounds(low).0
            } else if at >= 3, let low = third(words[at - 3]), low < high {
                first = at - 3
                range.0 = bounds(low).0
            }
        }
        let before = words[max(0, first - 5)..<first]
        if before.contains(where: { unrelatedBefore.contains($0) || figuresElsewhereWords.contains($0) }) { return nil }
        if let next = after.first, figuresElsewhereWords.contains(next) || next == "per" || next == "a" && after.dropFirst().first == "year" {
            return nil
        }
        if after.first == "for", after.contains(where: landWords.contains) { return nil }
        guard lineHasCue || words.contains(where: figuresProjectWords.contains) else { return nil }
        return HeuristicFinding(value: BudgetRange(low: range.0, high: range.1), line: line, rule: "budget said in figures")
    }

    /// Words after `six-figure` that make it a budget (`a six-figure budget`).
    private static let figureNouns: Set<String> = ["budget", "range", "price", "home", "house", "build", "project", "investment"]
    /// Words that make figures someone's pay or another price (`makes six figures`, `a
    /// six-figure salary`).
    private static let figuresElsewhereWords = ASCIIWordSet([
        "salary", "salaries", "income", "incomes", "job", "jobs", "earns", "earning", "earned", "making", "pays", "paying", "sale", "sell",
        "selling", "listed", "asking", "mortgage", "loan", "debt",
    ])
    /// Words that make a line about the home to build.
    private static let figuresProjectWords: Set<String> = ["home", "house", "build", "building", "custom", "construction"]

    /// "high 600s to low 700s all in": a total, as strong a cue as "budget".
    private static func isAllIn(_ match: BudgetMatch) -> Bool { match.wordsAfter.starts(with: ["all", "in"]) }

    private static func accepts(
        _ match: BudgetMatch, lineHasCue: Bool, lineHasStrongCue: Bool, line: String, previousLine: String = ""
    ) -> Bool {
        // "3,400 s.f.": square feet, never money.
        if match.wordsAfter.starts(with: ["s", "f"]) { return false }
        if let next = match.wordsAfter.first, unrelatedAfter.contains(next) {
            // "for the build" / "in total" are still the budget.
            let allowed = match.wordsAfter.starts(with: ["for", "the", "build"]) || match.wordsAfter.starts(with: ["for", "the", "house"])
                || match.wordsAfter.starts(with: ["for", "the", "home"]) || match.wordsAfter.starts(with: ["for", "the", "project"])
                || match.wordsAfter.starts(with: ["in", "total"]) || match.wordsAfter.starts(with: ["all", "in"])
                // "about $900k for a custom home", "$150k for our new kitchen".
                || isForTheProject(match.wordsAfter)
                // "Budget is around $200k each" (two houses, one budget apiece): a budget
                // named before house-scale money is the budget of each.
                || next == "each" && match.isExplicitMoney && match.wordsBefore.contains(where: strongCueWords.contains)
                    && max(match.range.low ?? 0, match.range.high ?? 0) >= 50_000
                // "two spec homes at about $300k each", "$300k per house": house-scale money
                // for each house is the budget of each (not a lot's price: "lots at $90k each").
                || isPerHouse(match)
            if !allowed { return false }
        }
        if match.wordsBefore.suffix(2).contains(where: unrelatedBefore.contains) && !endsSentenceBeforeCue(match, line: line)
            || isSomeoneElsesPrice(match) || isOtherPrice(match)
            || isOwnHouseSale(match, line: line, previousLine: previousLine)
            || isOwnPurchase(match, line: line, previousLine: previousLine) {
            return false
        }
        let allIn = isAllIn(match)
        if lineHasCue || allIn {
            // A bare number ("under 800") needs the cue close by or a budget qualifier.
            if match.isExplicitMoney { return true }
            // A bare number: never a year ("our 1962 ranch"), and only right after the cue or
            // a budget qualifier ("budget is 650", "budget under 800").
            if let low = match.range.low, match.range.high == low, (1_900...2_100).contains(low) {
                return false
            }
            // "keep the build under 800", "stay below 650 on the project": a cap the writer
            // keeps to, on a line with a cue ("build", "project", "total").
            if isKeptUnder(match, line: line) { return true }
            // "We are thinking 650 all in": the idiom names a total, at house scale.
            if allIn, max(match.range.low ?? 0, match.range.high ?? 0) >= 50_000 { return true }
            guard lineHasStrongCue || allIn else { return false }
            // A cue among the words before.
            if match.wordsBefore.contains(where: cueWords.contains) { return true }
            // "Budget is flexible but probably in the 900s": hundreds of thousands said as a
            // range of hundreds, after a strong cue further back.
            if match.wordsBefore.suffix(2).elementsEqual(["in", "the"]), let low = match.range.low, let high = match.range.high,
               low >= 100_000, high - low == 100_000 { return true }
            // A qualifier right before it ("is 650", "is in the 600s"), not further back: the
            // house number of "Greg is at 1110 Cedar Ave. Budget is ..." is no budget.
            guard let position = match.wordsBefore.lastIndex(where: { $0 != "in" && $0 != "the" }) else { return false }
            // "of" only after a bound ("a max of 800"): "a family of 4", "lot 7 of 12" are counts.
            if match.wordsBefore[position] == "of" {
                return position > 0 && boundsBeforeOf.contains(match.wordsBefore[position - 1])
            }
            return qualifiers.contains(match.wordsBefore[position])
        }
        // No cue: only unmistakable money, which a bare "3M" is not ("3M window film").
        guard match.isExplicitMoney, !match.isMoneyOnlyByLetterM else { return false }
        let largest = max(match.range.low ?? 0, match.range.high ?? 0)
        // ("Need a covered deck and patio ... Around 45k": a smaller project's figure, said
        // as an estimate, from $5,000.)
        if largest >= 5_000, let last = match.wordsBefore.last, estimateWords.contains(last) { return true }
        return largest >= 50_000
    }

    /// Words right before money that give it as the writer's estimate ("around 45k", "we're
    /// thinking $45,000").
    private static let estimateWords = ASCIIWordSet(["around", "about", "approximately", "roughly", "thinking", "approx"])

    /// Whether the words before `match` make it a price someone else gave: the builder's
    /// proposal a prospect answers ("your price of $685,000 is more than we hoped; our budget
    /// is closer to $600k"), another builder's quote ("they quoted us $720,000"). The
    /// prospect's own figure is elsewhere on the line, or nowhere.
    private static func isSomeoneElsesPrice(_ match: BudgetMatch) -> Bool {
        let near = match.wordsBefore.suffix(4)
        if near.contains("quoted") { return true }
        guard let owner = near.lastIndex(where: { $0 == "your" || $0 == "their" }), owner + 1 < near.endIndex else { return false }
        return othersPriceWords.contains(near[owner + 1])
    }

    /// Whether the words before `match` end in an ``unrelatedBefore`` word, a full stop and a
    /// strong cue: "... on our lot. Budget 1.2-1.5 mil" (the tokenizer drops the full stop;
    /// "lot budget 150k", the lot's, stays unrelated).
    private static func endsSentenceBeforeCue(_ match: BudgetMatch, line: String) -> Bool {
        let before = match.wordsBefore
        guard before.count >= 2, let cue = before.last, strongCueWords.contains(cue), unrelatedBefore.contains(before[before.count - 2]) else {
            return false
        }
        let needle = Array("\(before[before.count - 2]). \(cue)".utf8)
        var copy = line
        return copy.withUTF8 { FoldedSearch.contains($0, bytes: needle) }
    }

    /// Words that make "of" before a bare number a budget qualifier ("a max of 800").
    private static let boundsBeforeOf = ASCIIWordSet(["max", "maximum", "min", "minimum", "upwards", "excess", "north", "cap"])

    /// Whether an ``otherPriceWords`` word is among the words before `match`, joined to it
    /// only by ``priceConnectors`` ("payment of about", "listed at"), or "list price" is.
    private static func isOtherPrice(_ match: BudgetMatch) -> Bool {
        let before = match.wordsBefore
        guard let last = before.lastIndex(where: { otherPriceWords.contains($0) || $0 == "list" }) else { return false }
        if before[last] == "list", last + 1 >= before.endIndex || before[last + 1] != "price" { return false }
        return before[(last + 1)...].allSatisfy(priceConnectors.contains)
    }

    /// Whether `match` is the price of the prospect's own house for sale: "listing our house
    /// for $450,000", "we'd sell our home for about 400k" (the verb is further back than the
    /// words a match holds, so the line's words, and those of the line before it, where
    /// the sentence may start, are read, only after "house for").
    private static func isOwnHouseSale(_ match: BudgetMatch, line: String, previousLine: String) -> Bool {
        let before = match.wordsBefore
        guard let preposition = before.lastIndex(where: { $0 == "for" || $0 == "at" }), preposition > 0,
              ownHouseWords.contains(before[preposition - 1]),
              before[(preposition + 1)...].allSatisfy({ ["about", "around", "roughly", "approximately"].contains($0) })
        else { return false }
        let words = wordsOf(previousLine) + wordsOf(line)
        for index in words.indices.dropLast(3) where saleVerbs.contains(words[index]) {
            if words[index + 1] == "our" || words[index + 1] == "my", ownHouseWords.contains(words[index + 2]),
               words[index + 3] == "for" || words[index + 3] == "at" { return true }
        }
        return false
    }

    /// Whether `match` is what the prospect paid for their house or land: "we bought our
    /// house at 1420 Brushy Creek Rd in 2019 for $425,000", "purchased the lot for about
    /// $150k". The verb is further back than the words a match holds: the line's words (and
    /// those of the line before it, where the sentence may start) are read, only for an
    /// amount right after "for" (an approximation word between) with no budget cue before it
    /// ("bought a lot and want to build for $500k" stays the budget).
    private static func isOwnPurchase(_ match: BudgetMatch, line: String, previousLine: String) -> Bool {
        let before = match.wordsBefore
        guard let preposition = before.lastIndex(of: "for"),
              before[(preposition + 1)...].allSatisfy({ ["about", "around", "roughly", "approximately", "just", "under", "over"].contains($0) }),
              !before.contains(where: cueWords.contains) else { return false }
        let words = wordsOf(previousLine) + wordsOf(line)
        for index in words.indices.dropLast(2) where purchaseVerbs.contains(words[index]) {
            if ["our", "my", "the", "this", "a", "an"].contains(words[index + 1]),
               ownHouseWords.contains(words[index + 2]) || landWords.contains(words[index + 2]) { return true }
        }
        return false
    }

    private static let purchaseVerbs = ASCIIWordSet(["bought", "purchased", "buy", "paid"])

    private static let ownHouseWords = ASCIIWordSet(["house", "home", "place", "condo", "townhouse"])
    private static let saleVerbs = ASCIIWordSet(["sell", "selling", "sold", "list", "listing", "listed"])

    /// Words after "for a" / "for our" that make the amount the project's: "$900k for a
    /// custom home", "$150k for a new kitchen" (not "for a down payment", "for the lot",
    /// nor "for our house", which may be the one they sell).
    private static let projectWords = ASCIIWordSet([
        "home", "house", "build", "project", "custom", "new", "dream", "modern", "spec", "remodel", "renovation",
        "kitchen", "bathroom", "addition", "barndominium", "barndo", "farmhouse", "ranch", "forever", "whole", "complete",
        "turnkey", "single", "luxury", "estate",
    ])

    /// Whether `after` (the words after an amount) is "for a/an/the" then ``projectWords``,
    /// or "for our/my" then one that is no house ("for our new home").
    private static func isForTheProject(_ after: [String]) -> Bool {
        guard after.count >= 2, after[0] == "for" else { return false }
        // "$1.8 to $2.2 million for construction".
        if after[1] == "construction" || after[1] == "building" { return true }
        guard after.count >= 3 else { return false }
        switch after[1] {
        case "a", "an", "the": return projectWords.contains(after[2])
        case "our", "my": return after[2] != "home" && after[2] != "house" && projectWords.contains(after[2])
        default: return false
        }
    }

    /// What follows "your" / "their" in ``isSomeoneElsesPrice(_:)``.
    private static let othersPriceWords = ASCIIWordSet(["price", "pricing", "quote", "bid", "estimate", "proposal", "number"])

    /// Whether `match`, the first amount of a line right below a cue label, reads as the
    /// cue's amount: only qualifiers before it (`in the 200s`, `around 650`), nothing after
    /// it that makes it something else, and no year.
    private static func opensLineAfterCue(_ match: BudgetMatch) -> Bool {
        guard match.wordsBefore.allSatisfy({ $0 == "in" || $0 == "the" || qualifiers.contains($0) }) else { return false }
        if let next = match.wordsAfter.first, unrelatedAfter.contains(next) { return false }
        if match.wordsAfter.starts(with: ["s", "f"]) { return false }
        if !match.isExplicitMoney, let low = match.range.low, match.range.high == low, (1_900...2_100).contains(low) { return false }
        return true
    }

    /// Words of a cue line that make it no label ("no budget yet").
    private static let negations = ASCIIWordSet(["no", "not", "don", "t", "unsure", "sure", "yet", "unknown", "tbd"])

    /// Whether a line without digits is only a budget cue phrase: at most five words, the
    /// last a strong cue (``strongCues``) or `range` after one (`Price range`), no negation,
    /// and ending in nothing or a colon (a sentence ends otherwise).
    static func isCueLine(_ text: String) -> Bool {
        guard let last = text.utf8.last, last != UInt8(ascii: "."), last != UInt8(ascii: "!"), last != UInt8(ascii: "?") else {
            return false
        }
        let words = wordsOf(text)
        guard (1...5).contains(words.count), let final = words.last, !words.contains(where: negations.contains) else { return false }
        if strongCueWords.contains(final) { return true }
        return final == "range" && words.dropLast().contains(where: strongCueWords.contains)
    }

    /// Words that, before "each" money, make it the price of land rather than of a house.
    private static let landWords = ASCIIWordSet(["lot", "lots", "land", "acre", "acres", "parcel", "parcels", "tract", "tracts"])

    /// Words that, before "each" money, make it the price of a house ("two spec homes at
    /// about $300k each"): a budget word may scale a small price ("windows ... $500 each").
    private static let houseWords = ASCIIWordSet(["home", "homes", "house", "houses", "build", "builds"])

    /// Whether `match` is explicit money at house scale followed by "each" (with a house
    /// word and no land word before it) or by "per house"/"per home".
    private static func isPerHouse(_ match: BudgetMatch) -> Bool {
        guard match.isExplicitMoney, !match.isMoneyOnlyByLetterM, max(match.range.low ?? 0, match.range.high ?? 0) >= 50_000,
              let next = match.wordsAfter.first else { return false }
        if next == "each" {
            return match.wordsBefore.contains(where: houseWords.contains) && !match.wordsBefore.contains(where: landWords.contains)
        }
        return next == "per" && match.wordsAfter.dropFirst().first.map { ["house", "home", "unit"].contains($0) } == true
    }

    /// Whether `text` may hold a cap the writer keeps to (``isKeptUnder(_:)``): "keep" or
    /// "stay", and "under" or "below", in any case.
    private static func mayHoldCap(_ text: String) -> Bool {
        (FoldedSearch.contains(text, "keep") || FoldedSearch.contains(text, "stay"))
            && (FoldedSearch.contains(text, "under ") || FoldedSearch.contains(text, "below "))
    }

    /// Whether bare `match` is a cap the writer keeps to: "under" or "below" right before
    /// it, "keep" or "stay" at most four words before that on `line` (further back than the
    /// match's own words), and house-scale money ("keep the build under 800"; not "keep the
    /// build under 30 feet").
    private static func isKeptUnder(_ match: BudgetMatch, line: String) -> Bool {
        guard let bound = match.wordsBefore.last, bound == "under" || bound == "below",
              max(match.range.low ?? 0, match.range.high ?? 0) >= 50_000 else {
            return false
        }
        let words = wordsOf(line)
        return words.indices.contains { end in
            words[end] == bound && words[max(0, end - 4)..<end].contains { $0 == "keep" || $0 == "stay" }
        }
    }

    /// Words before a bare number that make it the budget on a line with a strong cue
    /// (`low`, `mid`, `upper` ...: "budget is in the low 600s").
    private static let qualifiers = ASCIIWordSet([
        "around", "about", "under", "approximately", "roughly", "between", "is", "of", "max", "maximum",
        "low", "lower", "mid", "high", "upper",
    ])

    /// Whether ASCII `text` (without a thousands group) may hold an amount that
    /// ``BudgetParser`` reads as explicit money: a `$`, or a digit followed (after at most
    /// one space or `_`, which the parser reads as a space) by a run of letters that is a
    /// unit (``BudgetTokenizer/multipliers``: `k`, `m`, `mm`, `mil`, `mill`, `grand`,
    /// `thousand`, `million`, `millions`, in any case, or `hundred`, the start of `hundred
    /// thousand`), as the tokenizer reads a unit.
    static func mayHoldExplicitMoney(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8(mayHoldExplicitMoney)
    }

    private static func mayHoldExplicitMoney(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        @inline(__always) func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "$") { return true }
            guard byte >= 0x30 && byte <= 0x39 else { index += 1; continue }
            // The letters after the digit, past one space or `_`.
            var start = index + 1
            if start < bytes.count, bytes[start] == 0x20 || bytes[start] == UInt8(ascii: "_") { start += 1 }
            var end = start
            while end < bytes.count, isLetter(bytes[end]) { end += 1 }
            if end > start, isUnit(UnsafeBufferPointer(rebasing: bytes[start..<end])) { return true }
            index += 1
        }
        return false
    }

    /// Whether ASCII letters `word` are a ``BudgetTokenizer/multipliers`` key in some case.
    private static func isUnit(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        func equals(_ target: StaticString) -> Bool {
            guard word.count == target.utf8CodeUnitCount else { return false }
            for offset in 0..<word.count where word[offset] | 0x20 != target.utf8Start[offset] { return false }
            return true
        }
        switch word.count {
        case 1: return word[0] | 0x20 == UInt8(ascii: "k") || word[0] | 0x20 == UInt8(ascii: "m")
        case 2: return equals("mm")
        case 3: return equals("mil")
        case 4: return equals("mill")
        case 5: return equals("grand")
        case 7: return equals("million") || equals("hundred")
        case 8: return equals("thousand") || equals("millions")
        default: return false
        }
    }

    /// Whether ASCII `text` holds a digit, `,` and three digits: ``BudgetTokenizer`` marks a
    /// number as written with separators only at a comma after a digit of the number and
    /// before exactly three digits.
    private static func hasThousandsGroup(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            @inline(__always) func isDigit(_ index: Int) -> Bool { bytes[index] >= 0x30 && bytes[index] <= 0x39 }
            guard bytes.count >= 5 else { return false }
            for comma in 1..<(bytes.count - 3) where bytes[comma] == UInt8(ascii: ",") {
                if isDigit(comma - 1), isDigit(comma + 1), isDigit(comma + 2), isDigit(comma + 3) { return true }
            }
            return false
        }
    }

    /// Whether a line that is not ASCII may give a budget or be a "Budget:" label, on its
    /// bytes. It gives one only from explicit money (``accepts``: a bare number needs a
    /// strong cue), which needs a `$`, a thousands group or a unit after a digit, or with a
    /// strong cue word, whose ASCII letters its bytes hold in some case. The one scalar that
    /// lowercases onto a unit's letters, the Kelvin sign (U+212A, "3K"), counts as a unit;
    /// U+0130 lowercases to two scalars, so it completes no cue or unit.
    static func mayMatter(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            mayHoldExplicitMoney(bytes) || containsKelvinSign(bytes) || strongCueStems.contains { containsFolded(bytes, $0) }
        } || hasThousandsGroup(text)
    }

    /// What every ``strongCues`` word begins with.
    private static let strongCueStems: [[UInt8]] = ["budget", "spend", "afford", "price", "invest"].map { Array($0.utf8) }

    private static func containsKelvinSign(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 3 else { return false }
        for index in 0..<(bytes.count - 2) where bytes[index] == 0xE2 && bytes[index + 1] == 0x84 && bytes[index + 2] == 0xAA {
            return true
        }
        return false
    }

    /// Whether `bytes` hold the lowercase ASCII `stem` with A-Z folded.
    private static func containsFolded(_ bytes: UnsafeBufferPointer<UInt8>, _ stem: [UInt8]) -> Bool {
        guard bytes.count >= stem.count else { return false }
        for start in 0...(bytes.count - stem.count) {
            var offset = 0
            while offset < stem.count {
                let byte = bytes[start + offset]
                guard (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) == stem[offset] else { break }
                offset += 1
            }
            if offset == stem.count { return true }
        }
        return false
    }

    /// Whether `text`'s bytes hold `budget` in any ASCII case.
    private static func containsBudget(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { containsFolded($0, budgetStem) }
    }

    private static let budgetStem = Array("budget".utf8)

    private static func wordsOf(_ text: String) -> [String] {
        // ASCII: the letters are A-Z/a-z and lowercasing maps A-Z only.
        if let ascii = text.utf8.withContiguousStorageIfAvailable({ bytes -> [String]? in
            var words: [String] = []
            var start = -1
            var scratch = [UInt8]()
            for (offset, byte) in bytes.enumerated() {
                if byte >= 0x80 { return nil }
                let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                if lower >= 0x61 && lower <= 0x7A {
                    if start < 0 { start = offset }
                    scratch.append(lower)
                } else if start >= 0 {
                    words.append(String(decoding: scratch, as: UTF8.self))
                    scratch.removeAll(keepingCapacity: true)
                    start = -1
                }
            }
            if start >= 0 { words.append(String(decoding: scratch, as: UTF8.self)) }
            return words
        }), let ascii {
            return ascii
        }
        if let simple = simpleLetterRuns(text) { return simple }
        var words: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter { current.append(character) } else if !current.isEmpty { words.append(current); current = "" }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// ``wordsOf(_:)`` for text of ``SimpleScalars`` and ASCII: there a Character is
    /// a scalar, before and after lowercasing, so the runs of letters are runs of scalars
    /// whose lowercase is alphabetic (what `Character.isLetter` reads); nil for other text.
    private static func simpleLetterRuns(_ text: String) -> [String]? {
        let table = SimpleScalars.table
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let lower: Unicode.Scalar
            let isLetter: Bool
            if scalar.isASCII {
                // (CR, alone or in CR LF, is no letter either way.)
                let folded = UInt8(scalar.value) | (scalar.value >= 0x41 && scalar.value <= 0x5A ? 0x20 : 0)
                lower = Unicode.Scalar(folded)
                isLetter = folded >= 0x61 && folded <= 0x7A
            } else {
                guard let (mapped, _) = table.entry(scalar) else { return nil }
                lower = mapped
                isLetter = mapped.properties.isAlphabetic
            }
            if isLetter {
                current.append(lower)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }
}
