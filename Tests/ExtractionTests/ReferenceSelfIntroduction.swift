@testable import Extraction
import LeadModel

/// ``SelfIntroductionFinder`` as it was, on Characters and without the byte prefilter: the
/// reading its fast paths are tested against.
enum ReferenceSelfIntroduction {
    static let greetings = ["", "hi", "hello", "hey", "good morning", "good afternoon", "good evening", "greetings"]
    static let stopWords: Set<String> = [
        "and", "from", "with", "in", "at", "of", "i", "i'm", "im", "we", "my", "our", "here", "but", "who", "the", "a",
    ]

    static func find(_ lines: InquiryLines) -> HeuristicFinding<PersonName>? {
        for (number, text) in lines.lines {
            let lower = text.lowercased()
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

    static func isAfterGreeting(_ before: Substring) -> Bool {
        let words = before.split(whereSeparator: { !$0.isLetter && $0 != " " }).joined()
            .split(separator: " ").joined(separator: " ")
        return greetings.contains(words) || greetings.contains { !$0.isEmpty && words == $0 + " there" }
    }

    static func name(after offset: Int, in text: String, capitalisedOnly: Bool) -> PersonName? {
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

    /// ``SelfIntroductionFinder/fullName(after:in:)`` as it was, on Characters.
    static func fullName(after offset: Int, in text: String) -> PersonName? {
        guard let name = name(after: offset, in: text, capitalisedOnly: true), name.first != nil, name.last != nil else { return nil }
        let clause = text.dropFirst(offset).prefix { !",.;:!?()/|\"".contains($0) && $0 != "\u{2014}" && $0 != "\u{2013}" }
        guard clause.split(separator: " ").first?.contains(where: \.isLowercase) == true else { return nil }
        return name
    }
}
