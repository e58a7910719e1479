// The inline-forward and quoted-reply scanners as they were before they moved onto byte
// offsets (commit db588d5), renamed, kept as the reference the differential tests compare
// the current implementation with. Not used by the library.
@testable import MIME

/// Finds forwarded originals written inline in a message's text by the common clients
/// (Gmail, Outlook desktop and web, Apple Mail incl. iOS's `>`-quoted form, Yahoo,
/// Thunderbird), in English, Spanish, French and German, including forwards of forwards.
///
/// One pass over the lines: each header block found moves the scan past itself, so the
/// work is linear in the text (header blocks are capped at `maximumHeaderLines`).
enum ReferenceInlineForwardParser {
    /// One text line with its `>` quote markers counted and separated out.
    struct Line {
        /// The line without its line break.
        var raw: Substring
        /// How many `>` markers precede the content.
        var depth: Int
        /// The line after its quote markers.
        var content: Substring

        var isBlank: Bool { content.utf8.allSatisfy { $0 == 32 || $0 == 9 } }
    }

    /// A header block that was found, with where it sits in the lines.
    struct Block {
        var style: ForwardStyle
        var isAmbiguous: Bool
        var fields: ReferenceForwardHeaderFields
        /// The separator line, or the first header line when there is no separator.
        var start: Int
        /// The first body line (after the header block and blank lines).
        var bodyStart: Int
        /// Quote depth of the header block; the body loses this many `>` levels.
        var depth: Int
    }

    /// Header lines read at most per block, so a hostile run of labels stays cheap.
    static let maximumHeaderLines = 40

    /// All forwarded originals in `text`, innermost first.
    static func parse(_ text: String, subject: String? = nil, limits: MIMELimits) -> [ForwardedOriginal] {
        guard limits.maximumForwardDepth > 0, !text.isEmpty else { return [] }
        // Most texts hold no forward header field at all: then there is nothing to split.
        if text.utf8.withContiguousStorageIfAvailable({ ReferenceForwardHeaderLabel.mayHoldFields($0) }) == false { return [] }
        let lines = makeLines(text)
        var blocks: [Block] = []
        // The subject that sets the context, classified only when an ambiguous block needs
        // it (most messages have no block at all); nil after a quoted reply's attribution.
        var contextSubject: String?? = .some(subject)
        var contactFormChecked: Bool?
        var index = 0
        while index < lines.count, blocks.count < limits.maximumForwardDepth {
            guard let block = block(at: index, in: lines, text: text, contactForm: &contactFormChecked) else {
                // "On ... wrote:" over deeper-quoted lines: what follows is a quoted reply.
                if deeperQuoteFollows(lines, at: index), let end = ReferenceQuotedReply.attributionEnd(lines, at: index) {
                    contextSubject = nil
                    index = end
                } else {
                    index += 1
                }
                continue
            }
            // Each block's subject is the context for blocks inside it: under "RE:" an
            // Outlook block is the quoted message being answered, not a forward.
            let isQuotedReply = block.isAmbiguous
                && (contextSubject.map { ReferenceForwardSubjectPrefix.classify($0) } ?? .reply) == .reply
            contextSubject = .some(block.fields.subject)
            index = max(block.bodyStart, index + 1)
            if !isQuotedReply { blocks.append(block) }
        }
        guard !blocks.isEmpty else { return [] }

        var originals: [ForwardedOriginal] = []
        originals.reserveCapacity(blocks.count)
        var leading = joined(lines, 0..<blocks[0].start, stripping: 0)
        for (offset, block) in blocks.enumerated() {
            let end = offset + 1 < blocks.count ? blocks[offset + 1].start : lines.count
            let body = joined(lines, block.bodyStart..<max(end, block.bodyStart), stripping: block.depth)
            originals.append(block.fields.original(body: body, style: block.style, leadingText: leading))
            leading = body
        }
        return originals.reversed()
    }

    /// The header block starting at line `index`, if one does. `contactForm` caches whether
    /// `text` is a contact-form notification (checked only when needed).
    static func block(at index: Int, in lines: [Line], text: String, contactForm: inout Bool?) -> Block? {
        // (Fields of `lines[index]` are read in place: a copy of the line costs two
        // retains and releases, and this runs on every line.)
        if let separator = ReferenceForwardSeparator.parse(lines[index].content) {
            var fields = ReferenceForwardHeaderFields()
            let glued = separator.style == .yahoo
            if !separator.remainder.isEmpty {
                for field in ReferenceForwardHeaderLabel.parseGlued(separator.remainder) { fields.set(field.label, field.value) }
            }
            var start = index + 1
            var skipped = 0
            while fields.isEmpty, start < lines.count, lines[start].isBlank, skipped < 3 {
                start += 1
                skipped += 1
            }
            let depth = fields.isEmpty && start < lines.count ? lines[start].depth : lines[index].depth
            let end = readHeader(lines, from: start, depth: depth, glued: glued, into: &fields)
            if fields.isEmpty || (separator.isAmbiguous && fields.from == nil) { return nil }
            return Block(style: separator.style, isAmbiguous: separator.isAmbiguous, fields: fields,
                         start: index, bodyStart: skipBlank(lines, from: end), depth: depth)
        }
        // No separator: Outlook desktop and Outlook rendered from HTML. Demand the full shape
        // (From first, then a date and a recipient or subject, line after line) so a web
        // form's "From: / Subject:" fields are not mistaken for a forward.
        guard ReferenceForwardHeaderLabel.startsWithFrom(lines[index].content) else { return nil }
        let depth = lines[index].depth
        var fields = ReferenceForwardHeaderFields()
        let end = readHeader(lines, from: index, depth: depth, glued: false, into: &fields)
        guard fields.from != nil, fields.date != nil, fields.to != nil || fields.subject != nil, end - index >= 3 else {
            return nil
        }
        if index == 0 {
            // A form notification whose body starts with field lines: Contact Form 7 signs
            // its mail "This e-mail was sent from a contact form on ...".
            if contactForm == nil { contactForm = text.lowercased().contains("sent from a contact form") }
            if contactForm == true { return nil }
        }
        return Block(style: .headerBlock, isAmbiguous: true, fields: fields,
                     start: index, bodyStart: skipBlank(lines, from: end), depth: depth)
    }

