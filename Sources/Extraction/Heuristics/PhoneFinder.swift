import LeadModel

/// Finds the prospect's phone number in free text with ``PhoneNumberScanner``: the first
/// NANP number, else a labelled number, else one written with a `+` country code.
/// Numbers on a fax line and numbers the lead already has as a relay (a marketplace's
/// tracking number) are passed over. Dates, ZIP codes, prices and order numbers are
/// rejected by the scanner itself.
enum PhoneFinder {
    private static let scanner = PhoneNumberScanner()

    static func find(in lines: InquiryLines, excluding relays: Set<String>) -> HeuristicFinding<PhoneMatch>? {
        let text = lines.joined
        let lineTexts = lines.lines.map(\.text)
        func usable(_ match: PhoneMatch) -> Bool {
            if relays.contains(match.number) { return false }
            let index = match.line - 1
            if index >= 0, index < lineTexts.count, lineTexts[index].lowercased().contains("fax") { return false }
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
