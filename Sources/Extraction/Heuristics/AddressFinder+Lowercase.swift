import LeadModel

/// A street typed all in lowercase, as people type on phones: `we own 1420 ridge view dr,
/// kyle tx 78640`. Without capitals nothing sets a street's name off from the words around
/// it, so it is read only when all of an address is there and agrees with itself:
/// - a house number (one to six digits), one to three name words (letters only, or an
///   ordinal: `5th`; no word that is common in sentences: ``sentenceWords``) and a street
///   type that is nothing else in a sentence (``lowercaseSuffixes``: `dr`, `rd`, `ln`,
///   `street`, `trail`, ..., not `view`, `park` or `run`), maybe a directional;
/// - then the city: one to three words of letters, in any case (a comma after the street
///   or the city may be left out);
/// - then a state (its USPS code or its name, in any case) and a ZIP that is in that state
///   (``ZIPCodePrefixes``), closing the address.
/// The street and city are written capitalised (`1420 Ridge View Dr`, `Kyle`), the state as
/// its code. A line with a capitalised street is read as ever (this reading is for lines
/// where that finds none).
extension AddressFinder {
    /// Street types read after a lowercase name: the ones no sentence uses for anything
    /// else (`way`, `view`, `park`, `point`, `hill` are left out).
    static let lowercaseSuffixes: Set<String> = [
        "street", "st", "drive", "dr", "road", "rd", "lane", "ln", "avenue", "ave", "boulevard", "blvd", "court", "ct",
        "cove", "cv", "trail", "trl", "circle", "cir", "parkway", "pkwy", "place", "pl", "terrace", "ter", "highway",
        "hwy", "loop", "trce", "xing", "holw", "cres",
    ]
    /// Words that a sentence holds and a street's or city's name rarely does.
    static let sentenceWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "of", "for", "to", "in", "on", "at", "by", "with", "from", "off", "near",
        "we", "i", "our", "my", "your", "us", "me", "you", "it", "is", "are", "was", "be", "have", "has", "had",
        "want", "need", "like", "would", "will", "can", "this", "that", "there", "here", "about", "around", "lot",
        "lots", "acre", "acres", "home", "house", "build", "new", "just", "so", "if", "not", "no", "call", "text",
        "sq", "ft", "bed", "beds", "bath", "baths", "car", "story", "garage", "budget",
    ]

    /// The lowercase street, city, state and ZIP of line `index` (its `words`), as a street
    /// candidate; nil when the line holds none so.
    ///
    /// Gate: the caller reads only lines whose traits have a ZIP token (five or nine digits)
    /// and found no street on them the usual way.
    static func lowercaseStreet(_ words: [String], _ lines: InquiryLines, _ index: Int) -> StreetCandidate? {
        // The ZIP: the last word with five digits that reads as one; the state before it.
        guard let zipIndex = words.indices.last(where: { $0 >= 4 && mayBeZIP(words[$0]) }),
              let (stateStart, zipState, zipText) = stateAndZIP(words, zipIndex: zipIndex, stateStartsFrom: 3) else { return nil }
        // The house number, name words, street type and city before the state.
        for number in max(0, stateStart - 9)..<(stateStart - 2) {
            let house = words[number]
            guard let lead = house.utf8.first, lead >= 0x30, lead <= 0x39, house.utf8.count <= 6,
                  house.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { continue }
            if number > 0, let previous = words[number - 1].utf8.last, previous == UInt8(ascii: "$") || previous == UInt8(ascii: "#") { continue }
            // ("lot 4 oak ridge dr": a lot's number is no house number.)
            if number > 0, isLotWord(words[number - 1]) { continue }
            guard let (suffix, cityStart) = lowercaseStreetEnd(words, number: number, stateStart: stateStart) else { continue }
            let city = words[cityStart..<stateStart].map(trimmedComma)
            let street = [house] + words[(number + 1)...suffix].map { capitalised(trimmedComma($0)) }
                + words[(suffix + 1)..<cityStart].map { trimmedComma($0).uppercased() }
            let written = spaceJoined(street) + ", " + spaceJoined(city.map(capitalised)) + ", " + zipState + " " + zipText
            guard let address = USAddressParser.parse(written), address.street != nil, address.city != nil, address.state == zipState else { return nil }
            let previous = number == 0 && index > 0 ? lines.lines[index - 1].text : ""
            return StreetCandidate(finding: HeuristicFinding(value: address, line: lines.lines[index].number, rule: "street address written in lowercase"),
                                   before: words[..<number], previousLine: previous)
        }
        return nil
    }

    /// After the house number at `number`: the street type's index and where the city
    /// starts (a directional between them is the street's), the city being one to three
    /// words up to `stateStart`; nil when the words are no lowercase street so.
    private static func lowercaseStreetEnd(_ words: [String], number: Int, stateStart: Int) -> (Int, Int)? {
        var cursor = number + 1
        while cursor < stateStart, cursor - number <= 4 {
            let word = words[cursor]
            let core = trimmedComma(word)
            // Every word lowercase letters (a name word may be an ordinal: `5th`).
            guard isLowercaseLetters(core) || (cursor - number < 4 && isOrdinal(core) && !core.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A })) else { return nil }
            if cursor > number + 1, lowercaseSuffixes.contains(core) {
                var cityStart = cursor + 1
                if cityStart < stateStart, !word.hasSuffix(","), StreetVocabulary.directionals[trimmedComma(words[cityStart])] != nil,
                   isLowercaseLetters(trimmedComma(words[cityStart])) { cityStart += 1 }
                let cityCount = stateStart - cityStart
                guard cityCount >= 1, cityCount <= 3,
                      words[cityStart..<stateStart].dropLast().allSatisfy(isLetters), isLetters(trimmedComma(words[stateStart - 1])),
                      !words[cityStart..<stateStart].contains(where: { sentenceWords.contains(trimmedComma($0)) }) else { return nil }
                return (cursor, cityStart)
            }
            // A name word: no comma after it, no sentence word.
            guard !word.hasSuffix(","), !sentenceWords.contains(core) else { return nil }
            cursor += 1
        }
        return nil
    }

    /// The ZIP at `words[zipIndex]` (as written, trimmed) and the state right before it that
    /// the ZIP is in: a code or a one- or two-word name, in any case, with no punctuation but a
    /// comma after it, starting at `stateStartsFrom` or later. Nil when there is none so.
    private static func stateAndZIP(_ words: [String], zipIndex: Int, stateStartsFrom: Int) -> (stateStart: Int, state: String, zip: String)? {
        let zipText = trimmedWord(words[zipIndex])
        guard let zip = PostalCodeNormalizer.normalize(zipText), let zipState = ZIPCodePrefixes.state(forZIP: zip) else { return nil }
        for length in 1...2 where zipIndex - length >= stateStartsFrom {
            let stateWords = words[(zipIndex - length)..<zipIndex]
            guard stateWords.dropLast().allSatisfy(isLetters), isLetters(trimmedComma(stateWords.last!)) else { continue }
            let written = spaceJoined(stateWords.map(trimmedComma))
            guard let code = USStates.code(for: written), code == zipState,
                  written.utf8.count == 2 ? written.lowercased() == code.lowercased() : written.lowercased() == USStates.names[code]?.lowercased()
            else { continue }
            return (zipIndex - length, zipState, zipText)
        }
        return nil
    }

    /// A city, state and ZIP typed in lowercase after a capitalised street ("101 Brushy Creek
    /// Rd hutto tx 78634"), as `Hutto, TX 78634`: one to three words of letters, none a
    /// sentence word, then the ZIP's state (code or name) and the ZIP ending `rest`.
    static func lowercaseCityStateZip(_ rest: [String]) -> String? {
        guard rest.count >= 3, rest.count <= 6, mayBeZIP(rest[rest.count - 1]),
              let (stateStart, zipState, zipText) = stateAndZIP(rest, zipIndex: rest.count - 1, stateStartsFrom: 1) else { return nil }
        let city = rest[..<stateStart].map(trimmedComma)
        guard city.count <= 3, city.allSatisfy({ isLowercaseLetters($0) && !sentenceWords.contains($0) }) else { return nil }
        return spaceJoined(city.map(capitalised)) + ", " + zipState + " " + zipText
    }

    /// `word` without one comma after it.
    private static func trimmedComma(_ word: String) -> String {
        word.utf8.last == UInt8(ascii: ",") ? String(word.dropLast()) : word
    }

    /// Whether `word` is ASCII letters only (one or more).
    private static func isLetters(_ word: String) -> Bool {
        !word.isEmpty && word.utf8.allSatisfy { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
    }

    /// Whether `word` is ASCII lowercase letters only (one or more).
    private static func isLowercaseLetters(_ word: String) -> Bool {
        !word.isEmpty && word.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A }
    }

    /// `word` (ASCII) with its first letter a capital.
    private static func capitalised(_ word: String) -> String {
        guard let first = word.utf8.first, first >= 0x61, first <= 0x7A else { return word }
        return String(decoding: [first - 0x20] + word.utf8.dropFirst(), as: UTF8.self)
    }
}