    /// Reads label lines from `start` into `fields`; returns the first line after them.
    /// Stops at a blank line, a line of another quote depth, a repeated label (Outlook 2019
    /// puts the body right under the header, and a body may begin with "Date: ...") or a line
    /// that is no label and no continuation of a recipient list.
    private static func readHeader(_ lines: [Line], from start: Int, depth: Int, glued: Bool, into fields: inout ReferenceForwardHeaderFields) -> Int {
        var index = start
        while index < lines.count, index - start < maximumHeaderLines {
            let line = lines[index]
            if line.isBlank || line.depth != depth { break }
            if glued {
                let found = ReferenceForwardHeaderLabel.parseGlued(line.content)
                guard !found.isEmpty else { break }
                for field in found { fields.set(field.label, field.value) }
            } else if let (label, value) = ReferenceForwardHeaderLabel.parse(line.content) {
                if fields.has(label) { break }
                var value = value
                if value.isEmpty, index + 1 < lines.count, !lines[index + 1].isBlank,
                   lines[index + 1].depth == depth, ReferenceForwardHeaderLabel.label(of: lines[index + 1].content) == nil {
                    // HTML tables rendered with label and value cells on separate lines.
                    index += 1
                    value = HeaderBlockParser.trimmed(String(lines[index].content))
                }
                fields.set(label, value)
            } else if let first = line.content.first, first == " " || first == "\t" || fields.lastValueContinues,
                      fields.appendContinuation(HeaderBlockParser.trimmed(String(line.content))) {
                // Long recipient lists wrap onto indented lines.
            } else {
                break
            }
            index += 1
        }
        return index
    }

    /// Whether one of the three lines after `index` is quoted deeper than it.
    private static func deeperQuoteFollows(_ lines: [Line], at index: Int) -> Bool {
        let depth = lines[index].depth
        var next = index + 1
        while next < min(index + 4, lines.count) {
            if lines[next].depth > depth { return true }
            next += 1
        }
        return false
    }

    private static func skipBlank(_ lines: [Line], from start: Int) -> Int {
        var index = start
        while index < lines.count, lines[index].isBlank { index += 1 }
        return index
    }

    /// Lines `range` joined with `\n`, each without `levels` quote markers, trimmed.
    private static func joined(_ lines: [Line], _ range: Range<Int>, stripping levels: Int) -> String {
        var output = String()
        for index in range {
            if index > range.lowerBound { output.append("\n") }
            output.append(contentsOf: levels == 0 ? lines[index].raw : stripQuotes(lines[index], levels: levels))
        }
        return HeaderBlockParser.trimmed(output)
    }

    /// Splits `text` into lines (LF or CRLF) and counts each line's `>` markers. Works on
    /// UTF-8 bytes: every line of every message passes through here.
    static func makeLines(_ text: String) -> [Line] {
        // A native string's bytes are read in place, with plain offsets; only the two
        // substrings of each line are made from them.
        if let lines = text.utf8.withContiguousStorageIfAvailable({ makeLines(text, $0) }) { return lines }
        let bytes = text.utf8
        var lines: [Line] = []
        var lineStart = bytes.startIndex
        while true {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.endIndex
            lines.append(makeLine(text, lineStart, lineEnd))
            guard lineEnd < bytes.endIndex else { break }
            lineStart = bytes.index(after: lineEnd)
        }
        return lines
    }

    /// ``makeLines(_:)`` over `text`'s contiguous UTF-8 `bytes`.
    private static func makeLines(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> [Line] {
        let count = bytes.count
        var newlines = 0
        for byte in bytes where byte == 0x0A { newlines += 1 }
        var lines: [Line] = []
        lines.reserveCapacity(newlines + 1)
        let utf8 = text.utf8
        // O(1) for a native string: the offset is the index.
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        var lineStart = 0
        while true {
            let lineEnd = ByteScanner.firstIndex(of: 0x0A, in: bytes, from: lineStart) ?? count
            var end = lineEnd
            if end > lineStart, bytes[end - 1] == 0x0D { end -= 1 }
            var position = lineStart
            var contentStart = lineStart
            var depth = 0
            while position < end {
                let byte = bytes[position]
                if byte == 0x20 || byte == 0x09 {
                    position += 1
                } else if byte == UInt8(ascii: ">") {
                    depth += 1
                    position += 1
                    contentStart = position
                } else {
                    break
                }
            }
            if depth > 0, contentStart < end, bytes[contentStart] == 0x20 { contentStart += 1 }
            let endIndex = index(end)
            let raw = text[index(lineStart)..<endIndex]
            let content = depth == 0 ? raw : text[index(contentStart)..<endIndex]
            lines.append(Line(raw: raw, depth: depth, content: content))
            guard lineEnd < count else { break }
            lineStart = lineEnd + 1
        }
        return lines
    }

    private static func makeLine(_ text: String, _ start: String.Index, _ lineEnd: String.Index) -> Line {
        let bytes = text.utf8
        var end = lineEnd
        if end > start, bytes[bytes.index(before: end)] == 0x0D { end = bytes.index(before: end) }
        var index = start
        var contentStart = index
        var depth = 0
        while index < end {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 {
                index = bytes.index(after: index)
            } else if byte == UInt8(ascii: ">") {
                depth += 1
                index = bytes.index(after: index)
                contentStart = index
            } else {
                break
            }
        }
        if depth > 0, contentStart < end, bytes[contentStart] == 0x20 { contentStart = bytes.index(after: contentStart) }
        return Line(raw: text[start..<end], depth: depth, content: text[contentStart..<end])
    }

    /// The line without its first `levels` quote markers (and the space after each).
    private static func stripQuotes(_ line: Line, levels: Int) -> Substring {
        if line.depth <= levels { return line.content }
        let bytes = line.raw.utf8
        var index = bytes.startIndex
        var removed = 0
        while removed < levels, index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 {
                index = bytes.index(after: index)
            } else if byte == UInt8(ascii: ">") {
                index = bytes.index(after: index)
                if index < bytes.endIndex, bytes[index] == 0x20 { index = bytes.index(after: index) }
                removed += 1
            } else {
                break
            }
        }
        return line.raw[index...]
    }
}

