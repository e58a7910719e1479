/// Splits a display name into first and last name.
///
/// The rule is deliberately simple and predictable: the first token is the first name and
/// the rest is the last name ("Jane Q. Doe" gives "Jane" / "Q. Doe"); "Doe, Jane" is
/// read as last-comma-first. Leading honorifics are dropped; names that are really
/// addresses give nothing.
public enum PersonNameSplitter {
    private static let honorifics: Set<String> = ["mr", "mrs", "ms", "miss", "mx", "dr"]
    private static let suffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"]

    /// First and last name from a display name; both nil when there is nothing usable.
    public static func split(_ displayName: String?) -> (first: String?, last: String?) {
        guard let displayName else { return (nil, nil) }
        let cleaned = collapse(displayName.filter { $0 != "\"" && $0 != "*" })
        guard !cleaned.isEmpty, !cleaned.contains("@") else { return (nil, nil) }

        let commaParts = cleaned.split(separator: ",", maxSplits: 1).map { collapse(String($0)) }
        if commaParts.count == 2, !commaParts[0].isEmpty, !commaParts[1].isEmpty,
           !suffixes.contains(normalizedToken(commaParts[1])) {
            return (commaParts[1], commaParts[0])
        }

        var tokens = cleaned.split(separator: " ").map(String.init)
        while tokens.count > 1, honorifics.contains(normalizedToken(tokens[0])) {
            tokens.removeFirst()
        }
        guard let first = tokens.first else { return (nil, nil) }
        let rest = tokens.dropFirst().joined(separator: " ")
        return (first, rest.isEmpty ? nil : rest)
    }

    private static func normalizedToken(_ token: String) -> String {
        token.lowercased().filter { $0 != "." && $0 != "," }
    }

    private static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
