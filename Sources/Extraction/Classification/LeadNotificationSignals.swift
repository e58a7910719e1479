/// Whether a machine-sent message carries a prospect's details the way lead notifications
/// do: label/value lines such as `Name: ...`, `Email: ...`, `Phone: ...`, `Message: ...`.
enum LeadNotificationSignals {
    static let labels: Set<String> = [
        "name", "first name", "last name", "full name", "your name", "email", "e-mail", "email address", "your email",
        "phone", "phone number", "telephone", "mobile", "cell", "message", "comments", "project", "project type",
        "project details", "address", "zip", "zip code", "budget", "timeline", "customer name", "contact",
    ]

    /// The labels whose value is an address.
    static let emailLabels: Set<String> = ["email", "e-mail", "email address", "your email"]

    /// In the first 300 non-empty lines: how many start with a known label and a colon, and
    /// the values after the colon of those with an email label. Read line by line, without
    /// splitting the whole text.
    static func labelLines(in text: String) -> (count: Int, emails: [Substring]) {
        var count = 0
        var emails: [Substring] = []
        var rest = text[...]
        var lines = 0
        while !rest.isEmpty, lines < 300 {
            let end = rest.firstIndex(of: "\n") ?? rest.endIndex
            let line = rest[..<end]
            rest = end == rest.endIndex ? rest[end...] : rest[rest.index(after: end)...]
            guard !line.isEmpty else { continue }
            lines += 1
            let trimmed = line.drop { $0 == " " || $0 == "\t" || $0 == "*" }
            guard let colon = trimmed.prefix(30).firstIndex(of: ":") else { continue }
            let label = trimmed[..<colon].lowercased().split(separator: " ").joined(separator: " ")
            guard labels.contains(label) else { continue }
            count += 1
            if emailLabels.contains(label) { emails.append(trimmed[trimmed.index(after: colon)...]) }
        }
        return (count, emails)
    }

    /// Two or more lines starting with a known label and a colon, in the first 300 lines.
    static func looksLikeLeadNotification(_ text: String) -> Bool {
        var found = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: true).prefix(300) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" || $0 == "*" }
            guard let colon = trimmed.prefix(30).firstIndex(of: ":") else { continue }
            let label = trimmed[..<colon].lowercased().split(separator: " ").joined(separator: " ")
            if labels.contains(label) {
                found += 1
                if found >= 2 { return true }
            }
        }
        return false
    }
}
