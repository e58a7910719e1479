import LeadModel

/// Finds a US address in free text.
///
/// In order of preference:
/// 1. A street: a house number, one to five capitalised (or ordinal: `5th`) words and a
///    USPS street suffix (`Dr`, `Drive`, `Rd`, ...), then an optional directional and unit,
///    then `, City, ST ZIP` on the same line or `City, ST ZIP` on the next.
/// 2. `City, ST 78704` (state code in capitals or a state name, then a ZIP).
/// 3. `ZIP 78704` / `zip code: 78704`: the ZIP alone.
/// Numbers glued to `,` (`2,800 sq ft`) or followed by lowercase words are not house
/// numbers; `Ft`/`Sq` are not street suffixes here (`2800 Sq Ft`).
enum AddressFinder {
    static let excludedSuffixes: Set<String> = ["ft", "fort", "sq", "square", "is", "island", "ky", "key", "pt", "point", "run", "row", "pass", "park", "walk"]

    /// The best address findings, most complete first: a street address, else a city and
    /// state (with ZIP when written) and a labelled ZIP on their own lines. The caller fills
    /// parts in this order, each with its own line.
    static func find(in lines: InquiryLines) -> [HeuristicFinding<PostalAddress>] {
        var cityLine: HeuristicFinding<PostalAddress>?
        var cityStateLine: HeuristicFinding<PostalAddress>?
        var zipOnly: HeuristicFinding<PostalAddress>?
        for (index, line) in lines.lines.enumerated() where !line.text.isEmpty {
            // A street, a ZIP and a labelled ZIP all need an ASCII digit; without one only
            // `in City, ST` can match, and it needs a comma.
            if !lines.traits[index].hasDigit {
                if cityStateLine == nil, lines.traits[index].hasComma, let tail = cityState(in: line.text),
                   let address = USAddressParser.parse(tail), address.city != nil, address.state != nil {
                    cityStateLine = HeuristicFinding(value: address, line: line.number, rule: "city and state")
                }
                continue
            }
            let words = spaceSeparatedWords(line.text)
            if let (start, end) = streetSpan(words) {
                var written = words[start..<end].joined(separator: " ")
                let rest = words[end...].joined(separator: " ")
                if let tail = cityStateZip(in: rest) {
                    written += ", " + tail
                } else if let next = lines.nextNonEmpty(after: index, within: 1),
                          let tail = cityStateZip(in: lines.lines[next].text), startsWithCity(lines.lines[next].text) {
                    written += "\n" + tail
                } else if let tail = cityState(in: rest) {
                    written += ", " + tail
                }
                if let address = USAddressParser.parse(written), address.street != nil {
                    return [HeuristicFinding(value: address, line: line.number, rule: "street address")]
                }
            }
            if cityLine == nil, let tail = cityStateZip(words: words), let address = USAddressParser.parse(tail),
               address.city != nil, address.state != nil {
                cityLine = HeuristicFinding(value: address, line: line.number, rule: "city, state and ZIP")
            }
            // `City, ST` needs a word ending in ",", so a comma in the line.
            if cityStateLine == nil, lines.traits[index].hasComma, let tail = cityState(words: words),
               let address = USAddressParser.parse(tail), address.city != nil, address.state != nil {
                cityStateLine = HeuristicFinding(value: address, line: line.number, rule: "city and state")
            }
            // A ZIP label needs a word holding "zip" or "postal", so the line holding them.
            if zipOnly == nil, mentionsZipLabel(line.text), let zip = labelledZip(words) {
                zipOnly = HeuristicFinding(value: PostalAddress(postalCode: zip), line: line.number, rule: "ZIP code")
            }
        }
        if let cityLine { return [cityLine] }
        return [cityStateLine, zipOnly].compactMap { $0 }
    }

