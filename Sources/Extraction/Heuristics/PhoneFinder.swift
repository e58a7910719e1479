import LeadModel

/// Finds the prospect's phone number in free text with ``PhoneNumberScanner``: the first
/// NANP number, else a labelled number, else one written with a `+` country code.
/// Passed over: a fax number (on a fax line, unless its own label names another phone),
/// a number the text calls the reader's ("your office at ..."), numbers the lead already
/// has as a relay (a marketplace's tracking number), and numbers in a quotation of the
/// builder's own text (``BuilderQuotation``). A number given as another person's ("Greg's
/// number is ...") gives way to one the writer gives besides. A cell the writer lists
/// after their work number is taken over it (``cellAfterLandline(_:in:usable:lineText:)``),
/// and a number the writer claims ("Call me at", "My cell is") over an earlier one given
/// without an owner (``claimsWritersOwn(_:)``).
/// Dates, ZIP codes, prices and order numbers are rejected by the scanner itself.
enum PhoneFinder {
    static let scanner = PhoneNumberScanner()

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
    /// writer's own ("here's my number", "my cell"); or a person of the writer's or a
    /// referrer ("our realtor Dana Fields (", "reach my son Kevin at ", "Realtor: Joe Pike ",
    /// "who referred us: ", "reach her at ") with nothing of the writer's ("me", "my cell").
    static func namesAnotherPersons(_ leadIn: String) -> Bool {
        // (At most ``PhoneMatch/maximumLeadIn`` characters, read only for a number found:
        // its words, lowercased, split from the bytes when ASCII; most hold no word that
        // could name another person, and are read no further.)
        // (An ASCII lead-in is first looked over on its bytes: most have no such word, and
        // make no words at all.)
        if mayNameAnother(leadIn) == false { return false }
        guard let (words, labelled) = leadInWords(leadIn),
              words.contains(where: { cueWords.contains($0) || $0.hasSuffix("'s") }) else { return false }
        for (owner, word) in zip(words, words.dropFirst()) where possessedPhoneWords.contains(word) {
            if owner == "his" || owner == "her" || owner.hasSuffix("'s") && owner.count > 2 && !contractions.contains(owner) {
                return true
            }
        }
        // The writer's own words: the number is the writer's, whoever else is named.
        if words.contains(where: writersWords.contains) { return false }
        for (offset, word) in words.enumerated() {
            let next = offset + 1 < words.count ? words[offset + 1] : ""
            if word == "referred" || word == "referral" { return true }
            if (word == "her" || word == "him" || word == "them") && (next == "at" || next == "on") { return true }
            guard relationWords.contains(word) else { continue }
            // "my son", "our realtor", "Realtor:".
            if offset < 64, labelled & (1 << offset) != 0 { return true }
            let before = words[max(0, offset - 2)..<offset]
            if before.contains(where: { $0 == "my" || $0 == "our" || $0 == "his" || $0 == "her" }) { return true }
        }
        return false
    }

