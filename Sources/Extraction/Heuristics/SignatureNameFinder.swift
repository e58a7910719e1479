import LeadModel

/// Finds the prospect's name in the sign-off of their message: the line after a closing
/// (`Thanks,` / `Best regards,` / `Sincerely,`), the rest of a one-line closing
/// (`Thanks, Maria Gonzalez`), a dash line (`- Maria`, `-- Maria Gonzalez`), or a
/// sign-off on the last line, before its phone or above it (`Do you build in Kyle? - Dana
/// 512-555-0144`, `Do you build in Kyle? Thanks, Dana`: ``nameBesidePhone(_:)``,
/// ``nameAfterLastSentence(_:)``) or after it (`Text is best: 830-555-0117. Jennifer
/// Wallace`: ``nameAfterPhoneSentence(_:)``).
///
/// The candidate must read as a name: one to four words, letters only (and `.`, `'`, `-`),
/// capitalised or all one case, not a phrase like `Sent from my iPhone`.
enum SignatureNameFinder {
    static let closings: Set<String> = [
        "thanks", "thank you", "thanks so much", "thank you so much", "thanks again", "thanks in advance",
        "many thanks", "best", "best regards", "regards", "kind regards", "warm regards", "warmest regards",
        "sincerely", "sincerely yours", "yours truly", "cheers", "respectfully", "all the best", "take care",
        "warmly", "best wishes", "thx", "talk soon", "looking forward to hearing from you", "with thanks",
        "thank you for your time", "have a great day", "blessings",
        // (Spanish-speaking homeowners sign so.)
        "gracias", "muchas gracias", "saludos", "un saludo", "atentamente", "cordialmente",
    ]
    static let notNames: Set<String> = [
        "sent", "get", "the", "from", "my", "our", "we", "i", "please", "call", "phone", "email", "tel", "cell",
        "mobile", "thanks", "thank", "regards", "best", "sincerely", "homeowner", "customer", "family", "team",
        "www", "http", "https", "mr", "mrs", "hello", "hi", "dear", "p", "ps", "note", "address",
        // ("-----Original Message-----" is no dash line before a name.)
        "original", "forwarded", "message",
    ]

    static func find(in lines: InquiryLines) -> HeuristicFinding<PersonName>? {
        // (The text's last line, above a device's footer: found when a line may hold a
        // sign-off beside its phone, `- Dana 512-555-0144`.)
        var lastLine: Int?
        var knowsLastLine = false
        // The last sign-off wins (the end of the message).
        for index in lines.lines.indices.reversed() {
            let text = lines.lines[index].text
            guard !text.isEmpty else { continue }
            let (length, lengthBeforeComma) = keyLengths(text)
            if length <= longestClosing, closings.contains(closingKey(text)) {
                if let next = lines.nextNonEmpty(after: index), let (name, rule) = signatureName(lines.lines[next].text) {
                    return HeuristicFinding(value: name, line: lines.lines[next].number, rule: rule)
                }
                continue
            }
            // "Thanks, Maria Gonzalez"
            if let lengthBeforeComma, lengthBeforeComma <= longestClosing,
               let comma = text.firstIndex(of: ","), closings.contains(closingKey(String(text[..<comma]))),
               let (name, rule) = signatureName(String(text[text.index(after: comma)...])) {
                return HeuristicFinding(value: name, line: lines.lines[index].number, rule: rule)
            }
            // "- Maria", "-- Maria Gonzalez", "— Maria" (such a first Character is that one scalar)
            if let scalar = text.unicodeScalars.first, scalar == "-" || scalar == "\u{2014}" || scalar == "\u{2013}" || scalar == "~",
               let first = text.first, first == "-" || first == "\u{2014}" || first == "\u{2013}" || first == "~" {
                let rest = text.drop { $0 == "-" || $0 == "\u{2014}" || $0 == "\u{2013}" || $0 == "~" || $0 == " " }
                if !rest.isEmpty, let (name, rule) = signatureName(String(rest)) {
                    return HeuristicFinding(value: name, line: lines.lines[index].number, rule: rule)
                }
            }
            // "Do you build in Kyle? - Dana 512-555-0144", "... in Kyle? Thanks, Dana" as the
            // last line or above a phone: a short inquiry's sign-off after its last sentence.
            if !knowsLastLine {
                lastLine = lastTextLine(of: lines)
                knowsLastLine = true
            }
            if let lastLine, index == lastLine || index == lastLine - 1 {
                let digits = lines.traits[index].digits
                if index == lastLine, digits >= 10, let (name, rule) = nameBesidePhone(text) ?? nameAfterPhoneSentence(text) {
                    return HeuristicFinding(value: name, line: lines.lines[index].number, rule: rule)
                }
                if digits == 0, index == lastLine || isContactLine(lines.lines[lastLine].text, digits: Int(lines.traits[lastLine].digits)),
                   let (name, rule) = nameAfterLastSentence(text) {
                    return HeuristicFinding(value: name, line: lines.lines[index].number, rule: rule)
                }
                // "... Whenever you can come look. Thanks Javier"
                if index == lastLine, let first = lines.lines.first(where: { !$0.text.isEmpty }),
                   let (name, rule) = nameAfterThanks(text, firstLine: first.text) {
                    return HeuristicFinding(value: name, line: lines.lines[index].number, rule: rule)
                }
            }
        }
        // No sign-off: a name closing the text beside its contact lines.
        return unsignedName(in: lines)
    }

