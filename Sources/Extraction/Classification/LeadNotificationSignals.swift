/// Whether a machine-sent message carries a prospect's details the way lead notifications
/// do: label/value lines such as `Name: ...`, `Email: ...`, `Phone: ...`, `Message: ...`.
enum LeadNotificationSignals {
    static let labels: Set<String> = [
        "name", "first name", "last name", "full name", "your name", "email", "e-mail", "email address", "your email",
        "phone", "phone number", "telephone", "mobile", "cell", "message", "comments", "project", "project type",
        "project details", "address", "zip", "zip code", "budget", "timeline", "customer name", "contact",
    ]

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
