/// Splits a US address written on one line or several into street, city, state and ZIP.
///
/// Reads from the end, which is where US addresses are regular: an optional country
/// (`USA`), a ZIP or ZIP+4, a state (code or name, `Texas`, `New Mexico`), then the city,
/// then the street lines (house number, street, unit: `Apt 4`, `#4`, `Suite 200` on the same
/// line or the next). When the city is not set off by a comma or a line break
/// (`1420 Oak Hollow Dr Austin TX 78704`), it is what follows the street suffix or unit.
/// Parts are kept as written (whitespace collapsed, state as its USPS code); use
/// ``USAddressKey`` for a comparable form.
///
/// - `"1420 Oak Hollow Dr, Austin, TX 78704"` → 1420 Oak Hollow Dr / Austin / TX / 78704
/// - `"1420 Oak Hollow Drive\nAustin, Texas 78704-1234"` → ... / TX / 78704-1234
/// - `"Austin, TX"` → city and state only; `"78704"` → ZIP only;
///   `"1420 Oak Hollow Dr"` → street only; `"Round Rock"` → city only.
public enum USAddressParser {
    static let countryWords: Set<String> = ["usa", "us", "u s a", "u s", "united states", "united states of america"]

    /// The parts of `raw`, or nil when nothing address-like was found.
    public static func parse(_ raw: String) -> PostalAddress? {
        // ASCII without CR (nearly every address): read on byte ranges.
        if let ascii = asciiParse(raw) { return ascii }
        return generalParse(raw)
    }

    /// ``parse(_:)`` step by step on word Strings: any text (``asciiParse(_:)`` must agree).
    static func generalParse(_ raw: String) -> PostalAddress? {
        var segments: [[String]] = segmentWords(raw)
        guard !segments.isEmpty, segments.count <= 8, segments.joined().count <= 40 else { return nil }
        if let last = segments.last, countryWords.contains(USStates.key(last.joined(separator: " "))) {
            segments.removeLast()
        }
        var address = PostalAddress()
        // ZIP.
        if let token = segments.last?.last, let zip = PostalCodeNormalizer.normalize(token) {
            address.postalCode = zip
            segments[segments.count - 1].removeLast()
        } else if let last = segments.last, last.count >= 2,
                  let zip = PostalCodeNormalizer.normalize(last.suffix(2).joined(separator: " ")),
                  zip.count == 10 {
            address.postalCode = zip
            segments[segments.count - 1].removeLast(2)
        }
        segments.removeAll { $0.isEmpty }
        // State: the longest run of final words that names one.
        if let last = segments.last {
            for length in stride(from: min(USStates.longestNameWords, last.count), through: 1, by: -1) {
                let words = last.suffix(length)
                let written = words.joined(separator: " ")
                // A lone 2-letter token is a code; a longer name must not be the whole street line.
                guard let code = USStates.code(for: written) else { continue }
                if length == last.count, segments.count == 1, last.count > 1 { continue }
                // "12 Elm Ct", "1420 Oak Dr NE": a suffix or directional, not a state, unless a ZIP follows.
                // (So is a lot's road: "Lot 4, Oak Ct", "Lot 7, Block B, Elm Ct".)
                if length == 1, address.postalCode == nil, startsStreet(last) || isLotRoad(segments),
                   StreetVocabulary.isSuffix(written) || StreetVocabulary.directionals[StreetVocabulary.key(written)] != nil {
                    continue
                }
                if length == 1, written.filter(\.isLetter).count > 2, USStates.names[code]?.lowercased() != written.lowercased(),
                   !written.hasSuffix(".") {
                    continue  // "Tex" without a period inside a street name
                }
                address.state = code
                segments[segments.count - 1].removeLast(length)
                break
            }
        }
        segments.removeAll { $0.isEmpty }
        // City.
        if address.state != nil || address.postalCode != nil, let last = segments.last {
            if segments.count == 1, startsStreet(last) {
                // No separator between street and city: the city follows the suffix or unit.
                let cut = streetEnd(last)
                if cut < last.count {
                    address.city = last[cut...].joined(separator: " ")
                    segments[0] = Array(last[..<cut])
                }
            } else if !startsStreet(last) || segments.count > 1, !StreetVocabulary.isUnitDesignator(last[0]), !last[0].hasPrefix("#") {
                // A county (`Williamson County`, `Orleans Parish`) is no city: dropped.
                if !isCounty(last) { address.city = last.joined(separator: " ") }
                segments.removeLast()
            }
        }
        // Street: from the first segment that starts like a street; unit segments follow.
        if let start = segments.firstIndex(where: startsStreet) {
            // "Lot 22, Saddle Ridge Dr" keeps its comma: the lot and the road are two things.
            let separator = isLotDesignation(segments[start]) ? ", " : " "
            address.street = segments[start...].map { $0.joined(separator: " ") }.joined(separator: separator)
        } else if address.city == nil, segments.count == 1, segments[0].count <= 4,
                  !segments[0].contains(where: { $0.contains(where: TextScanning.isASCIIDigit) }) {
            address.city = segments[0].joined(separator: " ")
        }
        return address.isEmpty ? nil : address
    }

    /// Last words of a county's name (`Williamson County`, `Orleans Parish`), lowercase.
    static let countyWords: Set<String> = ["county", "parish"]