/// Byte-level helpers for the forward and quoted-reply scanners, which look at every line
/// of every message and so avoid `Character` work until a line looks promising.
enum ReferenceForwardBytes {
    /// Length of the filler ending just before `end`: a space, tab or `*` (bold rendered as
    /// text) is 1 byte, a no-break space (C2 A0) 2, a narrow no-break space (E2 80 AF) 3;
    /// 0 when the byte before `end` is no filler.
    static func fillerLength(_ bytes: Substring.UTF8View, before end: String.Index) -> Int {
        guard end > bytes.startIndex else { return 0 }
        let one = bytes.index(before: end)
        switch bytes[one] {
        case 0x20, 0x09, UInt8(ascii: "*"):
            return 1
        case 0xA0:
            guard one > bytes.startIndex, bytes[bytes.index(before: one)] == 0xC2 else { return 0 }
            return 2
        case 0xAF:
            guard bytes.distance(from: bytes.startIndex, to: one) >= 2 else { return 0 }
            let two = bytes.index(before: one)
            return bytes[two] == 0x80 && bytes[bytes.index(before: two)] == 0xE2 ? 3 : 0
        default:
            return 0
        }
    }

    /// `end` moved back over any fillers, not past `start`.
    static func trimFillers(_ bytes: Substring.UTF8View, from start: String.Index, end: String.Index) -> String.Index {
        var end = end
        while end > start {
            let length = fillerLength(bytes, before: end)
            guard length > 0, bytes.distance(from: start, to: end) >= length else { break }
            end = bytes.index(end, offsetBy: -length)
        }
        return end
    }

    /// Length of the filler starting at `index` (see `fillerLength(_:before:)`).
    static func fillerLength(_ bytes: Substring.UTF8View, at index: String.Index) -> Int {
        let byte = bytes[index]
        if byte == 0x20 || byte == 0x09 || byte == UInt8(ascii: "*") { return 1 }
        let rest = bytes.distance(from: index, to: bytes.endIndex)
        if byte == 0xC2, rest >= 2, bytes[bytes.index(after: index)] == 0xA0 { return 2 }
        if byte == 0xE2, rest >= 3, bytes[bytes.index(index, offsetBy: 1)] == 0x80, bytes[bytes.index(index, offsetBy: 2)] == 0xAF {
            return 3
        }
        return 0
    }

    /// `start` moved forward over any fillers.
    static func skipFillers(_ bytes: Substring.UTF8View, from start: String.Index) -> String.Index {
        var index = start
        while index < bytes.endIndex {
            let length = fillerLength(bytes, at: index)
            guard length > 0 else { break }
            index = bytes.index(index, offsetBy: length)
        }
        return index
    }

    /// Whether `bytes` equal the lowercase `pattern`, ASCII letters compared without case
    /// (the non-ASCII letters of the phrases are lowercase in every client).
    static func equalsFoldingASCII(_ bytes: Substring.UTF8View, _ pattern: [UInt8]) -> Bool {
        guard bytes.count == pattern.count else { return false }
        var offset = 0
        for byte in bytes {
            let folded = byte >= 65 && byte <= 90 ? byte + 32 : byte
            guard folded == pattern[offset] else { return false }
            offset += 1
        }
        return true
    }
}

/// The values read from one forward header block, as written, before they become a
/// `ForwardedOriginal`. The first occurrence of each label wins.
struct ReferenceForwardHeaderFields: Sendable {
    var from: String?
    var date: String?
    var subject: String?
    var to: String?
    var cc: String?
    var replyTo: String?
    /// The label of the last field set, for recipient lists that wrap onto further lines.
    private(set) var lastLabel: ReferenceForwardHeaderLabel?

    /// Whether no field has been read.
    var isEmpty: Bool { lastLabel == nil }