/// A street typed in lowercase without its ZIP, where the words before say it is an address:
/// `we live at 412 elm street in round rock`, `the lot is at 88 creek bend dr`. Only after
/// `at`, then a house number, one to three lowercase name words and a street type of
/// ``AddressFinder/lowercaseSuffixes`` (maybe a directional); a city follows it with `in` or
/// a comma: one to three lowercase letter words, none a sentence word, a month or a season,
/// up to punctuation, a sentence word or the line's end. The street and city are written
/// capitalised; the state and ZIP stay unknown.
extension AddressFinder {
    /// Words a sentence goes on with after a lowercase city (they end it), no city's.
    private static let notLowercaseCityWords: Set<String> = [
        "ok", "okay", "let", "looking", "planning", "thinking", "hoping", "please", "thanks", "thank", "area", "call",
        "asap", "now", "soon", "currently", "right",
    ]

    /// The lowercase street after `at` on line `index` (its `words`), as a street candidate.
    static func lowercaseStreetAfterAt(_ words: [String], _ lines: InquiryLines, _ index: Int) -> StreetCandidate? {
        for number in words.indices.dropFirst() where lowercasedASCII(words[number - 1]) == "at" {
            let house = words[number]
            guard house.utf8.count <= 6, house.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { continue }
            guard let (suffix, after) = lowercaseStreetEndNoZIP(words, number: number) else { continue }
            let street = [house] + words[(number + 1)...suffix].map { capitalised(trimmedPunctuation($0)) }
                + words[(suffix + 1)..<after].map { trimmedPunctuation($0).uppercased() }
            guard var address = USAddressParser.parse(spaceJoined(street)), address.street != nil else { continue }
            if let (city, state) = lowercaseCity(words, from: after, streetEnd: words[after - 1]) {
                address.city = city
                address.state = state
            }
            return StreetCandidate(finding: HeuristicFinding(value: address, line: lines.lines[index].number, rule: "street address written in lowercase"),
                                   before: words[..<number], previousLine: number == 0 && index > 0 ? lines.lines[index - 1].text : "")
        }
        return nil
    }

