/// ``USAddressParser/parse(_:)`` for ASCII text without CR, on byte ranges: words are
/// (start, end) pairs into the text, segments runs of words, and the vocabularies are looked
/// up from lowercased bytes in ``ASCIIWordTable``s. Strings are made only for the parts kept.
/// (In such text a Character is one byte and whitespace is 0x09-0x0D and space, so each step
/// of ``USAddressParser/generalParse(_:)`` has a byte twin, with the same answer.)
extension USAddressParser {
    /// The address of ASCII text without CR (`.some(nil)`: nothing address-like); nil for
    /// other text.
    static func asciiParse(_ raw: String) -> PostalAddress?? {
        var copy = raw
        return copy.withUTF8 { bytes -> PostalAddress?? in
            guard !bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return nil }
            // At most 40 words in 8 segments are read (more: not an address); the scratch
            // bytes hold a key or a joined part (at most the text, plus a space).
            return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * 41 + 2 * 9) { slots in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count + 8) { scratch in
                    var reader = ASCIIAddressReader(text: bytes, slots: slots, scratch: scratch)
                    return .some(reader.parse())
                }
            }
        }
    }
}

/// The state of one ASCII parse: words and segments in `slots` (word `i` at `2i`, `2i + 1`;
/// segment `j`'s first word and end word at `82 + 2j`, `83 + 2j`).
private struct ASCIIAddressReader {
    let text: UnsafeBufferPointer<UInt8>
    let slots: UnsafeMutableBufferPointer<Int>
    let scratch: UnsafeMutableBufferPointer<UInt8>
    var wordCount = 0
    var segmentCount = 0

    init(text: UnsafeBufferPointer<UInt8>, slots: UnsafeMutableBufferPointer<Int>, scratch: UnsafeMutableBufferPointer<UInt8>) {
        self.text = text
        self.slots = slots
        self.scratch = scratch
    }

    static let maximumWords = 40
    static let maximumSegments = 8
    private static let segmentBase = 2 * (maximumWords + 1)

    // MARK: Words and segments

    @inline(__always) func wordStart(_ word: Int) -> Int { slots[2 * word] }
    @inline(__always) func wordEnd(_ word: Int) -> Int { slots[2 * word + 1] }
    @inline(__always) func wordLength(_ word: Int) -> Int { slots[2 * word + 1] - slots[2 * word] }
    @inline(__always) func first(_ segment: Int) -> Int { slots[Self.segmentBase + 2 * segment] }
    @inline(__always) func end(_ segment: Int) -> Int { slots[Self.segmentBase + 2 * segment + 1] }
    @inline(__always) func count(_ segment: Int) -> Int { end(segment) - first(segment) }
    @inline(__always) func setSegment(_ segment: Int, _ first: Int, _ end: Int) {
        slots[Self.segmentBase + 2 * segment] = first
        slots[Self.segmentBase + 2 * segment + 1] = end
    }