    /// Whether `label` was already read.
    func has(_ label: ReferenceForwardHeaderLabel) -> Bool {
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
    mutating func set(_ label: ReferenceForwardHeaderLabel, _ value: String) {
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

/// The fields of a forward's header block, recognised in several languages because
/// clients localise the labels (`De :`, `Von:`, `Enviado el:`, `Oggetto:`, ...).
enum ReferenceForwardHeaderLabel: Sendable, Equatable {
    case from, date, to, cc, subject, replyTo

    /// Lowercased label names. English, Spanish, French and German are the ones builders'
    /// staff use; Italian, Portuguese, Dutch and Scandinavian ones cost nothing to accept.
    private static let labels: [String: ReferenceForwardHeaderLabel] = [
        "from": .from, "de": .from, "von": .from, "da": .from, "van": .from, "från": .from, "fra": .from,
        "date": .date, "sent": .date, "fecha": .date, "enviado": .date, "enviado el": .date, "inviato": .date,
        "data": .date, "gesendet": .date, "datum": .date, "envoyé": .date, "envoyé le": .date,
        "verzonden": .date, "skickat": .date, "sendt": .date,
        "to": .to, "para": .to, "a": .to, "an": .to, "à": .to, "aan": .to, "till": .to, "til": .to,
        "cc": .cc, "kopie": .cc, "copie": .cc, "copia": .cc,
        "subject": .subject, "asunto": .subject, "oggetto": .subject, "betreff": .subject, "objet": .subject,
        "onderwerp": .subject, "assunto": .subject, "ämne": .subject, "emne": .subject,
        "reply-to": .replyTo, "responder a": .replyTo, "antwort an": .replyTo, "répondre à": .replyTo,
    ]

    /// Labels as Yahoo writes them when it glues a whole header block onto one line
    /// (`From: A <a@x>To: b@y <b@y>Sent: ... CDTSubject: Hi`). Matched case-sensitively with
    /// no word boundary, so one-letter and easily embedded labels (`A`, `Da`, `Data`) are left out.
    private static let gluedLabels: [(name: [UInt8], label: ReferenceForwardHeaderLabel)] = ([
        ("Subject", .subject), ("Asunto", .subject), ("Objet", .subject), ("Betreff", .subject),
        ("Enviado el", .date), ("Enviado", .date), ("Envoyé", .date), ("Gesendet", .date), ("Sent", .date),
        ("Date", .date), ("Fecha", .date), ("Datum", .date),
        ("From", .from), ("Von", .from), ("De", .from),
        ("Para", .to), ("To", .to), ("An", .to), ("À", .to),
        ("Cc", .cc), ("CC", .cc), ("Kopie", .cc),
    ] as [(String, ReferenceForwardHeaderLabel)]).map { (Array($0.0.utf8), $0.1) }

    /// The label a line starts with and where its value begins, without copying anything
    /// (the scan asks this of every line, so it stays on bytes).
    private static func locate(_ line: Substring) -> (label: ReferenceForwardHeaderLabel, valueStart: String.Index)? {
        let bytes = line.utf8
        // A native string's bytes in place: plain offsets instead of index arithmetic.
        if let found = bytes.withContiguousStorageIfAvailable({ locate(bytes: $0) }) {
            guard let (label, offset) = found else { return nil }
            return (label, bytes.index(bytes.startIndex, offsetBy: offset))
        }
        let start = ReferenceForwardBytes.skipFillers(bytes, from: bytes.startIndex)
        var colon = start
        var scanned = 0
        while colon < bytes.endIndex, bytes[colon] != UInt8(ascii: ":") {
            scanned += 1
            guard scanned < 24 else { return nil }
            colon = bytes.index(after: colon)
        }
        guard colon < bytes.endIndex else { return nil }
        let nameEnd = ReferenceForwardBytes.trimFillers(bytes, from: start, end: colon)
        guard nameEnd > start else { return nil }
        let name = bytes[start..<nameEnd]
        guard name.count <= 12 else { return nil }
        let first = name[name.startIndex]
        let folded = first >= 65 && first <= 90 ? first + 32 : first
        for candidate in buckets[Int(min(folded, 128))] where ReferenceForwardBytes.equalsFoldingASCII(name, candidate.name) {
            return (candidate.label, bytes.index(after: colon))
        }
        return nil
    }

    /// ``locate(_:)`` over a line's UTF-8 `bytes`: the label and the offset after its colon.
    /// Fillers as in ``ReferenceForwardBytes``: space, tab, `*`, no-break space, narrow no-break space.
    private static func locate(bytes: UnsafeBufferPointer<UInt8>) -> (ReferenceForwardHeaderLabel, Int)? {
        let count = bytes.count
        var start = 0
        while start < count {
            let length = fillerLength(bytes, at: start)
            guard length > 0 else { break }
            start += length
        }
        var colon = start
        var scanned = 0
        while colon < count, bytes[colon] != UInt8(ascii: ":") {
            scanned += 1
            guard scanned < 24 else { return nil }
            colon += 1
        }
        guard colon < count else { return nil }
        var nameEnd = colon
        while nameEnd > start {
            let length = fillerLength(bytes, before: nameEnd)
            guard length > 0, nameEnd - start >= length else { break }
            nameEnd -= length
        }
        guard nameEnd > start, nameEnd - start <= 12 else { return nil }
        let first = bytes[start]
        let folded = first >= 65 && first <= 90 ? first + 32 : first
        candidates: for candidate in buckets[Int(min(folded, 128))] where candidate.name.count == nameEnd - start {
            for (offset, expected) in candidate.name.enumerated() {
                let byte = bytes[start + offset]
                guard (byte >= 65 && byte <= 90 ? byte + 32 : byte) == expected else { continue candidates }
            }
            return (candidate.label, colon + 1)
        }
        return nil
    }

    /// `ReferenceForwardBytes.fillerLength(_:at:)` on a buffer.
    @inline(__always)
    private static func fillerLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte == 0x20 || byte == 0x09 || byte == UInt8(ascii: "*") { return 1 }
        let rest = bytes.count - index
        if byte == 0xC2, rest >= 2, bytes[index + 1] == 0xA0 { return 2 }
        if byte == 0xE2, rest >= 3, bytes[index + 1] == 0x80, bytes[index + 2] == 0xAF { return 3 }
        return 0
    }

    /// `ReferenceForwardBytes.fillerLength(_:before:)` on a buffer.
    @inline(__always)
    private static func fillerLength(_ bytes: UnsafeBufferPointer<UInt8>, before end: Int) -> Int {
        guard end > 0 else { return 0 }
        switch bytes[end - 1] {
        case 0x20, 0x09, UInt8(ascii: "*"):
            return 1
        case 0xA0:
            return end >= 2 && bytes[end - 2] == 0xC2 ? 2 : 0
        case 0xAF:
            return end >= 3 && bytes[end - 2] == 0x80 && bytes[end - 3] == 0xE2 ? 3 : 0
        default:
            return 0
        }
    }

    /// `labels` by the first byte of the lowercased name (ASCII letters; 128 holds names
    /// starting with a non-ASCII letter, listed in both cases), so a line is matched by
    /// comparing bytes against a few candidates, with no allocation or hashing.
    private static let buckets: [[(name: [UInt8], label: ReferenceForwardHeaderLabel)]] = {
        var buckets = Array(repeating: [(name: [UInt8], label: ReferenceForwardHeaderLabel)](), count: 129)
        for (name, label) in labels {
            let capitalized: String = String(name.prefix(1)).uppercased() + String(name.dropFirst())
            for spelling in [name, capitalized] {
                let bytes = Array(spelling.utf8)
                guard let first = bytes.first else { continue }
                let index = first < 128 ? Int(first >= 65 && first <= 90 ? first + 32 : first) : 128
                let lowered = bytes.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
                if !buckets[index].contains(where: { $0.name == lowered }) { buckets[index].append((lowered, label)) }
            }
        }
        return buckets
    }()

    /// Whether a forward header block could be read anywhere in the UTF-8 `bytes` of a
    /// text: whether some ":" ends a label that starts its line (after quote markers and
    /// fillers; what ``label(of:)`` and ``parse(_:)`` need) or ends a glued label (what
    /// ``parseGlued(_:)`` needs). Every header block holds at least one such field, so on
    /// false the inline-forward scan skips the text without splitting it into lines.
    ///
    /// A superset check: it ignores the length limits and line structure the real readers
    /// add, and may say true for a text that has no block; never false for one that has.
    static func mayHoldFields(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var colon = 0
        while let found = ByteScanner.firstIndex(of: UInt8(ascii: ":"), in: bytes, from: colon) {
            colon = found + 1
            // The name ends where the fillers before the colon begin (as `locate` and
            // `parseGlued` trim them).
            var end = found
            while end > 0 {
                let length = fillerLength(bytes, before: end)
                guard length > 0 else { break }
                end -= length
            }
            guard end > 0 else { continue }
            let last = bytes[end - 1]
            for name in gluedNamesByLastByte[Int(last)] where end >= name.count {
                if name.indices.allSatisfy({ bytes[end - name.count + $0] == name[$0] }) { return true }
            }
            let folded = last >= 65 && last <= 90 ? last + 32 : last
            for name in labelNamesByLastByte[Int(folded)] where end >= name.count {
                let start = end - name.count
                guard name.indices.allSatisfy({ offset in
                    let byte = bytes[start + offset]
                    return (byte >= 65 && byte <= 90 ? byte + 32 : byte) == name[offset]
                }) else { continue }
                // Only quote markers and fillers between the line start and the name.
                var before = start
                while before > 0, Self.isMarkerOrFillerByte(bytes[before - 1]) { before -= 1 }
                if before == 0 || bytes[before - 1] == 0x0A { return true }
            }
        }
        return false
    }

    /// Bytes of quote markers (`>`, space, tab) and fillers (also `*` and the bytes of a
    /// no-break and a narrow no-break space).
    private static func isMarkerOrFillerByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, UInt8(ascii: ">"), UInt8(ascii: "*"), 0xC2, 0xA0, 0xE2, 0x80, 0xAF: true
        default: false
        }
    }

