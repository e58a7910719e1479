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
        guard let zipIndex = words.indices.last(where: { $0 >= 4 && mayBeZIP(words[$0]) }) else { return nil }
        let zipText = trimmedWord(words[zipIndex])
        guard let zip = PostalCodeNormalizer.normalize(zipText), let zipState = ZIPCodePrefixes.state(forZIP: zip) else { return nil }
        // The state: a code or a one- or two-word name, in any case, with no punctuation but
        // a comma after it; the ZIP's state.
        var stateStart = -1
        for length in 1...2 where zipIndex - length >= 3 {
            let stateWords = words[(zipIndex - length)..<zipIndex]
            guard stateWords.dropLast().allSatisfy(isLetters), isLetters(trimmedComma(stateWords.last!)) else { continue }
            let written = spaceJoined(stateWords.map(trimmedComma))
            guard let code = USStates.code(for: written), code == zipState,
                  written.utf8.count == 2 ? written.lowercased() == code.lowercased() : written.lowercased() == USStates.names[code]?.lowercased()
            else { continue }
            stateStart = zipIndex - length
            break
        }
        guard stateStart >= 3 else { return nil }
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
