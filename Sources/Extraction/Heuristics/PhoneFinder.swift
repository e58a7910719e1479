import LeadModel

/// Finds the prospect's phone number in free text with ``PhoneNumberScanner``: the first
/// NANP number, else a labelled number, else one written with a `+` country code.
/// Numbers on a fax line and numbers the lead already has as a relay (a marketplace's
/// tracking number) are passed over. Dates, ZIP codes, prices and order numbers are
/// rejected by the scanner itself.
enum PhoneFinder {
    private static let scanner = PhoneNumberScanner()

    /// Whether the text may hold a number ``PhoneNumberScanner`` finds: a NANP number has 10
    /// ASCII digits, a labelled one at least 7, an international one a `+` and digits.
    static func mayFind(in lines: InquiryLines) -> Bool {
        var digits = 0
        var hasPlus = false
        for traits in lines.traits {
            digits += Int(traits.digits)
            hasPlus = hasPlus || traits.hasPlus
        }
        return digits >= 7 || (hasPlus && digits > 0)
    }

    /// `line.lowercased().contains("fax")`. Only f/F, a/A and x/X lowercase to those
    /// letters, so the lowercased line holds them in a row only if the bytes do in some
    /// case; for ASCII that is the answer.
    private static func mentionsFax(_ line: String) -> Bool {
        let fax: StaticString = "fax"
        var copy = line
        let (bytesHold, isASCII) = copy.withUTF8 { bytes in
            var bytesHold = false
            var matched = 0
            for byte in bytes {
                let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                matched = lower == fax.utf8Start[matched] ? matched + 1 : (lower == fax.utf8Start[0] ? 1 : 0)
                if matched == 3 {
                    bytesHold = true
                    matched = 0
                }
            }
            return (bytesHold, !bytes.contains { $0 >= 0x80 })
        }
        guard bytesHold else { return false }
        return isASCII || line.lowercased().contains("fax")
    }

    static func find(in lines: InquiryLines, excluding relays: Set<String>) -> HeuristicFinding<PhoneMatch>? {
        guard mayFind(in: lines) else { return nil }
        let text = lines.joined
        let lineTexts = lines.lines
        func usable(_ match: PhoneMatch) -> Bool {
            if relays.contains(match.number) { return false }
            let index = match.line - 1
            if index >= 0, index < lineTexts.count, mentionsFax(lineTexts[index].text) { return false }
            return true
        }
        if let match = scanner.phones(in: text).first(where: usable) {
            return HeuristicFinding(value: match, line: match.line, rule: "phone number")
        }
        if let match = scanner.firstPhone(in: text), usable(match) {
            return HeuristicFinding(value: match, line: match.line, rule: match.isNANP ? "phone number" : "labelled phone, not NANP")
        }
        return nil
    }
}
