import LeadModel

/// Finds when the prospect wants to build, in free text.
///
/// Strong phrases count anywhere: `ASAP`, a season or month with a year, a quarter,
/// `within 6 months`, `by summer`, `next spring`, `next year`. Weak ones (a bare year,
/// `summer`, `3-6 months`, `flexible`, `just researching`) count only on a line that talks
/// about timing (`start`, `break ground`, `build`, `timeline`, `move in`, `hoping`, ...).
/// A line about the past (`we bought the lot in spring 2024`) counts only if it also talks
/// about the future.
enum TimelinePhraseFinder {
    static let futureCues: [String] = [
        "start", "begin", "break ground", "breaking ground", "build", "building", "timeline", "time frame", "timeframe",
        "move in", "ready", "complete", "finish", "construction", "hope", "hoping", "plan", "planning",
        "would like", "want", "looking to", "aim", "target", "goal", "schedule",
    ]
    /// Words that make even a vague phrase ("flexible") about time: "budget is flexible" is not.
    static let timingCues: [String] = ["timing", "timeline", "time frame", "timeframe", "schedule", "when", "start date", "completion"]
    static let pastCues: [String] = [
        "bought", "purchased", "moved", "closed on", "since", "ago", "last", "built in", "was built", "inherited",
    ]

    static func find(in lines: InquiryLines) -> HeuristicFinding<String>? {
        for (index, line) in lines.lines.enumerated() where !line.text.isEmpty {
            // A line holds at most 500 characters (InquiryLines), within matches(in:)'s 2,000.
            let words = lines.words(at: index)
            let matches = TimelinePhrase.matches(inWords: words)
            guard !matches.isEmpty else { continue }
            // Whole words only: "finishes" is not "finish".
            let has: (String) -> Bool
            if lines.traits[index].isASCII {
                // A cue is in " word word ... " exactly when its words are a run of `words`
                // (words hold no spaces); comparing words spares a scan of the line per cue.
                has = { cue in Self.containsRun(cueWords[cue] ?? [], in: words) }
            } else {
                let lower = " " + words.joined(separator: " ") + " "
                has = { cue in lower.contains(" \(cue) ") }
            }
            let future = futureCues.contains(where: has)
            let past = pastCues.contains(where: has)
            if past && !future { continue }
            let timing = timingCues.contains(where: has)
            for match in matches where isStrong(match) || (future && !isVague(match)) || timing {
                return HeuristicFinding(value: match.canonical, line: line.number, rule: "timeline phrase")
            }
        }
        return nil
    }

    /// Each cue split into its words.
    private static let cueWords: [String: [String]] = {
        var result: [String: [String]] = [:]
        for cue in futureCues + timingCues + pastCues { result[cue] = cue.split(separator: " ").map(String.init) }
        return result
    }()

    /// Whether `run` occurs as consecutive elements of `words`.
    private static func containsRun(_ run: [String], in words: [String]) -> Bool {
        guard let head = run.first, words.count >= run.count else { return false }
        for start in 0...(words.count - run.count) where words[start] == head {
            var offset = 1
            while offset < run.count, words[start + offset] == run[offset] { offset += 1 }
            if offset == run.count { return true }
        }
        return false
    }

    /// Phrases that say little about dates: they need a timing word, not just a future verb.
    static func isVague(_ match: TimelinePhrase.Match) -> Bool {
        match.canonical == "flexible" || match.canonical == "researching"
    }

    /// Phrases that are a timeline whatever the line says around them.
    static func isStrong(_ match: TimelinePhrase.Match) -> Bool {
        let phrase = match.canonical
        if match.isBareYear || phrase == "flexible" || phrase == "researching" { return false }
        if phrase == "asap" { return true }
        if phrase.contains(where: \.isNumber), !phrase.hasSuffix("months"), !phrase.hasSuffix("weeks"), !phrase.hasSuffix("year"),
           !phrase.hasSuffix("years") {
            return true  // spring 2027, q3 2027, march 2027, early 2027
        }
        return phrase.hasPrefix("within ") || phrase.hasPrefix("by ") || phrase.hasPrefix("next ") || phrase.hasPrefix("this ")
            || phrase.hasPrefix("end of")
    }
}