    /// The glued label names by their last byte.
    private static let gluedNamesByLastByte: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: 256)
        for (name, _) in gluedLabels {
            guard let last = name.last else { continue }
            table[Int(last)].append(name)
        }
        return table
    }()

    /// Every spelling `locate` compares a line's label with (ASCII lowercased), by its
    /// last byte.
    private static let labelNamesByLastByte: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: 256)
        for bucket in buckets {
            for (name, _) in bucket {
                guard let last = name.last else { continue }
                table[Int(last)].append(name)
            }
        }
        return table
    }()

    /// The label a line starts with, if any.
    static func label(of line: Substring) -> ReferenceForwardHeaderLabel? {
        locate(line)?.label
    }

    /// Whether a line starts with a `From` label (`label(of:) == .from`), rejecting most
    /// lines on their first byte: the scan asks this of every line.
    static func startsWithFrom(_ line: Substring) -> Bool {
        guard let first = line.utf8.first else { return false }
        // A line starting with no filler starts its label name with this byte.
        let isFillerStart = first == 0x20 || first == 0x09 || first == UInt8(ascii: "*") || first == 0xC2 || first == 0xE2
        guard isFillerStart || fromInitials[Int(first)] else { return false }
        return locate(line)?.label == .from
    }

    /// The first bytes, in either ASCII case, of the `From` label names.
    private static let fromInitials: [Bool] = {
        var initials = [Bool](repeating: false, count: 256)
        for (name, label) in labels where label == .from {
            guard let first = name.utf8.first else { continue }
            initials[Int(first)] = true
            if first >= 0x61 && first <= 0x7A { initials[Int(first - 0x20)] = true }
            if first >= 0x41 && first <= 0x5A { initials[Int(first + 0x20)] = true }
        }
        return initials
    }()

    /// Reads `Label: value` from a line whose quote markers are already stripped.
    /// Tolerates bold rendered as text (`*From:*`), tab separation (Thunderbird) and the
    /// French space before the colon (`Objet :`, also as a no-break space).
    static func parse(_ line: Substring) -> (label: ReferenceForwardHeaderLabel, value: String)? {
        guard let (label, valueStart) = locate(line) else { return nil }
        let bytes = line.utf8
        let start = ReferenceForwardBytes.skipFillers(bytes, from: valueStart)
        return (label, HeaderBlockParser.trimmed(String(line[start...])))
    }

    /// Splits a line on which several `Label: value` fields are glued together (Yahoo).
    /// Each label is taken once, in the order met; `Subject` ends the scan because Yahoo
    /// writes it last and a subject may itself contain `To:` or `Re:`. Labels are looked for
    /// in the first 4 KB only, so a hostile line costs little.
    static func parseGlued(_ line: Substring) -> [(label: ReferenceForwardHeaderLabel, value: String)] {
        let bytes = line.utf8
        var found: [(label: ReferenceForwardHeaderLabel, labelStart: String.Index, valueStart: String.Index)] = []
        var index = bytes.startIndex
        // Real glued blocks are well under 4 KB; past that the last field runs to the end.
        let scanEnd = bytes.index(bytes.startIndex, offsetBy: 4096, limitedBy: bytes.endIndex) ?? bytes.endIndex
        scan: while index < scanEnd {
            defer { index = bytes.index(after: index) }
            guard bytes[index] == UInt8(ascii: ":") else { continue }
            let nameEnd = ReferenceForwardBytes.trimFillers(bytes, from: bytes.startIndex, end: index)
            let available = bytes.distance(from: bytes.startIndex, to: nameEnd)
            for candidate in gluedLabels where candidate.name.count <= available {
                let labelStart = bytes.index(nameEnd, offsetBy: -candidate.name.count)
                guard bytes[labelStart..<nameEnd].elementsEqual(candidate.name) else { continue }
                if found.contains(where: { $0.label == candidate.label }) { break }
                found.append((candidate.label, labelStart, bytes.index(after: index)))
                if candidate.label == .subject { break scan }
                break
            }
        }
        var fields: [(label: ReferenceForwardHeaderLabel, value: String)] = []
        for (offset, field) in found.enumerated() {
            let end = offset + 1 < found.count ? found[offset + 1].labelStart : bytes.endIndex
            let start = ReferenceForwardBytes.skipFillers(bytes, from: field.valueStart)
            let value = start < end ? String(line[start..<end]) : ""
            fields.append((field.label, HeaderBlockParser.trimmed(value)))
        }
        return fields
    }
}

