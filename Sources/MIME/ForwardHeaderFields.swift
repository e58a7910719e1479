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
        // Recipients stay lines until read (extraction never reads them).
        let to = to.map { RecipientList.written(cut($0, Self.maximumRecipientBytes)) } ?? .parsed([])
        let cc = cc.map { RecipientList.written(cut($0, Self.maximumRecipientBytes)) } ?? .parsed([])
        let replyTo = replyTo.map { RecipientList.written(cut($0, Self.maximumRecipientBytes)) } ?? .parsed([])
        let sender: (author: Mailbox?, onBehalf: Mailbox?) = from.map { Self.sender(cut($0, Self.maximumFromBytes)) } ?? (nil, nil)
        return ForwardedOriginal(
            from: sender.author,
            date: date.flatMap { $0.isEmpty ? nil : $0 },
            subject: subject,
            toList: to,
            ccList: cc,
            replyToList: replyTo,
            body: body,
            style: style,
            leadingText: leadingText,
            sentOnBehalfBy: sender.onBehalf
        )
    }

    /// Outlook's delegate form in its four languages: `Delegate <d@x> On Behalf Of Author`.
    /// Each starts with a space, which is what the search looks for first.
    private static let onBehalfMarkers: [[UInt8]] = [" on behalf of ", " im auftrag von ", " de la part de ", " en nombre de "]
        .map { Array($0.utf8) }

    /// The author of a `From:` value and, for Outlook's "On Behalf Of" form, the delegate
    /// that actually sent it (a mailing list, a shared mailbox or a form service).
    static func sender(_ value: String) -> (author: Mailbox?, onBehalf: Mailbox?) {
        var cleaned = removingAsterisks(value)
        let split = cleaned.withUTF8 { bytes -> (delegate: String, author: String)? in
            for marker in onBehalfMarkers {
                guard let start = asciiCaseInsensitiveOffset(of: marker, in: bytes) else { continue }
                // The marker is ASCII between spaces: its ends are scalar boundaries.
                return (ForwardBytes.string(bytes, 0..<start), ForwardBytes.string(bytes, (start + marker.count)..<bytes.count))
            }
            return nil
        }
        if let split { return (mailbox(split.author), mailbox(split.delegate)) }
        return (mailbox(cleaned), nil)
    }

    /// One mailbox as forward headers show it: `Name <a@x>`, `Name [mailto:a@x]`,
    /// `"Doe, Jane" <a@x>`, `Doe, Jane <a@x>` (unquoted comma), a bare address, or a name
    /// alone (then the address is empty).
    static func mailbox(_ value: String) -> Mailbox? {
        var trimmed = HeaderBlockParser.trimmed(value)
        let text = Substring(trimmed)
        // In plain ASCII every byte is a Character, so the brackets are found on the bytes, in place.
        if trimmed.withUTF8({ isPlainASCII($0) }) {
            if let found = trimmed.withUTF8({ bracketedASCII($0) }) { return found }
        } else {
            var search = text[...]
            while let open = search.firstIndex(where: { $0 == "<" || $0 == "[" || $0 == "(" }) {
                let closer: Character = text[open] == "<" ? ">" : text[open] == "[" ? "]" : ")"
                let inside = text[text.index(after: open)...]
                let close = inside.firstIndex(of: closer) ?? inside.endIndex
                search = text[close...]
                guard let address = ForwardAddress.normalized(String(inside[..<close])) else { continue }
                return Mailbox(name: nameBeforeAddress(String(text[..<open])), address: address)
            }
        }
        var nameWords: [Substring] = []
        var address: String?
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            let bare = word.filter { $0 != "<" && $0 != ">" && $0 != "[" && $0 != "]" && $0 != "(" && $0 != ")" }
            if address == nil, bare.contains("@"), let found = ForwardAddress.normalized(bare) {
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

    /// The bracketed-address form of ``mailbox(_:)`` on the bytes of ASCII text: the first
    /// `<...>`, `[...]` or `(...)` holding an address, with the name before it; nil when
    /// there is none.
    private static func bracketedASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Mailbox? {
        let count = bytes.count
        var search = 0
        while let open = (search..<count).first(where: { bytes[$0] == 0x3C || bytes[$0] == 0x5B || bytes[$0] == 0x28 }) {
            let closer: UInt8 = bytes[open] == 0x3C ? 0x3E : bytes[open] == 0x5B ? 0x5D : 0x29
            let close = ((open + 1)..<count).first(where: { bytes[$0] == closer }) ?? count
            search = close
            guard let address = ForwardAddress.normalized(ForwardBytes.string(bytes, (open + 1)..<close)) else { continue }
            return Mailbox(name: nameBeforeAddress(ForwardBytes.string(bytes, 0..<open)), address: address)
        }
        return nil
    }

    /// The cleaned name written before a bracketed address; nil when it is only the address
    /// again (Exchange's `a@x <mailto:a@x>` echo).
    private static func nameBeforeAddress(_ text: String) -> String? {
        guard let name = AddressListParser.cleanName(text) else { return nil }
        if !containsSpaceCharacter(name), name.utf8.contains(UInt8(ascii: "@")), ForwardAddress.normalized(name) != nil {
            return nil
        }
        return name
    }

    /// A `To:`/`Cc:` list. Outlook separates with `;` and shows names alone, so each
    /// piece is read on its own when the list has no addresses the RFC parser accepts.
    static func recipients(_ value: String) -> [Mailbox] {
        let cleaned = removingAsterisks(value)
        let list = commasForSemicolons(cleaned)
        let parsed = mayHoldAddress(list) ? simpleRecipients(list) ?? AddressListParser.parse(list).mailboxes : []
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

    /// Whether the address-list parser could find any mailbox in `list`: only an angle, a
    /// bracket or a word with an `@` holds one, and each needs its ASCII byte.
    private static func mayHoldAddress(_ list: String) -> Bool {
        list.utf8.contains { $0 == UInt8(ascii: "@") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "[") }
    }

    /// `text.contains(" ")`, from the bytes when they decide it: no space byte means no
    /// space Character, and in ASCII a space byte is one.
    private static func containsSpaceCharacter(_ text: String) -> Bool {
        guard text.utf8.contains(0x20) else { return false }
        return text.utf8.allSatisfy { $0 < 0x80 } || text.contains(" ")
    }

    /// Offset of the first occurrence in `bytes` of the ASCII `marker` (lowercase, starting
    /// with a space), ignoring ASCII case.
    private static func asciiCaseInsensitiveOffset(of marker: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = bytes.count
        guard marker.count > 1, count >= marker.count, marker[0] == 0x20 else { return nil }
        var start = 0
        search: while let space = ByteScanner.firstIndex(of: 0x20, in: bytes, from: start), space + marker.count <= count {
            start = space + 1
            for offset in 1..<marker.count {
                var byte = bytes[space + offset]
                if byte >= 65 && byte <= 90 { byte += 32 }
                guard byte == marker[offset] else { continue search }
            }
            return space
        }
        return nil
    }
}
