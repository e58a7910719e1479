import LeadModel

/// The caller's name in the builder's notes of a phone call, mailed to their own addresses:
/// after a label opening a line ("Caller: Angela Price, 512-555-0162", "Client: ...",
/// "Name: ...") or before a verb of calling ("Angela Price called, 512-555-0162", "Angela
/// Price left a voicemail"). Only two or three capitalised words that read as a person
/// (``SignatureNameFinder/closingName(_:)``: no company, place or title); the note's
/// signature is the builder's, and is not read here.
enum BuildersCallNote {
    /// Labels that name the caller (compared without case, before a colon).
    private static let labels = [
        "caller", "client", "customer", "name", "prospect", "lead", "homeowner", "contact", "call from", "voicemail from",
        "message from",
    ]
    /// Verbs after the caller's name (lowercase, with the space before them).
    private static let verbs = [" called", " left a voicemail", " left a message", " left vm", " phoned", " stopped by"]
    /// Lines read: a note is short, and its caller is named near its top.
    private static let linesRead = 30

    /// The name's text as written and its 1-based line, or nil.
    static func callerName(in text: String) -> (name: String, line: Int)? {
        var rest = text[...]
        for offset in 0..<linesRead where !rest.isEmpty {
            let end = rest.firstIndex(of: "\n") ?? rest.endIndex
            let line = rest[..<end]
            rest = end < rest.endIndex ? rest[rest.index(after: end)...] : rest[rest.endIndex...]
            // (A caller is named near the line's start: a long line is read that far.)
            let trimmed = line.drop { $0 == " " || $0 == "\t" }.prefix(160)
            guard trimmed.utf8.count >= 5 else { continue }
            let lower = trimmed.lowercased()
            var candidate: Substring?
            if let label = labels.first(where: { lower.hasPrefix($0 + ":") }) {
                candidate = trimmed.dropFirst(label.count + 1)
            } else if let verb = verbs.compactMap({ lower.firstRange(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) {
                let before = trimmed.prefix(lower.distance(from: lower.startIndex, to: verb.lowerBound))
                // ("Please log: Sarah Whitfield called ...": the name after the colon.)
                candidate = before.lastIndex(of: ":").map { before[before.index(after: $0)...] } ?? before
            }
            guard let candidate else { continue }
            // The name ends where its phone, a comma or a dash starts.
            let name = candidate.prefix { !($0 == "," || $0 == ";" || $0 == "(" || $0 == "|" || $0.isNumber || $0 == "\u{2013}" || $0 == "\u{2014}") }
                .split(separator: " ", omittingEmptySubsequences: true).prefix { $0 != "-" }.joined(separator: " ")
            if SignatureNameFinder.closingName(name) != nil { return (name, offset + 1) }
        }
        return nil
    }
}
