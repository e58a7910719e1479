import Foundation

/// Removes reply and forward prefixes (`Re:`, `Fwd:`, `FW:`, and common localised forms)
/// from a subject, however many are stacked.
public enum SubjectCleaner {
    private static let prefixes: Set<String> = ["re", "fw", "fwd", "aw", "wg", "rv", "tr", "sv", "vs", "antw"]

    private static let replyPrefixes: Set<String> = ["re", "aw", "sv", "antw"]

    /// Whether the subject's first prefix marks a reply (`Re:`) rather than a forward.
    public static func isReply(_ subject: String?) -> Bool {
        guard let subject else { return false }
        let rest = subject.drop { $0.isWhitespace }
        guard let colon = rest.prefix(10).firstIndex(of: ":") else { return false }
        var word = rest[..<colon]
        if let bracket = word.firstIndex(where: { $0 == "[" || $0 == "(" }) { word = word[..<bracket] }
        return replyPrefixes.contains(ValueNormalizer.trimmingWhitespace(word.lowercased()))
    }

    /// The subject without leading prefixes, trimmed; nil when nothing remains.
    public static func clean(_ subject: String?) -> String? {
        guard let subject else { return nil }
        var rest = Substring(subject)
        for _ in 0..<20 {
            rest = rest.drop { $0.isWhitespace }
            guard let colon = rest.prefix(10).firstIndex(of: ":") else { break }
            var word = rest[..<colon]
            // "Re[2]:" and "Fwd(3):" count too.
            if let bracket = word.firstIndex(where: { $0 == "[" || $0 == "(" }) { word = word[..<bracket] }
            guard prefixes.contains(ValueNormalizer.trimmingWhitespace(word.lowercased())) else { break }
            rest = rest[rest.index(after: colon)...]
        }
        let result = ValueNormalizer.trimmingWhitespace(String(rest))
        return result.isEmpty ? nil : result
    }
}
