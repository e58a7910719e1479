extension ForwardHeaderFields {
    /// `AddressListParser.parse(value).mailboxes` for the shapes a forward's recipient list
    /// nearly always has, read on the UTF-8 bytes in one pass: pieces separated by `,`, each
    /// bare words one of which holds the address (`a@x`), or words before one `<address>`
    /// (`Name <a@x>`, `<a@x>`). Nil for anything else (quotes, comments, brackets, groups,
    /// a piece with no address, an address the parser rejects): the parser then decides.
    ///
    /// Exact because the parser's tokens split on ASCII bytes only (whitespace, `<`, `,` and
    /// the specials this refuses), which never occur inside a multi-byte scalar, and because
    /// the address and name are cleaned as the parser cleans them (`ForwardAddress.normalized`, `cleanName`).
    static func simpleRecipients(_ value: String) -> [Mailbox]? {
        var value = value
        return value.withUTF8 { bytes -> [Mailbox]? in
            var mailboxes: [Mailbox] = []
            var index = 0
            let count = bytes.count
            while index <= count {
                // One piece: up to the next `,` outside angle brackets, or the end.
                var words: [Range<Int>] = []
                var angle: Range<Int>?
                while index < count {
                    let byte = bytes[index]
                    if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A {
                        index += 1
                    } else if byte == UInt8(ascii: ",") {
                        break
                    } else if byte == UInt8(ascii: "<") {
                        // The parser keeps only the first angle of a piece; refuse a second.
                        guard angle == nil else { return nil }
                        var close = index + 1
                        while close < count, bytes[close] != UInt8(ascii: ">") {
                            // A nested `<` would be counted by the parser.
                            guard bytes[close] != UInt8(ascii: "<") else { return nil }
                            close += 1
                        }
                        guard close < count else { return nil }
                        angle = (index + 1)..<close
                        index = close + 1
                    } else if isRefused(byte) {
                        return nil
                    } else {
                        let start = index
                        while index < count, !isWordEnd(bytes[index]) { index += 1 }
                        // Words after the angle are dropped by the parser; so are they here.
                        if angle == nil { words.append(start..<index) }
                    }
                }
                if angle != nil || !words.isEmpty {
                    guard let mailbox = mailbox(bytes, words: words, angle: angle) else { return nil }
                    mailboxes.append(mailbox)
                }
                index += 1  // past the `,` (or the end)
            }
            return mailboxes
        }
    }

    /// The mailbox of one piece, as `AddressListParser.mailbox(from:)` builds it; nil when
    /// the piece has no address or its address is rejected (the parser then decides).
    private static func mailbox(_ bytes: UnsafeBufferPointer<UInt8>, words: [Range<Int>], angle: Range<Int>?) -> Mailbox? {
        var nameParts = String()
        var address: String?
        if let angle {
            address = ForwardAddress.normalized(ForwardBytes.string(bytes, angle))
            for word in words {
                if !nameParts.isEmpty { nameParts.append(" ") }
                nameParts.append(ForwardBytes.string(bytes, word))
            }
        } else {
            var sawAddress = false
            for word in words {
                let text = ForwardBytes.string(bytes, word)
                if address == nil, containsAt(text) {
                    address = ForwardAddress.normalized(text)
                    sawAddress = true
                } else {
                    if !nameParts.isEmpty { nameParts.append(" ") }
                    nameParts.append(text)
                }
            }
            // A piece of names only is carried into the next one by the parser.
            guard sawAddress else { return nil }
        }
        guard let address else { return nil }
        var name = nameParts.isEmpty ? nil : AddressListParser.cleanName(nameParts)
        if let candidate = name, candidate.lowercased() == address.lowercased() { name = nil }
        return Mailbox(name: name, address: address)
    }

    /// Bytes that start a token this reader leaves to the parser (quoted strings, comments,
    /// brackets, groups, escapes, a `>` outside an angle).
    @inline(__always)
    private static func isRefused(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: ">"), UInt8(ascii: "\\"):
            true
        default:
            false
        }
    }

    /// Where a word ends: whitespace, a separator or a refused byte.
    @inline(__always)
    private static func isWordEnd(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A || byte == UInt8(ascii: ",")
            || byte == UInt8(ascii: "<") || isRefused(byte)
    }

    /// `AddressListParser.containsAt`: an `@` Character (an `@` byte is one in ASCII).
    private static func containsAt(_ text: String) -> Bool {
        guard text.utf8.contains(UInt8(ascii: "@")) else { return false }
        return text.utf8.allSatisfy { $0 < 0x80 } || text.contains("@")
    }
}