    /// For an ASCII lead-in, whether one of its words (as ``leadInWords(_:)`` reads them) is
    /// one of ``cueWords`` or ends in `'s`, looked up from its bytes; nil for other text.
    private static func mayNameAnother(_ leadIn: String) -> Bool? {
        var copy = leadIn
        return copy.withUTF8 { bytes -> Bool? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count + 1) { lowered in
                var length = 0
                for index in 0...bytes.count {
                    let byte: UInt8 = index < bytes.count ? bytes[index] : 0x20
                    let letter = byte | 0x20
                    if (letter >= 0x61 && letter <= 0x7A) || byte == 0x27 || byte == 0x2D {
                        lowered[length] = byte >= 0x41 && byte <= 0x5A ? letter : byte
                        length += 1
                    } else if length > 0 {
                        let word = UnsafeBufferPointer(rebasing: lowered[0..<length])
                        if length >= 2, word[length - 2] == 0x27, word[length - 1] == UInt8(ascii: "s") { return true }
                        if cueTable.value(of: word, 0..<length) != 0 { return true }
                        length = 0
                    }
                }
                return false
            }
        }
    }

    /// ``cueWords`` by their bytes.
    private static let cueTable = ASCIIWordTable(cueWords.map { ($0, 1) })

    /// The words of a lead-in, lowercased (letters, `'` and `-`; `’` read as `'`), and as a
    /// bit mask those followed by `:`; nil when none is.
    private static func leadInWords(_ leadIn: String) -> (words: [String], labelled: UInt64)? {
        var copy = leadIn
        let ascii: (words: [String], labelled: UInt64)?? = copy.withUTF8 { bytes in
            var words: [String] = []
            var labelled: UInt64 = 0
            var start = -1
            var lowered = [UInt8](repeating: 0, count: bytes.count)
            for index in 0...bytes.count {
                let byte: UInt8 = index < bytes.count ? bytes[index] : 0x20
                // (Not ASCII: read by Characters below.)
                if byte >= 0x80 { return Optional<(words: [String], labelled: UInt64)?>.none }
                let letter = byte | 0x20
                if (letter >= 0x61 && letter <= 0x7A) || byte == 0x27 || byte == 0x2D {
                    lowered[index] = byte >= 0x41 && byte <= 0x5A ? letter : byte
                    if start < 0 { start = index }
                } else if start >= 0 {
                    if byte == 0x3A, words.count < 64 { labelled |= 1 << words.count }
                    words.append(String(decoding: lowered[start..<index], as: UTF8.self))
                    start = -1
                }
            }
            return words.isEmpty ? .some(nil) : (words, labelled)
        }
        if let ascii { return ascii }
        // Not ASCII: read by Characters.
        var words: [String] = []
        var labelled: UInt64 = 0
        var current = ""
        for character in leadIn.lowercased() + " " {
            if character.isLetter || character == "'" || character == "\u{2019}" || character == "-" {
                current.append(character == "\u{2019}" ? "'" : character)
            } else if !current.isEmpty {
                if character == ":", words.count < 64 { labelled |= 1 << words.count }
                words.append(current)
                current = ""
            }
        }
        return words.isEmpty ? nil : (words, labelled)
    }

    /// Words without which a lead-in names no one else (with words ending in `'s`).
    private static let cueWords: Set<String> = relationWords.union(["his", "her", "him", "them", "referred", "referral"])

    /// Words naming a person of the writer's or the deal's.
    private static let relationWords: Set<String> = [
        "son", "daughter", "husband", "wife", "mother", "father", "mom", "dad", "brother", "sister", "parents",
        "neighbor", "neighbour", "friend", "coworker", "co-worker", "realtor", "agent", "broker", "contractor",
        "architect", "lender", "boss", "partner",
    ]
    /// Words by which a lead-in gives the writer's own number.
    private static let writersWords: Set<String> = ["i", "me", "mine", "myself", "i'm", "i've"]

    /// Whether `leadIn` (the line before a number) gives it as the writer's own: `me`
    /// ("call me at", "reach me on") or `my` a word or two before a phone word ("my cell is",
    /// "my cell phone:").
    static func claimsWritersOwn(_ leadIn: String) -> Bool {
        guard FoldedSearch.contains(leadIn, "m"), let (words, _) = leadInWords(leadIn) else { return false }
        for (offset, word) in words.enumerated() {
            if word == "me" { return true }
            if word == "my", words[(offset + 1)...].prefix(2).contains(where: possessedPhoneWords.contains) { return true }
        }
        return false
    }

    /// Whether the number `match` is named another person's by its lead-in or, when that is
    /// a word or two ("is "), by the end of the line before (`lineText`: 0-based lines):
    /// "His number" / "is 512-555-0181".
    static func namesAnotherPersons(_ match: PhoneMatch, lineText: (Int) -> String?) -> Bool {
        if namesAnotherPersons(match.leadIn) { return true }
        // (Or a sentence going on from the line before, wrapped there: "Our realtor" / "is
        // Ken Blake at 512-555-0192".)
        // (The lead-in opens the number's line, lowercase: not the words after another number.)
        let continues = (match.leadIn.utf8.first.map { $0 >= 0x61 && $0 <= 0x7A } ?? false)
            && match.line >= 1 && lineText(match.line - 1)?.hasPrefix(match.leadIn) == true
        guard match.line >= 2, match.leadIn.utf8.count <= 8 || continues, let previous = lineText(match.line - 2), !previous.isEmpty else { return false }
        // (What the line before says after its own last number, if any: "My wife's phone:
        // 512-555-0176" / "Mine: ..." carries nothing over.)
        var copy = previous
        let after = copy.withUTF8 { bytes -> String in
            var start = max(0, bytes.count - PhoneMatch.maximumLeadIn)
            if let digit = bytes[start...].lastIndex(where: { $0 &- 0x30 < 10 }) { start = digit + 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)
        }
        guard after.utf8.contains(where: { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) else { return false }
        return namesAnotherPersons(after + " " + match.leadIn)
    }

    private static func labelsAPhone(_ leadIn: String) -> Bool {
        var copy = leadIn
        return copy.withUTF8 { bytes in phoneCues.contains { FoldedSearch.contains(bytes, $0) } }
    }

    static func find(in lines: InquiryLines, excluding relays: Set<String>) -> HeuristicFinding<PhoneMatch>? {
        guard mayFind(in: lines) else { return nil }
        let lineTexts = lines.lines
        let digits = lines.traits.reduce(0) { $0 + Int($1.digits) }
        // (An area code written apart needs the word `area` and ten digits.)
        let mayJoin = digits >= 10 && lines.traits.contains { $0.keywords.contains(.areaWord) }
        let match = choose(in: lines.joined, excluding: relays, mayHoldTwo: { digits >= 20 }, joiningAreaCode: mayJoin) { index in
            index < lineTexts.count ? lineTexts[index].text : nil
        }
        return match.map { match in
            let rule = match.isAreaCodeJoined ? "phone number with its area code written apart"
                : match.cellListedAfter != nil ? "phone number\(match.cellNote)"
                : match.isNANP ? "phone number" : "labelled phone, not NANP"
            return HeuristicFinding(value: match, line: match.line, rule: rule)
        }
    }

    /// The prospect's phone in `text` by the same rules as ``find(in:excluding:)``, for a
    /// text not read as ``InquiryLines`` (a direct inquiry's own body).
    ///
    /// A quotation of the builder's own text (``BuilderQuotation``: "I saw this on your
    /// website:" and a paragraph in quotes) gives no number.
    static func prospectPhone(in text: String, excluding relays: Set<String> = []) -> PhoneMatch? {
        // (The quoted words spaced out, lines kept: numbers keep their line numbers.)
        let text = BuilderQuotation.blanked(text) ?? text
        return choose(in: text, excluding: relays, mayHoldTwo: { hasDigits(20, in: text) }, deferringAreaCode: true) { index in
            line(index, of: text)
        }
    }

    /// Whether `text` holds at least `count` ASCII digits (counting stops there).
    private static func hasDigits(_ count: Int, in text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            var found = 0
            for byte in bytes where byte &- 0x30 < 10 {
                found += 1
                if found == count { return true }
            }
            return false
        }
    }

    /// The 0-based line `index` of `text` (split at LF), found from the bytes: a text's
    /// lines are asked for one or two, and only for a number whose own line says little.
    private static func line(_ index: Int, of text: String) -> String? {
        var copy = text
        return copy.withUTF8 { bytes -> String? in
            var start = 0
            for _ in 0..<index {
                let lf = LineSplitter.firstIndex(of: 0x0A, in: bytes, from: start)
                guard lf < bytes.count else { return nil }
                start = lf + 1
            }
            let end = LineSplitter.firstIndex(of: 0x0A, in: bytes, from: start)
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
    }

    /// The first NANP number that is the writer's, else the scanner's first labelled or
    /// international one when it is; `lineText(i)` is the text's 0-based line `i`, a part of
    /// `text`. `mayHoldTwo` is whether the text may hold a second NANP number (asked only
    /// when the first may give way to it).
    ///
    /// With `joiningAreaCode`, a local number joined with an area code written apart
    /// (``PhoneNumberScanner/areaCodeJoinedPhone(in:)``) comes before a labelled or
    /// international one. With `deferringAreaCode`, a labelled number that is not NANP on a
    /// line saying `area code` is passed over (its area code is written apart:
    /// ``find(in:excluding:)``, run after, joins it).
    private static func choose(
        in text: String, excluding relays: Set<String>, mayHoldTwo: () -> Bool = { true }, joiningAreaCode: Bool = false,
        deferringAreaCode: Bool = false, lineText: (Int) -> String?
    ) -> PhoneMatch? {
        // (Only the number's own line is searched for "fax": a part of the text, so the
        // text's other lines could not make it mention one.)
        func usable(_ match: PhoneMatch) -> Bool {
            if relays.contains(match.number) { return false }
            if saysNotProspects(match.leadIn) { return false }
            guard match.line >= 1, let line = lineText(match.line - 1), mentionsFax(line) else { return true }
            // A fax line: the number is the fax unless its own label says otherwise
            // ("Fax: 512-555-0198 / Mobile: 512-555-0199").
            return !mentionsFax(match.leadIn) && labelsAPhone(match.leadIn)
        }
        // (Most texts' first number is the writer's: the rest are read only when it is not.)
        if let first = scanner.phones(in: text, limit: 1).first {
            // (With fewer than 20 digits there is no second NANP number to give way to.)
            if usable(first) {
                let mayHoldTwo = mayHoldTwo()
                if !mayHoldTwo || !namesAnotherPersons(first, lineText: lineText) {
                    // A number the writer claims ("Call me at", "My cell is") over a first one
                    // given without a word of whose it is (a lender's "(amy@..., 512-...)").
                    // (The numbers after the first, scanned once for both readings below.)
                    var laterNumbers: [PhoneMatch]?
                    func later() -> [PhoneMatch] {
                        if let laterNumbers { return laterNumbers }
                        let found = Array(scanner.phones(in: text).dropFirst())
                        laterNumbers = found
                        return found
                    }
                    if mayHoldTwo, !claimsWritersOwn(first.leadIn),
                       let own = later().first(where: {
                           usable($0) && claimsWritersOwn($0.leadIn) && !namesAnotherPersons($0, lineText: lineText)
                       }) {
                        return own
                    }
                    // A cell the writer lists after their work number is the one to call.
                    if mayHoldTwo, let cell = cellAfterLandline(first, later: later,
                                                                   usable: usable, lineText: lineText) {
                        return cell
                    }
                    return first
                }
            }
            // Someone else's ("Greg's number is ...", "his cell") gives way to a number of
            // the writer's given too ("Mine is ..."); with none, it is the contact there is.
            let rest = scanner.phones(in: text).dropFirst().filter(usable)
            if let index = rest.firstIndex(where: { !namesAnotherPersons($0, lineText: lineText) }) {
                let own = rest[index]
                return cellAfterLandline(own, later: { Array(rest[(index + 1)...]) }, usable: usable, lineText: lineText) ?? own
            }
            if usable(first) { return first }
            if let match = rest.first { return match }
        }
        if joiningAreaCode, let match = scanner.areaCodeJoinedPhone(in: text), usable(match),
           !namesAnotherPersons(match, lineText: lineText) {
            return match
        }
        if let match = scanner.firstPhone(in: text), usable(match) {
            if deferringAreaCode, !match.isNANP, let line = lineText(match.line - 1), FoldedSearch.contains(line, "area code") { return nil }
            return match
        }
        return nil
    }
}
