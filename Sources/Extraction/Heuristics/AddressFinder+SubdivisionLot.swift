import LeadModel

/// A lot in its subdivision, with no road named: `Lot 12 in Belterra, Dripping Springs, TX`,
/// `Lot 7, Block B of Headwaters, Dripping Springs, TX 78620`, `lot 3 in the Saddle Creek
/// subdivision, Kyle, TX`. Written as the lot readings write a lot on its road, the
/// subdivision's name where the road would be (`Lot 12, Belterra`), with the city and state.
/// Only the city and state after it say the capitalised words after `in` are a place (`lot
/// 5 in Vista Ridge on the north side` names none to write), so it is read strictly:
/// - the lot's number and block as ``lotStreet(_:)`` reads them, then `in`, `of` or `at`;
/// - the subdivision: maybe `the`, one to three capitalised words (no punctuation but a
///   comma after the last, none of them a word that starts a sentence: ``notCityWords``),
///   maybe a lowercase noun naming it one (`subdivision`, dropped), then a comma (or the
///   parenthesis that opens the place: `Vista Ridge Estates (Liberty Hill, TX 78642)`);
/// - right after that comma, the city and state, without a ZIP as after a street
///   (``cityStateAfterStreet(_:after:wholeLine:)``) or with one (``cityStateZip(words:)``,
///   its city opening the rest). A county is neither (`Lot 12 in Kyle, Hays County, TX`
///   names no subdivision).
/// Among several streets it is the build site, as a lot on its road is.
extension AddressFinder {
    /// Lowercase nouns after a subdivision's name that name it one (`the Saddle Creek
    /// subdivision,`): left out of the street.
    private static let subdivisionNouns: Set<String> = [
        "subdivision", "subdiv", "neighborhood", "neighbourhood", "community", "development", "addition",
    ]

    /// The presence bits (``InquiryLines/presence``) of `lot`, `tract` and `parcel` stemmed
    /// (`lots` sets the first): a line with none of them names no lot.
    static let lotWordStemBits = USAddressParser.lotWords.sorted().map { 2 * Int(VocabularyIndex.index($0)) }

    /// Whether line `index` has one of the lot words (``lotWordStemBits``).
    static func namesLotWord(_ lines: InquiryLines, _ index: Int) -> Bool {
        lotWordStemBits.contains { lines.presence[index].contains($0) }
    }

    /// The lot in its subdivision on line `index` (its `words`), as a street candidate; nil
    /// when the line holds none so.
    ///
    /// Gate (the caller's): the line has a digit and a comma, its words `lot`, `tract` or
    /// `parcel` (``namesLotWord(_:_:)``) and its bytes a lot word before a number (``mentionsLotNumber(_:)``).
    static func subdivisionLot(_ words: [String], _ lines: InquiryLines, _ index: Int) -> StreetCandidate? {
        for start in words.indices where start + 5 < words.count && isLotWord(words[start]) {
            guard let (designation, afterLot) = lotDesignation(words, start), afterLot + 3 < words.count,
                  ["in", "of", "at"].contains(words[afterLot]) else { continue }
            var cursor = afterLot + 1
            if words[cursor] == "the" { cursor += 1 }
            var name: [String] = []
            var closed = false
            while cursor < words.count, name.count < 3, startsUppercase(words[cursor]) {
                let word = words[cursor]
                cursor += 1
                if word.utf8.last == UInt8(ascii: ",") {
                    name.append(String(word.dropLast()))
                    closed = true
                    break
                }
                name.append(word)
            }
            // "Vista Ridge Estates (Liberty Hill, TX 78642)": the parenthesis closes the name
            // and opens the place.
            if !closed, !name.isEmpty, cursor < words.count, words[cursor].utf8.first == UInt8(ascii: "(") {
                closed = true
            }
            // "the Saddle Creek subdivision,": the noun closes the name.
            if !closed, !name.isEmpty, cursor < words.count, words[cursor].utf8.last == UInt8(ascii: ","),
               subdivisionNouns.contains(String(words[cursor].dropLast())) {
                cursor += 1
                closed = true
            }
            guard closed, cursor < words.count, name.allSatisfy({ isCityWord($0, last: false) }),
                  !countyNameWords.contains(name.last!.lowercased()) else { continue }
            let rest = Array(words[cursor...])
            var place: String?
            if let tail = cityStateZip(words: rest), let first = tail.split(separator: " ").first, trimmedWord(String(first)) == trimmedWord(rest[0]) {
                place = tail
            } else {
                place = cityStateAfterStreet(rest[...], after: words[cursor - 1])
            }
            guard let place else { continue }
            let street = designation + ", " + spaceJoined(name)
            guard let address = USAddressParser.parse(street + ", " + place), address.street == street,
                  address.city != nil, address.state != nil else { continue }
            let previous = start == 0 && index > 0 ? lines.lines[index - 1].text : ""
            return StreetCandidate(finding: HeuristicFinding(value: address, line: lines.lines[index].number, rule: "lot in its subdivision"),
                                   before: words[..<start], previousLine: previous, isLot: true)
        }
        return nil
    }

    /// Last words of a county's or parish's name, lowercase.
    private static let countyNameWords: Set<String> = ["county", "co", "parish"]
}
