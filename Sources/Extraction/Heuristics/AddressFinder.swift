import LeadModel

/// Finds a US address in free text.
///
/// In order of preference:
/// 1. A street: a house number (also in parentheses: `(21109 Boggy Ford Rd, ...)`), one to
///    five capitalised (or ordinal: `5th`) words and a USPS street suffix (`Dr`, `Drive`,
///    `Rd`, ...) or a designated road (`Hwy 290 W`), then an optional directional and unit
///    (also after a comma: `, Apt 4B`), then `, City, ST ZIP` on the same line, `City, ST ZIP`
///    on the next, or the two wrapped over both (`, Dripping Springs, TX` / `78620`), or
///    `, City ZIP` without a state, or `, City, ST` / `City ST` / `City, Texas` without a ZIP, on
///    the line or alone on the next (read strictly: ``cityStateAfterStreet(_:after:wholeLine:)``).
///    A street itself may be wrapped (`at 1108 Cedar` / `Ave, ...`).
///    A `PO Box` or rural-route box (`RR 2 Box 15`) is a mailing address, neither the build
///    site nor the home: it is no street here (its line's city, state and ZIP still are).
///    A lot without a house number yet, on its road (`Lot 14 on Ridge View Dr`, `Lot 23
///    Hillside Ct`), is a street too, written `Lot 14, Ridge View Dr` (``lotStreet(_:)``);
///    among several streets it is the build site unless given as someone else's. A lot may
///    end its line with its road opening the next (``wrappedLot(_:_:)``), be labelled
///    (`Lot: 14`), or be named by its subdivision with the city and state after it (`Lot 12
///    in Belterra, Dripping Springs, TX`: ``subdivisionLot(_:_:_:)``).
///    A state or interstate highway may be written in one word (`17500 TX-71`, `2100 US-290
///    W`, `4500 I-35`) or as `TX 71`, `IH 35`, `RM 12`, `Interstate 35`, `Loop 360`.
///    A street typed all in lowercase is read only with a ZIP of its state after it
///    (`1420 ridge view dr, kyle tx 78640`: ``lowercaseStreet(_:_:_:)``).
/// 2. `City, ST 78704` (state code in capitals or a state name, then a ZIP).
/// 3. `ZIP 78704` / `zip code: 78704`: the ZIP alone.
/// Numbers glued to `,` (`2,800 sq ft`) or followed by lowercase words are not house
/// numbers; `Ft`/`Sq` are not street suffixes here (`2800 Sq Ft`).
enum AddressFinder {
    static let excludedSuffixes: Set<String> = ["ft", "fort", "sq", "square", "is", "island", "ky", "key", "pt", "point", "run", "row", "pass", "park", "walk"]
    /// Roads named by a designator after them ("Avenue F", "Highway 71", "County Road 12").
    /// (`CR 280`, `SH 71`: county and state roads; `Private Road 4712`.)
    private static let designatedRoads: Set<String> = [
        "avenue", "ave", "highway", "hwy", "route", "rte", "road", "county", "state", "fm", "rr", "ranch", "us", "cr", "sh", "private",
        // (`TX 71`, `IH 35`, `RM 12`, `SR 71`, `Interstate 35`, `Loop 360`.)
        "tx", "ih", "rm", "sr", "interstate", "loop",
    ]
    private static let roadWords: Set<String> = ["road", "rd", "highway", "hwy", "route"]
    /// The sets above (and ``organizationSuffixes``) by their words' bytes, all lowercase
    /// ASCII: an ASCII word is looked up without making its lowercase String.
    private static let excludedSuffixTable = ASCIIWordTable(excludedSuffixes.map { ($0, 1) })
    private static let designatedRoadTable = ASCIIWordTable(designatedRoads.map { ($0, 1) })
    private static let roadWordTable = ASCIIWordTable(roadWords.map { ($0, 1) })
    private static let organizationSuffixTable = ASCIIWordTable(organizationSuffixes.map { ($0, 1) })

    /// Whether `word` lowercased is in `set`, whose words `table` holds.
    private static func lowercased(_ word: String, in set: Set<String>, _ table: ASCIIWordTable) -> Bool {
        table.containsLowercased(word) ?? set.contains(word.lowercased())
    }

    /// The best address findings, most complete first: a street address, else a city and
    /// state (with ZIP when written) and a labelled ZIP on their own lines. The caller fills
    /// parts in this order, each with its own line.
    ///
    /// Of several streets (``chosenStreet(_:)``): the lot or build site's, which is the
    /// project's, over any other ("We currently live at ... The lot we bought is at ...");
    /// else the first one the text does not give as another person's ("Greg is at ...").
    static func find(in lines: InquiryLines) -> [HeuristicFinding<PostalAddress>] {
        var cityLine: HeuristicFinding<PostalAddress>?
        var cityStateLine: HeuristicFinding<PostalAddress>?
        var zipOnly: HeuristicFinding<PostalAddress>?
        var streets: [StreetCandidate] = []
        // The last line with a street head word: past it (and a street found) no further
        // street can be, on its own line or wrapped onto the next.
        let lastStreetHead = lines.traits.lastIndex { $0.keywords.contains(.streetHead) } ?? -1
        for (index, line) in lines.lines.enumerated() where !line.text.isEmpty {
            if streets.count == maximumStreets || (!streets.isEmpty && index > lastStreetHead) { break }
            let traits = lines.traits[index]
            // The line's word flags say first what it may hold (a street head word, five
            // digits, a city lead word and a comma: an address word trimmed of punctuation
            // that is a head is a word of InquiryLines.scan between apostrophes, whatever
            // else the line holds); the line's shape then says more.
            // On ASCII without CR, LineShape reads the bytes as the scan did: a ZIP word is a
            // token of five or nine digits, a street a house number token then a head word,
            // and `in City,` a lead word then one starting with a capital (its other lines
            // may have any).
            let shapeIsExact = traits.isASCII && !traits.hasCR
            // (The line's house-number token starts with a digit: one written in parentheses,
            // `(21109 Boggy Ford Rd, ...)`, is looked for in the bytes.)
            let mayHaveStreet = traits.keywords.contains(.streetHead)
                && (traits.hasHouseNumberThenHead || !shapeIsExact || hasParenthesisedNumber(line.text))
            let mayHaveZIP = traits.digits >= 5 && (traits.hasZIPToken || !shapeIsExact)
            let mayHaveCityState = traits.hasComma && traits.keywords.contains(.cityStateLead)
                && (traits.hasLeadBeforeCapital || !shapeIsExact)
            // A street, a ZIP and a labelled ZIP all need an ASCII digit; without one only
            // `in City, ST` can match, and it needs a comma.
            if !traits.hasDigit {
                if streets.isEmpty, cityStateLine == nil, mayHaveCityState, LineShape(line.text, readings: .cityState).mayHaveCityState, let tail = cityState(in: line.text),
                   let address = USAddressParser.parse(tail), address.city != nil, address.state != nil {
                    cityStateLine = HeuristicFinding(value: address, line: line.number, rule: "city and state")
                }
                continue
            }
            // A lot's number and its road ("Lot 14 on Ridge View Dr"): a street head word and
            // `lot`/`tract`/`parcel` before a number, found in the line's bytes (lines with a
            // digit and a street head word only).
            let mayHaveLot = traits.keywords.contains(.streetHead) && mentionsLotNumber(line.text)
            // A lot ending the line, its road opening the next ("Lot 14, Block C" / "Ridge View
            // Drive, Austin TX 78738"): read over both (``wrappedLot(_:_:)``). The line's own
            // street, if any, is read as ever.
            if !mayHaveLot, streets.count < maximumStreets, let lot = wrappedLot(lines, index) {
                streets.append(lot)
                if !mayHaveStreet { continue }
            }
            // A lot in its subdivision ("Lot 12 in Belterra, Dripping Springs, TX"): its line
            // needs no street head word, but a comma, a lot word and a lot number.
            if traits.hasComma, streets.count < maximumStreets, namesLotWord(lines, index), mentionsLotNumber(line.text),
               let lot = subdivisionLot(spaceSeparatedWords(line.text), lines, index) {
                streets.append(lot)
                if !mayHaveStreet { continue }
            }
            // (Once a street is found only other streets matter.)
            if !streets.isEmpty, !mayHaveStreet, !mayHaveLot {
                if let wrapped = wrappedStreet(lines, index) { streets.append(wrapped) }
                continue
            }
            // A street typed in lowercase without a ZIP, after "at" (`we live at 412 elm
            // street in round rock`): no capitalised street head word then, no ZIP (read below
            // with the whole address), " at " and a digit.
            if streets.isEmpty, !mayHaveStreet, !mayHaveZIP, hasAtBeforeDigit(line.text),
               let lowercase = lowercaseStreetAfterAt(spaceSeparatedWords(line.text), lines, index) {
                streets.append(lowercase)
                continue
            }
            guard mayHaveStreet || mayHaveLot || (mayHaveZIP && (cityLine == nil || zipOnly == nil)) || (mayHaveCityState && cityStateLine == nil) else {
                if let wrapped = wrappedStreet(lines, index) { streets.append(wrapped) }
                continue
            }
            // What each reading needs, from the line's bytes (every reading may succeed on
            // a line that is not ASCII or holds a CR).
            // (Only the readings the flags leave open are looked at: the others are not read.)
            // (Once a street is found, a city or ZIP line is not read: only more streets.)
            let readsPlaces = streets.isEmpty
            var open: LineShape.Readings = []
            if mayHaveStreet { open.insert(.street) }
            if readsPlaces, mayHaveZIP && (cityLine == nil || zipOnly == nil) { open.insert(.zip) }
            if readsPlaces, mayHaveCityState && cityStateLine == nil { open.insert(.cityState) }
            let shape = LineShape(line.text, readings: open)
            let readsStreet = mayHaveStreet && shape.mayHaveStreet
            let readsCityStateZip = readsPlaces && cityLine == nil && mayHaveZIP && shape.mayHaveZIP
            let readsCityState = readsPlaces && cityStateLine == nil && mayHaveCityState && shape.mayHaveCityState
            let readsZIPLabel = readsPlaces && zipOnly == nil && mayHaveZIP && shape.mayHaveLabelledZIP && mentionsZipLabel(line.text)
            guard readsStreet || mayHaveLot || readsCityStateZip || readsCityState || readsZIPLabel else { continue }
            let words = spaceSeparatedWords(line.text)
            var houseSpan = readsStreet ? streetSpan(words) : nil
            // A lot's number is no house number ("Lot 23 Hillside Ct"): the lot reading has it.
            if mayHaveLot, let (start, _) = houseSpan, start > 0, isLotWord(words[start - 1]) { houseSpan = nil }
            // (A lot with a house number's street on its line: see below.)
            if houseSpan == nil, mayHaveLot, let lot = lotCandidate(words, lines, index, outside: nil) {
                streets.append(lot)
                continue
            }
            if let (start, end) = houseSpan {
                // A company's address (`Portal Inc., 2601 Network Blvd, ...`, a law firm's
                // under its name in a signature) is neither the build site nor the home:
                // nothing of its line is read.
                if isOrganizationAddress(words, streetStart: start, previousLine: index > 0 ? lines.lines[index - 1].text : "") {
                    continue
                }
                // A street ending its line may go on on the next ("240 Bella Vista" / "Cv, ...").
                if end == words.count, let wrapped = wrappedStreet(lines, index) {
                    streets.append(wrapped)
                    continue
                }
                var written = streetWritten(words[start..<end])
                // ("412 Elm Street in Round Rock and ...": a city alone, which the address
                // parser would take for more of the street.)
                var cityAlone: String?
                if let place = placeAfterStreet(words, end: end, lines, index) {
                    written += place
                } else if isBareHighway(words[start..<end]) {
                    // ("We saw 3 TX 71 signs": a highway of the newer forms needs its place.)
                    written = ""
                } else {
                    cityAlone = cityAfterIn(words: Array(words[end...]))
                }
                if var address = USAddressParser.parse(written), address.street != nil {
                    if let cityAlone, address.city == nil { address.city = cityAlone }
                    let previous = start == 0 && index > 0 ? lines.lines[index - 1].text : ""
                    streets.append(StreetCandidate(
                        finding: HeuristicFinding(value: address, line: line.number, rule: "street address"),
                        before: words[..<start], previousLine: previous))
                    // ("Greg is at 1110 Cedar Ave and we live at 1108 Cedar Ave, ...": a second
                    // street on the line.)
                    if let second = laterStreet(words, from: end, line: line.number) { streets.append(second) }
                    // ("We bought Lot 14 on Ridge View Dr and live at 12 Oak Dr": a lot on its
                    // own road is another place, the site unless it is someone else's. A lot
                    // number without its own road, "Lot 14, 418 Cedar Hollow Rd", is none.)
                    if mayHaveLot, streets.count < maximumStreets, let lot = lotCandidate(words, lines, index, outside: start..<end) {
                        streets.append(lot)
                    }
                    continue
                }
            } else if !mayHaveStreet, let wrapped = wrappedStreet(lines, index) {
                streets.append(wrapped)
                continue
            }
            if !streets.isEmpty { continue }
            // A street typed in lowercase (`1420 ridge view dr, kyle tx 78640`): only with a
            // ZIP (a line whose city, state and ZIP are read) and no street read above.
            if readsCityStateZip, let lowercase = lowercaseStreet(words, lines, index) {
                streets.append(lowercase)
                continue
            }
            // (A county's name is no city: `Williamson County, TX 78626` gives the state and ZIP.)
            if readsCityStateZip, let tail = cityStateZip(words: words), let address = USAddressParser.parse(tail),
               address.city != nil || address.postalCode != nil, address.state != nil {
                cityLine = HeuristicFinding(value: address, line: line.number, rule: "city, state and ZIP")
            }
            // `City, ST` needs a word ending in ",", so a comma in the line.
            if readsCityState, let tail = cityState(words: words),
               let address = USAddressParser.parse(tail), address.city != nil, address.state != nil {
                cityStateLine = HeuristicFinding(value: address, line: line.number, rule: "city and state")
            }
            // A ZIP label needs a word holding "zip" or "postal", so the line holding them.
            if readsZIPLabel, let zip = labelledZip(words) {
                zipOnly = HeuristicFinding(value: PostalAddress(postalCode: zip), line: line.number, rule: "ZIP code")
            }
        }
        if let street = chosenStreet(streets) { return [street] }
        if let cityLine { return [cityLine] }
        // (Most texts have neither: the empty array allocates nothing.)
        switch (cityStateLine, zipOnly) {
        case (nil, nil): return []
        case let (cityState?, nil): return [cityState]
        case let (nil, zip?): return [zip]
        case let (cityState?, zip?): return [cityState, zip]
        }
    }

