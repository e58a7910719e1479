import LeadModel

/// Finds the prospect's phone number in free text with ``PhoneNumberScanner``: the first
/// NANP number, else a labelled number, else one written with a `+` country code.
/// Passed over: a fax number (on a fax line, unless its own label names another phone),
/// a number the text calls the reader's ("your office at ..."), and numbers the lead already
/// has as a relay (a marketplace's tracking number). Dates, ZIP codes, prices and order numbers are
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
        guard FoldedSearch.contains(line, "fax") else { return false }
        return line.utf8.allSatisfy({ $0 < 0x80 }) || line.lowercased().contains("fax")
    }

    /// Words before a number that make it someone else's: the builder's ("I tried calling
    /// your office at ...").
    private static let othersNumberCues: [StaticString] = ["your office", "your number", "your phone", "your cell", "your line", "your main"]
    /// Words before a number that name it a phone of the writer's.
    private static let phoneCues: [StaticString] = ["cell", "mobile", "phone", "tel", "call", "text", "home", "work", "direct"]

    /// Whether `leadIn` (the line before a number) says the number is not the writer's.
    static func saysNotProspects(_ leadIn: String) -> Bool {
        guard !leadIn.isEmpty else { return false }
        var copy = leadIn
        return copy.withUTF8 { bytes in
            FoldedSearch.contains(bytes, "your ") && othersNumberCues.contains { FoldedSearch.contains(bytes, $0) }
        }
    }

    private static func labelsAPhone(_ leadIn: String) -> Bool {
        var copy = leadIn
        return copy.withUTF8 { bytes in phoneCues.contains { FoldedSearch.contains(bytes, $0) } }
    }

    static func find(in lines: InquiryLines, excluding relays: Set<String>) -> HeuristicFinding<PhoneMatch>? {
        guard mayFind(in: lines) else { return nil }
        let lineTexts = lines.lines
        let match = choose(in: lines.joined, excluding: relays) { index in
            index < lineTexts.count ? lineTexts[index].text : nil
        }
        return match.map { HeuristicFinding(value: $0, line: $0.line, rule: $0.isNANP ? "phone number" : "labelled phone, not NANP") }
    }

    /// The prospect's phone in `text` by the same rules as ``find(in:excluding:)``, for a
    /// text not read as ``InquiryLines`` (a direct inquiry's own body).
    static func prospectPhone(in text: String, excluding relays: Set<String> = []) -> PhoneMatch? {
        var lineTexts: [Substring]?
        return choose(in: text, excluding: relays) { index in
            if lineTexts == nil { lineTexts = text.split(separator: "\n", omittingEmptySubsequences: false) }
            return index < lineTexts!.count ? String(lineTexts![index]) : nil
        }
    }

    /// The first NANP number that is the writer's, else the scanner's first labelled or
    /// international one when it is; `lineText(i)` is the text's 0-based line `i`.
    private static func choose(
        in text: String, excluding relays: Set<String>, lineText: (Int) -> String?
    ) -> PhoneMatch? {
        // (A line mentions a fax only if the text does: most texts are not split into lines.)
        let textMentionsFax = FoldedSearch.contains(text, "fax")
        func usable(_ match: PhoneMatch) -> Bool {
            if relays.contains(match.number) { return false }
            if saysNotProspects(match.leadIn) { return false }
            guard textMentionsFax, match.line >= 1, let line = lineText(match.line - 1), mentionsFax(line) else { return true }
            // A fax line: the number is the fax unless its own label says otherwise
            // ("Fax: 512-555-0198 / Mobile: 512-555-0199").
            return !mentionsFax(match.leadIn) && labelsAPhone(match.leadIn)
        }
        // (Most texts' first number is the writer's: the rest are read only when it is not.)
        if let first = scanner.phones(in: text, limit: 1).first {
            if usable(first) { return first }
            if let match = scanner.phones(in: text).dropFirst().first(where: usable) { return match }
        }
        if let match = scanner.firstPhone(in: text), usable(match) { return match }
        return nil
    }
}