    /// `in San Marcos, TX` / `near Austin, Texas` / `outside Wimberley, TX.`: a city after
    /// `in`/`near`/`outside`/`at`, a comma, and a state code in capitals or a state name,
    /// then the end of the sentence or clause.
    static func cityState(in text: String) -> String? {
        cityState(words: spaceSeparatedWords(text))
    }

    /// ``cityState(in:)`` over the line's words (split at spaces and tabs).
    static func cityState(words: [String]) -> String? {
        for (index, word) in words.enumerated() where ["in", "near", "outside", "at", "from"].contains(word.lowercased()) {
            var cursor = index + 1
            var city: [String] = []
            while cursor < words.count, city.count < 3, words[cursor].first?.isUppercase == true {
                city.append(words[cursor])
                cursor += 1
                if city.last!.hasSuffix(",") { break }
            }
            guard let last = city.last, last.hasSuffix(","), cursor < words.count else { continue }
            // State: a code in capitals, or a name of up to three words, then punctuation or the end.
            for length in (1...3).reversed() where cursor + length <= words.count {
                let stateWords = words[cursor..<(cursor + length)]
                let written = stateWords.map(trimmedWord).joined(separator: " ")
                guard let code = USStates.code(for: written), written.first?.isUppercase == true else { continue }
                if written.count == 2, written != code { continue }
                let end = cursor + length
                let closes = end == words.count || stateWords.last!.last.map { ".,;!?)".contains($0) } == true
                    || (end < words.count && words[end].first?.isLowercase == true)
                guard closes else { continue }
                return (city + [written]).joined(separator: " ")
            }
        }
        return nil
    }