    /// ``USAddressParser/segmentWords(_:)``; false when there are more than 8 segments or 40
    /// words (the parse then gives nil).
    mutating func split() -> Bool {
        var wordStart = -1
        var segmentFirst = 0
        for index in 0...text.count {
            let byte = index < text.count ? text[index] : 0x0A
            let endsSegment = byte == 0x0A || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";")
            let isSpace = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
            if endsSegment || isSpace {
                if wordStart >= 0 {
                    guard wordCount < Self.maximumWords else { return false }
                    slots[2 * wordCount] = wordStart
                    slots[2 * wordCount + 1] = index
                    wordCount += 1
                    wordStart = -1
                }
                if endsSegment, wordCount > segmentFirst {
                    guard segmentCount < Self.maximumSegments else { return false }
                    setSegment(segmentCount, segmentFirst, wordCount)
                    segmentCount += 1
                    segmentFirst = wordCount
                }
            } else if wordStart < 0 {
                wordStart = index
            }
        }
        return true
    }

    /// `segments.removeAll { $0.isEmpty }`.
    mutating func dropEmptySegments() {
        var kept = 0
        for segment in 0..<segmentCount where count(segment) > 0 {
            setSegment(kept, first(segment), end(segment))
            kept += 1
        }
        segmentCount = kept
    }

    /// The words `from..<to` joined by single spaces.
    func joined(_ from: Int, _ to: Int) -> String {
        var length = 0
        for word in from..<to {
            if length > 0 {
                scratch[length] = 0x20
                length += 1
            }
            for index in wordStart(word)..<wordEnd(word) {
                scratch[length] = text[index]
                length += 1
            }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: scratch[0..<length]), as: UTF8.self)
    }

    // MARK: Vocabulary

    /// ``USStates/key(_:)`` of the words `from..<to` (joined by spaces: whitespace separates
    /// there as it does in the key) into `scratch`; its length.
    func stateKey(_ from: Int, _ to: Int) -> Int {
        var length = 0
        var inWord = false
        for index in wordStart(from)..<wordEnd(to - 1) {
            let byte = text[index]
            let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) || lower == 0x27 {
                if !inWord, length > 0 {
                    scratch[length] = 0x20
                    length += 1
                }
                scratch[length] = lower
                length += 1
                inWord = true
            } else {
                inWord = false
            }
        }
        return length
    }

    /// ``USStates/code(for:)`` of the words `from..<to` joined by spaces.
    func stateCode(_ from: Int, _ to: Int) -> String? {
        let tables = ASCIIAddressTables.shared
        let length = stateKey(from, to)
        guard length > 0 else { return nil }
        let key = UnsafeBufferPointer(scratch)
        let found = tables.states.value(of: key, 0..<length)
        if found != 0 { return tables.stateCodes[Int(found) - 1] }
        // "N.C." → "n c" → "nc": the key without its spaces.
        var packed = 0
        for index in 0..<length where scratch[index] != 0x20 {
            scratch[packed] = scratch[index]
            packed += 1
        }
        let code = tables.states.value(of: key, 0..<packed)
        guard code != 0 else { return nil }
        let written = tables.stateCodes[Int(code) - 1]
        return written.utf8.count == 2 ? written : nil
    }

    /// ``StreetVocabulary/key(_:)`` of a word (lowercased, trailing "." and "," dropped but
    /// the first byte) looked up in `table`: its value, 0 when absent.
    func streetValue(_ word: Int, in table: ASCIIWordTable) -> UInt64 {
        let start = wordStart(word)
        var end = wordEnd(word)
        while end - start > 1, text[end - 1] == UInt8(ascii: ".") || text[end - 1] == UInt8(ascii: ",") { end -= 1 }
        guard end - start <= table.maximumLength else { return 0 }
        for index in start..<end {
            let byte = text[index]
            scratch[index - start] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        }
        return table.value(of: UnsafeBufferPointer(scratch), 0..<(end - start))
    }

    func isSuffix(_ word: Int) -> Bool { streetValue(word, in: ASCIIAddressTables.shared.suffixes) != 0 }
    func isDirectional(_ word: Int) -> Bool { streetValue(word, in: ASCIIAddressTables.shared.directionals) != 0 }
    func isUnitDesignator(_ word: Int) -> Bool { streetValue(word, in: ASCIIAddressTables.shared.unitDesignators) != 0 }

    @inline(__always) func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Whether the word, lowercased, is `literal` (lowercase).
    func wordIs(_ word: Int, _ literal: StaticString) -> Bool {
        let start = wordStart(word)
        guard wordLength(word) == literal.utf8CodeUnitCount else { return false }
        let bytes = literal.utf8Start
        for offset in 0..<literal.utf8CodeUnitCount {
            let byte = text[start + offset]
            guard (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) == bytes[offset] else { return false }
        }
        return true
    }

    /// ``USAddressParser/isLotDesignation(_:)`` of a segment's words `from..<to`.
    func isLotDesignation(_ from: Int, _ to: Int) -> Bool {
        guard to - from >= 2, wordIs(from, "lot") || wordIs(from, "tract") || wordIs(from, "parcel") else { return false }
        return isDigit(text[wordStart(from + 1)])
    }

    /// ``USAddressParser/isLotRoad(_:)`` of the segments up to `segment`.
    func isLotRoad(_ segment: Int) -> Bool {
        (segment >= 1 && isLotDesignation(first(segment - 1), end(segment - 1)))
            || (segment >= 2 && isLotDesignation(first(segment - 2), end(segment - 2)))
    }

    /// ``USAddressParser/startsStreet(_:)`` of the words `from..<to`.
    func startsStreet(_ from: Int, _ to: Int) -> Bool {
        guard to > from else { return false }
        if isLotDesignation(from, to) { return true }
        if wordIs(from, "po") || wordIs(from, "p.o.") || wordIs(from, "p.o") || wordIs(from, "rr") || wordIs(from, "hc") {
            return to - from > 1
        }
        guard isDigit(text[wordStart(from)]), to - from > 1 else { return false }
        guard wordLength(from) <= 8 else { return false }
        var digits = 0
        for index in wordStart(from)..<wordEnd(from) where isDigit(text[index]) { digits += 1 }
        return digits <= 6
    }

    /// ``USAddressParser/isRoadDesignator(_:)`` of a word.
    func isRoadDesignator(_ word: Int) -> Bool {
        let start = wordStart(word)
        let length = wordLength(word)
        if length == 1, text[start] >= 0x41, text[start] <= 0x5A { return true }
        guard length >= 1, length <= 4 else { return false }
        for index in start..<wordEnd(word) where !isDigit(text[index]) { return false }
        return true
    }

    /// Whether a word is one of ``USAddressParser/numberedRoads`` (any case).
    func isNumberedRoad(_ word: Int) -> Bool {
        wordIs(word, "fm") || wordIs(word, "rr") || wordIs(word, "us") || wordIs(word, "sh") || wordIs(word, "cr")
    }

    /// ``USAddressParser/streetEnd(_:)`` of the words `from..<to`, as a word index.
    func streetEnd(_ from: Int, _ to: Int) -> Int {
        let count = to - from
        guard count >= 3, let suffix = (1..<(count - 1)).last(where: {
            isSuffix(from + $0) || isNumberedRoad(from + $0) && isRoadDesignator(from + $0 + 1)
        }) else { return to }
        var cursor = suffix + 1
        if cursor + 1 < count, isRoadDesignator(from + cursor) { cursor += 1 }
        if cursor + 1 < count, isDirectional(from + cursor) { cursor += 1 }
        if cursor < count, text[wordStart(from + cursor)] == UInt8(ascii: "#") {
            cursor += wordLength(from + cursor) == 1 ? 2 : 1
        } else if cursor + 1 < count, isUnitDesignator(from + cursor) {
            cursor += 2
        }
        return from + min(cursor, count)
    }

    // MARK: Parse

    /// ``USAddressParser/generalParse(_:)`` step for step.
    mutating func parse() -> PostalAddress? {
        guard split(), segmentCount > 0 else { return nil }
        let tables = ASCIIAddressTables.shared
        // A final country.
        let lastFirst = first(segmentCount - 1)
        let keyLength = stateKey(lastFirst, end(segmentCount - 1))
        if keyLength > 0, tables.countries.value(of: UnsafeBufferPointer(scratch), 0..<keyLength) != 0 {
            segmentCount -= 1
        }
        var address = PostalAddress()
        // ZIP.
        if segmentCount > 0 {
            let last = segmentCount - 1
            let lastWord = end(last) - 1
            if count(last) > 0, let zip = PostalCodeNormalizer.asciiZIP(UnsafeBufferPointer(rebasing: text[wordStart(lastWord)..<wordEnd(lastWord)])) {
                address.postalCode = zip
                setSegment(last, first(last), end(last) - 1)
            } else if count(last) >= 2 {
                // The last two words joined by a space.
                let before = lastWord - 1
                var length = 0
                for index in wordStart(before)..<wordEnd(before) {
                    scratch[length] = text[index]
                    length += 1
                }
                scratch[length] = 0x20
                length += 1
                for index in wordStart(lastWord)..<wordEnd(lastWord) {
                    scratch[length] = text[index]
                    length += 1
                }
                if let zip = PostalCodeNormalizer.asciiZIP(UnsafeBufferPointer(rebasing: scratch[0..<length])), zip.utf8.count == 10 {
                    address.postalCode = zip
                    setSegment(last, first(last), end(last) - 2)
                }
            }
        }
        dropEmptySegments()
        // State: the longest run of final words that names one.
        if segmentCount > 0 {
            let last = segmentCount - 1
            let words = count(last)
            for length in stride(from: min(USStates.longestNameWords, words), through: 1, by: -1) {
                let from = end(last) - length
                guard let code = stateCode(from, end(last)) else { continue }
                // A lone 2-letter token is a code; a longer name must not be the whole street line.
                if length == words, segmentCount == 1, words > 1 { continue }
                if length == 1 {
                    // "12 Elm Ct", "1420 Oak Dr NE": a suffix or directional, not a state, unless a ZIP follows.
                    if address.postalCode == nil, startsStreet(first(last), end(last)) || isLotRoad(last), isSuffix(from) || isDirectional(from) {
                        continue
                    }
                    var letters = 0
                    for index in wordStart(from)..<wordEnd(from) where (text[index] | 0x20) >= 0x61 && (text[index] | 0x20) <= 0x7A {
                        letters += 1
                    }
                    if letters > 2, text[wordEnd(from) - 1] != UInt8(ascii: "."),
                       USStates.names[code]?.lowercased() != joined(from, from + 1).lowercased() {
                        continue  // "Tex" without a period inside a street name
                    }
                }
                address.state = code
                setSegment(last, first(last), end(last) - length)
                break
            }
        }
        dropEmptySegments()
        // City.
        if address.state != nil || address.postalCode != nil, segmentCount > 0 {
            let last = segmentCount - 1
            let lastStarts = startsStreet(first(last), end(last))
            if segmentCount == 1, lastStarts {
                // No separator between street and city: the city follows the suffix or unit.
                let cut = streetEnd(first(last), end(last))
                if cut < end(last) {
                    address.city = joined(cut, end(last))
                    setSegment(0, first(last), cut)
                }
            } else if !lastStarts || segmentCount > 1, !isUnitDesignator(first(last)), text[wordStart(first(last))] != UInt8(ascii: "#") {
                // A county is no city (``USAddressParser/isCounty(_:)``).
                if !(count(last) >= 2 && (wordIs(end(last) - 1, "county") || wordIs(end(last) - 1, "parish"))) {
                    address.city = joined(first(last), end(last))
                }
                segmentCount -= 1
            }
        }
        // Street: from the first segment that starts like a street; unit segments follow.
        if let start = (0..<segmentCount).first(where: { startsStreet(first($0), end($0)) }) {
            // "Lot 22, Saddle Ridge Dr" keeps its comma: the lot and the road are two things.
            let lot = isLotDesignation(first(start), end(start))
            var length = 0
            for segment in start..<segmentCount {
                if segment > start {
                    if lot {
                        scratch[length] = UInt8(ascii: ",")
                        length += 1
                    }
                    scratch[length] = 0x20
                    length += 1
                }
                for word in first(segment)..<end(segment) {
                    if word > first(segment) {
                        scratch[length] = 0x20
                        length += 1
                    }
                    for index in wordStart(word)..<wordEnd(word) {
                        scratch[length] = text[index]
                        length += 1
                    }
                }
            }
            address.street = String(decoding: UnsafeBufferPointer(rebasing: scratch[0..<length]), as: UTF8.self)
        } else if address.city == nil, segmentCount == 1, count(0) <= 4,
                  !text[wordStart(first(0))..<wordEnd(end(0) - 1)].contains(where: isDigit) {
            address.city = joined(first(0), end(0))
        }
        return address.isEmpty ? nil : address
    }
}

/// The vocabularies ``ASCIIAddressReader`` looks words up in, built once from
/// ``USStates`` and ``StreetVocabulary``.
private struct ASCIIAddressTables: Sendable {
    static let shared = ASCIIAddressTables()

    /// ``USStates/codesByName`` keys; value: index + 1 in `stateCodes`.
    let states: ASCIIWordTable
    let stateCodes: [String]
    let countries: ASCIIWordTable
    let suffixes: ASCIIWordTable
    let directionals: ASCIIWordTable
    let unitDesignators: ASCIIWordTable

    private init() {
        let states = USStates.codesByName.sorted { $0.key < $1.key }
        self.states = ASCIIWordTable(states.enumerated().map { ($0.element.key, UInt64($0.offset + 1)) })
        stateCodes = states.map(\.value)
        countries = ASCIIWordTable(USAddressParser.countryWords.map { ($0, 1) })
        suffixes = StreetVocabulary.suffixTable
        directionals = StreetVocabulary.directionalTable
        unitDesignators = StreetVocabulary.unitDesignatorTable
    }
}