/// A line that clients put between the forwarder's note and the original's header block:
/// Gmail's, Thunderbird's and Yahoo's dashed "Forwarded message" lines, Outlook's
/// "Original Message" line or line of underscores, and Apple Mail's "Begin forwarded message:",
/// in English, Spanish, French and German.
struct ReferenceForwardSeparator: Sendable, Equatable {
    /// The client style the separator implies.
    var style: ForwardStyle
    /// Whether clients also write this separator above quoted *replies* (Outlook's
    /// "Original Message" and underscores), so the subject must decide.
    var isAmbiguous: Bool
    /// Text after the closing dashes on the same line: Yahoo glues the header block there.
    var remainder: Substring

    /// Phrases of forward separators, lowercased.
    private static let forwardPhrases: [[UInt8]] = [
        "forwarded message", "mensaje reenviado", "message transféré", "message transfere",
        "weitergeleitete nachricht", "messaggio inoltrato", "mensagem encaminhada",
    ].map { Array($0.utf8) }
    /// Phrases of "original message" separators, lowercased; clients write these for replies too.
    private static let originalPhrases: [[UInt8]] = [
        "original message", "mensaje original", "message d'origine", "message d’origine", "message original",
        "ursprüngliche nachricht", "messaggio originale", "mensagem original",
    ].map { Array($0.utf8) }
    /// Apple Mail's introductions (also used by iOS), lowercased, without the colon.
    private static let appleIntroductions: [[UInt8]] = [
        "begin forwarded message", "inicio del mensaje reenviado", "début du message réexpédié",
        "debut du message reexpedie", "anfang der weitergeleiteten nachricht", "inizio messaggio inoltrato",
    ].map { Array($0.utf8) }

    /// Recognises a separator in a line's content (quote markers already stripped).
    ///
    /// Works on UTF-8 bytes and rejects ordinary lines after a byte or two: it runs on
    /// every line of every message.
    static func parse(_ content: Substring) -> ReferenceForwardSeparator? {
        let bytes = content.utf8
        var start = bytes.startIndex
        while start < bytes.endIndex, bytes[start] == 0x20 || bytes[start] == 0x09 || bytes[start] == UInt8(ascii: "*") {
            start = bytes.index(after: start)
        }
        guard start < bytes.endIndex else { return nil }
        switch bytes[start] {
        case UInt8(ascii: "-"):
            return dashed(content, from: start)
        case UInt8(ascii: "_"):
            var count = 0
            for byte in bytes[start...] {
                if byte == UInt8(ascii: "_") { count += 1 } else if byte != 0x20 && byte != 0x09 { return nil }
            }
            return count >= 8 ? ReferenceForwardSeparator(style: .outlookUnderscores, isAmbiguous: true, remainder: "") : nil
        case UInt8(ascii: "B"), UInt8(ascii: "b"), UInt8(ascii: "I"), UInt8(ascii: "i"),
             UInt8(ascii: "D"), UInt8(ascii: "d"), UInt8(ascii: "A"), UInt8(ascii: "a"):
            // "Begin forwarded message:" and its translations, alone on the line.
            var end = ReferenceForwardBytes.trimFillers(bytes, from: start, end: bytes.endIndex)
            guard end > start, bytes[bytes.index(before: end)] == UInt8(ascii: ":") else { return nil }
            end = ReferenceForwardBytes.trimFillers(bytes, from: start, end: bytes.index(before: end))
            let phrase = bytes[start..<end]
            guard appleIntroductions.contains(where: { ReferenceForwardBytes.equalsFoldingASCII(phrase, $0) }) else { return nil }
            return ReferenceForwardSeparator(style: .appleMail, isAmbiguous: false, remainder: "")
        default:
            return nil
        }
    }