    /// The words of a street (number ... suffix [directional] [unit]) in `words`.
    static func streetSpan(_ words: [String]) -> (Int, Int)? {
        for start in words.indices {
            let number = words[start]
            guard let first = number.first, first.isASCII, first.isNumber,
                  number.count <= 6, number.dropFirst().allSatisfy({ $0.isNumber || ($0.isLetter && $0.isUppercase) }) else { continue }
            if start > 0, let previous = words[start - 1].last, previous == "$" || previous == "#" { continue }
            var cursor = start + 1
            var nameWords = 0
            while cursor < words.count, nameWords <= 5 {
                let word = trimmedWord(words[cursor])
                let isName = word.first.map { $0.isUppercase || ($0.isNumber && isOrdinal(word)) } ?? false
                guard isName else { break }
                // "4508 Avenue F", "1200 Highway 71", "300 County Road 12": a suffix word first,
                // then a one-letter or numbered designator.
                if nameWords == 0, ["avenue", "ave", "highway", "hwy", "route", "rte", "road", "county", "state", "fm", "rr", "ranch"]
                    .contains(word.lowercased()), cursor + 1 < words.count {
                    var designator = cursor + 1
                    if ["road", "rd", "highway", "hwy", "route"].contains(trimmedWord(words[designator]).lowercased()),
                       designator + 1 < words.count { designator += 1 }
                    let value = trimmedWord(words[designator])
                    if (value.count == 1 && value.first!.isUppercase) || (!value.isEmpty && value.count <= 4 && value.allSatisfy { $0.isASCII && $0.isNumber }) {
                        return (start, designator + 1)
                    }
                }
                if nameWords >= 1, StreetVocabulary.isSuffix(word), !excludedSuffixes.contains(word.lowercased()) {
                    // "Oak Hollow Dr": a suffix word followed by another is part of the name.
                    if !words[cursor].hasSuffix(","), !words[cursor].hasSuffix("."), cursor + 1 < words.count,
                       words[cursor + 1].first?.isUppercase == true, StreetVocabulary.isSuffix(trimmedWord(words[cursor + 1])),
                       !excludedSuffixes.contains(trimmedWord(words[cursor + 1]).lowercased()) {
                        nameWords += 1
                        cursor += 1
                        continue
                    }
                    var end = cursor + 1
                    let closesSentence = words[cursor].hasSuffix(",") || words[cursor].hasSuffix(".") && words[cursor].count > 3
                    if !closesSentence, end < words.count, StreetVocabulary.directionals[trimmedWord(words[end]).lowercased()] != nil,
                       words[end].first?.isUppercase == true {
                        end += 1
                    }
                    if !closesSentence, end < words.count, words[end].hasPrefix("#") {
                        end += words[end] == "#" ? 2 : 1
                    } else if !closesSentence, end + 1 < words.count, StreetVocabulary.isUnitDesignator(trimmedWord(words[end])),
                              words[end].first?.isUppercase == true || words[end].hasPrefix("#") {
                        end += 2
                    }
                    return (start, min(end, words.count))
                }
                if words[cursor].hasSuffix(",") || words[cursor].hasSuffix(".") { break }
                nameWords += 1
                cursor += 1
            }
        }
        return nil
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
                let written = stateWords.joined(separator: " ")
                guard let code = USStates.code(for: written) else { continue }
                if length == 1, written.count == 2, written != code { continue }
                if written.count > 2, written.first?.isUppercase != true { continue }
                // City: up to four capitalised words before the state, back to "in", a
                // lowercase word, or a comma that ends an earlier phrase.
                let stateStart = index - length
                var cityStart = stateStart
                var cursor = stateStart - 1
                while cursor >= 0, stateStart - cursor <= 4 {
                    let candidate = words[cursor]
                    guard candidate.first?.isUppercase == true else { break }
                    if candidate.hasSuffix(",") && cursor < stateStart - 1 { break }
                    cityStart = cursor
                    cursor -= 1
                }
                guard cityStart < stateStart else { continue }
                return (words[cityStart..<index] + [zipText]).joined(separator: " ")
            }
        }
        return nil
    }

    /// A ZIP has five (or nine) ASCII digits: a word with fewer is not one, whatever
    /// ``PostalCodeNormalizer`` would make of it.
    private static func mayBeZIP(_ word: String) -> Bool {
        var digits = 0
        for byte in word.utf8 where byte >= 0x30 && byte <= 0x39 {
            digits += 1
            if digits == 5 { return true }
        }
        return false
    }

    private static func startsWithCity(_ text: String) -> Bool {
        text.first?.isUppercase == true
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

    private static func isOrdinal(_ word: String) -> Bool {
        let lower = word.lowercased()
        return ["st", "nd", "rd", "th"].contains { lower.hasSuffix($0) } && lower.dropLast(2).allSatisfy(\.isNumber)
    }

    /// Whether `word` holds the bytes of `zip` or `postal` in any ASCII case: a label equal
    /// to one of them after trimming and lowercasing has them (letters without canonical
    /// equivalents), so a word without them is no label.
    private static func mentionsZipLabel(_ word: String) -> Bool {
        let bytes = Array(word.utf8).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        func has(_ target: [UInt8]) -> Bool {
            guard bytes.count >= target.count else { return false }
            return (0...(bytes.count - target.count)).contains { start in
                (0..<target.count).allSatisfy { bytes[start + $0] == target[$0] }
            }
        }
        return has(Array("zip".utf8)) || has(Array("postal".utf8))
    }

    /// `text` split at spaces and tabs (`split(whereSeparator:)` on Characters); ASCII
    /// without "\r", where a Character is one byte, is split as bytes.
    static func spaceSeparatedWords(_ text: String) -> [String] {
        if let words = text.utf8.withContiguousStorageIfAvailable({ bytes -> [String]? in
            guard !bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return nil }
            return bytes.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 }).map { String(decoding: $0, as: UTF8.self) }
        }), let words {
            return words
        }
        return text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    }

    private static let punctuation: Set<Character> = ["(", ")", ",", ".", ";", ":", "\"", "'", "!", "?"]

    /// A word without surrounding punctuation (`"(78704)."` → `78704`).
    static func trimmedWord(_ word: String) -> String {
        var slice = Substring(word)
        while let first = slice.first, punctuation.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, punctuation.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
