/// What the first prefix of a subject says about the message: a reply (`RE:`, `AW:`) or a
/// forward (`FW:`, `WG:`, `TR:`, `RV:`). Outlook writes the same header block above quoted
/// replies as above forwards, so this is what tells them apart.
enum ForwardSubjectPrefix: Sendable, Equatable {
    case reply, forward, none

    /// Lowercased reply prefixes in the clients' languages (`re` covers en/es/fr).
    private static let replyWords: Set<String> = ["re", "aw", "antw", "antwort", "réf", "ref", "rép", "sv", "vs", "r", "res", "odp"]
    /// Lowercased forward prefixes: `rv` is Outlook's Spanish "reenviar", `tr` French
    /// "transfert", `wg` German "weitergeleitet", `i` Italian "inoltro".
    private static let forwardWords: Set<String> = ["fw", "fwd", "wg", "tr", "rv", "i", "enc", "doorst", "vb", "vl", "fs", "pd"]

    /// Classifies `subject` by its first prefix (`Re[2]:` and `RE :` included).
    static func classify(_ subject: String?) -> ForwardSubjectPrefix {
        guard let subject else { return .none }
        let trimmed = subject.drop { $0 == " " || $0 == "\t" || $0 == "[" }
        guard let colon = trimmed.prefix(12).firstIndex(of: ":") else { return .none }
        var word = trimmed[..<colon]
        while let last = word.last, last == " " || last == "\u{A0}" { word = word.dropLast() }
        if word.last == "]", let open = word.lastIndex(of: "[") { word = word[..<open] }
        let lowered = word.lowercased()
        if replyWords.contains(lowered) { return .reply }
        if forwardWords.contains(lowered) { return .forward }
        return .none
    }
}
