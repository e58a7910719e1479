import LeadModel

/// Finds the name a prospect introduces themselves with: `My name is Sarah Johnson and ...`,
/// `Hi, this is Sarah Johnson from Round Rock.`
///
/// The name is what follows the phrase up to the first comma, stop or joining word (`and`,
/// `from`, `with`, ...), and must read as a name the way a signature must (one to four words,
/// letters only, not a phrase; see ``SignatureNameFinder/name(_:)``). `this is` counts only
/// at the start of a line or after a greeting. The name must start with a capital (`this is
/// a custom home`, `My name is on the deed` are no introductions), unless the whole line is
/// lowercase (`hi, my name is maria gonzalez`). The first introduction in the text wins.
enum SelfIntroductionFinder {
    private static let greetings = ["", "hi", "hello", "hey", "good morning", "good afternoon", "good evening", "greetings"]
    /// Where a name ends.
    private static let stopWords: Set<String> = [
        "and", "from", "with", "in", "at", "of", "i", "i'm", "im", "we", "my", "our", "here", "but", "who", "the", "a",
    ]

    static func find(in lines: InquiryLines) -> HeuristicFinding<PersonName>? {
        for (number, text) in lines.lines where mayIntroduce(text) {
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
               let name = name(after: lower.distance(from: lower.startIndex, to: range.upperBound), in: text, capitalisedOnly: true) {
                return HeuristicFinding(value: name, line: number, rule: "self-introduction")
            }
        }
        return nil
    }

    /// A cheap byte test: the line holds `is ` at all.
    private static func mayIntroduce(_ text: String) -> Bool {
        let bytes = text.utf8
        guard bytes.count >= 8 else { return false }
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in bytes {
            if byte == 0x20, previous.1 == 0x73 || previous.1 == 0x53, previous.0 == 0x69 || previous.0 == 0x49 { return true }
            previous = (previous.1, byte)
        }
        return false
    }

    /// The text before `this is` is empty or a greeting (`Hi,`, `Hello there -`).
    private static func isAfterGreeting(_ before: Substring) -> Bool {
        let words = before.split(whereSeparator: { !$0.isLetter && $0 != " " }).joined()
            .split(separator: " ").joined(separator: " ")
        return greetings.contains(words) || greetings.contains { !$0.isEmpty && words == $0 + " there" }
    }

    /// The name at Character offset `offset` of `text`.
    private static func name(after offset: Int, in text: String, capitalisedOnly: Bool) -> PersonName? {
        let rest = text.dropFirst(offset)
        let clause = rest.prefix { !",.;:!?()/|\"".contains($0) && $0 != "\u{2014}" && $0 != "\u{2013}" }
        var words: [Substring] = []
        for word in clause.split(separator: " ") {
            if word == "-" || stopWords.contains(word.lowercased()) { break }
            words.append(word)
            if words.count == 4 { break }
        }
        guard let first = words.first, !capitalisedOnly || first.first?.isUppercase == true else { return nil }
        return SignatureNameFinder.name(words.joined(separator: " "))
    }
}