    /// `---------- Forwarded message ---------` and its relatives. The number of leading
    /// dashes tells the clients apart: Gmail writes 10, Thunderbird 8, Yahoo and Outlook 5.
    private static func dashed(_ content: Substring, from start: String.Index) -> ReferenceForwardSeparator? {
        let bytes = content.utf8
        var index = start
        var dashes = 0
        while index < bytes.endIndex, bytes[index] == UInt8(ascii: "-") {
            dashes += 1
            index = bytes.index(after: index)
        }
        guard dashes >= 3 else { return nil }
        while index < bytes.endIndex, bytes[index] == 0x20 || bytes[index] == 0x09 { index = bytes.index(after: index) }
        // The phrase ends at the closing dashes; Yahoo may glue headers after those.
        let phraseStart = index
        var scanned = 0
        while index < bytes.endIndex, bytes[index] != UInt8(ascii: "-") {
            scanned += 1
            guard scanned <= 60 else { return nil }
            index = bytes.index(after: index)
        }
        guard index < bytes.endIndex else { return nil }
        var phraseEnd = index
        while phraseEnd > phraseStart, bytes[bytes.index(before: phraseEnd)] == 0x20 || bytes[bytes.index(before: phraseEnd)] == 0x09 {
            phraseEnd = bytes.index(before: phraseEnd)
        }
        let phrase = bytes[phraseStart..<phraseEnd]
        while index < bytes.endIndex, bytes[index] == UInt8(ascii: "-") || bytes[index] == 0x20 || bytes[index] == 0x09 {
            index = bytes.index(after: index)
        }
        let remainder = content[index...]
        if forwardPhrases.contains(where: { ReferenceForwardBytes.equalsFoldingASCII(phrase, $0) }) {
            let style: ForwardStyle = dashes >= 10 ? .gmail : dashes >= 6 ? .thunderbird : .yahoo
            return ReferenceForwardSeparator(style: style, isAmbiguous: false, remainder: remainder)
        }
        if originalPhrases.contains(where: { ReferenceForwardBytes.equalsFoldingASCII(phrase, $0) }) {
            return ReferenceForwardSeparator(style: .outlookOriginalMessage, isAmbiguous: true, remainder: remainder)
        }
        return nil
    }
}

/// What the first prefix of a subject says about the message: a reply (`RE:`, `AW:`) or a
/// forward (`FW:`, `WG:`, `TR:`, `RV:`). Outlook writes the same header block above quoted
/// replies as above forwards, so this is what tells them apart.
enum ReferenceForwardSubjectPrefix: Sendable, Equatable {
    case reply, forward, none

    /// Lowercased reply prefixes in the clients' languages (`re` covers en/es/fr).
    private static let replyWords: Set<String> = ["re", "aw", "antw", "antwort", "réf", "ref", "rép", "sv", "vs", "r", "res", "odp"]
    /// Lowercased forward prefixes: `rv` is Outlook's Spanish "reenviar", `tr` French
    /// "transfert", `wg` German "weitergeleitet", `i` Italian "inoltro".
    private static let forwardWords: Set<String> = ["fw", "fwd", "wg", "tr", "rv", "i", "enc", "doorst", "vb", "vl", "fs", "pd"]

