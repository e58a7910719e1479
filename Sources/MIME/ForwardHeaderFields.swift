/// The values read from one forward header block, as written, before they become a
/// `ForwardedOriginal`. The first occurrence of each label wins.
struct ForwardHeaderFields: Sendable {
    var from: String?
    var date: String?
    var subject: String?
    var to: String?
    var cc: String?
    var replyTo: String?
    /// The label of the last field set, for recipient lists that wrap onto further lines.
    private(set) var lastLabel: ForwardHeaderLabel?

    /// Whether no field has been read.
    var isEmpty: Bool { lastLabel == nil }

    /// Whether `label` was already read.
    func has(_ label: ForwardHeaderLabel) -> Bool {
        switch label {
        case .from: from != nil
        case .date: date != nil
        case .subject: subject != nil
        case .to: to != nil
        case .cc: cc != nil
        case .replyTo: replyTo != nil
        }
    }

    /// Whether the last field is a recipient list ending in a separator, so the next line
    /// continues it even without indentation.
    var lastValueContinues: Bool {
        let value = lastLabel == .to ? to : lastLabel == .cc ? cc : nil
        guard let last = value?.last else { return false }
        return last == "," || last == ";"
    }

    /// Records a field unless the label was already seen.
    mutating func set(_ label: ForwardHeaderLabel, _ value: String) {
        lastLabel = label
        switch label {
        case .from: if from == nil { from = value }
        case .date: if date == nil { date = value }
        case .subject: if subject == nil { subject = value }
        case .to: if to == nil { to = value }
        case .cc: if cc == nil { cc = value }
        case .replyTo: if replyTo == nil { replyTo = value }
        }
    }

    /// Appends a continuation line to the last recipient field; false if the last field
    /// was not a recipient list.
    mutating func appendContinuation(_ text: String) -> Bool {
        switch lastLabel {
        case .to: to = (to ?? "") + " " + text
        case .cc: cc = (cc ?? "") + " " + text
        default: return false
        }
        return true
    }

    /// Longest `From` and recipient values read; a header line longer than this is not a
    /// real header, and cutting it keeps the address parsers' work small.
    static let maximumFromBytes = 1024
    static let maximumRecipientBytes = 64 * 1024

    /// The original these fields describe.
    func original(body: String, style: ForwardStyle, leadingText: String) -> ForwardedOriginal {
        func cut(_ value: String, _ limit: Int) -> String {
            value.utf8.count <= limit ? value : String(decoding: value.utf8.prefix(limit), as: UTF8.self)
        }
        let to = to.map { cut($0, Self.maximumRecipientBytes) }
        let cc = cc.map { cut($0, Self.maximumRecipientBytes) }
        let sender: (author: Mailbox?, onBehalf: Mailbox?) = from.map { Self.sender(cut($0, Self.maximumFromBytes)) } ?? (nil, nil)
        return ForwardedOriginal(
            from: sender.author,
            date: date.flatMap { $0.isEmpty ? nil : $0 },
            subject: subject,
            to: to.map(Self.recipients) ?? [],
            cc: cc.map(Self.recipients) ?? [],
            body: body,
            style: style,
            leadingText: leadingText,
            sentOnBehalfBy: sender.onBehalf
        )
    }

    /// Outlook's delegate form in its four languages: `Delegate <d@x> On Behalf Of Author`.
    private static let onBehalfMarkers = [" on behalf of ", " im auftrag von ", " de la part de ", " en nombre de "]

    /// The author of a `From:` value and, for Outlook's "On Behalf Of" form, the delegate
    /// that actually sent it (a mailing list, a shared mailbox or a form service).
    static func sender(_ value: String) -> (author: Mailbox?, onBehalf: Mailbox?) {
        let cleaned = removingAsterisks(value)
        for marker in onBehalfMarkers {
            guard let range = asciiCaseInsensitiveRange(of: marker, in: cleaned) else { continue }
            return (mailbox(String(cleaned[range.upperBound...])), mailbox(String(cleaned[..<range.lowerBound])))
        }
        return (mailbox(cleaned), nil)
    }

