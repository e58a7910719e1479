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
        guard var subject else { return .none }
        if let decided = subject.withUTF8({ classifyASCII($0) }) { return decided }
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

    /// ``classify(_:)`` on the bytes when the subject's start is ASCII without CR (one
    /// Character per byte, and lowercasing is folding A-Z); nil leaves it to the Character code.
    private static func classifyASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> ForwardSubjectPrefix? {
        var start = 0
        while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 || bytes[start] == UInt8(ascii: "[") {
            start += 1
        }
        // The first 12 Characters after the start, and the byte after them (a combining mark
        // there would join the 12th Character), must be plain ASCII.
        let examined = min(bytes.count, start + 13)
        for index in 0..<examined where bytes[index] >= 0x80 || bytes[index] == 0x0D { return nil }
        guard let colon = (start..<min(bytes.count, start + 12)).first(where: { bytes[$0] == UInt8(ascii: ":") }) else {
            return ForwardSubjectPrefix.none
        }
        var end = colon
        while end > start, bytes[end - 1] == 0x20 { end -= 1 }
        if end > start, bytes[end - 1] == UInt8(ascii: "]"),
           let open = (start..<end).last(where: { bytes[$0] == UInt8(ascii: "[") }) {
            end = open
        }
        let lowered = String(decoding: bytes[start..<end].map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
        if replyWords.contains(lowered) { return .reply }
        if forwardWords.contains(lowered) { return .forward }
        return ForwardSubjectPrefix.none
    }
}