    /// Classifies `subject` by its first prefix (`Re[2]:` and `RE :` included).
    static func classify(_ subject: String?) -> ReferenceForwardSubjectPrefix {
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

/// Tells the new text of a reply apart from the earlier message it quotes.
///
/// Recognised boundaries, in English, French, Spanish and German:
/// - attribution lines: `On <date>, <name> <addr> wrote:` (also wrapped over two or three
///   lines, as Gmail does), `Le <date>, <name> a écrit :`, `El <date>, <name> escribió:`,
///   `Am <date> schrieb <name>:`;
/// - Outlook's reply header: `-----Original Message-----` or a line of underscores followed
///   by `From:`, or a `From:` / `Sent:` / `To:` / `Subject:` block with no separator;
/// - `>`-quoted lines. When quoted and unquoted lines alternate (answers written between
///   the quoted questions) the unquoted lines are the new text.
///
/// A forward separator (Gmail's, Apple Mail's, Yahoo's, Thunderbird's) is not a reply
/// boundary: text with a forward is returned whole (see ``ForwardedOriginal``).
enum ReferenceQuotedReply {
    /// Splits `text` into the writer's new text and the quoted earlier message.
    ///
    /// Linear in the length of `text`; never fails.
    ///
    /// - Parameter text: A message's plain text (`\n` or `\r\n` line endings).
    /// - Returns: `newText`, trimmed (empty when the message is only a quote), and `quoted`,
    ///   the quoted part from its attribution or header line on, or nil when nothing is quoted.
    static func split(_ text: String) -> (newText: String, quoted: String?) {
        let lines = ReferenceInlineForwardParser.makeLines(text)
        var contactForm: Bool?
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.depth > 0 {
                return splitAtQuote(lines, from: index)
            }
            // Attributions are only looked for at the top level; deeper ones are inside the quote.
            if attributionEnd(lines, at: index) != nil {
                return (joined(lines, 0..<index), joined(lines, index..<lines.count))
            }
            if let block = ReferenceInlineForwardParser.block(at: index, in: lines, text: text, contactForm: &contactForm) {
                guard block.isAmbiguous else { return (HeaderBlockParser.trimmed(text), nil) }
                return (joined(lines, 0..<index), joined(lines, index..<lines.count))
            }
            index += 1
        }
        return (HeaderBlockParser.trimmed(text), nil)
    }

    /// Quoting with no attribution: either everything from the first `>` line is quoted,
    /// or (when unquoted answers follow quoted lines) the unquoted lines are the new text.
    /// An attribution or reply header further down still ends the new text.
    private static func splitAtQuote(_ lines: [ReferenceInlineForwardParser.Line], from start: Int) -> (newText: String, quoted: String?) {
        var newLines: [Substring] = lines[..<start].map(\.raw)
        var quotedLines: [Substring] = []
        var index = start
        while index < lines.count {
            let line = lines[index]
            if line.depth > 0 {
                quotedLines.append(line.raw)
            } else if attributionEnd(lines, at: index) != nil || isReplyHeader(lines, at: index) {
                quotedLines += lines[index...].map(\.raw)
                break
            } else {
                newLines.append(line.raw)
            }
            index += 1
        }
        let quoted = HeaderBlockParser.trimmed(quotedLines.joined(separator: "\n"))
        return (HeaderBlockParser.trimmed(newLines.joined(separator: "\n")), quoted.isEmpty ? nil : quoted)
    }

    private static func isReplyHeader(_ lines: [ReferenceInlineForwardParser.Line], at index: Int) -> Bool {
        var contactForm: Bool? = false
        return ReferenceInlineForwardParser.block(at: index, in: lines, text: "", contactForm: &contactForm)?.isAmbiguous == true
    }

    /// If an attribution starts at line `index` (on up to three lines), the line after it.
    static func attributionEnd(_ lines: [ReferenceInlineForwardParser.Line], at index: Int) -> Int? {
        let first = lines[index]
        var closesNearby = false
        for candidate in index..<min(index + 3, lines.count) where lines[candidate].depth == first.depth {
            if endsWithColon(lines[candidate]) {
                closesNearby = true
                break
            }
        }
        guard closesNearby, let opening = opening(first.content) else { return nil }
        var text = String()
        var end = index
        while end < lines.count, end < index + 3, lines[end].depth == first.depth, !lines[end].isBlank {
            if !text.isEmpty { text.append(" ") }
            text += HeaderBlockParser.trimmed(String(lines[end].content))
            end += 1
            guard text.utf8.count <= 400 else { return nil }
            if closes(text, opening: opening) {
                // "On Monday I wrote:" in prose is not an attribution unless a quote follows
                // or it names a date or an address.
                let hasDetail = text.contains { $0.isNumber || $0 == "@" }
                return hasDetail || quoteFollows(lines, after: end, depth: first.depth) ? end : nil
            }
        }
        return nil
    }

    /// Whether the next non-blank line from `start` is quoted deeper than `depth`.
    static func quoteFollows(_ lines: [ReferenceInlineForwardParser.Line], after start: Int, depth: Int) -> Bool {
        var next = start
        while next < lines.count, next < start + 3, lines[next].isBlank { next += 1 }
        return next < lines.count && lines[next].depth > depth
    }

    private enum Opening { case english, french, spanish, german, bare }

    private static func opening(_ content: Substring) -> Opening? {
        let bytes = content.utf8
        var start = bytes.startIndex
        while start < bytes.endIndex, bytes[start] == 0x20 || bytes[start] == 0x09 { start = bytes.index(after: start) }
        let line = bytes[start...]
        if line.starts(with: "On ".utf8) { return .english }
        if line.starts(with: "Le ".utf8) { return .french }
        if line.starts(with: "El ".utf8) { return .spanish }
        if line.starts(with: "Am ".utf8) { return .german }
        // Older Thunderbird and many list archives: "Jane Doe <jane@x> wrote:".
        return line.count <= 200 && line.contains(UInt8(ascii: "@")) ? .bare : nil
    }

    /// Whether the line's last non-filler byte is a colon: the cheap test that rules out
    /// almost every line before an attribution is assembled.
    private static func endsWithColon(_ line: borrowing ReferenceInlineForwardParser.Line) -> Bool {
        let bytes = line.content.utf8
        let end = ReferenceForwardBytes.trimFillers(bytes, from: bytes.startIndex, end: bytes.endIndex)
        return end > bytes.startIndex && bytes[bytes.index(before: end)] == UInt8(ascii: ":")
    }

    private static func closes(_ text: String, opening: Opening) -> Bool {
        var trimmed = Substring(text.map { $0 == "\u{A0}" || $0 == "\u{202F}" ? " " : $0 })
        while let last = trimmed.last, last == " " || last == "\u{A0}" || last == "\u{202F}" { trimmed = trimmed.dropLast() }
        guard trimmed.last == ":" else { return false }
        trimmed = trimmed.dropLast()
        while let last = trimmed.last, last == " " || last == "\u{A0}" || last == "\u{202F}" { trimmed = trimmed.dropLast() }
        switch opening {
        case .english, .bare: return trimmed.hasSuffix(" wrote")
        case .french: return trimmed.hasSuffix(" a écrit")
        case .spanish: return trimmed.hasSuffix(" escribió")
        case .german: return trimmed.hasSuffix(" schrieb") || trimmed.contains(" schrieb ")
        }
    }

    private static func joined(_ lines: [ReferenceInlineForwardParser.Line], _ range: Range<Int>) -> String {
        HeaderBlockParser.trimmed(lines[range].map(\.raw).joined(separator: "\n"))
    }
}