    /// After the house number at `number`: the street type's index and the index after the
    /// street (its directional included), or nil.
    private static func lowercaseStreetEndNoZIP(_ words: [String], number: Int) -> (Int, Int)? {
        var cursor = number + 1
        while cursor < words.count, cursor - number <= 4 {
            let word = words[cursor]
            let core = trimmedPunctuation(word)
            guard isLowercaseLetters(core) || (cursor - number < 4 && isOrdinal(core) && !core.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A })) else { return nil }
            if cursor > number + 1, lowercaseSuffixes.contains(core) {
                let next = cursor + 1
                if core == trimmedComma(word), next < words.count, StreetVocabulary.directionals[trimmedPunctuation(words[next])] != nil,
                   isLowercaseLetters(trimmedPunctuation(words[next])) { return (cursor, next + 1) }
                return (cursor, next)
            }
            // A name word: nothing after it, no sentence word.
            guard core == word, !sentenceWords.contains(core) else { return nil }
            cursor += 1
        }
        return nil
    }

    /// The lowercase city after a street ending with `streetEnd` at `words[start...]`: after
    /// `in`, or after the street's comma; nil when none is there. A state's code or name
    /// closing it is its state (`in austin texas`).
    private static func lowercaseCity(_ words: [String], from start: Int, streetEnd: String) -> (city: String, state: String?)? {
        var index = start
        if index < words.count, words[index] == "in" { index += 1 } else if !streetEnd.hasSuffix(",") { return nil }
        var city: [String] = []
        while index < words.count, city.count < 3 {
            let word = words[index]
            let core = trimmedPunctuation(word)
            guard isLowercaseLetters(core), !sentenceWords.contains(core), !notCityAfterIn.contains(core),
                  !notLowercaseCityWords.contains(core) else { break }
            city.append(capitalised(core))
            index += 1
            if core != word { break }
        }
        // What follows must end the city: punctuation, the line's end, a sentence word or a
        // word going on with the sentence ("in round rock and ...", "in leander looking to
        // ..."), never another word ("in kyle bought ...": the name may go on).
        guard !city.isEmpty else { return nil }
        if index < words.count, trimmedPunctuation(words[index - 1]) == words[index - 1],
           !sentenceWords.contains(trimmedPunctuation(words[index])), !notLowercaseCityWords.contains(trimmedPunctuation(words[index])) { return nil }
        // (A code, two letters, only where the words end: "in kyle tx." or the line's end,
        // not "in round rock ok let me know".)
        let closed = index == words.count || trimmedPunctuation(words[index - 1]) != words[index - 1]
        for length in [2, 1] where city.count > length {
            let written = spaceJoined(city.suffix(length))
            if let state = USStates.code(for: written), closed || written.utf8.count > 2 { return (spaceJoined(city.dropLast(length)), state) }
        }
        guard USStates.code(for: spaceJoined(city)) == nil else { return nil }
        return (spaceJoined(city), nil)
    }

    /// Whether `text` holds "at " (any case, after a space or at the start) before a house
    /// number: digits, a space and a lowercase letter (not "at 512-555-0144").
    static func hasAtBeforeDigit(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            guard bytes.count >= 6 else { return false }
            for index in 0..<(bytes.count - 3) where bytes[index + 2] == 0x20 && bytes[index + 3] &- 0x30 < 10 {
                guard bytes[index] | 0x20 == UInt8(ascii: "a"), bytes[index + 1] | 0x20 == UInt8(ascii: "t"), index == 0 || bytes[index - 1] == 0x20 else {
                    continue
                }
                var end = index + 3
                while end < bytes.count, bytes[end] &- 0x30 < 10 { end += 1 }
                if end + 1 < bytes.count, bytes[end] == 0x20, bytes[end + 1] &- 0x61 < 26 { return true }
            }
            return false
        }
    }

    /// `word` without the ASCII punctuation (`,` `.` `;` `!` `?`) after it.
    private static func trimmedPunctuation(_ word: String) -> String {
        var end = word.utf8.count
        let bytes = Array(word.utf8)
        while end > 0, [UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?")].contains(bytes[end - 1]) { end -= 1 }
        return end == bytes.count ? word : String(decoding: bytes[..<end], as: UTF8.self)
    }
}