    /// The city, state and ZIP after a street ending at `words[end - 1]` on line `index`,
    /// with the separator to write before them: on the same line (`, Austin, TX 78704`,
    /// `in Austin, TX`, `, Austin 78702`), wrapped onto the next, or on the next line alone
    /// (`\nAustin, TX 78704`); nil when none follows.
    static func placeAfterStreet(_ words: [String], end: Int, _ lines: InquiryLines, _ index: Int) -> String? {
        // The words after the street: what splitting them joined with spaces gives (a word
        // holds no space Character of its own, and none after the first starts with a
        // scalar that would join the space before it).
        let rest = Array(words[end...])
        let next = lines.nextNonEmpty(after: index, within: 1)
        if let tail = cityStateZip(words: rest) {
            return ", " + tail
        } else if let next, let tail = wrappedCityStateZip(rest, streetEnd: words[end - 1], next: lines.lines[next].text) {
            return ", " + tail
        } else if let next, let tail = cityStateZip(in: lines.lines[next].text), startsWithCity(lines.lines[next].text) {
            return "\n" + tail
        } else if let tail = cityState(words: rest) ?? cityZip(words: rest, after: words[end - 1]) {
            return ", " + tail
        } else if let tail = cityStateAfterStreet(rest[...], after: words[end - 1]) {
            return ", " + tail
        } else if rest.isEmpty, let next, let tail = cityStateLine(lines.lines[next].text, after: words[end - 1]) {
            return ", " + tail
        } else if let tail = lowercaseCityStateZip(rest) {
            return ", " + tail
        }
        return nil
    }

    // MARK: Lots

    /// A lot on its road, in a line's words.
    struct LotStreet {
        /// The index of `Lot` (`lot`, `Tract`, `Parcel`).
        var start: Int
        /// The lot in its normal form: `Lot 14`, `Lot 7, Block B` (the word capitalised, the
        /// number as written without `#`).
        var designation: String
        /// The road's words: `nameStart..<end`.
        var nameStart: Int
        var end: Int
    }

    /// Words between a lot's number and its road (`Lot 14 on Ridge View Dr`). Not `in`, `of`
    /// or `at`, which lead to a subdivision more often than to a road (`lot 5 in the Vista
    /// Ridge subdivision`, `Lot 3 of Oak Hills Estates`).
    private static let lotRoadLeads: Set<String> = ["on", "off", "along", "fronting", "facing"]
    /// Road endings and following words that make the "road" a subdivision
    /// (`Lot 12 Vista Ridge Estates`, `Lot 4 on Saddle Creek subdivision`).
    private static let subdivisionWords: Set<String> = [
        "estates", "estate", "ests", "est", "village", "vlg", "heights", "hts", "subdivision", "subdiv", "sub", "addition",
        "section", "phase", "community", "development", "neighborhood", "neighbourhood", "hoa", "ranch",
    ]

    /// Whether `word`, trimmed and lowercased, is `lot`, `tract` or `parcel`.
    static func isLotWord(_ word: String) -> Bool {
        USAddressParser.lotWords.contains(lowercasedWord(trimmedWord(word)))
    }

