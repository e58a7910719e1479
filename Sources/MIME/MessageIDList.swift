/// Reads message identifiers from `Message-ID`, `In-Reply-To`, `References` and
/// `Content-ID`: the `<...>` tokens, without their brackets.
///
/// Tolerant of what clients really send: ids without brackets, comments, phrases mixed in
/// (old `In-Reply-To: Your message of ... <id>`), and line-broken lists. One linear scan.
enum MessageIDList {
    /// Every id in `value`, in order, duplicates removed.
    static func parse(_ value: String) -> [String] {
        var ids: [String] = []
        var seen = Set<String>()
        func add(_ id: Substring) {
            let trimmed = HeaderBlockParser.trimmed(String(id))
            guard !trimmed.isEmpty, trimmed.count <= 998, !seen.contains(trimmed) else { return }
            seen.insert(trimmed)
            ids.append(trimmed)
        }
        if value.contains("<") {
            var rest = Substring(value)
            while let open = rest.firstIndex(of: "<") {
                let afterOpen = rest.index(after: open)
                guard let close = rest[afterOpen...].firstIndex(of: ">") else {
                    add(rest[afterOpen...])  // unterminated: keep what is there
                    break
                }
                add(rest[afterOpen..<close])
                rest = rest[rest.index(after: close)...]
            }
            return ids
        }
        // No brackets at all: whitespace-separated tokens that look like ids (contain "@").
        for token in value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }) where token.contains("@") {
            add(token)
        }
        if ids.isEmpty, !HeaderBlockParser.trimmed(value).isEmpty, !value.contains(" ") {
            add(Substring(value))
        }
        return ids
    }

    /// A single id without angle brackets (the first one, or the trimmed value when none is bracketed).
    static func stripAngles(_ value: String) -> String {
        var id = Substring(HeaderBlockParser.trimmed(value))
        if let open = id.firstIndex(of: "<") {
            id = id[id.index(after: open)...]
            if let close = id.firstIndex(of: ">") { id = id[..<close] }
        }
        return HeaderBlockParser.trimmed(String(id))
    }
}
