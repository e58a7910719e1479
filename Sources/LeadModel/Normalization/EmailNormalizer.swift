/// Validates an email address for a lead and derives the key used to match people.
///
/// `normalize` keeps the local part as written (it is case-sensitive in principle) and
/// lowercases the domain; `mailto:`, angle brackets and a trailing `?subject=` are removed.
/// Validation is deliberately practical, not full RFC 5322: one `@`, a dot-atom local part
/// of at most 64 characters, a domain of LDH labels with a letter TLD, no spaces.
public enum EmailNormalizer {
    /// Providers whose mailboxes ignore dots in the local part.
    static let dotInsensitiveDomains: Set<String> = ["gmail.com", "googlemail.com"]
    /// Domains that are the same mailbox namespace as another.
    static let domainAliases: [String: String] = ["googlemail.com": "gmail.com"]

    /// The address with its domain lowercased, or nil when it is not a valid address.
    public static func normalize(_ raw: String) -> String? {
        let ascii = raw.utf8.withContiguousStorageIfAvailable { bytes -> String?? in
            guard let span = asciiSpan(bytes) else { return nil }
            guard let span else { return .some(nil) }
            // Most addresses are already normalized: the text itself then, not a copy of it.
            if span.start == 0, span.end == bytes.count, !bytes[(span.at + 1)...].contains(where: { $0 >= 0x41 && $0 <= 0x5A }) {
                return .some(raw)
            }
            return .some(address(bytes, span))
        }
        if let ascii, let ascii { return ascii }
        return generalNormalize(raw)
    }

    /// ``normalize(_:)`` step by step on Strings: any text (``asciiNormalize(_:)`` must agree).
    static func generalNormalize(_ raw: String) -> String? {
        var text = TextScanning.trimmed(raw)
        if text.lowercased().hasPrefix("mailto:") { text = String(text.dropFirst(7)) }
        if let query = text.firstIndex(of: "?") { text = String(text[..<query]) }
        text = TextScanning.trimmed(text, dropping: ["<", ">", "\"", "'", "(", ")", "[", "]", ",", ";"])
        // A sentence's full stop after the address ("write to jane@example.com.").
        while text.hasSuffix(".") { text.removeLast() }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let local = parts[0]
        let domain = parts[1].lowercased()
        guard isValidLocal(local), isValidDomain(domain) else { return nil }
        return local + "@" + domain
    }

    /// The key two addresses share when they reach the same mailbox: everything lowercased,
    /// a `+tag` removed (subaddressing, for every domain: `sales+zillow@x.com` is
    /// `sales@x.com`), and for Gmail the dots removed and `googlemail.com` read as
    /// `gmail.com`. For matching only; never shown or used to send mail.
    public static func matchingKey(_ raw: String) -> String? {
        guard let address = normalize(raw) else { return nil }
        let parts = address.lowercased().split(separator: "@")
        var local = parts[0]
        var domain = String(parts[1])
        if let plus = local.firstIndex(of: "+"), plus != local.startIndex { local = local[..<plus] }
        if dotInsensitiveDomains.contains(domain) { local = Substring(local.filter { $0 != "." }) }
        domain = domainAliases[domain] ?? domain
        return local + "@" + domain
    }

    /// The lowercased domain of a valid address.
    public static func domain(of raw: String) -> String? {
        normalize(raw).flatMap { $0.split(separator: "@").last.map(String.init) }
    }

    // MARK: - ASCII fast path
    //
    // Nearly every address is ASCII. Without "\r" (which with "\n" makes one Character)
    // a Character is one byte, whitespace is 0x09-0x0D and space, letters are A-Z/a-z,
    // numbers 0-9 and lowercasing maps A-Z only: the steps of ``normalize(_:)`` on bytes
    // give the same answer without making a String per step.

    /// ``normalize(_:)`` of ASCII bytes without "\r"; the outer nil when that does not apply.
    /// One pass per step on the bytes; the one String made is the result.
    static func asciiNormalize(_ bytes: UnsafeBufferPointer<UInt8>) -> String?? {
        guard let span = asciiSpan(bytes) else { return nil }
        return .some(span.map { address(bytes, $0) })
    }

