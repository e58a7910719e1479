/// Header values reduced to something safe to print in a reason: lowercase, at most 40
/// characters of letters, digits, `-`, `_`, `.` and `,`/space separators.
enum HeaderToken {
    static func safe(_ value: String, limit: Int = 40) -> String {
        let kept = value.lowercased().unicodeScalars.prefix(limit * 2).filter {
            ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || "-_., ".unicodeScalars.contains($0)
        }
        let text = String(String.UnicodeScalarView(kept)).split(separator: " ").joined(separator: " ")
        let clipped = String(text.prefix(limit))
        return clipped.isEmpty ? "unspecified" : clipped
    }

    /// The first token of a header value (`auto-replied; owner-email=...` → `auto-replied`).
    static func first(_ value: String) -> String {
        // The first piece `split` would give, without splitting the rest of the value.
        let isSeparator: (Character) -> Bool = { $0 == ";" || $0 == "(" || $0 == " " || $0 == "\t" }
        guard let start = value.firstIndex(where: { !isSeparator($0) }) else { return "" }
        let end = value[start...].firstIndex(where: isSeparator) ?? value.endIndex
        return String(value[start..<end]).lowercased()
    }
}