    /// Whether a place's words end with a county's word (after another word).
    static func isCounty(_ words: [String]) -> Bool {
        words.count >= 2 && countyWords.contains(words[words.count - 1].lowercased())
    }

    /// The lines and `,`/`;` parts of `raw` (split at `\n`, `\r`, `,`, `;` Characters), each
    /// split at whitespace into words; empty parts dropped. ASCII without CR is split as
    /// bytes (a Character per byte; whitespace is 0x09-0x0D and space).
    static func segmentWords(_ raw: String) -> [[String]] {
        var copy = raw
        if let segments = copy.withUTF8({ bytes -> [[String]]? in
            guard !bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return nil }
            var segments: [[String]] = []
            var words: [String] = []
            var wordStart = -1
            for index in 0...bytes.count {
                let byte = index < bytes.count ? bytes[index] : 0x0A
                let endsSegment = byte == 0x0A || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";")
                let isSpace = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
                if endsSegment || isSpace {
                    if wordStart >= 0 {
                        words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[wordStart..<index]), as: UTF8.self))
                        wordStart = -1
                    }
                    if endsSegment, !words.isEmpty {
                        segments.append(words)
                        words = []
                    }
                } else if wordStart < 0 {
                    wordStart = index
                }
            }
            return segments
        }) {
            return segments
        }
        return raw
            .split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "," || $0 == ";" })
            .map { $0.split(whereSeparator: { $0.isWhitespace }).map(String.init) }
            .filter { !$0.isEmpty }
    }

    /// A house number (`1420`, `1420B`, `N123W456`), `PO Box`, a rural route, or a lot
    /// designation (`Lot 22`: a new build often has no house number yet).
    static func startsStreet(_ words: [String]) -> Bool {
        guard let first = words.first else { return false }
        if isLotDesignation(words) { return true }
        let lower = first.lowercased()
        if lower == "po" || lower == "p.o." || lower == "p.o" || lower == "rr" || lower == "hc" { return words.count > 1 }
        guard let leading = first.first, TextScanning.isASCIIDigit(leading), words.count > 1 else { return false }
        // ASCII: a Character per byte (a word holds no CR LF: it is split at whitespace).
        if first.utf8.allSatisfy({ $0 < 0x80 }) {
            return first.utf8.count <= 8 && first.utf8.count(where: { $0 >= 0x30 && $0 <= 0x39 }) <= 6
        }
        return first.filter(TextScanning.isASCIIDigit).count <= 6 && first.count <= 8
    }

    /// Whether the last of `segments` follows a lot designation, right after it or after
    /// one segment more (its block: `Lot 7, Block B, Elm Ct`).
    static func isLotRoad(_ segments: [[String]]) -> Bool {
        let count = segments.count
        return (count >= 2 && isLotDesignation(segments[count - 2])) || (count >= 3 && isLotDesignation(segments[count - 3]))
    }

    /// Words that designate a lot (`Lot 22`, `Tract 4`, `Parcel 9`), lowercase.
    public static let lotWords: Set<String> = ["lot", "tract", "parcel"]

    /// `Lot 22`, `Lot 7B`, `Tract 4`.
    static func isLotDesignation(_ words: [String]) -> Bool {
        guard words.count >= 2, lotWords.contains(words[0].lowercased()) else { return false }
        return words[1].first.map(TextScanning.isASCIIDigit) ?? false
    }

    /// Roads named by a number after them that are no USPS suffix (`FM 1826`, `US 290`).
    static let numberedRoads: Set<String> = ["fm", "rr", "us", "sh", "cr"]

    /// A road's designator after its suffix or name (`Hwy 290`, `Avenue F`, `FM 1826`): up to
    /// four ASCII digits or one capital letter.
    static func isRoadDesignator(_ word: String) -> Bool {
        let bytes = word.utf8
        if bytes.count == 1, let byte = bytes.first, byte >= 0x41, byte <= 0x5A { return true }
        return !bytes.isEmpty && bytes.count <= 4 && bytes.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// The index just past the street part of a line that starts with a house number: after
    /// the last suffix or numbered road (and a designator after it: `Hwy 290`, then a
    /// directional: `W`) and any unit that follows.
    static func streetEnd(_ words: [String]) -> Int {
        guard words.count >= 3,
              let suffix = (1..<(words.count - 1)).last(where: {
                  StreetVocabulary.isSuffix(words[$0]) || numberedRoads.contains(words[$0].lowercased()) && isRoadDesignator(words[$0 + 1])
              }) else {
            return words.count
        }
        var cursor = suffix + 1
        // (Never the last word: a city follows.)
        if cursor + 1 < words.count, isRoadDesignator(words[cursor]) { cursor += 1 }
        if cursor + 1 < words.count, StreetVocabulary.directionals[StreetVocabulary.key(words[cursor])] != nil {
            cursor += 1
        }
        if cursor < words.count, words[cursor].hasPrefix("#") {
            cursor += words[cursor] == "#" ? 2 : 1
        } else if cursor + 1 < words.count, StreetVocabulary.isUnitDesignator(words[cursor]) {
            cursor += 2
        }
        return min(cursor, words.count)
    }
}