    /// A sign-off's name and the rule that read it: a person's or a couple's (``name(_:)``:
    /// `Dana & Mark Whitfield` gives Dana Whitfield, ``rule(_:for:)`` says it was a couple),
    /// else a household's surname alone (`The Whitfields`, `The Whitfield Family`: last name
    /// `Whitfield`, as a household's display name gives it).
    static func signatureName(_ text: String) -> (PersonName, String)? {
        let text = withoutPronouns(text) ?? text
        if let name = name(text) { return (name, rule("signature name", for: name)) }
        // `Dana Whitfield, PE`: the name before the letters after it.
        if let (written, suffix) = withoutCredentials(text, allowingStateCodes: true), var name = name(written) {
            name.suffix = suffix ?? name.suffix
            return (name, rule("signature name", for: name))
        }
        if let name = honorificCouple(text) { return (name, "signature name (a couple: their surname)") }
        guard let surname = householdSurname(text) else { return nil }
        return (PersonName(last: surname), "signature name (a household: its surname)")
    }

    /// `text` without the pronouns a signature adds after the name in parentheses (`Dana
    /// Whitfield (she/her)`, `Sam Ortiz (they/them)`), trimmed; nil when it ends with none.
    /// (A text that does not end with `)` is not read further.)
    static func withoutPronouns(_ text: String) -> String? {
        var copy = text
        return copy.withUTF8 { bytes -> String? in
            var end = bytes.count
            while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D { end -= 1 }
            guard end > 0, bytes[end - 1] == UInt8(ascii: ")"), end <= 80,
                  let open = bytes[..<end].lastIndex(of: UInt8(ascii: "(")), open > 0 else { return nil }
            let inside = String(decoding: UnsafeBufferPointer(rebasing: bytes[(open + 1)..<(end - 1)]), as: UTF8.self).lowercased()
            let parts = inside.split(separator: "/").map { $0.trimmingPrefix(" ").split(separator: " ").joined() }
            guard parts.count >= 2, parts.allSatisfy({ pronouns.contains($0) }) else { return nil }
            var cut = open
            while cut > 0, bytes[cut - 1] == 0x20 || bytes[cut - 1] == 0x09 { cut -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<cut]), as: UTF8.self)
        }
    }

    private static let pronouns: Set<String> = ["she", "her", "hers", "he", "him", "his", "they", "them", "theirs", "ze", "zir", "xe", "xem"]

    /// `Mr. and Mrs. Whitfield`, `Mr & Mrs Van Buren` signing: the couple's surname (one
    /// word, or a particle and one), capitalised or in one case, as the last name.
    static func honorificCouple(_ text: String) -> PersonName? {
        var copy = text
        // (A byte test first: such a text starts with `Mr`.)
        guard copy.withUTF8({ $0.count > 10 && $0[0] | 0x20 == UInt8(ascii: "m") && $0[1] | 0x20 == UInt8(ascii: "r") }) else { return nil }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard (4...5).contains(words.count) else { return nil }
        let keys = words.map { $0.lowercased().filter { $0 != "." } }
        guard keys[0] == "mr", keys[1] == "and" || keys[1] == "&", keys[2] == "mrs" else { return nil }
        let surname = words[3...]
        guard surname.allSatisfy({ word in word.allSatisfy { $0.isLetter || $0 == "'" || $0 == "\u{2019}" || $0 == "-" } }),
              surname.last?.first?.isUppercase == true,
              !keys[3...].contains(where: { unsignedStopWords.contains($0) || notNames.contains($0) }),
              surname.count == 1 || closingParticles.contains(keys[3]) else { return nil }
        let last = surname.joined(separator: " ")
        let oneCase = !last.contains(where: \.isLowercase) || !last.contains(where: \.isUppercase)
        return PersonName(last: oneCase ? PersonNameNormalizer.recased(last) : last, honorific: "Mr. & Mrs.")
    }

    /// `rule`, saying so when `name` is a couple's: the lead holds the first person named
    /// (the one who wrote is usually named first) and the surname they share, as a couple
    /// in a display name or a referral (`Jim and Sue Parker`) gives it.
    static func rule(_ rule: String, for name: PersonName) -> String {
        name.partnerFirst == nil ? rule : rule + " (a couple: the first person named)"
    }

    /// The surname of a household's sign-off (``GenericExtractor/householdSurname(_:)``:
    /// `The Whitfields`, `Whitfield Family`), if each of its words is capitalised letters
    /// and none is a company's, a place's or a title's word or another stop word (`The
    /// Team`, `The Management`, `The Woodlands`). (Only a text with `the ` or ` family` or
    /// ` household` gets past its first byte test.)
    static func householdSurname(_ text: String) -> String? {
        guard let surname = GenericExtractor.householdSurname(text) else { return nil }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        let surnameWords = surname.split(separator: " ")
        for (offset, word) in (words + surnameWords).enumerated() {
            let lower = word.lowercased()
            // (The household's own words, in the text; its surname is read whole.)
            if offset < words.count, lower == "the" || lower == "family" || lower == "household" { continue }
            guard word.first?.isUppercase == true || closingParticles.contains(lower),
                  word.allSatisfy({ $0.isLetter || $0 == "'" || $0 == "\u{2019}" || $0 == "-" }),
                  !unsignedStopWords.contains(lower), !notNames.contains(lower) else { return nil }
        }
        return surname
    }

    /// A person of a household, from the last lines of `text` (at most its last 1 KiB, 8
    /// lines with text): the first line that reads as a name (``name(_:)``) whose last name is
    /// `surname`, or its singular (`Henderson` for `The Hendersons`), ignoring case. The line
    /// number counts lines of `text` from 1. (Only for a sender whose display name is a
    /// household, so its cost is off the common path.)
    static func householdMember(surname: String, in text: String) -> HeuristicFinding<PersonName>? {
        let wanted = surname.lowercased()
        func matches(_ last: String) -> Bool {
            let last = last.lowercased()
            return last == wanted || last + "s" == wanted || last + "es" == wanted
        }
        // The tail of the text (on a line start), and how many lines come before it.
        var start = text.utf8.count > 1024 ? text.utf8.index(text.utf8.endIndex, offsetBy: -1024) : text.utf8.startIndex
        while start > text.utf8.startIndex, text.utf8[text.utf8.index(before: start)] != UInt8(ascii: "\n") {
            start = text.utf8.index(after: start)
            if start == text.utf8.endIndex { return nil }
        }
        // (A line naming the household's surname holds its first letters: most texts,
        // signed with a first name alone, end here on a byte search.)
        let stem = Array(wanted.utf8.prefix(max(1, min(4, wanted.utf8.count - 2))))
        if stem.allSatisfy({ $0 < 0x80 }),
           text.utf8[start...].withContiguousStorageIfAvailable({ FoldedSearch.contains($0, bytes: stem) }) == false {
            return nil
        }
        let linesBefore = text.utf8[..<start].count { $0 == UInt8(ascii: "\n") }
        let tail = lines(of: text, from: text.utf8.distance(from: text.utf8.startIndex, to: start))
        var seen = 0
        for index in tail.indices.reversed() {
            let line = ValueNormalizer.trimmingWhitespace(tail[index])
            guard !line.isEmpty else { continue }
            seen += 1
            if seen > 8 { return nil }
            if let found = name(line), found.first != nil, let last = found.last, matches(last) {
                return HeuristicFinding(value: found, line: linesBefore + index + 1, rule: "signature name")
            }
        }
        return nil
    }

    /// The lines of `text` from byte `start` (a line start), as `split(separator: "\n",
    /// omittingEmptySubsequences: false)` of that part gives them: an LF byte is a `"\n"`
    /// Character unless a CR is before it (then the two are one Character, no separator).
    static func lines(of text: String, from start: Int) -> [String] {
        var copy = text
        return copy.withUTF8 { bytes in
            var lines: [String] = []
            var lineStart = start
            for index in start..<bytes.count where bytes[index] == 0x0A && !(index > start && bytes[index - 1] == 0x0D) {
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<index]), as: UTF8.self))
                lineStart = index + 1
            }
            lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart...]), as: UTF8.self))
            return lines
        }
    }

    /// Whether a whole line is a closing (`Best,`, `Thanks!`, `Kind regards`).
    static func isClosing(_ text: String) -> Bool {
        let (length, _) = keyLengths(text)
        return length <= longestClosing && closings.contains(closingKey(text))
    }

    /// The most scalars other than ` ,.!-` a closing has (the closings are ASCII).
    private static let longestClosing = closings.map { $0.utf8.count { !isKeyPunctuation($0) } }.max() ?? 0

    /// ` `, `,`, `.`, `!`, `-`: what ``closingKey(_:)`` may remove.
    @inline(__always) private static func isKeyPunctuation(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x2C || byte == 0x2E || byte == 0x21 || byte == 0x2D
    }

    /// The scalars of `text` other than ` ,.!-` (the only ones ``closingKey(_:)`` removes),
    /// and those before its first `,`, if any: lower bounds of the scalars other than those
    /// in the key of the text and of the text before its first `,` Character (which is at or
    /// after the first `,` scalar). Lowercasing maps a scalar to one or more, none of them
    /// ` ,.!-` unless it was one; a key equal to a closing has as many scalars as it (the
    /// only non-ASCII scalars equivalent to ASCII are `;`, `` ` `` and `K`). So a text whose
    /// count exceeds ``longestClosing`` is no closing.
    private static func keyLengths(_ text: String) -> (Int, Int?) {
        var copy = text
        return copy.withUTF8 { bytes in
            var length = 0
            var beforeComma: Int?
            for byte in bytes {
                switch byte {
                case 0x2C: if beforeComma == nil { beforeComma = length }
                case 0x20, 0x2E, 0x21, 0x2D: break
                default: if byte & 0xC0 != 0x80 { length += 1 }
                }
            }
            return (length, beforeComma)
        }
    }

    /// A line as a closing would be written: lowercase, without trailing punctuation. (ASCII
    /// on its bytes: each byte a Character, `"\r\n"` none of ` ,.!-` either way.)
    private static func closingKey(_ text: String) -> String {
        var copy = text
        let ascii = copy.withUTF8 { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var end = bytes.count
            while end > 0, isKeyPunctuation(bytes[end - 1]) { end -= 1 }
            // (The words between spaces, lowercase, joined by one space.)
            return String(unsafeUninitializedCapacity: end) { key in
                var count = 0
                var index = 0
                while index < end {
                    if bytes[index] == 0x20 {
                        index += 1
                        continue
                    }
                    if count > 0 {
                        key[count] = 0x20
                        count += 1
                    }
                    while index < end, bytes[index] != 0x20 {
                        let byte = bytes[index]
                        key[count] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                        count += 1
                        index += 1
                    }
                }
                return count
            }
        }
        if let ascii { return ascii }
        var key = text.lowercased()
        while let last = key.last, last == "," || last == "." || last == "!" || last == " " || last == "-" { key.removeLast() }
        return key.split(separator: " ").joined(separator: " ")
    }

    /// The line as a name, if it reads as one.
    static func name(_ raw: String) -> PersonName? {
        var copy = raw
        if let (isName, text) = copy.withUTF8({ latinName($0) }) {
            return isName ? PersonNameNormalizer.parse(text ?? raw) : nil
        }
        return generalName(raw)
    }

    /// ``name(_:)`` on Characters: any text (``latinName(_:)`` must agree with it).
    static func generalName(_ raw: String) -> PersonName? {
        let text = raw.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        let words = text.split(separator: " ")
        guard (1...4).contains(words.count), text.count <= 50 else { return nil }
        guard text.allSatisfy({ $0.isLetter || $0 == " " || $0 == "." || $0 == "'" || $0 == "-" || $0 == "&" || $0 == "\u{2019}" }) else {
            return nil
        }
        let lowerWords = words.map { $0.lowercased().filter(\.isLetter) }
        if lowerWords.contains(where: notNames.contains) { return nil }
        // Capitalised words, or the whole line in one case (people do sign "maria").
        let capitalised = words.allSatisfy { word in
            word.first?.isUppercase == true || ["and", "&", "van", "von", "de", "der", "la", "del", "da"].contains(word.lowercased())
        }
        let oneCase = !text.contains(where: \.isUppercase) || !text.contains(where: \.isLowercase)
        guard capitalised || oneCase else { return nil }
        guard isPeople(words.map { $0.lowercased() }) else { return nil }
        return PersonNameNormalizer.parse(text)
    }

    /// Whether lowercase `words` that name two people joined by `&` or `and` read as a
    /// couple (`Dana & Mark Whitfield`, `Dana and Mark`, `Dana Whitfield and Mark Jones`), not
    /// a firm (`Smith & Sons`, `Johnson & Johnson`, `Hill & Dale Homes`): one conjunction,
    /// one or two words each side, no company's word, and not the same name twice. True
    /// for words without a conjunction.
    static func isPeople(_ words: [String]) -> Bool {
        guard let conjunction = words.firstIndex(where: { $0 == "&" || $0 == "and" }) else { return true }
        let before = words[..<conjunction], after = words[(conjunction + 1)...]
        guard (1...2).contains(before.count), (1...2).contains(after.count),
              !after.contains(where: { $0 == "&" || $0 == "and" }),
              let first = before.first, let partner = after.first, first != partner, words.last != first else { return false }
        return !words.contains { word in
            // (Both sets are ASCII: a word that cannot equal ASCII is in neither.)
            guard word.utf8.allSatisfy({ $0 < 0x80 }) || VocabularyIndex.mayEqualASCII(word) else { return false }
            let letters = word.filter { $0 != "." && $0 != "'" && $0 != "-" }
            return companyWords.contains(letters) || firmWords.contains(letters)
        }
    }

    /// Words of a firm's name of two parts (`Smith & Sons`).
    private static let firmWords: Set<String> = ["son", "sons", "brothers", "bros", "daughters", "sisters", "partner", "associate"]

    /// Particles a name's word may be in lowercase (`Ana de la Cruz`).
    private static let lowercaseParticles = ["and", "&", "van", "von", "de", "der", "la", "del", "da"]

    /// ``name(_:)``'s reading, on its bytes, of text of ASCII and Latin-1 letters (U+00C0-U+00FF
    /// but × and ÷): there a byte, or such a letter's two, is a Character (`"\r\n"` no letter
    /// either way), such a letter is a capital up to U+00DE (lowercased by adding 0x20 to its
    /// second byte) and lowercase from U+00DF, and a word holding one equals none of the ASCII
    /// words compared here. Whether it reads as a name, and the text to parse as one, its
    /// words joined by one space (nil: `bytes` as they are). Nil for other text.
    private static func latinName(_ bytes: UnsafeBufferPointer<UInt8>) -> (Bool, String?)? {
        var words: [Range<Int>] = []
        var hasUpper = false, hasLower = false, hasTab = false
        // The words' Characters and bytes.
        var characters = 0, wordBytes = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 {
                hasTab = hasTab || byte == 0x09
                index += 1
                continue
            }
            let start = index
            while index < bytes.count, bytes[index] != 0x20, bytes[index] != 0x09 {
                let byte = bytes[index]
                characters += 1
                if byte >= 0x80 {
                    guard let isCapital = latin1Letter(bytes, at: index) else { return nil }
                    if isCapital { hasUpper = true } else { hasLower = true }
                    index += 2
                    continue
                }
                if byte >= 0x41 && byte <= 0x5A {
                    hasUpper = true
                } else if byte >= 0x61 && byte <= 0x7A {
                    hasLower = true
                } else if byte != UInt8(ascii: ".") && byte != UInt8(ascii: "'") && byte != UInt8(ascii: "-") && byte != UInt8(ascii: "&") {
                    // (No name, whatever else the text holds.)
                    return (false, nil)
                }
                index += 1
            }
            words.append(start..<index)
            wordBytes += index - start
        }
        guard (1...4).contains(words.count), characters + words.count - 1 <= 50 else { return (false, nil) }
        var capitalised = true
        for word in words {
            let isASCII = !bytes[word].contains { $0 >= 0x80 }
            if isASCII, isNotName(bytes[word]) { return (false, nil) }
            let first = bytes[word.lowerBound]
            if capitalised, !(first >= 0x41 && first <= 0x5A), latin1Letter(bytes, at: word.lowerBound) != true {
                capitalised = isASCII && lowercaseParticles.contains(lowercased(bytes[word]))
            }
        }
        guard capitalised || !hasUpper || !hasLower else { return (false, nil) }
        // ("&" or "and": two people, or a firm.)
        if words.contains(where: { bytes[$0].count <= 3 && (bytes[$0.lowerBound] == UInt8(ascii: "&") || bytes[$0.lowerBound] | 0x20 == UInt8(ascii: "a")) }),
           !isPeople(words.map { lowercased(bytes[$0]) }) {
            return (false, nil)
        }
        // (Already one space between words, none at the ends: the text as it is.)
        let joined = wordBytes + words.count - 1 == bytes.count && !hasTab
        return (true, joined ? nil : words.map { String(decoding: bytes[$0], as: UTF8.self) }.joined(separator: " "))
    }

    /// ``notNames`` by their bytes.
    private static let notNameTable = ASCIIWordTable(notNames.map { ($0, 1) })

    /// Whether the letters of ASCII `word` (a word of ``latinName(_:)``'s: letters, `.`, `'`,
    /// `-`, `&`), lowercased, are one of ``notNames``: read on the stack, no String made.
    private static func isNotName(_ word: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: word.count + 1) { letters in
            var length = 0
            for byte in word where (byte | 0x20) &- 0x61 < 26 {
                letters[length] = byte | 0x20
                length += 1
            }
            return notNameTable.value(of: UnsafeBufferPointer(letters), 0..<length) != 0
        }
    }

    /// Whether the Latin-1 letter at `index` (U+00C0-U+00FF but × and ÷, two bytes) is a
    /// capital; nil when no such letter is there.
    private static func latin1Letter(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool? {
        guard bytes[index] == 0xC3, index + 1 < bytes.count else { return nil }
        let second = bytes[index + 1]
        guard second >= 0x80, second <= 0xBF, second != 0x97, second != 0xB7 else { return nil }
        return second <= 0x9E
    }

    /// `word` lowercased, for ``latinName(_:)``'s text: A-Z, and Latin-1 capitals by their
    /// second byte (a byte after 0xC3 is one).
    private static func lowercased(_ word: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        var afterLead = false
        return String(decoding: word.map { byte -> UInt8 in
            defer { afterLead = byte == 0xC3 }
            if byte >= 0x41 && byte <= 0x5A { return byte | 0x20 }
            return afterLead && byte <= 0x9E ? byte + 0x20 : byte
        }, as: UTF8.self)
    }
}
