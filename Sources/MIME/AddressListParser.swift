/// Parses address-list headers (`From`, `To`, `Cc`, `Reply-To`) tolerantly.
///
/// Accepts `Name <a@b>`, `"Last, First" <a@b>`, bare `a@b`, `a@b (Name)`, groups
/// (`Team: a@b, c@d;`), Outlook's `Name [mailto:a@b]`, and unquoted `Doe, Jane <a@b>`
/// (a comma-separated piece with no address is taken as part of the next display name).
/// One pass over the scalars, so cost is linear in the header length.
enum AddressListParser {
    private enum Token {
        case word(String)
        case quoted(String)
        case comment(String)
        case angle(String)
        case bracket(String)
        case comma, colon, semicolon
    }

    private struct Piece {
        var token: Token
        var spaceBefore: Bool
    }

    /// Mailboxes in order, plus defects for pieces that had no usable address.
    static func parse(_ raw: String) -> (mailboxes: [Mailbox], defects: [String]) {
        let pieces = tokenize(raw)
        var segments: [[Piece]] = []
        var current: [Piece] = []
        for piece in pieces {
            switch piece.token {
            case .comma, .semicolon:
                segments.append(current)
                current = []
            case .colon:
                if current.contains(where: hasAddress) {
                    current.append(Piece(token: .word(":"), spaceBefore: piece.spaceBefore))
                } else {
                    // Group display name: the members follow.
                    current = []
                }
            default:
                current.append(piece)
            }
        }
        segments.append(current)

        var mailboxes: [Mailbox] = []
        var defects: [String] = []
        var carried: [Piece] = []
        for segment in segments where !segment.isEmpty {
            if !segment.contains(where: hasAddress) {
                let isNameOnly = segment.allSatisfy {
                    if case .word = $0.token { return true }
                    if case .quoted = $0.token { return true }
                    if case .comment = $0.token { return true }
                    return false
                }
                if isNameOnly {
                    // "Doe, Jane <a@b>" without quotes: keep "Doe" for the next name.
                    if !carried.isEmpty { carried.append(Piece(token: .word(","), spaceBefore: false)) }
                    carried.append(contentsOf: segment)
                } else {
                    defects.append("address without @ ignored")
                }
                continue
            }
            var combined = segment
            if !carried.isEmpty {
                var joined = carried
                joined.append(Piece(token: .word(","), spaceBefore: false))
                if var first = combined.first {
                    first.spaceBefore = true
                    combined[0] = first
                }
                combined = joined + combined
                carried = []
            }
            if let mailbox = mailbox(from: combined) {
                mailboxes.append(mailbox)
            } else {
                defects.append("malformed address ignored")
            }
        }
        if !carried.isEmpty {
            defects.append("address list piece without an address ignored")
        }
        return (mailboxes, defects)
    }

    /// Cleans one address: strips `mailto:`, routes and Exchange's `a@b<mailto:a@b>`
    /// echo, removes whitespace and lowercases the domain. Nil when there is no `@`.
    static func normalizedAddress(_ text: String) -> String? {
        let fast = normalizedASCIIAddress(text)
        if fast.isApplicable { return fast.address }
        var address = Substring(text)
        while let first = address.first, first == "<" || first == " " || first == "\t" {
            address = address.dropFirst()  // "<<<a@b" from a hostile or broken header
        }
        if let angle = address.firstIndex(of: "<") {
            address = address[..<angle]
        }
        address = Substring(address.filter { $0 != " " && $0 != "\t" && $0 != "\r" && $0 != "\n" })
        if address.lowercased().hasPrefix("mailto:") {
            address = address.dropFirst(7)
        }
        if address.hasPrefix("@"), let colon = address.firstIndex(of: ":") {
            address = address[address.index(after: colon)...]
        }
        while let last = address.last, last == "." || last == ">" || last == "]" || last == ";" || last == "," {
            address = address.dropLast()
        }
        guard let at = address.lastIndex(of: "@") else { return nil }
        let local = address[..<at]
        let domain = address[address.index(after: at)...]
        guard !local.isEmpty, !domain.isEmpty, !domain.contains("@") || local.first == "\"" else { return nil }
        return String(local) + "@" + domain.lowercased()
    }

    private static func hasAddress(_ piece: Piece) -> Bool {
        switch piece.token {
        case .angle: return true
        case .bracket(let text): return containsAt(text) || text.lowercased().contains("mailto:")
        case .word(let text): return containsAt(text)
        default: return false
        }
    }

    private static func mailbox(from segment: [Piece]) -> Mailbox? {
        var nameParts = String()
        var comment: String?
        var address: String?
        var sawAddressToken = false
        let explicitIndex = segment.firstIndex {
            if case .angle = $0.token { return true }
            if case .bracket(let text) = $0.token { return containsAt(text) }
            return false
        }
        var bareLocal = String()
        for (index, piece) in segment.enumerated() {
            switch piece.token {
            case .angle(let text), .bracket(let text):
                if index == explicitIndex {
                    address = normalizedAddress(text)
                    sawAddressToken = true
                }
            case .comment(let text):
                if comment == nil, !text.isEmpty { comment = text }
            case .quoted(let text):
                if explicitIndex == nil, index + 1 < segment.count, case .word(let next) = segment[index + 1].token,
                   next.hasPrefix("@"), !segment[index + 1].spaceBefore {
                    // A quoted local part: "john doe"@example.com
                    bareLocal = "\"" + text + "\""
                    continue
                }
                appendName(&nameParts, text, spaceBefore: piece.spaceBefore)
            case .word(let text):
                if explicitIndex == nil, address == nil, containsAt(text) {
                    address = normalizedAddress(bareLocal + text)
                    sawAddressToken = true
                } else if explicitIndex.map({ index < $0 }) ?? true {
                    appendName(&nameParts, text, spaceBefore: piece.spaceBefore)
                }
            default:
                break
            }
        }
        guard sawAddressToken, let address else { return nil }
        var name = cleanName(nameParts)
        if name == nil, let comment { name = cleanName(comment) }
        if let candidate = name, candidate.lowercased() == address.lowercased() { name = nil }
        return Mailbox(name: name, address: address)
    }

