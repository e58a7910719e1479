import LeadModel

/// The prospect's name closing their text without a sign-off: `Dana Whitfield` above or
/// below a contact line (a phone, an email address) in the text's last block, or above
/// their postal address and then a contact line (``belowPostalAddress(_:_:_:)``), beside one
/// on its line (`Dana Whitfield | 512-555-0144`: ``nameBesideContact(_:)``), or alone as
/// the text's last line after a blank line. A device's footer (`Sent from my iPhone`),
/// alone or under the name, is no part of the last block; pronouns after the name in
/// parentheses (`(she/her)`) and credentials after a comma (`, PE`:
/// ``withoutCredentials(_:allowingStateCodes:)``) are no part of it.
///
/// Only tried when no self-introduction and no sign-off gave a name, and only on the last
/// block (the lines after the last blank line, at most its last five): a message that
/// names nobody pays for a few lines. Stricter than a name after `Thanks,`: two or three
/// capitalised words, in any script (lowercase particles inside: `Ana de la Cruz`; `José
/// Martínez`), or a couple sharing a surname (`Dana & Mark Whitfield`, `Mr. and Mrs.
/// Whitfield`: the surname alone), nothing that
/// reads as a company (`Hill Country Homes`, `Smith Realty LLC`), a place (`Dripping
/// Springs`, `New Mexico`), a job title or a greeting; not in a block that is a business's
/// signature (a company or website line), nor below a label (`Our realtor:`) or a reply or
/// forward header (`On ... wrote:`, `From:`, `-----Original Message-----`): those names
/// are someone else's.
extension SignatureNameFinder {
    /// Lines of the last block read for a name.
    static let unsignedBlockLines = 5

    /// The index of the line after the postal address under line `index` ("16813 Saddle
    /// Ridge Dr" / "Pflugerville, TX 78660": a street line, a city line, at most three
    /// lines, before `end`), or `index` itself when no address is under it.
    static func belowPostalAddress(_ all: [(number: Int, text: String)], _ index: Int, _ end: Int) -> Int {
        var below = index + 1
        while below < end, below - index <= 3 {
            let text = all[below].text
            guard text.utf8.count <= 80 else { break }
            let isStreet = text.utf8.first.map { $0 >= 0x30 && $0 <= 0x39 } == true
                && AddressFinder.streetSpan(AddressFinder.spaceSeparatedWords(text)).map { $0.0 == 0 } == true
            guard isStreet || AddressFinder.cityStateZip(in: text) != nil else { break }
            below += 1
        }
        return below == index + 1 ? index : below
    }

    static func unsignedName(in lines: InquiryLines) -> HeuristicFinding<PersonName>? {
        let all = lines.lines
        var end = all.count
        while end > 0, all[end - 1].text.isEmpty { end -= 1 }
        guard end > 0 else { return nil }
        var start = end - 1
        while start > 0, !all[start - 1].text.isEmpty { start -= 1 }
        // A device's footer alone ("Sent from my iPhone") closes the block before it.
        if start == end - 1, isDeviceFooter(all[start].text) {
            end = start
            while end > 0, all[end - 1].text.isEmpty { end -= 1 }
            guard end > 0 else { return nil }
            start = end - 1
            while start > 0, !all[start - 1].text.isEmpty { start -= 1 }
        }
        // A device's footer under the name ("Dana Whitfield" / "Sent from my iPhone") is
        // no part of the block.
        if end - 1 > start, isDeviceFooter(all[end - 1].text) { end -= 1 }
        let first = max(start, end - unsignedBlockLines)
        func isContact(_ index: Int) -> Bool {
            index >= start && index < end && isContactLine(all[index].text, digits: Int(lines.traits[index].digits))
        }
        for index in stride(from: end - 1, through: first, by: -1) {
            var text = all[index].text
            // `Dana Whitfield | 512-555-0144`: a name and its contact on one line.
            var besideContact = false
            if lines.traits[index].digits > 0 || text.utf8.contains(UInt8(ascii: "@")) {
                guard let head = nameBesideContact(text) else { continue }
                text = head
                besideContact = true
            }
            // (A name has no digit, and is short.)
            guard text.utf8.count <= 40 else { continue }
            besideContact = besideContact || isContact(index - 1) || isContact(index + 1)
                || isContact(belowPostalAddress(all, index, end))
            // Alone after a blank line, below some text.
            let aloneAtEnd = index == end - 1 && index == start && all[..<start].contains { !$0.text.isEmpty }
            guard besideContact || aloneAtEnd else { continue }
            // (`Dana Whitfield (she/her)`: the name without its pronouns; `Mr. and Mrs.
            // Whitfield` above their phone: the surname.)
            // (`Dana Whitfield, PE`: the name before the letters after it.)
            var written = withoutPronouns(text) ?? text
            let credentials = withoutCredentials(written, allowingStateCodes: false)
            if let credentials { written = credentials.name }
            guard var name = closingName(written) ?? honorificCouple(written) else { continue }
            if let suffix = credentials?.suffix { name.suffix = suffix }
            // A label above introduces someone else ("Our realtor:").
            if index > start, all[index - 1].text.utf8.last == UInt8(ascii: ":") { return nil }
            // Someone else's block: a business's signature, or quoted or forwarded mail.
            if (start..<end).contains(where: { $0 != index && isBusinessLine(all[$0].text) }) { return nil }
            if all[..<end].contains(where: { isQuoteHeader($0.text) }) { return nil }
            let rule = name.first == nil ? "closing name without a sign-off (a couple: their surname)" : rule("closing name without a sign-off", for: name)
            return HeuristicFinding(value: name, line: all[index].number, rule: rule)
        }
        return nil
    }