    /// Whether `text` has `lot`, `tract` or `parcel` (any case, starting a word; maybe a
    /// label's `:` after it: `Lot: 14`) followed by spaces and a digit or `#`: what
    /// ``lotStreet(_:)`` and ``subdivisionLot(_:_:_:)`` need, from the bytes, without a
    /// String. (Run on the lines with a digit and a street head word, or a comma and `lot`.)
    static func mentionsLotNumber(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            let count = bytes.count
            var index = 0
            while index + 4 < count {
                let byte = bytes[index] | 0x20
                // (A word's first byte: after a byte that is no ASCII letter.)
                guard byte == 0x6C || byte == 0x74 || byte == 0x70,
                      index == 0 || !(((bytes[index - 1] | 0x20) >= 0x61) && ((bytes[index - 1] | 0x20) <= 0x7A)) else {
                    index += 1
                    continue
                }
                var end = index
                func matches(_ word: StaticString) -> Bool {
                    let length = word.utf8CodeUnitCount
                    guard index + length < count else { return false }
                    for offset in 0..<length where bytes[index + offset] | 0x20 != word.utf8Start[offset] { return false }
                    end = index + length
                    return true
                }
                if matches("lot") || matches("tract") || matches("parcel") {
                    // ("Lot: 14": a label's colon.)
                    if bytes[end] == UInt8(ascii: ":") { end += 1 }
                    var cursor = end
                    while cursor < count, bytes[cursor] == 0x20 { cursor += 1 }
                    if cursor > end, cursor < count,
                       (bytes[cursor] >= 0x30 && bytes[cursor] <= 0x39) || bytes[cursor] == UInt8(ascii: "#") { return true }
                }
                index += 1
            }
            return false
        }
    }

    /// A lot designation and the road it is on, in a line's words: `Lot 14 on Ridge View
    /// Drive`, `Lot 23 Hillside Ct`, `Lot 14, Ridge View Dr`, `(Lot 7, Block B) on Saddle
    /// Creek Trail`, `Tract 4 off FM 150`. The lot's number is up to five digits and
    /// capitals starting with a digit (`14`, `7B`, `#14`); a block (`Block B`, `Blk 3`) may
    /// follow it; then `on`/`off`/`along`/`fronting`/`facing` or nothing, and a street's
    /// name words and suffix as after a house number. Not a lot without a road (`lot 5 in
    /// the Vista Ridge subdivision`: no street to write) nor a subdivision named like one
    /// (`Lot 12 Vista Ridge Estates`).
    static func lotStreet(_ words: [String]) -> LotStreet? {
        for start in words.indices where start + 2 < words.count && isLotWord(words[start]) {
            guard let lot = lotDesignation(words, start) else { continue }
            var cursor = lot.end
            // "Lot 5, Block A of Headwaters on Headwaters Blvd": its subdivision (one to three
            // capitalised words after `of`/`in`) named before the road's `on`.
            if cursor + 2 < words.count, words[cursor] == "of" || words[cursor] == "in" {
                var probe = cursor + 1
                while probe < words.count, probe - cursor <= 3, startsUppercase(words[probe]), !closesStreet(words[probe]) { probe += 1 }
                if probe > cursor + 1, probe < words.count, lotRoadLeads.contains(words[probe]) { cursor = probe }
            }
            if cursor < words.count, lotRoadLeads.contains(words[cursor]) { cursor += 1 }
            guard cursor < words.count, let end = streetNameEnd(words, after: cursor - 1) else { continue }
            // A subdivision, not a road: its last word, or the word after it.
            let last = lowercasedWord(trimmedWord(words[end - 1]))
            if subdivisionWords.contains(last) { continue }
            if end < words.count, !closesStreet(words[end - 1]), subdivisionWords.contains(lowercasedWord(trimmedWord(words[end]))) { continue }
            return LotStreet(start: start, designation: lot.designation, nameStart: cursor, end: end)
        }
        return nil
    }

    /// The lot's designation opening at `words[start]` (a lot word: ``isLotWord(_:)``) in its
    /// normal form (`Lot 14`, `Lot 7, Block B`), and the index of the word after it; nil when
    /// no lot number follows (`a lot 2 blocks`, `lot 1.5 acres`) or a block's is none.
    static func lotDesignation(_ words: [String], _ start: Int) -> (designation: String, end: Int)? {
        guard start + 1 < words.count else { return nil }
        // "a lot 2 blocks", "lot 1.5 acres": the number must be a lot number.
        var number = trimmedWord(words[start + 1])
        if number.hasPrefix("#") { number.removeFirst() }
        guard isLotNumber(number), !words[start + 1].hasSuffix(".") else { return nil }
        let lotWord = lowercasedWord(trimmedWord(words[start]))
        var designation = lotWord.prefix(1).uppercased() + lotWord.dropFirst() + " " + number
        var cursor = start + 2
        // "Lot 7, Block B", "Lot 7 Blk 3".
        if cursor + 1 < words.count, !words[start + 1].hasSuffix(")"),
           ["block", "blk"].contains(lowercasedWord(trimmedWord(words[cursor]))) {
            let block = trimmedWord(words[cursor + 1])
            guard isLotNumber(block) || (block.utf8.count == 1 && startsUppercase(block)), !words[cursor + 1].hasSuffix(".") else { return nil }
            designation += ", Block " + block
            cursor += 2
        }
        return (designation, cursor)
    }

    /// The lot and road of line `index` (``lotStreet(_:)``, not within `outside`, a house
    /// number's street) as a street candidate, with its city, state and ZIP as a house
    /// number's; nil when the line has none.
    private static func lotCandidate(_ words: [String], _ lines: InquiryLines, _ index: Int, outside: Range<Int>?) -> StreetCandidate? {
        guard let lot = lotStreet(words), outside.map({ lot.end <= $0.lowerBound || lot.start >= $0.upperBound }) ?? true else { return nil }
        return lotStreetCandidate(lot, words, lines, index, placeLine: index)
    }

    /// `lot` (found in `words`, which start on line `index`) as a street candidate, with the
    /// city, state and ZIP read after its road (`placeLine`: the road's line); nil when the
    /// parser finds no street in it.
    static func lotStreetCandidate(_ lot: LotStreet, _ words: [String], _ lines: InquiryLines, _ index: Int, placeLine: Int) -> StreetCandidate? {
        var written = lot.designation + ", " + streetWritten(words[lot.nameStart..<lot.end])
        if let place = placeAfterStreet(words, end: lot.end, lines, placeLine) { written += place }
        guard let address = USAddressParser.parse(written), address.street != nil else { return nil }
        let previous = lot.start == 0 && index > 0 ? lines.lines[index - 1].text : ""
        return StreetCandidate(finding: HeuristicFinding(value: address, line: lines.lines[index].number, rule: "lot and street"),
                               before: words[..<lot.start], previousLine: previous, isLot: true)
    }

    /// A lot or block number: one to five ASCII digits and capitals, the first a digit.
    private static func isLotNumber(_ word: String) -> Bool {
        let bytes = word.utf8
        guard let lead = bytes.first, lead >= 0x30, lead <= 0x39, bytes.count <= 5 else { return false }
        return bytes.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) }
    }

    /// Streets read before the choice is made: more are not looked for.
    static let maximumStreets = 4

    /// A street the text gives, with the words that say whose place it is.
    struct StreetCandidate {
        var finding: HeuristicFinding<PostalAddress>
        /// The words before its house number on its line.
        var before: ArraySlice<String>
        /// The line before, read when no word is (`before` is empty).
        var previousLine: String
        /// A lot on its road (``lotStreet(_:)``): the build site unless the text gives it
        /// as someone else's.
        var isLot = false

        /// Whose place it is (``role(before:previousLine:)``): read only when the text gives
        /// more than one street, most give one.
        var role: StreetRole {
            let role = AddressFinder.role(before: before, previousLine: previousLine)
            return isLot && role != .someoneElses ? .site : role
        }

        /// Whether it is the builder's place or work: the role of a text's one street, read
        /// only when the words before it hold `you`, `your` or `parade` (in any case).
        var isBuilders: Bool {
            if before.isEmpty {
                guard FoldedSearch.contains(previousLine, "you") || FoldedSearch.contains(previousLine, "parade") else { return false }
            } else {
                guard before.suffix(8).contains(where: AddressFinder.mayMarkBuilders) else { return false }
            }
            return role == .builders
        }
    }

    /// Whether `word` may be one of the words that give a street to the builder (`you`,
    /// `your`, `parade`), compared on its bytes.
    static func mayMarkBuilders(_ word: String) -> Bool {
        var copy = word
        return copy.withUTF8 { bytes in
            guard bytes.count >= 3, bytes.count <= 7 else { return false }
            let first = bytes[0] | 0x20
            if first == UInt8(ascii: "y") { return bytes[1] | 0x20 == UInt8(ascii: "o") && bytes[2] | 0x20 == UInt8(ascii: "u") }
            return first == UInt8(ascii: "p") && bytes.count >= 6 && bytes[1] | 0x20 == UInt8(ascii: "a") && bytes[2] | 0x20 == UInt8(ascii: "r")
        }
    }

    /// Whose place a street is, by the words before it in its sentence.
    enum StreetRole: Equatable {
        /// The lot or build site (`The lot we bought is at`, `Lot address:`).
        case site
        /// Another person's (`Greg is at`, `his address is`, `my neighbor's house at`).
        case someoneElses
        /// The writer's present home (`We live at`, `Current address:`, `our home at`).
        case home
        /// Nothing said: the writer's, as far as the text tells.
        case unstated
        /// The builder's own place or work (`your model home at`, `the home you built for the
        /// Hendersons at`): never the prospect's, even when it is the only street.
        case builders
    }

    /// The street to keep of `streets` (in the text's order): with more than one, the first
    /// lot or build site, which is the project's; else, beside the writer's present home,
    /// the first street said to be nobody's; else the first not given as another
    /// person's; else the first (another person's place is still the only one given).
    static func chosenStreet(_ streets: [StreetCandidate]) -> HeuristicFinding<PostalAddress>? {
        // (The builder's place or work is never the lead's: "the home you built ... at".)
        guard streets.count > 1 else { return streets.first.flatMap { $0.isBuilders ? nil : $0.finding } }
        let allRoles = streets.map(\.role)
        let streets = zip(streets, allRoles).filter { $0.1 != .builders }.map(\.0)
        let roles = allRoles.filter { $0 != .builders }
        guard let first = streets.first else { return nil }
        guard streets.count > 1 else { return first.finding }
        if let site = roles.firstIndex(of: .site) {
            var finding = streets[site].finding
            finding.rule = "street address of the lot or build site (over another address given)"
            return finding
        }
        // The writer's home given with another street of the writer's ("We live at ... We
        // own ..."): the other is the project's.
        if roles.contains(.home), let other = roles.firstIndex(of: .unstated) {
            var finding = streets[other].finding
            finding.rule = "street address (another given is the writer's present home)"
            return finding
        }
        if let own = roles.firstIndex(where: { $0 != .someoneElses }) {
            var finding = streets[own].finding
            if roles[0] == .someoneElses { finding.rule = "street address (another given is someone else's)" }
            return finding
        }
        return first.finding
    }

    /// Words before a street that make it the lot or build site.
    private static let siteWords: Set<String> = [
        "lot", "lots", "site", "land", "parcel", "acreage", "build", "homesite", "homesites", "acre", "acres", "bought", "purchased",
    ]
    /// Pairs of words before a street that make it the lot or build site: the first word,
    /// then what may follow it ("the project address is", "the property is at", "the new
    /// house will go at", "we closed on").
    private static let sitePhrases: [String: Set<String>] = [
        "project": ["address", "location", "site"], "construction": ["address", "location", "site", "at", "on"],
        "property": ["at", "is", "address", "location"], "new": ["house", "home", "build", "construction"],
        "closed": ["on"], "building": ["at", "on"],
    ]
    /// Words before `building` that make it a verb ("we're building at"), not a place
    /// ("the office building at").
    private static let buildingVerbLeads: Set<String> = ["we're", "i'm", "are", "am", "be", "been", "we'll", "will", "we", "i", "currently"]
    /// Words after `current`/`currently` or `my`/`our` that make a street the writer's
    /// present home ("our current home at", "current address:", "our house at").
    private static let homeNouns: Set<String> = ["address", "home", "house", "residence", "place"]
    /// Verbs that, after the writer, say where the writer lives ("we live at", "I'm living at").
    private static let writerResidenceVerbs: Set<String> = ["live", "living", "reside", "residing", "lives"]
    /// Words that, capitalised, start a sentence rather than name a person (`We are at`).
    private static let notOwners: Set<String> = [
        "i", "we", "it", "this", "that", "which", "what", "there", "here", "where", "our", "my", "the", "lot", "site",
        "home", "house", "property", "address", "office", "and", "so", "who",
    ]
    /// Words after a possessive that name a place (`Greg's house`, `his address`, `her
    /// addition at`).
    private static let placeWords: Set<String> = ["address", "house", "home", "place", "property", "addition", "remodel", "project", "build"]
    /// Words ending in `'s` that are no possessive.
    private static let contractions: Set<String> = ["it's", "here's", "there's", "that's", "what's", "let's", "who's", "where's"]

    /// ``StreetRole`` of a street whose line has `before` before its house number (and
    /// `previousLine` before that, when the street opens its line): read back to the start
    /// of the sentence, at most eight words.
    static func role(before: ArraySlice<String>, previousLine: String) -> StreetRole {
        var context = Array(before.suffix(8))
        if context.isEmpty, !previousLine.isEmpty { context = Array(spaceSeparatedWords(previousLine).suffix(8)) }
        // (The sentence's own words: from after the last word that ends one.)
        if let end = context.dropLast().lastIndex(where: { $0.utf8.last.map { $0 == 0x2E || $0 == 0x21 || $0 == 0x3F } ?? false }) {
            context.removeSubrange(...end)
        }
        guard !context.isEmpty else { return .unstated }
        let lower = context.map { lowercasedWord(trimmedWord($0)) }
        // (What each word is, by one lookup: a role is read for every street of a text that
        // gives several.)
        let kinds = lower.map { roleWordKinds[$0] ?? [] }
        func kind(_ offset: Int) -> RoleWordKind { offset < kinds.count ? kinds[offset] : [] }
        // "a lot of", "lots of": no lot.
        func isSiteWord(_ offset: Int) -> Bool {
            kind(offset).contains(.site) && !(kind(offset).contains(.lot) && kind(offset + 1).contains(.of))
        }
        // Where the sentence gives a place to someone else (a person or the builder), and
        // where it gives a lot or site to the writer ("my lot", "our land"): the later wins.
        var othersAt: Int?
        var ownSiteAt: Int?
        // Where the sentence gives a place to the builder (also an `othersAt`).
        var buildersAt: Int?
        for (offset, word) in lower.enumerated() {
            let here = kinds[offset]
            let written = context[offset]
            let isContraction = here.contains(.contraction)
            let endsInApostropheS = word.utf8.count > 2 && word.hasSuffix("'s")
            let possessive = here.contains(.thirdPersonOwner)
                || (endsInApostropheS && !isContraction)
                || (word.count > 2 && (written.hasSuffix("'") || written.hasSuffix("\u{2019}")) && !written.hasPrefix("'"))
            // "Greg's house", "his address", "my parents' place", "my neighbor's lot".
            if possessive, !kind(offset + 1).isDisjoint(with: [.place, .site]) { othersAt = offset }
            // The builder's: "your model home", "your office", "your job site", "your sign",
            // "the parade of homes house", "what you did at".
            if here.contains(.your), kind(offset + 1).contains(.builderPlace) || kind(offset + 2).contains(.builderPlace) {
                othersAt = offset
                buildersAt = offset
            }
            if here.contains(.parade) || (here.contains(.you) && kind(offset + 1).contains(.deed)) {
                othersAt = offset
                buildersAt = offset
            }
            // The writer's workplace: "my office is at", "our business at", "I work at".
            if here.contains(.writersOwner), kind(offset + 1).contains(.workPlace) || kind(offset + 2).contains(.workPlace) { othersAt = offset }
            if here.contains(.workPlace), kind(offset + 1).contains(.at) || (kind(offset + 1).contains(.isOrLives) && kind(offset + 2).contains(.at)) {
                othersAt = offset
            }
            if here.contains(.writersOwner), (offset + 1 < lower.count && isSiteWord(offset + 1)) || (offset + 2 < lower.count && isSiteWord(offset + 2)) {
                ownSiteAt = offset
            }
            // "My neighbor at 2104 Oak Ridge Ln": someone else's.
            if here.contains(.otherPerson), kind(offset + 1).contains(.at) { othersAt = offset }
            // "Greg is at", "he lives at", "she's at".
            let owner = trimmedWord(written)
            let capitalised = owner.utf8.first.map { $0 >= 0x41 && $0 <= 0x5A || ($0 >= 0x80 && owner.first?.isUppercase == true) } ?? false
            let namesOwner = here.contains(.heOrShe) || (capitalised && !here.contains(.notOwner) && !word.contains("'"))
            if namesOwner, kind(offset + 1).contains(.isOrLives), kind(offset + 2).contains(.at) { othersAt = offset }
            if here.contains(.heOrShe_s) || (endsInApostropheS && capitalised && !isContraction), kind(offset + 1).contains(.at) {
                othersAt = offset
            }
            // "My mother lives at", "our friends the Smiths live at": a subject of the
            // writer's family or friends, not the writer ("my wife and I live at").
            if here.contains(.residence), kind(offset + 1).contains(.at), offset > 0 {
                let subjectKinds = kinds[..<offset]
                if subjectKinds.contains(where: { $0.contains(.writersOwner) }),
                   !subjectKinds.contains(where: { !$0.isDisjoint(with: [.writer, .place, .site]) }) {
                    othersAt = offset
                }
            }
        }
        // Where the sentence says the writer lives there ("we live at", "current address:",
        // "our home at"), and whether it names a lot or site in a phrase ("the property is at").
        let homeAt = writersHomeMarker(lower, kinds)
        if let own = ownSiteAt, own > (othersAt ?? -1), own > (homeAt ?? -1) { return .site }
        if let builders = buildersAt, builders == othersAt { return .builders }
        if othersAt != nil { return .someoneElses }
        if homeAt != nil { return .home }
        if lower.indices.contains(where: isSiteWord) || namesSitePhrase(lower) { return .site }
        return .unstated
    }

    /// The offset of the last word of `lower` (a street's sentence, lowercased) by which the
    /// writer gives the street as the present home: a residence verb after `I`/`we`
    /// ("we currently live at"), `current`/`currently` before a home noun or `at`, or
    /// `my`/`our` right before one ("our home at", not "our new home at").
    private static func writersHomeMarker(_ lower: [String], _ kinds: [RoleWordKind]) -> Int? {
        var marker: Int?
        for (offset, word) in lower.enumerated() {
            let next = offset + 1 < lower.count ? lower[offset + 1] : ""
            if writerResidenceVerbs.contains(word), kinds[..<offset].contains(where: { $0.contains(.writer) }) {
                marker = offset
            } else if word == "current" || word == "currently", homeNouns.contains(next) || next == "at" {
                marker = offset
            } else if kinds[offset].contains(.writersOwner), homeNouns.contains(next), next != "address" {
                marker = offset
            } else if word == "home", next == "address", offset == 0 || lower[offset - 1] != "new" {
                marker = offset
            }
        }
        return marker
    }

    /// Whether `lower` (a street's sentence, lowercased) names the lot or build site by a
    /// pair of words (``sitePhrases``).
    private static func namesSitePhrase(_ lower: [String]) -> Bool {
        for offset in lower.indices.dropLast() {
            guard let followers = sitePhrases[lower[offset]], followers.contains(lower[offset + 1]) else { continue }
            if lower[offset] == "building", offset == 0 || !buildingVerbLeads.contains(lower[offset - 1]) { continue }
            return true
        }
        return false
    }

    /// `word` lowercased, with `’` as `'`: from the bytes when ASCII.
    private static func lowercasedWord(_ word: String) -> String {
        guard word.utf8.allSatisfy({ $0 < 0x80 }) else { return String(word.lowercased().map { $0 == "\u{2019}" ? "'" : $0 }) }
        guard word.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return word }
        return String(decoding: word.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// What a word before a street may say of whose place it is (``roleWordKinds``).
    struct RoleWordKind: OptionSet {
        let rawValue: UInt32
        /// ``siteWords``.
        static let site = RoleWordKind(rawValue: 1 << 0)
        /// ``placeWords``.
        static let place = RoleWordKind(rawValue: 1 << 1)
        /// ``builderPlaceWords``.
        static let builderPlace = RoleWordKind(rawValue: 1 << 2)
        /// ``builderDeeds``.
        static let deed = RoleWordKind(rawValue: 1 << 3)
        /// ``residenceVerbs``.
        static let residence = RoleWordKind(rawValue: 1 << 4)
        /// ``notOwners``.
        static let notOwner = RoleWordKind(rawValue: 1 << 5)
        /// ``contractions``.
        static let contraction = RoleWordKind(rawValue: 1 << 6)
        /// ``selfWords``.
        static let writer = RoleWordKind(rawValue: 1 << 7)
        /// `his`, `her`, `their`.
        static let thirdPersonOwner = RoleWordKind(rawValue: 1 << 8)
        /// `my`, `our`.
        static let writersOwner = RoleWordKind(rawValue: 1 << 9)
        static let your = RoleWordKind(rawValue: 1 << 10)
        static let you = RoleWordKind(rawValue: 1 << 11)
        static let parade = RoleWordKind(rawValue: 1 << 12)
        /// `he`, `she`.
        static let heOrShe = RoleWordKind(rawValue: 1 << 13)
        /// `he's`, `she's`.
        static let heOrShe_s = RoleWordKind(rawValue: 1 << 14)
        /// `is`, `lives`.
        static let isOrLives = RoleWordKind(rawValue: 1 << 15)
        static let at = RoleWordKind(rawValue: 1 << 16)
        static let of = RoleWordKind(rawValue: 1 << 17)
        /// `lot`, `lots`.
        static let lot = RoleWordKind(rawValue: 1 << 18)
        /// ``workPlaceWords``.
        static let workPlace = RoleWordKind(rawValue: 1 << 19)
        /// ``otherPersonWords``.
        static let otherPerson = RoleWordKind(rawValue: 1 << 20)
    }

    /// The word sets of ``role(before:previousLine:)`` as one table.
    private static let roleWordKinds: [String: RoleWordKind] = {
        var table: [String: RoleWordKind] = [:]
        let sets: [(Set<String>, RoleWordKind)] = [
            (siteWords, .site), (placeWords, .place), (builderPlaceWords, .builderPlace), (builderDeeds, .deed),
            (residenceVerbs, .residence), (notOwners, .notOwner), (contractions, .contraction), (selfWords, .writer),
            (["his", "her", "their"], .thirdPersonOwner), (["my", "our"], .writersOwner), (["your"], .your), (["you"], .you),
            (["parade"], .parade), (["he", "she"], .heOrShe), (["he's", "she's"], .heOrShe_s), (["is", "lives"], .isOrLives),
            (["at"], .at), (["of"], .of), (["lot", "lots"], .lot), (workPlaceWords, .workPlace),
            (otherPersonWords, .otherPerson),
        ]
        for (words, kind) in sets { for word in words { table[word, default: []].insert(kind) } }
        return table
    }()

    /// Words after `your` (or one word later: "your model home") that name the builder's
    /// own place, which is never the prospect's.
    private static let builderPlaceWords: Set<String> = [
        "home", "homes", "house", "office", "offices", "showroom", "site", "sign", "model", "community",
        "subdivision", "development", "project", "projects",
    ]
    /// Words that make a street the writer's workplace ("my office is at", "I work at"):
    /// no home and no build site, so beside the writer's home it is not taken.
    private static let workPlaceWords: Set<String> = [
        "office", "offices", "work", "works", "workplace", "business", "company", "shop", "store", "employer", "firm", "practice",
    ]
    /// People right before `at` whose place a street is ("my neighbor at 2104 Oak Ridge Ln").
    private static let otherPersonWords: Set<String> = [
        "neighbor", "neighbors", "neighbour", "neighbours", "friend", "friends", "sister", "brother", "parents", "mother",
        "father", "mom", "dad", "cousin", "aunt", "uncle", "grandmother", "grandfather", "grandparents", "coworker", "boss",
    ]
    /// Verbs after `you` that make a place one the builder worked at ("what you did at").
    private static let builderDeeds: Set<String> = ["did", "built", "finished", "completed", "remodeled", "renovated"]
    /// Verbs that, with `at`, say where someone lives.
    private static let residenceVerbs: Set<String> = ["lives", "live", "is", "are", "stays", "stay", "resides", "reside"]
    /// Words by which the writer is part of a subject.
    private static let selfWords: Set<String> = ["i", "we", "me", "us", "myself", "i'm", "we're", "family"]

    /// A street among `words` from `offset` on (a second one on a street's line), with its
    /// city, state and ZIP when they follow it there.
    private static func laterStreet(_ words: [String], from offset: Int, line: Int) -> StreetCandidate? {
        // (A street needs a house number, a word starting with a digit or "(", and two words
        // more after it: most lines' rest has none, or only the ZIP ending the line.)
        guard words.count - offset >= 3,
              words[offset..<(words.count - 2)].contains(where: { word in
                  word.utf8.first.map { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x28 } ?? false
              })
        else { return nil }
        let later = Array(words[offset...])
        guard let (start, end) = streetSpan(later), !isOrganizationAddress(later, streetStart: start, previousLine: "") else { return nil }
        var written = streetWritten(later[start..<end])
        let rest = Array(later[end...])
        if let place = cityStateZip(words: rest) ?? cityState(words: rest) ?? cityZip(words: rest, after: later[end - 1])
            ?? cityStateAfterStreet(rest[...], after: later[end - 1]) {
            written += ", " + place
        }
        guard let address = USAddressParser.parse(written), address.street != nil else { return nil }
        return StreetCandidate(finding: HeuristicFinding(value: address, line: line, rule: "street address"),
                               before: words[..<(offset + start)], previousLine: "")
    }

    /// A street wrapped by the writer's mail program: line `index` ends with a house number
    /// and one to four capitalised name words (`I'm at 1108 Cedar`), and the next line
    /// starts with its suffix and the street's comma (`Ave, Austin 78702 and ...`), then
    /// maybe `City, ST ZIP`. (The comma keeps `12 Oak Dr` / `Dr. Smith referred us` apart.)
    private static func wrappedStreet(_ lines: InquiryLines, _ index: Int) -> StreetCandidate? {
        let next = index + 1
        guard next < lines.lines.count, lines.traits[index].hasDigit, lines.traits[next].keywords.contains(.streetHead),
              let head = lines.lines[next].text.utf8.first, head >= 0x41, head <= 0x5A,
              let last = lines.lines[index].text.utf8.last, (last | 0x20) >= 0x61, (last | 0x20) <= 0x7A,
              mayEndWithHouseNumberAndName(lines.lines[index].text) else { return nil }
        let words = spaceSeparatedWords(lines.lines[index].text)
        // The name words ending the line, then the house number before them.
        var numberIndex = words.count - 1
        while numberIndex >= 0, words.count - numberIndex <= 4, let first = words[numberIndex].first, first.isUppercase,
              !words[numberIndex].contains(where: { ",.;:!?".contains($0) }) {
            numberIndex -= 1
        }
        guard numberIndex >= 0, numberIndex < words.count - 1, let first = words[numberIndex].utf8.first,
              first >= 0x30, first <= 0x39 else { return nil }
        let tail = Array(words[numberIndex...])
        let nextWords = spaceSeparatedWords(lines.lines[next].text)
        guard nextWords.first?.hasSuffix(",") == true else { return nil }
        let combined = tail + nextWords
        guard let (start, end) = streetSpan(combined), start == 0, end > tail.count else { return nil }
        var written = streetWritten(combined[start..<end])
        let rest = Array(combined[end...])
        if let place = cityStateZip(words: rest) ?? cityState(words: rest) ?? cityZip(words: rest, after: combined[end - 1])
            ?? cityStateAfterStreet(rest[...], after: combined[end - 1]) {
            written += ", " + place
        }
        guard let address = USAddressParser.parse(written), address.street != nil else { return nil }
        return StreetCandidate(finding: HeuristicFinding(value: address, line: lines.lines[index].number, rule: "street address"),
                               before: words[..<numberIndex], previousLine: "")
    }

    /// Whether `line` may end with a house number and up to four capitalised words (what
    /// ``wrappedStreet(_:_:)`` reads), from its bytes: false only when its ASCII end says
    /// not (most lines ending in a letter end in lowercase words).
    private static func mayEndWithHouseNumberAndName(_ line: String) -> Bool {
        var copy = line
        return copy.withUTF8 { bytes in
            var end = bytes.count
            for _ in 0...4 {
                while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
                var start = end
                while start > 0, bytes[start - 1] != 0x20, bytes[start - 1] != 0x09 { start -= 1 }
                guard start < end else { return false }
                let first = bytes[start]
                if first >= 0x80 { return true }
                if first >= 0x30 && first <= 0x39 { return true }
                guard first >= 0x41 && first <= 0x5A,
                      !bytes[start..<end].contains(where: { [0x2C, 0x2E, 0x3B, 0x3A, 0x21, 0x3F].contains($0) }) else { return false }
                end = start
            }
            return false
        }
    }

    /// `in San Marcos, TX` / `near Austin, Texas` / `outside Wimberley, TX.`: a city after
    /// `in`/`near`/`outside`/`at`, a comma, and a state code in capitals or a state name,
    /// then the end of the sentence or clause.
    static func cityState(in text: String) -> String? {
        cityState(words: spaceSeparatedWords(text))
    }

    /// Whether `word` lowercased is `in`, `near`, `outside`, `at` or `from`; an ASCII word
    /// (where lowercasing maps A-Z only) is compared on its bytes.
    static func isCityLead(_ word: String) -> Bool {
        var copy = word
        if let ascii = copy.withUTF8({ bytes -> Bool? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            func equals(_ target: StaticString) -> Bool {
                guard bytes.count == target.utf8CodeUnitCount else { return false }
                for offset in 0..<bytes.count {
                    let byte = bytes[offset]
                    if (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) != target.utf8Start[offset] { return false }
                }
                return true
            }
            return equals("in") || equals("near") || equals("outside") || equals("at") || equals("from")
        }) {
            return ascii
        }
        return ["in", "near", "outside", "at", "from"].contains(word.lowercased())
    }

    /// ``cityState(in:)`` over the line's words (split at spaces and tabs).
    static func cityState(words: [String]) -> String? {
        for (index, word) in words.enumerated() where isCityLead(word) {
            var cursor = index + 1
            var city: [String] = []
            while cursor < words.count, city.count < 3, startsUppercase(words[cursor]) {
                city.append(words[cursor])
                cursor += 1
                if city.last!.hasSuffix(",") { break }
            }
            guard let last = city.last, last.hasSuffix(","), cursor < words.count else { continue }
            // State: a code in capitals, or a name of up to three words, then punctuation or the end.
            for length in (1...3).reversed() where cursor + length <= words.count {
                let stateWords = words[cursor..<(cursor + length)]
                let written = spaceJoined(stateWords.map(trimmedWord))
                guard let code = USStates.code(for: written), startsUppercase(written) else { continue }
                if written.count == 2, written != code { continue }
                let end = cursor + length
                let closes = end == words.count || stateWords.last!.last.map { ".,;!?)".contains($0) } == true
                    || (end < words.count && words[end].first?.isLowercase == true)
                guard closes else { continue }
                return spaceJoined(city + [written])
            }
        }
        return nil
    }

    /// The words of a street (number ... suffix [directional] [unit]) in `words`. The house
    /// number may open a parenthesis (`(21109 Boggy Ford Rd, ...)`); a unit may follow the
    /// street's comma (`12 Oak Dr, Apt 4B, Austin`); a designated road may be led by `US`
    /// or a directional and followed by a directional (`9120 W US Hwy 290`, `9120 Hwy 290 W`).
    static func streetSpan(_ words: [String]) -> (Int, Int)? {
        for start in words.indices {
            var number = words[start]
            // (An ASCII digit Character is an ASCII digit byte first: most words are not.)
            guard var lead = number.utf8.first else { continue }
            if lead == 0x28, number.utf8.count > 1 {
                number.removeFirst()
                lead = number.utf8.first!
            }
            guard lead >= 0x30, lead <= 0x39 else { continue }
            guard isHouseNumber(number) else { continue }
            if start > 0, let previous = words[start - 1].last, previous == "$" || previous == "#" { continue }
            if let end = streetNameEnd(words, after: start) { return (start, end) }
        }
        return nil
    }

    /// The end of a street's name words after `words[start]` (its house number, or what
    /// leads a lot's road: ``lotStreet(_:)``): one to five name words and a suffix, or a
    /// designated road, with a directional and unit after them (``streetSpan(_:)``); nil
    /// when the words after `start` are no street.
    private static func streetNameEnd(_ words: [String], after start: Int) -> Int? {
        var cursor = start + 1
        var nameWords = 0
        while cursor < words.count, nameWords <= 5 {
            let word = trimmedWord(words[cursor])
            guard isNameWord(word) else { break }
            // "17500 TX-71", "2100 US-290 W", "4500 N IH-35": a designated road in one word,
            // then a directional.
            if nameWords == 0 || nameWords == 1 && isDirectional(words[cursor - 1]), isHyphenatedRoad(word) {
                var end = cursor + 1
                if end < words.count, words[cursor].last.map({ ",.;:)".contains($0) }) == false, isDirectional(words[end]) { end += 1 }
                return end
            }
            // "4508 Avenue F", "1200 Highway 71", "300 County Road 12": a suffix word first
            // (after a directional: "9120 W Hwy 290"), then a one-letter or numbered
            // designator, then a directional ("9120 Hwy 290 W").
            if nameWords == 0 || nameWords == 1 && isDirectional(words[cursor - 1]),
               lowercased(word, in: designatedRoads, designatedRoadTable), !words[cursor].hasSuffix(","), cursor + 1 < words.count {
                var designator = cursor + 1
                if lowercased(trimmedWord(words[designator]), in: roadWords, roadWordTable),
                   !words[designator].hasSuffix(","), designator + 1 < words.count { designator += 1 }
                let value = trimmedWord(words[designator])
                if (value.count == 1 && value.first!.isUppercase) || (!value.isEmpty && value.count <= 4 && value.allSatisfy { $0.isASCII && $0.isNumber }) {
                    var end = designator + 1
                    // ("Highway 71. West of town": punctuation ends the road.)
                    if end < words.count, words[designator].last.map({ ",.;:)".contains($0) }) == false,
                       isDirectional(words[end]) { end += 1 }
                    return end
                }
            }
            if nameWords >= 1, StreetVocabulary.isSuffix(word),
               !lowercased(word, in: excludedSuffixes, excludedSuffixTable) || endsBeforeCityStateZip(words, cursor) {
                // "Oak Hollow Dr": a suffix word followed by another is part of the name.
                if !words[cursor].hasSuffix(","), !words[cursor].hasSuffix("."), cursor + 1 < words.count,
                   startsUppercase(words[cursor + 1]), StreetVocabulary.isSuffix(trimmedWord(words[cursor + 1])),
                   !lowercased(trimmedWord(words[cursor + 1]), in: excludedSuffixes, excludedSuffixTable) {
                    nameWords += 1
                    cursor += 1
                    continue
                }
                var end = cursor + 1
                let closesSentence = closesStreet(words[cursor])
                if !closesSentence, end < words.count, isDirectional(words[end]) {
                    end += 1
                }
                if !closesSentence, end < words.count, words[end].hasPrefix("#") {
                    end += words[end] == "#" ? 2 : 1
                } else if !closesSentence, end + 1 < words.count, StreetVocabulary.isUnitDesignator(trimmedWord(words[end])),
                          startsUppercase(words[end]) || words[end].hasPrefix("#") {
                    end += 2
                } else if words[end - 1].hasSuffix(","), let unitEnd = unitAfterComma(words, at: end) {
                    // "12 Oak Dr, Apt 4B, Austin": the unit is the street's, not the city's.
                    end = unitEnd
                }
                return min(end, words.count)
            }
            // (A directional's abbreviation opening the name keeps its period: "1608 W. Koenig Ln".)
            if words[cursor].hasSuffix(",") || words[cursor].hasSuffix(".") && !(nameWords == 0 && isDirectionalAbbreviation(words[cursor])) {
                break
            }
            nameWords += 1
            cursor += 1
        }
        return nil
    }

    /// Whether `word` is a directional's abbreviation with its period: `W.`, `N.`, `NE.`.
    private static func isDirectionalAbbreviation(_ word: String) -> Bool {
        let utf8 = word.utf8
        return utf8.count <= 3 && utf8.last == UInt8(ascii: ".") && utf8.dropLast().allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
            && isDirectional(word)
    }

    /// Designated roads read since session 21 (`TX 71`, `IH 35`, `RM 12`, `SR 71`,
    /// `Interstate 35`, `Loop 360`, and every road in one word: `TX-71`), lowercase.
    private static let placeNeedingRoads: Set<String> = ["tx", "ih", "rm", "sr", "interstate", "loop"]

    /// Whether the street `words` (house number first) is a road of ``placeNeedingRoads`` or
    /// in one word (after a directional maybe): such a street is read only with its city,
    /// state or ZIP after it, as a count before a highway's name is no address ("2 TX-71
    /// frontage lots", "3 TX 71 signs").
    private static func isBareHighway(_ words: ArraySlice<String>) -> Bool {
        var road = words.startIndex + 1
        if road < words.endIndex, isDirectional(words[road]) { road += 1 }
        guard road < words.endIndex else { return false }
        let word = trimmedWord(words[road])
        if isHyphenatedRoad(word) { return true }
        // (Its number after it: "12 Loop Rd" is a street of another kind.)
        return lowercased(word, in: placeNeedingRoads, placeNeedingRoadTable) && road + 1 < words.endIndex
            && trimmedWord(words[road + 1]).utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
    private static let placeNeedingRoadTable = ASCIIWordTable(placeNeedingRoads.map { ($0, 1) })

    /// Whether `word` (trimmed) is a designated road written in one word: `TX-71`, `US-290`,
    /// `IH-35`, `I-35`, `FM-1826` (a prefix of ``hyphenatedRoadPrefixes`` in capitals, `-`,
    /// one to four digits), from its bytes.
    static func isHyphenatedRoad(_ word: String) -> Bool {
        var copy = word
        return copy.withUTF8 { isHyphenatedRoad($0, 0, $0.count) }
    }

    /// ``isHyphenatedRoad(_:)`` of `bytes[start..<end]`.
    static func isHyphenatedRoad(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard end - start >= 3, end - start <= 7 else { return false }
        var hyphen = start
        while hyphen < end, bytes[hyphen] >= 0x41, bytes[hyphen] <= 0x5A { hyphen += 1 }
        guard hyphen > start, hyphen - start <= 2, hyphen < end, bytes[hyphen] == UInt8(ascii: "-"),
              end - hyphen >= 2, end - hyphen <= 5,
              bytes[(hyphen + 1)..<end].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        let first = bytes[start]
        let second: UInt8 = hyphen - start == 2 ? bytes[start + 1] : 0
        return hyphenatedRoadPrefixes.contains { $0.0 == first && $0.1 == second }
    }

    /// The prefixes of a designated road in one word, as byte pairs (0: one letter): `I`,
    /// `IH`, `US`, `TX`, `SH`, `SR`, `FM`, `RM`, `RR`, `CR`.
    private static let hyphenatedRoadPrefixes: [(UInt8, UInt8)] = ["I", "IH", "US", "TX", "SH", "SR", "FM", "RM", "RR", "CR"].map { prefix in
        let bytes = Array(prefix.utf8)
        return (bytes[0], bytes.count > 1 ? bytes[1] : 0)
    }

    /// Suffixes of ``excludedSuffixes`` that are common words or name endings ("Deer Run",
    /// "Eagle Pass", "Mill Row") yet end a street when `, City, ST ZIP` follows.
    private static let suffixesBeforeCityStateZip: Set<String> = ["run", "row", "pass", "park", "walk", "point"]

    /// Whether `words[cursor]` is one of ``suffixesBeforeCityStateZip`` ending in `,` and
    /// followed by `City, ST ZIP` (`418 Windmill Run, Dripping Springs, TX 78620`).
    private static func endsBeforeCityStateZip(_ words: [String], _ cursor: Int) -> Bool {
        guard words[cursor].hasSuffix(","), cursor + 3 < words.count,
              suffixesBeforeCityStateZip.contains(trimmedWord(words[cursor]).lowercased()) else { return false }
        let rest = Array(words[(cursor + 1)...].prefix(6))
        guard let tail = cityStateZip(words: rest) else { return false }
        return tail.hasPrefix(trimmedWord(rest[0]))
    }

    /// Words that end a company's name (`Inc.`, `LLC`, `LLP`, `Co.`), lowercased without
    /// surrounding punctuation.
    private static let organizationSuffixes: Set<String> = [
        "inc", "llc", "l.l.c", "llp", "pllc", "lp", "corp", "corporation", "ltd", "co", "pc", "p.c",
    ]

    /// Whether the street starting at `streetStart` is a company's: the word just before it
    /// ends a company's name (`Portal Inc., 2601 Network Blvd`), or, with the street first
    /// on its line, the line before does (a signature's `Jenkins & Cole LLP`). A company that
    /// is named earlier in the sentence (`our LLC owns 12 Oak Dr`) does not count.
    private static func isOrganizationAddress(_ words: [String], streetStart: Int, previousLine: String) -> Bool {
        if streetStart > 0 { return lowercased(trimmedWord(words[streetStart - 1]), in: organizationSuffixes, organizationSuffixTable) }
        guard let last = spaceSeparatedWords(previousLine).last else { return false }
        return lowercased(trimmedWord(last), in: organizationSuffixes, organizationSuffixTable)
    }

    /// Whether a street's word ends it: a comma, or a period after more than an abbreviation
    /// (`Dr.` may abbreviate, `Road.` ends a sentence).
    private static func closesStreet(_ word: String) -> Bool {
        word.hasSuffix(",") || word.hasSuffix(".") && word.count > 3
    }

    /// Whether `word` is a directional written with a capital (`W`, `North`, `NE`).
    private static func isDirectional(_ word: String) -> Bool {
        guard startsUppercase(word) else { return false }
        let trimmed = trimmedWord(word)
        return StreetVocabulary.directionalTable.containsLowercased(trimmed) ?? (StreetVocabulary.directionals[trimmed.lowercased()] != nil)
    }

    /// `word.first?.isUppercase == true`. An ASCII byte (not CR) followed by another (or
    /// by nothing) is the first Character on its own, uppercase when it is A-Z: answered
    /// from the bytes.
    static func startsUppercase(_ word: String) -> Bool {
        let utf8 = word.utf8
        guard let lead = utf8.first else { return false }
        if lead < 0x80, lead != 0x0D, utf8.count == 1 || utf8[utf8.index(after: utf8.startIndex)] < 0x80 {
            return lead >= 0x41 && lead <= 0x5A
        }
        return word.first?.isUppercase == true
    }

    /// Whether `number` (starting with an ASCII digit) reads as a house number: an ASCII
    /// digit Character, then up to five numbers or capital letters. An ASCII word without
    /// CR is a Character per byte, whose numbers are digits and capitals A-Z: read as bytes.
    static func isHouseNumber(_ number: String) -> Bool {
        var copy = number
        if let ascii = copy.withUTF8({ bytes -> Bool? in
            guard !bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return nil }
            guard let lead = bytes.first, lead >= 0x30, lead <= 0x39, bytes.count <= 6 else { return false }
            return bytes.dropFirst().allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) }
        }) {
            return ascii
        }
        guard let first = number.first, first.isASCII, first.isNumber,
              number.count <= 6, number.dropFirst().allSatisfy({ $0.isNumber || ($0.isLetter && $0.isUppercase) }) else { return false }
        return true
    }

    /// Whether a street name's (trimmed) `word` starts as one does: with a capital, or is an
    /// ordinal (`5th`).
    static func isNameWord(_ word: String) -> Bool {
        let utf8 = word.utf8
        if let lead = utf8.first, lead < 0x80, lead != 0x0D, utf8.count == 1 || utf8[utf8.index(after: utf8.startIndex)] < 0x80 {
            // (An ASCII first Character: a capital is A-Z, a number a digit.)
            if lead >= 0x41 && lead <= 0x5A { return true }
            return lead >= 0x30 && lead <= 0x39 && isOrdinal(word)
        }
        return word.first.map { $0.isUppercase || ($0.isNumber && isOrdinal(word)) } ?? false
    }

    /// The end of a unit written after the street's comma at `index` (`Apt 4B`, `Suite 900`,
    /// `#210`, `# 210`): a capitalised designator then a short value holding a digit (or one
    /// capital letter), or `#` and such a value; nil when none is there. A designator ending
    /// in `:` is a label (`Office: (512) ...`), not a unit.
    private static func unitAfterComma(_ words: [String], at index: Int) -> Int? {
        guard index < words.count else { return nil }
        let word = words[index]
        func isUnitValue(_ raw: String) -> Bool {
            let value = trimmedWord(raw)
            guard !value.isEmpty, value.count <= 5, !raw.hasSuffix(":"), value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
            else { return false }
            return value.contains(where: \.isNumber) || (value.count == 1 && value.first!.isUppercase)
        }
        if word == "#" { return index + 1 < words.count && isUnitValue(words[index + 1]) ? index + 2 : nil }
        if word.hasPrefix("#") { return isUnitValue(String(word.dropFirst())) ? index + 1 : nil }
        guard startsUppercase(word), !word.hasSuffix(":"), !word.hasSuffix(","), index + 1 < words.count,
              StreetVocabulary.isUnitDesignator(trimmedWord(word)), isUnitValue(words[index + 1]) else { return nil }
        return index + 2
    }

    /// The street's words as written, without the parentheses around an address in them
    /// (`(21109 Boggy Ford Rd` → `21109 Boggy Ford Rd`).
    static func streetWritten(_ words: ArraySlice<String>) -> String {
        var words = Array(words)
        if words[0].hasPrefix("(") { words[0].removeFirst() }
        if let last = words.last, last.hasSuffix(")") || last.hasSuffix("),") || last.hasSuffix(")."),
           !last.contains("(") {
            words[words.count - 1] = String(last.prefix { $0 != ")" })
        }
        return spaceJoined(words)
    }

    /// `City, ST` ending the street's line and a ZIP starting the next (`12 Creek Rd, Dripping
    /// Springs, TX` / `78620 and we ...`), or a city begun after the street's comma and ended
    /// on the next line (`12 Creek Rd, Dripping` / `Springs, TX 78620`): the city, state and
    /// ZIP read over both lines as one. Nil when the lines do not hold one so.
    private static func wrappedCityStateZip(_ rest: [String], streetEnd: String, next: String) -> String? {
        guard !rest.isEmpty else { return nil }
        let nextWords = spaceSeparatedWords(next)
        guard let first = nextWords.first else { return nil }
        if mayBeZIP(first), PostalCodeNormalizer.normalize(trimmedWord(first)) != nil {
            // The state must end the line, just before the ZIP.
            return cityStateZip(words: rest + [first])
        }
        // The city after the street, its state and ZIP opening the next line ("12 Saddle Horn
        // Trl, Dripping Springs," / "TX 78620").
        if rest.count <= 3, rest.last?.hasSuffix(",") == true, nextWords.count >= 2, nextWords.count <= 3,
           USStates.code(for: trimmedWord(first)) != nil, let tail = cityStateZip(words: rest + nextWords) {
            return tail
        }
        // One or two capitalised words after the street's comma: the city's first words.
        guard streetEnd.hasSuffix(","), rest.count <= 2, startsWithCity(next),
              rest.allSatisfy({ startsUppercase($0) && !$0.contains(where: { ",.;:".contains($0) }) }),
              let tail = cityStateZip(words: rest + nextWords), tail.hasPrefix(rest[0]) else { return nil }
        return tail
    }

    /// Whether a `(` is followed by an ASCII digit in `text`: a house number in parentheses,
    /// which the line's traits (a token starting with a digit) do not see.
    private static func hasParenthesisedNumber(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            guard bytes.count >= 2 else { return false }
            for index in 1..<bytes.count where bytes[index - 1] == 0x28 && bytes[index] >= 0x30 && bytes[index] <= 0x39 { return true }
            return false
        }
    }

    /// `Austin, TX 78704`, `Austin TX 78704`, `Austin, Texas 78704-1234` at the start of `text`
    /// (or after `in`), returned as written up to the ZIP.
    static func cityStateZip(in text: String) -> String? {
        cityStateZip(words: spaceSeparatedWords(text))
    }

    /// ``cityStateZip(in:)`` over the line's words (split at spaces and tabs).
    static func cityStateZip(words: [String]) -> String? {
        for (index, word) in words.enumerated() {
            guard index >= 2, mayBeZIP(word) else { continue }
            let zipText = trimmedWord(word)
            guard PostalCodeNormalizer.normalize(zipText) != nil else { continue }
            // State: a capitalised code, or a one- to three-word name.
            for length in 1...3 where index - length >= 1 {
                let stateWords = words[(index - length)..<index].map(trimmedWord)
                let written = spaceJoined(stateWords)
                guard let code = USStates.code(for: written) else { continue }
                if length == 1, written.count == 2, written != code { continue }
                if written.count > 2, !startsUppercase(written) { continue }
                // City: up to four capitalised words before the state, back to "in", a
                // lowercase word, or a comma that ends an earlier phrase. A parenthesis opens
                // the place ("Vista Ridge Estates (Liberty Hill, TX 78642)"): its word is the
                // city's first.
                let stateStart = index - length
                var cityStart = stateStart
                var opensParenthesis = false
                var cursor = stateStart - 1
                while cursor >= 0, stateStart - cursor <= 4 {
                    let candidate = words[cursor]
                    if candidate.hasPrefix("("), startsUppercase(String(candidate.dropFirst())) {
                        cityStart = cursor
                        opensParenthesis = true
                        break
                    }
                    guard startsUppercase(candidate) else { break }
                    if candidate.hasSuffix(",") && cursor < stateStart - 1 { break }
                    cityStart = cursor
                    cursor -= 1
                }
                guard cityStart < stateStart else { continue }
                var place = Array(words[cityStart..<index]) + [zipText]
                if opensParenthesis { place[0].removeFirst() }
                return spaceJoined(place)
            }
        }
        return nil
    }

    /// `Austin 78702` right after a street's comma (`streetEnd`, the street's last word,
    /// ends in one), right after its last word (`7702 Quill Leaf Cove Austin 78750`) or after
    /// `in` (`1207 Westover Rd in Austin (78703)`), without a state: one to three capitalised
    /// words, then a ZIP; returned as written up to the ZIP. Nil otherwise (after a period,
    /// a new sentence may start).
    static func cityZip(words: [String], after streetEnd: String) -> String? {
        let start = streetEnd.hasSuffix(",") ? 0 : words.first == "in" ? 1 : closesWithPunctuation(streetEnd) ? nil : 0
        guard let start, words.count >= start + 2 else { return nil }
        for index in (start + 1)..<min(words.count, start + 4) {
            let city = words[start..<index]
            guard city.allSatisfy({ startsUppercase($0) && !$0.contains(where: { ",.;:!?".contains($0) }) }) else { return nil }
            let zipText = trimmedWord(words[index])
            if mayBeZIP(words[index]), PostalCodeNormalizer.normalize(zipText) != nil {
                return spaceJoined(Array(city) + [zipText])
            }
        }
        return nil
    }

    /// A ZIP has five (or nine) ASCII digits: a word with fewer is not one, whatever
    /// ``PostalCodeNormalizer`` would make of it.
    static func mayBeZIP(_ word: String) -> Bool {
        var digits = 0
        for byte in word.utf8 where byte >= 0x30 && byte <= 0x39 {
            digits += 1
            if digits == 5 { return true }
        }
        return false
    }

    private static func startsWithCity(_ text: String) -> Bool {
        startsUppercase(text)
    }

    /// `ZIP 78704`, `zip code: 78704`, `(ZIP 78704)`.
    static func labelledZip(_ words: [String]) -> String? {
        // Every label is or follows "zip"/"postal" (as a word, in any case): words without
        // those letters have none. ("ZIP" in any case is ASCII letters only.)
        guard words.contains(where: { mentionsZipLabel($0) }) else { return nil }
        for (index, word) in words.enumerated() where index + 1 < words.count {
            let label = trimmedWord(word).lowercased()
            guard label == "zip" || label == "zipcode" || label == "postal" || label == "code" && index > 0
                    && trimmedWord(words[index - 1]).lowercased() == "zip" else { continue }
            var valueIndex = index + 1
            if trimmedWord(words[valueIndex]).lowercased() == "code", valueIndex + 1 < words.count { valueIndex += 1 }
            if ["is", "of"].contains(trimmedWord(words[valueIndex]).lowercased()), valueIndex + 1 < words.count { valueIndex += 1 }
            if mayBeZIP(words[valueIndex]), let zip = PostalCodeNormalizer.normalize(trimmedWord(words[valueIndex])) { return zip }
        }
        return nil
    }

    static func isOrdinal(_ word: String) -> Bool {
        // ASCII: digits then st/nd/rd/th in any case (a Character per byte; an empty run of
        // digits passes, as `allSatisfy` does).
        let utf8 = word.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) {
            guard utf8.count >= 2 else { return false }
            let end = utf8.index(utf8.endIndex, offsetBy: -2)
            let a = utf8[end] | 0x20
            let b = utf8[utf8.index(after: end)] | 0x20
            guard (a == 0x73 && b == 0x74) || (a == 0x6E && b == 0x64) || (a == 0x72 && b == 0x64) || (a == 0x74 && b == 0x68) else { return false }
            return utf8[..<end].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        }
        let lower = word.lowercased()
        return ["st", "nd", "rd", "th"].contains { lower.hasSuffix($0) } && lower.dropLast(2).allSatisfy(\.isNumber)
    }

    /// Whether `word` holds the bytes of `zip` or `postal` in any ASCII case: a label equal
    /// to one of them after trimming and lowercasing has them (letters without canonical
    /// equivalents), so a word without them is no label.
    private static func mentionsZipLabel(_ word: String) -> Bool {
        // Neither word has a repeated prefix: after a mismatch a match can only restart at
        // this byte.
        var copy = word
        return copy.withUTF8 { bytes in
            let zip: StaticString = "zip"
            let postal: StaticString = "postal"
            var inZip = 0
            var inPostal = 0
            for byte in bytes {
                let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                inZip = lower == zip.utf8Start[inZip] ? inZip + 1 : (lower == zip.utf8Start[0] ? 1 : 0)
                inPostal = lower == postal.utf8Start[inPostal] ? inPostal + 1 : (lower == postal.utf8Start[0] ? 1 : 0)
                if inZip == zip.utf8CodeUnitCount || inPostal == postal.utf8CodeUnitCount { return true }
            }
            return false
        }
    }

    /// The words a street can start with or end in (``streetSpan(_:)``): street suffixes and
    /// the designator roads.
    static let streetHeadWords: [String] =
        Array(StreetVocabulary.suffixes.keys) + ["avenue", "ave", "highway", "hwy", "route", "rte", "road", "county", "state", "fm", "rr", "ranch", "us", "cr", "sh"]
        + ["tx", "ih", "rm", "sr", "interstate"]


    /// What the readings of a line need, from its bytes: for an ASCII line without CR (where
    /// a byte is a Character and ``spaceSeparatedWords(_:)`` splits bytes), each is false
    /// only when that reading finds nothing; another line may hold anything.
    struct LineShape {
        /// ``streetSpan(_:)`` needs a house number followed by name words, one of them a
        /// street suffix or designator road (``streetFollows``).
        var mayHaveStreet = true
        /// ``cityStateZip(words:)`` needs a third or later word with five ASCII digits.
        var mayHaveZIP = true
        /// ``labelledZip(_:)`` needs a second or later word with five ASCII digits.
        var mayHaveLabelledZIP = true
        /// ``cityState(words:)`` needs `in`/`near`/`outside`/`at`/`from` (any case), then
        /// one to three words starting with a capital, the last ending in `,`, then a word
        /// that trimmed starts with a capital.
        var mayHaveCityState = true

        /// Which readings a caller will use: the others are left false on an ASCII line.
        struct Readings: OptionSet {
            let rawValue: UInt8
            static let street = Readings(rawValue: 1 << 0)
            /// ``mayHaveZIP`` and ``mayHaveLabelledZIP``.
            static let zip = Readings(rawValue: 1 << 1)
            static let cityState = Readings(rawValue: 1 << 2)
            static let all: Readings = [.street, .zip, .cityState]
        }

        init(_ text: String, readings: Readings = .all) {
            var copy = text
            if let shape = copy.withUTF8({ LineShape(ascii: $0, readings: readings) }) {
                self = shape
            } else {
                // Another line: its words are split at spaces and tabs that are Characters
                // of their own, which a space or tab between two ASCII bytes (or the line's
                // ends) is; taking only those splits gives fewer, longer words, so a word of
                // the line with five ASCII digits lies in one of them.
                let digitRun = copy.withUTF8(Self.hasWordWithFiveDigits)
                mayHaveZIP = digitRun
                mayHaveLabelledZIP = digitRun
            }
        }

        private static func hasWordWithFiveDigits(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var digits = 0
            for index in bytes.indices {
                let byte = bytes[index]
                if byte == 0x20 || byte == 0x09 {
                    let afterASCII = index == 0 || bytes[index - 1] < 0x80
                    let beforeASCII = index + 1 == bytes.count || bytes[index + 1] < 0x80
                    if afterASCII && beforeASCII { digits = 0 }
                } else if byte >= 0x30 && byte <= 0x39 {
                    digits += 1
                    if digits == 5 { return true }
                }
            }
            return false
        }

        private init(mayHaveStreet: Bool, mayHaveZIP: Bool, mayHaveLabelledZIP: Bool, mayHaveCityState: Bool) {
            self.mayHaveStreet = mayHaveStreet
            self.mayHaveZIP = mayHaveZIP
            self.mayHaveLabelledZIP = mayHaveLabelledZIP
            self.mayHaveCityState = mayHaveCityState
        }

        /// The shape of ASCII bytes without CR; nil for other bytes.
        private init?(ascii bytes: UnsafeBufferPointer<UInt8>, readings wanted: Readings) {
            guard !bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return nil }
            // The words (split at spaces and tabs) as start and end offsets, in scratch
            // memory (a word and the space after it take two bytes or more).
            let capacity = bytes.count / 2 + 1
            let (street, zip, labelledZIP, cityState) = withUnsafeTemporaryAllocation(of: Int32.self, capacity: 2 * capacity) { offsets in
                let startStore = UnsafeMutableBufferPointer(rebasing: offsets[0..<capacity])
                let endStore = UnsafeMutableBufferPointer(rebasing: offsets[capacity...])
                var count = 0
                var start = -1
                for index in 0..<bytes.count {
                    if bytes[index] == 0x20 || bytes[index] == 0x09 {
                        if start >= 0 {
                            startStore[count] = Int32(start)
                            endStore[count] = Int32(index)
                            count += 1
                        }
                        start = -1
                    } else if start < 0 {
                        start = index
                    }
                }
                if start >= 0 {
                    startStore[count] = Int32(start)
                    endStore[count] = Int32(bytes.count)
                    count += 1
                }
                return Self.readings(bytes, Words(starts: UnsafeBufferPointer(startStore), ends: UnsafeBufferPointer(endStore), count: count),
                                     wanted)
            }
            self.init(mayHaveStreet: street, mayHaveZIP: zip, mayHaveLabelledZIP: labelledZIP, mayHaveCityState: cityState)
        }

        /// The words of a line: word `i` is `starts[i]..<ends[i]`, for `i` below `count`.
        private struct Words {
            let starts: UnsafeBufferPointer<Int32>
            let ends: UnsafeBufferPointer<Int32>
            let count: Int
        }

        /// (street, ZIP, labelled ZIP, city and state): what ``init(ascii:)`` says of the line.
        private static func readings(_ bytes: UnsafeBufferPointer<UInt8>, _ words: Words, _ wanted: Readings) -> (Bool, Bool, Bool, Bool) {
            let starts = words.starts
            let ends = words.ends
            var street = false
            var zip = false
            var labelledZIP = false
            var cityState = false
            // The street heads are flagged in the keyword table.
            let heads = InquiryKeywords.table
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: heads.maximumLength + 1) { lower in
                func isHead(_ start: Int, _ end: Int) -> Bool {
                    guard end - start <= heads.maximumLength else { return false }
                    for index in start..<end { lower[index - start] = Self.folded(bytes[index]) }
                    return InquiryKeywords.flags(heads.value(of: UnsafeBufferPointer(lower), 0..<(end - start))).contains(.streetHead)
                }
                for position in 0..<words.count {
                    let wordStart = Int(starts[position])
                    let wordEnd = Int(ends[position])
                    let first = bytes[wordStart]
                    // (A house number may open a parenthesis: "(21109 Boggy Ford Rd, ...".)
                    let numberStart = first == UInt8(ascii: "(") && wordEnd - wordStart > 1 ? wordStart + 1 : wordStart
                    if !street, Self.isDigit(bytes[numberStart]), wanted.contains(.street) {
                        street = Self.streetFollows(bytes, words, position, numberStart, isHead)
                    }
                    if position >= 1, !zip, wordEnd - wordStart >= 5, wanted.contains(.zip) {
                        var digits = 0
                        for index in wordStart..<wordEnd where Self.isDigit(bytes[index]) { digits += 1 }
                        // A ZIP word has five digits and reads as a ZIP, trimmed (rare: asked as the readers ask).
                        if digits >= 5, Self.readsAsZIP(bytes, wordStart, wordEnd) {
                            labelledZIP = true
                            zip = position >= 2
                        }
                    }
                    if !cityState, wordEnd - wordStart <= 7, wanted.contains(.cityState), Self.isCityStateLead(bytes, wordStart, wordEnd) {
                        cityState = Self.cityStateFollows(bytes, words, position)
                    }
                    // Every wanted reading found: later words change nothing.
                    if street || !wanted.contains(.street), zip || !wanted.contains(.zip),
                       cityState || !wanted.contains(.cityState) { break }
                }
            }
            return (street, zip, labelledZIP, cityState)
        }

        /// `PostalCodeNormalizer.normalize(trimmedWord(word)) != nil` for the word's bytes.
        private static func readsAsZIP(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
            let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            return PostalCodeNormalizer.normalize(AddressFinder.trimmedWord(word)) != nil
        }

        @inline(__always) private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        @inline(__always) private static func isCapital(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
        @inline(__always) private static func folded(_ byte: UInt8) -> UInt8 { isCapital(byte) ? byte | 0x20 : byte }

        /// The bytes ``trimmedWord(_:)`` removes from the ends of a word.
        @inline(__always) private static func isTrimmed(_ byte: UInt8) -> Bool {
            switch byte {
            case 0x28, 0x29, 0x2C, 0x2E, 0x3B, 0x3A, 0x22, 0x27, 0x21, 0x3F: true
            default: false
            }
        }

        private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (Int, Int) {
            var lower = start
            var upper = end
            while lower < upper, isTrimmed(bytes[lower]) { lower += 1 }
            while upper > lower, isTrimmed(bytes[upper - 1]) { upper -= 1 }
            return (lower, upper)
        }

        /// ``streetSpan(_:)``'s walk from the word at `position`, loosened: a house number
        /// from `numberStart` (a digit, then up to five digits or capitals; the word may open
        /// with `(` before it), not after a word ending in `$` or
        /// `#`, then up to six words whose trimmed form starts with a capital or a digit (an
        /// ordinal is one), stopping after one ending in `,` or `.`: one of them, starting
        /// with a capital, must be a street head or a road in one word (`TX-71`).
        private static func streetFollows(
            _ bytes: UnsafeBufferPointer<UInt8>, _ words: Words, _ position: Int, _ numberStart: Int, _ isHead: (Int, Int) -> Bool
        ) -> Bool {
            let starts = words.starts
            let ends = words.ends
            let numberEnd = Int(ends[position])
            guard numberEnd - numberStart <= 6,
                  (numberStart + 1..<numberEnd).allSatisfy({ isDigit(bytes[$0]) || isCapital(bytes[$0]) }) else { return false }
            if position > 0 {
                let previous = bytes[Int(ends[position - 1]) - 1]
                if previous == UInt8(ascii: "$") || previous == UInt8(ascii: "#") { return false }
            }
            var cursor = position + 1
            var nameWords = 0
            while cursor < words.count, nameWords <= 5 {
                let end = Int(ends[cursor])
                let (coreStart, coreEnd) = trimmed(bytes, Int(starts[cursor]), end)
                guard coreStart < coreEnd, isCapital(bytes[coreStart]) || isDigit(bytes[coreStart]) else { return false }
                if isCapital(bytes[coreStart]), isHead(coreStart, coreEnd) || AddressFinder.isHyphenatedRoad(bytes, coreStart, coreEnd) { return true }
                // (A directional's abbreviation opening the name keeps its period, "W.":
                // one or two capitals, as ``isDirectionalAbbreviation(_:)`` reads more strictly.)
                if bytes[end - 1] == UInt8(ascii: ",")
                    || bytes[end - 1] == UInt8(ascii: ".") && !(nameWords == 0 && end - Int(starts[cursor]) <= 3
                        && (Int(starts[cursor])..<(end - 1)).allSatisfy { isCapital(bytes[$0]) }) {
                    return false
                }
                nameWords += 1
                cursor += 1
            }
            return false
        }

        /// `in`, `near`, `outside`, `at`, `from` in any case.
        private static func isCityStateLead(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
            func equals(_ target: StaticString) -> Bool {
                guard end - start == target.utf8CodeUnitCount else { return false }
                for offset in 0..<(end - start) where folded(bytes[start + offset]) != target.utf8Start[offset] { return false }
                return true
            }
            return equals("in") || equals("at") || equals("near") || equals("from") || equals("outside")
        }

        /// After the lead word at `position`: one to three words starting with a capital,
        /// the last ending in `,`, then a word that trimmed starts with a capital.
        private static func cityStateFollows(_ bytes: UnsafeBufferPointer<UInt8>, _ words: Words, _ position: Int) -> Bool {
            let starts = words.starts
            let ends = words.ends
            var cursor = position + 1
            while cursor < words.count, cursor - position <= 3, isCapital(bytes[Int(starts[cursor])]) {
                let end = Int(ends[cursor])
                cursor += 1
                if bytes[end - 1] == UInt8(ascii: ",") {
                    guard cursor < words.count else { return false }
                    let (coreStart, coreEnd) = trimmed(bytes, Int(starts[cursor]), Int(ends[cursor]))
                    return coreStart < coreEnd && isCapital(bytes[coreStart])
                }
            }
            return false
        }
    }

    /// `text` split at spaces and tabs (`split(whereSeparator:)` on Characters), split as
    /// bytes when every space and tab byte is a Character of its own (``ASCIIByteCharacter/standsAlone(_:at:)``):
    /// no other Character is a space or a tab.
    static func spaceSeparatedWords(_ text: String) -> [String] {
        var copy = text
        if let words = copy.withUTF8({ bytes -> [String]? in
            for index in bytes.indices where bytes[index] == 0x20 || bytes[index] == 0x09 {
                guard ASCIIByteCharacter.standsAlone(bytes, at: index) else { return nil }
            }
            var words: [String] = []
            // (A word and the space after it take two bytes or more.)
            words.reserveCapacity(bytes.count / 2 + 1)
            var start = -1
            for index in 0...bytes.count {
                if index == bytes.count || bytes[index] == 0x20 || bytes[index] == 0x09 {
                    if start >= 0 { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)) }
                    start = -1
                } else if start < 0 {
                    start = index
                }
            }
            return words
        }) {
            return words
        }
        return text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    }

    /// `words.joined(separator: " ")`, sized once (the generic `joined` costs more).
    static func spaceJoined(_ words: some Collection<String>) -> String {
        var result = ""
        result.reserveCapacity(words.reduce(words.count) { $0 + $1.utf8.count })
        var first = true
        for word in words {
            if !first { result += " " }
            result += word
            first = false
        }
        return result
    }

    private static let punctuation: Set<Character> = ["(", ")", ",", ".", ";", ":", "\"", "'", "!", "?"]

    /// A word without surrounding punctuation (`"(78704)."` → `78704`).
    static func trimmedWord(_ word: String) -> String {
        // ASCII without CR: the punctuation bytes are those Characters.
        var copy = word
        if let trimmed = copy.withUTF8({ bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return nil }
            @inline(__always) func isPunctuation(_ byte: UInt8) -> Bool {
                switch byte {
                case 0x28, 0x29, 0x2C, 0x2E, 0x3B, 0x3A, 0x22, 0x27, 0x21, 0x3F: true
                default: false
                }
            }
            var start = 0
            var end = bytes.count
            while start < end, isPunctuation(bytes[start]) { start += 1 }
            while end > start, isPunctuation(bytes[end - 1]) { end -= 1 }
            if start == 0, end == bytes.count { return word }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }) {
            return trimmed
        }
        var slice = Substring(word)
        while let first = slice.first, punctuation.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, punctuation.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