    private static func appendName(_ name: inout String, _ text: String, spaceBefore: Bool) {
        if !name.isEmpty && spaceBefore && text != "," { name.append(" ") }
        name.append(text)
    }

    /// Decodes encoded words, collapses whitespace and strips stray quotes.
    static func cleanName(_ text: String) -> String? {
        let decoded = EncodedWordDecoder.decode(text)
        let fast = cleanASCIIName(decoded)
        if fast.isApplicable { return fast.name }
        var collapsed = String()
        var lastWasSpace = true
        for character in decoded {
            if character.isWhitespace {
                if !lastWasSpace { collapsed.append(" ") }
                lastWasSpace = true
            } else {
                collapsed.append(character)
                lastWasSpace = false
            }
        }
        var name = Substring(collapsed)
        while let last = name.last, last == " " { name = name.dropLast() }
        while let first = name.first, let last = name.last, name.count >= 2,
              (first == "'" && last == "'") || (first == "\"" && last == "\"") {
            name = name.dropFirst().dropLast()
        }
        let result = HeaderBlockParser.trimmed(String(name))
        return result.isEmpty ? nil : result
    }

    /// `text.contains("@")` answered from the bytes when they decide it: no `@` byte means
    /// no `@` Character, and in ASCII text an `@` byte is one.
    private static func containsAt(_ text: String) -> Bool {
        guard text.utf8.contains(UInt8(ascii: "@")) else { return false }
        return text.utf8.allSatisfy { $0 < 0x80 } || text.contains("@")
    }

    /// The scalars that always end a word (a switch: this runs for every scalar of a header).
    private static func isWordEnd(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "\t", "\r", "\n", "<", ",", ":", ";": return true
        default: return false
        }
    }

    private static func tokenize(_ raw: String) -> [Piece] {
        let scalars = Array(raw.unicodeScalars)
        var pieces: [Piece] = []
        var index = 0
        var spaceBefore = false

        // After one quoted string or comment runs off the end, later `"` / `(` are read as
        // plain characters: rescanning to the end for each would be quadratic.
        var quotesUnterminated = false
        var commentsUnterminated = false
        var bracketsUnterminated = false

        /// The text up to the matching `close`, or nil (index unchanged) when the input ends first.
        func read(until close: Unicode.Scalar, opening open: Unicode.Scalar?) -> String? {
            let start = index
            var text = String.UnicodeScalarView()
            var depth = 1
            while index < scalars.count {
                let scalar = scalars[index]
                index += 1
                if scalar == "\\", open != "<", index < scalars.count {
                    text.append(scalars[index])
                    index += 1
                    continue
                }
                if let open, scalar == open { depth += 1 }
                if scalar == close {
                    depth -= 1
                    if depth == 0 { return String(text) }
                }
                text.append(scalar)
            }
            if close == ">" { return String(text) }  // "<a@b" still names an address
            index = start
            return nil
        }

        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case " ", "\t", "\r", "\n":
                spaceBefore = true
                index += 1
                continue
            case "\"" where !quotesUnterminated:
                index += 1
                if let text = read(until: "\"", opening: nil) {
                    pieces.append(Piece(token: .quoted(text), spaceBefore: spaceBefore))
                } else {
                    // Unterminated: drop the quote mark and read on as if it were not there.
                    quotesUnterminated = true
                    continue
                }
            case "(" where !commentsUnterminated:
                index += 1
                if let text = read(until: ")", opening: "(") {
                    pieces.append(Piece(token: .comment(text), spaceBefore: spaceBefore))
                } else {
                    commentsUnterminated = true
                    continue
                }
            case "<":
                index += 1
                pieces.append(Piece(token: .angle(read(until: ">", opening: "<") ?? ""), spaceBefore: spaceBefore))
            case "[" where !bracketsUnterminated:
                index += 1
                if let text = read(until: "]", opening: nil) {
                    pieces.append(Piece(token: .bracket(text), spaceBefore: spaceBefore))
                } else {
                    bracketsUnterminated = true
                    continue
                }
            case ",":
                index += 1
                pieces.append(Piece(token: .comma, spaceBefore: spaceBefore))
            case ":":
                index += 1
                pieces.append(Piece(token: .colon, spaceBefore: spaceBefore))
            case ";":
                index += 1
                pieces.append(Piece(token: .semicolon, spaceBefore: spaceBefore))
            default:
                var word = String.UnicodeScalarView()
                while index < scalars.count {
                    let next = scalars[index]
                    if isWordEnd(next) { break }
                    if next == "[" && !bracketsUnterminated { break }
                    if next == "\"" && !quotesUnterminated { break }
                    if next == "(" && !commentsUnterminated { break }
                    if next == "\"" || next == "(" {
                        index += 1  // an opener known to be unterminated: drop it
                        continue
                    }
                    word.append(next)
                    index += 1
                }
                if !word.isEmpty {
                    pieces.append(Piece(token: .word(String(word)), spaceBefore: spaceBefore))
                } else {
                    continue  // keep spaceBefore for the next piece
                }
            }
            spaceBefore = false
        }
        return pieces
    }
}
