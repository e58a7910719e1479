import LeadModel

/// Finds when the prospect wants to build, in free text.
///
/// Strong phrases count anywhere: `ASAP`, a season or month with a year, a quarter,
/// `within 6 months`, `by summer`, `next spring`, `next year`, `after our lease ends in August`. Weak ones (a bare year,
/// `summer`, `3-6 months`, `flexible`, `just researching`) count only on a line that talks
/// about timing (`start`, `break ground`, `build`, `timeline`, `move in`, `hoping`, ...).
/// A line about the past (`we bought the lot in spring 2024`) counts only if it also talks
/// about the future.
enum TimelinePhraseFinder {
    static let futureCues: [String] = [
        "start", "begin", "break ground", "breaking ground", "build", "building", "timeline", "time frame", "timeframe",
        "move in", "ready", "complete", "finish", "construction", "hope", "hoping", "plan", "planning",
        "would like", "like to", "want", "looking to", "aim", "target", "goal", "schedule",
        // Spanish.
        "empezar", "comenzar", "construir", "queremos", "nos gustaria", "planeamos", "esperamos", "mudarnos",
    ]
    /// Words that make even a vague phrase ("flexible") about time: "budget is flexible" is not.
    static let timingCues: [String] = ["timing", "timeline", "time frame", "timeframe", "schedule", "when", "start date", "completion"]
    static let pastCues: [String] = [
        "bought", "purchased", "moved", "closed on", "since", "ago", "last", "built in", "was built", "inherited", "sold",
        // Spanish.
        "compramos", "vendimos", "heredamos", "desde",
    ]

    /// The first timeline phrase of `lines`. A bare year before `earliestYear` (the year the
    /// message was written) is history, not a plan: "the house is a 2004 build".
    static func find(in lines: InquiryLines, earliestYear: Int? = nil) -> HeuristicFinding<String>? {
        for (index, line) in lines.lines.enumerated() where !line.text.isEmpty {
            // Every match needs one of InquiryKeywords.timelineWords or a year: a line without
            // any has none.
            guard lines.traits[index].keywords.contains(.timeline) else { continue }
            // A line holds at most 500 characters (InquiryLines), within matches(in:)'s 2,000.
            let words = lines.words(at: index)
            // (An ASCII line's words hold an apostrophe only if its bytes do; the line scan's
            // lookups say where a phrase may start.)
            let traits = lines.traits[index]
            let matches = traits.isASCII
                ? TimelinePhrase.matches(inWords: words, mayHoldApostrophes: traits.hasApostrophe) { lines.mayStartTimeline(at: index, word: $0) }
                : TimelinePhrase.matches(inWords: words)
            guard !matches.isEmpty else { continue }
            // Whether a cue of `range` (all of kind `kind`) is on the line; whole words only:
            // "finishes" is not "finish".
            let hasCue: (Range<Int>, InquiryKeywords.Flags) -> Bool
            if lines.traits[index].isASCII {
                // A cue is in " word word ... " exactly when its words are a run of `words`
                // (words hold no spaces); comparing words spares a scan of the line per cue.
                // Such a run starts at a word the line scan flagged as starting a cue of
                // its kind: only those positions are tried, each against the kind's cues
                // (the line's words are walked once per kind, not once per cue).
                let runs = Self.cueRuns
                hasCue = { range, kind in
                    lines.anyWord(at: index, starting: kind) { position in
                        range.contains { Self.run(runs[$0], startsAt: position, in: words) }
                    }
                }
            } else {
                // The same runs, found from each word's cues (a few lines of a message; a
                // search of the joined line per cue cost ten times more).
                let found = Self.cuesFound(in: words)
                hasCue = { range, _ in range.contains { found & (1 << UInt64($0)) != 0 } }
            }
            // A cue's words are in `words` only if its first word is: an ASCII line's flags
            // say whether any cue of a kind can be.
            let keywords = lines.traits[index].isASCII ? lines.traits[index].keywords : [.futureCue, .pastCue, .timingCue]
            let future = keywords.contains(.futureCue) && hasCue(Self.futureRange, .futureCue)
            let past = keywords.contains(.pastCue) && hasCue(Self.pastRange, .pastCue)
            // A line about the past gives only what can only be ahead ("We just moved in. Not
            // in a hurry - sometime in the next 12-18 months.").
            let pastOnly = past && !future
            let isAhead = { (match: TimelinePhrase.Match) in Self.isAhead(match, words) }
            if pastOnly, !matches.contains(where: isAhead) { continue }
            let timing = keywords.contains(.timingCue) && hasCue(Self.timingRange, .timingCue)
            // (A vague phrase last: "timing is flexible but we would prefer to start within
            // 9 months" is within 9 months.)
            let ordered = matches.contains(where: isVague) ? matches.filter { !isVague($0) } + matches.filter(isVague) : matches
            for match in ordered where !pastOnly && (isStrong(match) || (future && !isVague(match) && !match.isBareQuantity) || timing)
                || pastOnly && isAhead(match) {
                if match.isBareYear, let earliestYear, let year = Int(match.canonical.suffix(4)), year < earliestYear { continue }
                return HeuristicFinding(value: match.canonical, line: line.number, rule: "timeline phrase")
            }
        }
        return nil
    }

