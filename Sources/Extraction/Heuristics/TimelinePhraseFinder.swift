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
        for line in lines.lines where !line.text.isEmpty {
            let matches = TimelinePhrase.matches(in: line.text)
            guard !matches.isEmpty else { continue }
            // Whole words only: "finishes" is not "finish".
            let lower = " " + PhraseVocabulary.words(in: line.text).joined(separator: " ") + " "
            let future = futureCues.contains { lower.contains(" \($0) ") }
            let past = pastCues.contains { lower.contains(" \($0) ") }
            if past && !future { continue }
            let timing = timingCues.contains { lower.contains(" \($0) ") }
            for match in matches where isStrong(match) || (future && !isVague(match)) || timing {
                return HeuristicFinding(value: match.canonical, line: line.number, rule: "timeline phrase")
            }
        }
        return nil
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
