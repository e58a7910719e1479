/// The normalisers a field value goes through, whether it came from a spec rule, a lead
/// metadata tag or a heuristic. Each returns nil when the value is not recognisable.
///
/// Each function is a thin front for one normaliser type in this folder, which documents
/// its rules and offers more (match keys for deduplication, suffixes, open ranges):
/// ``PhoneNormalizer``, ``EmailNormalizer``, ``PersonNameNormalizer`` (and
/// ``NicknameTable``), ``USStates``, ``PostalCodeNormalizer``, ``USAddressParser`` (and
/// ``USAddressKey``), ``BudgetParser``, ``ProjectTypeVocabulary``, ``TimelinePhrase``,
/// ``LotStatusVocabulary``, ``FinancingVocabulary``.
public enum FieldNormalizer {
    /// E.164 for a NANP number written any US way (with extension kept apart), or an
    /// international number with its country code.
    public static func phone(_ raw: String) -> (number: String, extension: String?)? {
        PhoneNormalizer.normalize(raw).map { ($0.e164, $0.phoneExtension) }
    }

    /// A syntactically valid address with the domain lowercased.
    public static func email(_ raw: String) -> String? {
        EmailNormalizer.normalize(raw)
    }

    /// First and last name from a full name: case fixed, honorifics and suffixes dropped,
    /// "Last, First" swapped. A couple (`John and Mary Smith`) gives the first person named.
    public static func personName(_ raw: String) -> (first: String?, last: String?) {
        guard let name = PersonNameNormalizer.parse(raw) else { return (nil, nil) }
        return (name.first, name.last)
    }

    /// The two-letter USPS code for a state name or code.
    public static func state(_ raw: String) -> String? {
        USStates.code(for: raw)
    }

    /// ZIP5 or ZIP+4.
    public static func postalCode(_ raw: String) -> String? {
        PostalCodeNormalizer.normalize(raw)
    }

    /// A one-line or multi-line US address split into its parts.
    public static func address(_ raw: String) -> PostalAddress? {
        USAddressParser.parse(raw)
    }

    /// A budget phrase (`$500k-700k`, `around 650k`, `$1.2M`, `under 800`) in whole dollars.
    public static func budget(_ raw: String) -> (low: Int?, high: Int?)? {
        // ("$250 - $300 per sq ft": a price per unit of area, no budget for the whole.)
        if raw.utf8.count <= 200, raw.utf8.contains(where: { $0 | 0x20 == UInt8(ascii: "s") || $0 | 0x20 == UInt8(ascii: "f") }) {
            let lowered = raw.lowercased()
            if perAreaMarks.contains(where: lowered.contains) { return nil }
        }
        return BudgetParser.parse(raw).map { ($0.low, $0.high) }
    }

    /// How a price per unit of area is written.
    private static let perAreaMarks = ["per sq", "/sq", "/ sq", "per square", "a square f", "a sq ft", "a sqft", "psf", "/sf", "per sf", "per foot", "/ft"]

    /// A project type slug (`custom_home`, `new_build`, `remodel`, `addition`, `adu`, ...).
    ///
    /// A value that names no known type but is short (at most four words, as a form's
    /// drop-down gives it: `Roofing`) is kept as a slug of itself (`roofing`) so the source's
    /// own category is not lost, unless it names a home (`New Home`, `Spec Home`: `new_build`)
    /// or nothing (`Other`, `Not sure yet`: nil); a longer unrecognised value gives nil.
    public static func projectType(_ raw: String) -> String? {
        if let slug = ProjectTypeVocabulary.vocabulary.bestSlug(in: raw) { return slug }
        // More than four kept words give nil: ASCII text (the common long text) is counted
        // from its bytes first, without making its words.
        if moreThanFourASCIIWordsWithoutApostrophe(raw) { return nil }
        // (An ASCII word, of letters, digits and "'", is all letters and numbers without "'".)
        let words = TextScanning.words(raw).filter { word in
            word.utf8.allSatisfy { $0 < 0x80 } ? !word.utf8.contains(0x27) : word.allSatisfy { $0.isLetter || $0.isNumber }
        }
        guard !words.isEmpty, words.count <= 4 else { return nil }
        // A form's answer naming a home ("New Home", "Spec Home", "Modern farmhouse", "A 4
        // bedroom house") is a home to build; one naming nothing ("Not sure yet", "Other")
        // is no type.
        if words.contains(where: dwellingWords.contains) { return "new_build" }
        if words.allSatisfy(noTypeWords.contains) || words.starts(with: ["not", "sure"]) { return nil }
        return words.joined(separator: "_")
    }

    /// Words of a form's answer that name a home to build.
    private static let dwellingWords: Set<String> = [
        "home", "homes", "house", "houses", "farmhouse", "residence", "cabin", "cottage", "bungalow", "duplex", "triplex",
        "townhome", "townhouse", "villa", "dwelling",
    ]
    /// Words of a form's answer that name no type ("Other", "Not sure", "N/A", "TBD").
    private static let noTypeWords: Set<String> = [
        "other", "others", "unsure", "undecided", "unknown", "tbd", "n", "a", "na", "none", "not", "sure", "yet", "idk",
        "select", "one", "please", "choose",
    ]

    /// Whether ASCII `text` has more than four ``TextScanning/words(_:)`` without an
    /// apostrophe (runs of letters, digits and "'"); false for other text.
    private static func moreThanFourASCIIWordsWithoutApostrophe(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return false }
            var count = 0
            var inWord = false
            var hasApostrophe = false
            for byte in bytes {
                let folded = byte | 0x20
                if (folded >= 0x61 && folded <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x27 {
                    inWord = true
                    hasApostrophe = hasApostrophe || byte == 0x27
                } else if inWord {
                    if !hasApostrophe { count += 1 }
                    inWord = false
                    hasApostrophe = false
                }
            }
            if inWord, !hasApostrophe { count += 1 }
            return count > 4
        }
    }

    /// A timeline phrase, lightly normalised (`spring 2027`, `within 6 months`, `asap`).
    /// A value that is not a recognised phrase but is short is kept, trimmed and lowercased.
    public static func timeline(_ raw: String) -> String? {
        if let phrase = TimelinePhrase.parse(raw) { return phrase }
        let text = TextScanning.collapsed(raw).lowercased()
        return text.isEmpty || text.count > 60 ? nil : text
    }

    /// `own_lot`, `under_contract`, `looking`.
    public static func lotStatus(_ raw: String) -> String? {
        LotStatusVocabulary.status(in: raw)
    }

    /// `pre_approved`, `cash`, `need_to_sell`, `construction_loan`, ...
    public static func financing(_ raw: String) -> String? {
        FinancingVocabulary.status(in: raw)
    }
}
