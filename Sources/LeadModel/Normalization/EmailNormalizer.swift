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