    /// The cues in one list (future, then past, then timing), and each split into its words.
    private static let cues = futureCues + pastCues + timingCues
    private static let cueRuns: [[String]] = cues.map { cue in
        // (The cues are ASCII: a " " byte is a " " Character.)
        cue.utf8.split(separator: UInt8(ascii: " ")).map { String(decoding: $0, as: UTF8.self) }
    }
    private static let futureRange = 0..<futureCues.count
    private static let pastRange = futureCues.count..<(futureCues.count + pastCues.count)
    private static let timingRange = (futureCues.count + pastCues.count)..<cues.count

    /// The cues that start with each word: a cue's index in ``cues`` by its first word.
    private static let cuesByFirstWord: [String: [Int]] = {
        precondition(cues.count <= 64, "cuesFound(in:) keeps one bit a cue")
        return Dictionary(grouping: cues.indices) { cueRuns[$0][0] }
    }()

    /// The cues whose words are a run of `words`, as bits by index in ``cues`` (fewer than 64).
    private static func cuesFound(in words: [String]) -> UInt64 {
        var found: UInt64 = 0
        for position in words.indices {
            for cue in cuesByFirstWord[words[position]] ?? [] where run(cueRuns[cue], startsAt: position, in: words) {
                found |= 1 << UInt64(cue)
            }
        }
        return found
    }

    /// Whether `run` occurs as consecutive elements of `words` from `start`.
    private static func run(_ run: [String], startsAt start: Int, in words: [String]) -> Bool {
        guard start + run.count <= words.count else { return false }
        for offset in run.indices where words[start + offset] != run[offset] { return false }
        return true
    }

    /// Phrases that say little about dates: they need a timing word, not just a future verb.
    /// (So does a bare quantity, ``TimelinePhrase/Match/isBareQuantity``: "6 years" after
    /// "lived here for", "5 years old".)
    static func isVague(_ match: TimelinePhrase.Match) -> Bool {
        match.canonical == "flexible" || match.canonical == "researching"
    }

    /// `phrase.contains(where: \.isNumber)`: for ASCII (every phrase the vocabulary
    /// makes), whether a byte is a digit, the only ASCII numbers.
    private static func hasNumber(_ phrase: String) -> Bool {
        let utf8 = phrase.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return phrase.contains(where: \.isNumber) }
        return utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// Phrases that point ahead of the writing whatever the line says of the past: `asap`, or
    /// one whose first words say `next` ("in the next 12-18 months", "next spring"); not a
    /// season or month with a year ("we bought the lot in spring 2024"), nor `within` alone
    /// ("within 6 months of moving here").
    static func isAhead(_ match: TimelinePhrase.Match, _ words: [String]) -> Bool {
        if match.canonical == "asap" { return true }
        guard match.wordIndex >= 0, match.wordIndex < words.count else { return false }
        return words[match.wordIndex..<min(match.wordIndex + 3, words.count)].contains("next")
    }

    /// Phrases that are a timeline whatever the line says around them.
    static func isStrong(_ match: TimelinePhrase.Match) -> Bool {
        let phrase = match.canonical
        if match.isBareYear || phrase == "flexible" || phrase == "researching" { return false }
        if phrase == "asap" { return true }
        if hasNumber(phrase), !phrase.hasSuffix("months"), !phrase.hasSuffix("weeks"), !phrase.hasSuffix("year"),
           !phrase.hasSuffix("years") {
            return true  // spring 2027, q3 2027, march 2027, early 2027
        }
        // ("after august": a start after a lease ends; "after the holidays" follows a start.)
        return phrase.hasPrefix("within ") || phrase.hasPrefix("by ") || phrase.hasPrefix("next ") || phrase.hasPrefix("this ")
            || phrase.hasPrefix("after ")
            || phrase.hasPrefix("end of") || phrase.hasSuffix(" next year") || phrase.hasSuffix(" this year")
    }
}