    /// Where ``asciiNormalize(_:)``'s address lies in `bytes`: its start, its "@" and its
    /// end; `.some(nil)` for no valid address, nil when the bytes are not for this path.
    private static func asciiSpan(_ bytes: UnsafeBufferPointer<UInt8>) -> (start: Int, at: Int, end: Int)?? {
        guard !bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return nil }
        @inline(__always) func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        var start = 0
        var end = bytes.count
        while start < end, isWhitespace(bytes[start]) { start += 1 }
        while end > start, isWhitespace(bytes[end - 1]) { end -= 1 }
        if end - start >= 7, lowered(bytes[start]) == UInt8(ascii: "m"), lowered(bytes[start + 1]) == UInt8(ascii: "a"),
           lowered(bytes[start + 2]) == UInt8(ascii: "i"), lowered(bytes[start + 3]) == UInt8(ascii: "l"),
           lowered(bytes[start + 4]) == UInt8(ascii: "t"), lowered(bytes[start + 5]) == UInt8(ascii: "o"),
           bytes[start + 6] == UInt8(ascii: ":") {
            start += 7
        }
        if let query = bytes[start..<end].firstIndex(of: UInt8(ascii: "?")) { end = query }
        @inline(__always) func isDropped(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "("),
                 UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: ","), UInt8(ascii: ";"):
                return true
            default:
                return isWhitespace(byte)
            }
        }
        while start < end, isDropped(bytes[start]) { start += 1 }
        while end > start, isDropped(bytes[end - 1]) { end -= 1 }
        while end > start, bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
        guard let at = bytes[start..<end].firstIndex(of: UInt8(ascii: "@")),
              !bytes[(at + 1)..<end].contains(UInt8(ascii: "@")),
              isValidASCIILocal(bytes, start, at), isValidASCIIDomain(bytes, at + 1, end) else { return .some(nil) }
        return .some((start, at, end))
    }

    /// The address at `span` of `bytes`: the local part and "@" as written (one copy), the
    /// domain lowercased.
    private static func address(_ bytes: UnsafeBufferPointer<UInt8>, _ span: (start: Int, at: Int, end: Int)) -> String {
        let (start, at, end) = span
        return String(unsafeUninitializedCapacity: end - start) { output in
            guard let target = output.baseAddress, let source = bytes.baseAddress else { return 0 }
            target.update(from: source + start, count: at + 1 - start)
            for index in (at + 1)..<end { target[index - start] = lowered(bytes[index]) }
            return end - start
        }
    }

    @inline(__always) private static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    @inline(__always) private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
    }

    /// Whether an ASCII byte may stand in a local part: a letter, a digit or one of
    /// ``localSpecials`` (`!#$%&'*+/=?^_`{|}~-.`).
    @inline(__always) private static func isLocalByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x61...0x7A, 0x41...0x5A, 0x30...0x39,
             UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
             UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="),
             UInt8(ascii: "?"), UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "{"),
             UInt8(ascii: "|"), UInt8(ascii: "}"), UInt8(ascii: "~"), UInt8(ascii: "-"), UInt8(ascii: "."):
            return true
        default:
            return false
        }
    }

    /// ``isValidLocal(_:)`` of the ASCII bytes `bytes[start..<end]`.
    private static func isValidASCIILocal(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard start < end, end - start <= 64, bytes[start] != UInt8(ascii: "."), bytes[end - 1] != UInt8(ascii: ".") else { return false }
        var previous: UInt8 = 0
        for index in start..<end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "."), previous == UInt8(ascii: ".") { return false }
            previous = byte
            guard isLocalByte(byte) else { return false }
        }
        return true
    }

    /// ``isValidDomain(_:)`` of the ASCII bytes `bytes[start..<end]` lowercased (letters,
    /// digits and "-" answer the same in either case).
    private static func isValidASCIIDomain(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard end - start <= 253 else { return false }
        var labels = 0
        var labelStart = start
        for index in start...end where index == end || bytes[index] == UInt8(ascii: ".") {
            // The label bytes[labelStart..<index].
            let count = index - labelStart
            guard count > 0, count <= 63, bytes[labelStart] != UInt8(ascii: "-"), bytes[index - 1] != UInt8(ascii: "-") else { return false }
            for position in labelStart..<index {
                guard isASCIILetterOrDigit(bytes[position]) || bytes[position] == UInt8(ascii: "-") else { return false }
            }
            labels += 1
            if index == end {
                guard labels >= 2, count >= 2 else { return false }
                // The TLD: letters, or an IDN "xn--" label.
                if count >= 4, lowered(bytes[labelStart]) == UInt8(ascii: "x"), lowered(bytes[labelStart + 1]) == UInt8(ascii: "n"),
                   bytes[labelStart + 2] == UInt8(ascii: "-"), bytes[labelStart + 3] == UInt8(ascii: "-") {
                    return true
                }
                for position in labelStart..<index where !((bytes[position] | 0x20) >= 0x61 && (bytes[position] | 0x20) <= 0x7A) {
                    return false
                }
                return true
            }
            labelStart = index + 1
        }
        return false
    }

    private static let localSpecials: Set<Character> = Set("!#$%&'*+/=?^_`{|}~-.")

    private static func isValidLocal(_ local: Substring) -> Bool {
        guard !local.isEmpty, local.count <= 64, local.first != ".", local.last != ".", !local.contains("..") else { return false }
        return local.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || localSpecials.contains($0) }
    }

    private static func isValidDomain(_ domain: String) -> Bool {
        guard domain.count <= 253 else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        for label in labels {
            guard !label.isEmpty, label.count <= 63, label.first != "-", label.last != "-",
                  label.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else { return false }
        }
        let tld = labels[labels.count - 1]
        // Letters, or an IDN "xn--" label.
        return tld.count >= 2 && (tld.allSatisfy(\.isLetter) || tld.hasPrefix("xn--"))
    }
}
