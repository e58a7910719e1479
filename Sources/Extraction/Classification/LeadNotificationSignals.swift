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
    /// the values after the colon of those with an email label. ASCII text (nearly every
    /// one) on its bytes, other text as ``characterLabelLines(in:)`` reads it.
    static func labelLines(in text: String) -> (count: Int, emails: [Substring]) {
        var copy = text
        let found = copy.withUTF8 { bytes -> (count: Int, emails: [Range<Int>])? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return asciiLabelLines(bytes)
        }
        guard let found else { return characterLabelLines(in: text) }
        let utf8 = text.utf8
        return (found.count, found.emails.map { range in
            text[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
        })
    }

    /// The longest of ``labels``, in bytes: a longer label is none of them.
    private static let longestLabel = labels.map(\.utf8.count).max() ?? 0

    /// ``characterLabelLines(in:)`` on the bytes of ASCII text, the email values as byte
    /// ranges. Each byte is one Character there but CR LF, which is one (so an LF after a
    /// CR ends no line, and counts once towards the 30 Characters searched for the colon).
    private static func asciiLabelLines(_ bytes: UnsafeBufferPointer<UInt8>) -> (count: Int, emails: [Range<Int>]) {
        var count = 0
        var emails: [Range<Int>] = []
        var lines = 0
        var start = 0
        var label: [UInt8] = []
        while start < bytes.count, lines < 300 {
            var end = start
            while end < bytes.count, !(bytes[end] == 0x0A && (end == start || bytes[end - 1] != 0x0D)) { end += 1 }
            let lineStart = start
            start = end == bytes.count ? end : end + 1
            guard end > lineStart else { continue }
            lines += 1
            var trimmed = lineStart
            while trimmed < end, bytes[trimmed] == 0x20 || bytes[trimmed] == 0x09 || bytes[trimmed] == UInt8(ascii: "*") { trimmed += 1 }
            guard let colon = colonIndex(bytes, from: trimmed, to: end) else { continue }
            // The label lowercased, its words joined by one space.
            label.removeAll(keepingCapacity: true)
            for index in trimmed..<colon {
                let byte = bytes[index]
                if byte == 0x20 {
                    if let last = label.last, last != 0x20 { label.append(0x20) }
                } else {
                    label.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                }
            }
            if label.last == 0x20 { label.removeLast() }
            guard label.count <= longestLabel else { continue }
            let key = String(decoding: label, as: UTF8.self)
            guard labels.contains(key) else { continue }
            count += 1
            if emailLabels.contains(key) { emails.append((colon + 1)..<end) }
        }
        return (count, emails)
    }

    /// The first ":" among the first 30 Characters of `bytes[start..<end]` (ASCII).
    private static func colonIndex(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        var index = start
        var characters = 0
        while index < end, characters < 30 {
            if bytes[index] == UInt8(ascii: ":") { return index }
            index += bytes[index] == 0x0D && index + 1 < end && bytes[index + 1] == 0x0A ? 2 : 1
            characters += 1
        }
        return nil
    }

    /// ``labelLines(in:)`` on Characters, for any text. Read line by line, without splitting
    /// the whole text.
    static func characterLabelLines(in text: String) -> (count: Int, emails: [Substring]) {
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
