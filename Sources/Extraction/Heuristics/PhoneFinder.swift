import LeadModel

/// Finds the prospect's phone number in free text with ``PhoneNumberScanner``: the first
/// NANP number, else a labelled number, else one written with a `+` country code.
/// Passed over: a fax number (on a fax line, unless its own label names another phone),
/// a number the text calls the reader's ("your office at ..."), numbers the lead already
/// has as a relay (a marketplace's tracking number), and numbers in a quotation of the
/// builder's own text (``BuilderQuotation``). A number given as another person's ("Greg's
/// number is ...") gives way to one the writer gives besides. Dates, ZIP codes, prices and order numbers are
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

    /// Phone words that, after a possessive (`Greg's`, `his`, `her`), make a number that
    /// person's.
    private static let possessedPhoneWords: Set<String> = ["number", "cell", "phone", "mobile", "cellphone"]
    /// Words ending in `'s` that are no possessive.
    private static let contractions: Set<String> = ["it's", "here's", "there's", "that's", "what's", "he's", "she's", "who's", "let's"]

    /// Whether `leadIn` (the line before a number) names it another person's: a possessive
    /// then a phone word ("Greg's number is ", "his cell: ", "my wife's phone "), not the
    /// writer's own ("here's my number", "my cell").
    static func namesAnotherPersons(_ leadIn: String) -> Bool {
        // (At most ``PhoneMatch/maximumLeadIn`` characters, read only for a number found:
        // most have no possessive, whose bytes hold "s " or "her ".)
        guard FoldedSearch.contains(leadIn, "s ") || FoldedSearch.contains(leadIn, "her ") else { return false }
        var words: [String] = []
        var current = ""
        for character in leadIn.lowercased() {
            if character.isLetter || character == "'" || character == "\u{2019}" {
                current.append(character == "\u{2019}" ? "'" : character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        for (owner, word) in zip(words, words.dropFirst()) where possessedPhoneWords.contains(word) {
            if owner == "his" || owner == "her" || owner.hasSuffix("'s") && owner.count > 2 && !contractions.contains(owner) {
                return true
            }
        }
        return false
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
    ///
    /// A quotation of the builder's own text (``BuilderQuotation``: "I saw this on your
    /// website:" and a paragraph in quotes) gives no number.
    static func prospectPhone(in text: String, excluding relays: Set<String> = []) -> PhoneMatch? {
        var lineTexts: [Substring]?
        let quoted = builderQuotedLines(in: text)
        return choose(in: text, excluding: relays, skippingLines: quoted) { index in
            if lineTexts == nil { lineTexts = text.split(separator: "\n", omittingEmptySubsequences: false) }
            return index < lineTexts!.count ? String(lineTexts![index]) : nil
        }
    }

    /// The 1-based lines of `text` in a ``BuilderQuotation``; none (without splitting the
    /// text) when it has no `your ` and quotation mark.
    static func builderQuotedLines(in text: String) -> Set<Int> {
        guard BuilderQuotation.mayOpen(in: text), FoldedSearch.contains(text, "your ") else { return [] }
        var quoted: Set<Int> = []
        var quotation = BuilderQuotation()
        var previous: [(number: Int, text: String)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var raw = String(line)
            let covered = raw.withUTF8 { bytes in quotation.covers(bytes, previous: { BuilderQuotation.lastText(of: previous) }) }
            if covered { quoted.insert(index + 1) }
            previous.append((index + 1, covered || raw.allSatisfy(\.isWhitespace) ? "" : raw))
        }
        return quoted
    }

    /// The first NANP number that is the writer's, else the scanner's first labelled or
    /// international one when it is; `lineText(i)` is the text's 0-based line `i`.
    private static func choose(
        in text: String, excluding relays: Set<String>, skippingLines skipped: Set<Int> = [], lineText: (Int) -> String?
    ) -> PhoneMatch? {
        // (A line mentions a fax only if the text does: most texts are not split into lines.)
        let textMentionsFax = FoldedSearch.contains(text, "fax")
        func usable(_ match: PhoneMatch) -> Bool {
            if relays.contains(match.number) || skipped.contains(match.line) { return false }
            if saysNotProspects(match.leadIn) { return false }
            guard textMentionsFax, match.line >= 1, let line = lineText(match.line - 1), mentionsFax(line) else { return true }
            // A fax line: the number is the fax unless its own label says otherwise
            // ("Fax: 512-555-0198 / Mobile: 512-555-0199").
            return !mentionsFax(match.leadIn) && labelsAPhone(match.leadIn)
        }
        // (Most texts' first number is the writer's: the rest are read only when it is not.)
        if let first = scanner.phones(in: text, limit: 1).first {
            if usable(first), !namesAnotherPersons(first.leadIn) { return first }
            // Someone else's ("Greg's number is ...", "his cell") gives way to a number of
            // the writer's given too ("Mine is ..."); with none, it is the contact there is.
            let rest = scanner.phones(in: text).dropFirst().filter(usable)
            if let own = rest.first(where: { !namesAnotherPersons($0.leadIn) }) { return own }
            if usable(first) { return first }
            if let match = rest.first { return match }
        }
        if let match = scanner.firstPhone(in: text), usable(match) { return match }
        return nil
    }
}