    /// The first part of a signature line of parts split by ` | ` when another part is a
    /// contact (``isContactLine(_:digits:)``: `Dana Whitfield | 512-555-0144`, `Dana
    /// Whitfield | Cell: 512-555-0144 | dana@example.com`) and none a business's; the first
    /// part must have no digit. Nil for other lines (a byte test first: ` | `).
    static func nameBesideContact(_ text: String) -> String? {
        var copy = text
        let mayBe = copy.withUTF8 { bytes in
            bytes.count <= 120 && bytes.count >= 8 && (1..<(bytes.count - 1)).contains {
                bytes[$0] == UInt8(ascii: "|") && bytes[$0 - 1] == 0x20 && bytes[$0 + 1] == 0x20
            }
        }
        guard mayBe else { return nil }
        let parts = text.split(separator: "|").map { ValueNormalizer.trimmingWhitespace(String($0)) }
        guard parts.count >= 2, parts.count <= 4, let head = parts.first, !head.isEmpty,
              !head.utf8.contains(where: { $0 &- 0x30 < 10 || $0 == UInt8(ascii: "@") }) else { return nil }
        let rest = parts.dropFirst()
        guard rest.contains(where: { isContactLine($0, digits: $0.utf8.count { $0 &- 0x30 < 10 }) }),
              !rest.contains(where: isBusinessLine) else { return nil }
        return head
    }