    /// One mailbox as forward headers show it: `Name <a@x>`, `Name [mailto:a@x]`,
    /// `"Doe, Jane" <a@x>`, `Doe, Jane <a@x>` (unquoted comma), a bare address, or a name
    /// alone (then the address is empty).
    static func mailbox(_ value: String) -> Mailbox? {
        let text = Substring(HeaderBlockParser.trimmed(value))
        // In plain ASCII every byte is a Character, so the brackets are found on bytes.
        let ascii = isPlainASCII(text.utf8)
        var search = text[...]
        while let open = ascii ? search.utf8.firstIndex(where: { $0 == 0x3C || $0 == 0x5B || $0 == 0x28 })
                               : search.firstIndex(where: { $0 == "<" || $0 == "[" || $0 == "(" }) {
            let closer: Character = text[open] == "<" ? ">" : text[open] == "[" ? "]" : ")"
            let inside = ascii ? text[text.utf8.index(after: open)...] : text[text.index(after: open)...]
            let close = (ascii ? inside.utf8.firstIndex(of: closer.asciiValue ?? 0) : inside.firstIndex(of: closer)) ?? inside.endIndex
            search = text[close...]
            guard let address = AddressListParser.normalizedAddress(String(inside[..<close])) else { continue }
            var name = AddressListParser.cleanName(String(text[..<open]))
            if let candidate = name, !candidate.contains(" "), AddressListParser.normalizedAddress(candidate) != nil {
                name = nil  // Exchange's `a@x <mailto:a@x>` echo.
            }
            return Mailbox(name: name, address: address)
        }
        var nameWords: [Substring] = []
        var address: String?
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            let bare = word.filter { $0 != "<" && $0 != ">" && $0 != "[" && $0 != "]" && $0 != "(" && $0 != ")" }
            if address == nil, bare.contains("@"), let found = AddressListParser.normalizedAddress(bare) {
                address = found
            } else {
                nameWords.append(word)
            }
        }
        let name = AddressListParser.cleanName(nameWords.joined(separator: " "))
        if let address { return Mailbox(name: name, address: address) }
        guard let name else { return nil }
        return Mailbox(name: name, address: "")
    }

    /// A `To:`/`Cc:` list. Outlook separates with `;` and shows names alone, so each
    /// piece is read on its own when the list has no addresses the RFC parser accepts.
    static func recipients(_ value: String) -> [Mailbox] {
        let cleaned = removingAsterisks(value)
        let parsed = AddressListParser.parse(commasForSemicolons(cleaned)).mailboxes
        if !parsed.isEmpty { return parsed }
        return cleaned.split(separator: ";").compactMap { mailbox(String($0)) }
    }

    /// `value` without `*` Characters (bold rendered as text).
    static func removingAsterisks(_ value: String) -> String {
        guard value.utf8.contains(UInt8(ascii: "*")) else { return value }
        // Outside plain ASCII a `*` byte may be part of a longer Character (`*` + U+20E3).
        guard isPlainASCII(value.utf8) else { return String(value.filter { $0 != "*" }) }
        return String(decoding: value.utf8.filter { $0 != UInt8(ascii: "*") }, as: UTF8.self)
    }

    /// `value` with each `;` Character made a `,` (Outlook's recipient separator).
    private static func commasForSemicolons(_ value: String) -> String {
        guard value.utf8.contains(UInt8(ascii: ";")) else { return value }
        guard isPlainASCII(value.utf8) else { return String(value.map { $0 == ";" ? "," : $0 }) }
        return String(decoding: value.utf8.map { $0 == UInt8(ascii: ";") ? UInt8(ascii: ",") : $0 }, as: UTF8.self)
    }

    /// ASCII without CR: one Character per byte.
    private static func isPlainASCII(_ bytes: some Sequence<UInt8>) -> Bool {
        bytes.allSatisfy { $0 < 0x80 && $0 != 0x0D }
    }

    /// Where the ASCII `marker` (lowercase) occurs in `text`, ignoring ASCII case.
    private static func asciiCaseInsensitiveRange(of marker: String, in text: String) -> Range<String.Index>? {
        let pattern = Array(marker.utf8)
        let utf8 = text.utf8
        // A native string's bytes in place, with plain offsets.
        let found = utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            guard let first = pattern.first, bytes.count >= pattern.count else { return nil }
            var start = 0
            search: while start + pattern.count <= bytes.count {
                defer { start += 1 }
                guard bytes[start] | (bytes[start] >= 65 && bytes[start] <= 90 ? 0x20 : 0) == first else { continue }
                for offset in 1..<pattern.count {
                    var byte = bytes[start + offset]
                    if byte >= 65 && byte <= 90 { byte += 32 }
                    guard byte == pattern[offset] else { continue search }
                }
                return start
            }
            return nil
        }
        if let found {
            guard let start = found else { return nil }
            let lower = utf8.index(utf8.startIndex, offsetBy: start)
            return lower..<utf8.index(lower, offsetBy: pattern.count)
        }
        let bytes = text.utf8
        var start = bytes.startIndex
        while start < bytes.endIndex {
            var probe = start
            var matched = 0
            while matched < pattern.count, probe < bytes.endIndex {
                var byte = bytes[probe]
                if byte >= 65 && byte <= 90 { byte += 32 }
                guard byte == pattern[matched] else { break }
                matched += 1
                probe = bytes.index(after: probe)
            }
            if matched == pattern.count { return start..<probe }
            start = bytes.index(after: start)
        }
        return nil
    }
}