    /// `text` as a person's name closing a message: ``name(_:)`` of two or three words, each
    /// capitalised (a particle inside may be lowercase), none a company's, a place's, a
    /// title's or a greeting's word. A couple sharing a surname (`Dana & Mark Whitfield`,
    /// `Dana and Mark Whitfield`) counts: a first name, `&` or `and`, two or three
    /// capitalised words (``coupleName(_:)`` then checks them); a couple without one (`Dana &
    /// Mark`) is too like a firm's name (`Barnes & Noble`) to be taken without a sign-off.
    /// Letters outside ASCII (`José Martínez`, `Zoë Müller-Øster`, `Seán O’Brien`) are read
    /// by Characters, by the same rules.
    static func closingName(_ text: String) -> PersonName? {
        var copy = text
        // (.none: the text is not ASCII, read by Characters below; .some(nil): no name.)
        let ascii: [String]?? = copy.withUTF8 { bytes in
            var words: [String] = []
            var capitalised = 0
            var conjunction: Int?
            var index = 0
            while index < bytes.count {
                if bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1; continue }
                let wordStart = index
                while index < bytes.count, bytes[index] != 0x20, bytes[index] != 0x09 { index += 1 }
                let first = bytes[wordStart]
                // (ASCII only: the words are looked up as written.)
                guard bytes[wordStart..<index].allSatisfy({ $0 < 0x80 }) else { return .none }
                guard words.count < 5 else { return .some(nil) }
                let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[wordStart..<index]), as: UTF8.self)
                let lower = word.lowercased()
                // "Dana & Mark Whitfield": a conjunction right after a first name.
                if lower == "&" || lower == "and" {
                    guard words.count == 1, conjunction == nil else { return .some(nil) }
                    conjunction = words.count
                    words.append(word)
                    continue
                }
                if first >= 0x61 && first <= 0x7A {
                    guard !words.isEmpty, closingParticles.contains(lower) else { return .some(nil) }
                } else if first >= 0x41 && first <= 0x5A {
                    capitalised += 1
                    if capitalised > 3 { return .some(nil) }
                } else {
                    return .some(nil)
                }
                let letters = lower.filter { $0 != "." && $0 != "'" && $0 != "-" }
                if unsignedStopWords.contains(letters) || lower.hasSuffix("'s") { return .some(nil) }
                words.append(word)
            }
            // (A couple's conjunction needs a first name and a surname after it.)
            if let conjunction, words.count - conjunction < 3 { return .some(nil) }
            return .some(words)
        }
        let words: [String]
        switch ascii {
        case .some(.some(let found)): words = found
        case .some(.none): return nil
        case .none:
            guard let found = nonASCIIClosingWords(text) else { return nil }
            words = found
        }
        guard words.count >= 2, words.last?.first?.isUppercase == true, words.count <= 4 else { return nil }
        if USStates.code(for: text) != nil { return nil }
        if placeLeads.contains(words[0].lowercased()) { return nil }
        return name(text)
    }

    /// Lowercase words a closing name may hold after its first (`Ana de la Cruz`).
    static let closingParticles: Set<String> = ["van", "von", "de", "der", "la", "del", "da", "di", "le"]

    /// ``closingName(_:)``'s words of a text that is not ASCII, read by Characters: each
    /// word letters (any script's), `.`, `'`, `’` or `-`, starting with an uppercase letter
    /// (a particle after the first word may be lowercase), at most three capitalised, none a
    /// stop word nor a possessive; a couple's `&` or `and` only after the first; nil when a
    /// word is none of those.
    private static func nonASCIIClosingWords(_ text: String) -> [String]? {
        var words: [String] = []
        var capitalised = 0
        var conjunction: Int?
        for piece in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            guard words.count < 5, let first = piece.first else { return nil }
            let lower = piece.lowercased()
            if lower == "&" || lower == "and" {
                guard words.count == 1, conjunction == nil else { return nil }
                conjunction = words.count
                words.append(String(piece))
                continue
            }
            guard piece.allSatisfy({ $0.isLetter || $0 == "." || $0 == "'" || $0 == "\u{2019}" || $0 == "-" }) else { return nil }
            if first.isLowercase {
                guard !words.isEmpty, closingParticles.contains(lower) else { return nil }
            } else if first.isUppercase {
                capitalised += 1
                if capitalised > 3 { return nil }
            } else {
                return nil
            }
            let letters = lower.filter { $0 != "." && $0 != "'" && $0 != "\u{2019}" && $0 != "-" }
            if unsignedStopWords.contains(letters) || lower.hasSuffix("'s") || lower.hasSuffix("\u{2019}s") { return nil }
            words.append(String(piece))
        }
        if let conjunction, words.count - conjunction < 3 { return nil }
        return words
    }

    /// Whether `text` (with `digits` ASCII digits) is a contact line: a phone (7 to 15 digits,
    /// at most a short label: `Cell: 512-555-0144`) or an email address (with at most a
    /// label: `Email: dana@example.com`).
    static func isContactLine(_ text: String, digits: Int) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 60 else { return false }
        var copy = text
        return copy.withUTF8 { bytes in
            if let at = bytes.firstIndex(of: UInt8(ascii: "@")) {
                let tokens = bytes.split(separator: 0x20)
                return tokens.count <= 2 && bytes[at...].contains(UInt8(ascii: ".")) && at > 0
            }
            guard (7...15).contains(digits) else { return false }
            let letters = bytes.count { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
            return letters <= 12
        }
    }

    /// Whether a line of a signature block says it is a business's: a website, or a
    /// company's word.
    static func isBusinessLine(_ text: String) -> Bool {
        if FoldedSearch.contains(text, "www.") || FoldedSearch.contains(text, "http") { return true }
        // (Only a line without `@`: an address's domain is no company line.)
        guard !text.utf8.contains(UInt8(ascii: "@")) else { return false }
        return PhraseVocabulary.words(in: text).contains { companyWords.contains($0) || titleWords.contains($0) }
    }

    /// Whether a line is a mail app's footer: `Sent from my iPhone`, `Get Outlook for iOS`.
    static func isDeviceFooter(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            guard bytes.count <= 60 else { return false }
            for prefix: StaticString in ["sent from ", "get outlook"] where bytes.count >= prefix.utf8CodeUnitCount
                && (0..<prefix.utf8CodeUnitCount).allSatisfy({ bytes[$0] | 0x20 == prefix.utf8Start[$0] | 0x20 }) {
                return true
            }
            return false
        }
    }

    /// Whether a line opens quoted or forwarded mail.
    static func isQuoteHeader(_ text: String) -> Bool {
        guard !text.isEmpty else { return false }
        var copy = text
        return copy.withUTF8 { bytes in
            func starts(_ prefix: StaticString) -> Bool {
                guard bytes.count >= prefix.utf8CodeUnitCount else { return false }
                for offset in 0..<prefix.utf8CodeUnitCount where bytes[offset] | 0x20 != prefix.utf8Start[offset] | 0x20 { return false }
                return true
            }
            if starts("from:") || starts("sent:") || starts("begin forwarded") { return true }
            var end = bytes.count
            while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
            if end >= 6, String(decoding: UnsafeBufferPointer(rebasing: bytes[(end - 6)..<end]), as: UTF8.self).lowercased() == "wrote:" {
                return true
            }
            return FoldedSearch.contains(bytes, "original message") || FoldedSearch.contains(bytes, "forwarded message")
        }
    }

    /// Words no closing name holds: a company's, a place's, a title's, a greeting's.
    static let unsignedStopWords: Set<String> = companyWords.union(titleWords).union(placeWords).union([
        "hi", "hello", "hey", "dear", "good", "morning", "afternoon", "evening", "thanks", "thank", "regards", "best",
        "looking", "forward", "hope", "have", "great", "day", "let", "know", "soon", "talk", "god", "bless", "you",
        "sent", "get", "from", "my", "our", "we", "i", "the", "and", "or", "to", "of", "for", "with", "please", "call",
        "text", "email", "phone", "cell", "mobile", "tel", "fax", "home", "office", "address", "mr", "mrs", "ms",
        "iphone", "android", "ipad", "outlook", "yahoo", "gmail", "mail", "family", "household", "note", "ps",
        "re", "fw", "fwd", "subject", "cc", "date", "happy", "holidays", "merry", "christmas", "cheers", "appreciate",
        "appreciated", "welcome", "sincerely", "respectfully", "yours", "truly", "kind", "warm", "warmest", "take",
        "care", "all", "many", "much", "again", "stay", "safe", "asap", "urgent", "help", "question", "questions",
        "info", "information", "details", "build", "house", "project", "new", "custom", "wishes", "blessings",
        "be", "well", "love", "gratitude", "peace", "is", "are", "was", "am", "in", "on", "at", "a", "an",
        "hola", "buenos", "buenas", "dias", "días", "tardes", "noches", "gracias", "saludos", "atentamente", "cordialmente",
    ])

    /// Words of a company's name or signature line.
    static let companyWords: Set<String> = [
        "homes", "realty", "llc", "inc", "corp", "corporation", "co", "company", "construction", "builders", "builder",
        "building", "group", "properties", "property", "design", "designs", "architects", "architecture", "studio",
        "partners", "associates", "services", "solutions", "consulting", "enterprises", "holdings", "investments",
        "development", "developments", "ltd", "pllc", "lp", "llp", "team", "bank", "mortgage", "lending", "insurance",
        "capital", "ventures", "trust", "foundation", "church", "school", "university", "realtors", "remodeling",
        "roofing", "plumbing", "electric", "custom", "estate", "estates", "brokerage", "agency", "international",
        "industries", "technologies", "systems", "management", "communities",
    ]

    /// Words of a job title.
    static let titleWords: Set<String> = [
        "manager", "director", "president", "vp", "ceo", "cfo", "coo", "owner", "founder", "agent", "realtor",
        "broker", "architect", "engineer", "designer", "consultant", "officer", "assistant", "coordinator",
        "specialist", "representative", "sales", "marketing", "senior", "associate", "principal", "partner",
        "superintendent", "estimator", "administrator", "analyst", "executive", "advisor", "lender",
    ]

    /// Words of a place's name.
    static let placeWords: Set<String> = [
        "springs", "city", "county", "heights", "village", "township", "valley", "falls", "beach", "station", "lakes",
        "hills", "ranch", "canyon", "creek", "harbor", "island", "bay", "tx", "texas", "usa", "street", "st", "avenue", "woodlands",
        "ave", "road", "rd", "drive", "boulevard", "blvd", "circle", "cir", "parkway",
        "pkwy", "trail", "highway", "hwy",
    ]

    /// First words of a place's name (`San Marcos`, `Lake Travis`, `New Braunfels`).
    static let placeLeads: Set<String> = [
        "san", "santa", "fort", "ft", "port", "mount", "mt", "lake", "new", "north", "south", "east", "west", "el",
        "los", "las", "saint", "st", "cedar", "round", "pflugerville", "lakeway", "bee", "spicewood", "horseshoe",
    ]
}
