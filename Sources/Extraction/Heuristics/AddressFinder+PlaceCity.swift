import LeadModel

/// The city of the project when the text gives no street: after a word for the land or the
/// build and `in` ("We have a lot in Kyle", "a 1.2 acre lot in Lakeway", "looking to build in
/// Dripping Springs", "land in Bastrop, TX"). The city is read as after a street
/// (``cityAfterIn(words:)``: one to three capitalised words, no month, season or state,
/// ended by punctuation, a lowercase word or the line's end); a state code or name right
/// after it gives the state too. A routing rule by city needs it.
///
/// A place of the land or the build wins over where the writer lives ("We live in Round Rock
/// and have a lot in Liberty Hill" is Liberty Hill). Not read when the name ends in a word
/// subdivisions, neighbourhoods and counties end in ("a lot in Santa Rita Ranch", "Travis
/// Heights", "lots in Hays County"), nor for the builder's place ("your sign on the Parade of
/// Homes lot in Leander").
extension AddressFinder {
    /// Words right before `in` that make what follows the place of the land or the build.
    private static let siteCues: Set<String> = [
        "lot", "lots", "land", "acre", "acres", "acreage", "property", "parcel", "tract", "build", "building", "built",
    ]
    /// Words right before `in` that make what follows where the writer lives.
    private static let homeCues: Set<String> = ["live", "located"]
    /// Both: the words the line scan flags (``InquiryKeywords/Flags/placeCue``).
    static let placeCueWords = siteCues.union(homeCues)
    /// Last words of subdivisions', neighbourhoods' and counties' names, not cities'.
    private static let notCityLastWords: Set<String> = [
        "ranch", "estates", "heights", "village", "crossing", "reserve", "preserve", "subdivision", "phase", "section",
        "addition", "oaks", "meadows", "hollow", "trails", "trail", "commons", "place", "county", "parish",
    ]
    /// Words a few before the cue that make the place the builder's.
    private static let buildersPlaceWords: Set<String> = ["your", "parade", "model", "sign", "showroom"]

    /// The city (and the state written right after it) of the first site cue followed by `in`
    /// and a city in `lines`, else of the first home cue so followed, or nil.
    static func placeCity(in lines: InquiryLines) -> HeuristicFinding<PostalAddress>? {
        let (site, home) = placeCities(in: lines)
        return site ?? home
    }

    /// Whether `word` is `in` in any case (compared on its bytes, without a lowercase copy).
    private static func isIn(_ word: String) -> Bool {
        let utf8 = word.utf8
        guard utf8.count == 2 else { return false }
        return utf8.first! | 0x20 == UInt8(ascii: "i") && utf8.last! | 0x20 == UInt8(ascii: "n")
    }

    /// Whether `text` holds " in " before a capital or a byte of a non-ASCII letter: what a
    /// city after `in` starts with (most lines' " in " is before a lowercase word).
    private static func hasInBeforeCapital(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            guard bytes.count >= 5 else { return false }
            for index in 0..<(bytes.count - 4) where bytes[index] == 0x20 && bytes[index + 3] == 0x20 {
                let next = bytes[index + 4]
                if bytes[index + 1] | 0x20 == UInt8(ascii: "i"), bytes[index + 2] | 0x20 == UInt8(ascii: "n"),
                   (next >= 0x41 && next <= 0x5A) || next >= 0x80 { return true }
            }
            return false
        }
    }

    /// The state code `words[index]` writes (a code in capitals, or a name), or nil.
    private static func state(at index: Int, in words: [String]) -> String? {
        guard index < words.count else { return nil }
        let word = words[index].trimmingASCIIPunctuation
        guard let code = USStates.code(for: word), word.utf8.count != 2 || word == word.uppercased() else { return nil }
        return code
    }

    /// The first site cue's city and the first home cue's, in one walk over the lines.
    private static func placeCities(in lines: InquiryLines) -> (site: HeuristicFinding<PostalAddress>?, home: HeuristicFinding<PostalAddress>?) {
        var home: HeuristicFinding<PostalAddress>?
        // (A place is named near the top: the first 300 lines are read, and at most 8 cues
        // followed by `in` and a capital are tried.)
        var tries = 0
        for lineIndex in lines.lines.indices.prefix(300) where tries < 8 {
            // (An ASCII line's word flags say whether a cue is on it; " in " before a capital
            // is in the bytes of every line this reads.)
            let traits = lines.traits[lineIndex]
            if traits.isASCII, !traits.keywords.contains(.placeCue) { continue }
            let text = lines.lines[lineIndex].text
            guard text.utf8.count >= 8, Self.hasInBeforeCapital(text) else { continue }
            let words = spaceSeparatedWords(text)
            for index in words.indices.dropFirst() where Self.isIn(words[index]) {
                let cue = lowercasedASCII(words[index - 1])
                let isSite = siteCues.contains(cue)
                guard isSite || (home == nil && homeCues.contains(cue)), tries < 8 else { continue }
                tries += 1
                guard let address = city(after: index, in: words) else { continue }
                let found = HeuristicFinding(value: address, line: lines.lines[lineIndex].number, rule: "city after \"\(cue) in\"")
                if isSite { return (found, home) }
                home = found
            }
        }
        return (nil, home)
    }

    /// The city (and state) after `in` at `words[index]`, as the type's notes read it, or nil.
    private static func city(after index: Int, in words: [String]) -> PostalAddress? {
        guard let city = cityAfterIn(words: Array(words[index...])) else { return nil }
        // (Compared on bytes: each word has a lowercase letter or a non-ASCII byte, and no
        // digit: no "Q2", no "ATX".)
        let cityWords = city.utf8.split(separator: 0x20)
        guard let last = cityWords.last,
              cityWords.allSatisfy({ word in word.contains { ($0 >= 0x61 && $0 <= 0x7A) || $0 >= 0x80 } && !word.contains { $0 >= 0x30 && $0 <= 0x39 } }),
              !notCityLastWords.contains(lowercasedASCII(String(decoding: last, as: UTF8.self))),
              !words[max(0, index - 7)..<(index - 1)].contains(where: { buildersPlaceWords.contains(lowercasedASCII($0)) })
        else { return nil }
        // "in Bastrop, TX", "in Kyle Texas": the state after the city's words.
        let after = index + 1 + cityWords.count
        if let state = state(at: after, in: words) { return PostalAddress(city: city, state: state) }
        // "a lot in Belterra, Dripping Springs, TX": a subdivision, then its city and state.
        if after < words.count, words[after - 1].hasSuffix(","), let second = cityAfterIn(words: ["in"] + words[after...]),
           let state = state(at: after + second.utf8.split(separator: 0x20).count, in: words) {
            return PostalAddress(city: second, state: state)
        }
        return PostalAddress(city: city)
    }
}

private extension String {
    /// The word without the ASCII punctuation around it ("TX." is "TX").
    var trimmingASCIIPunctuation: String {
        let bytes = Array(utf8)
        var start = 0
        var end = bytes.count
        func isPunctuation(_ byte: UInt8) -> Bool { byte < 0x80 && !((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) && !(byte >= 0x30 && byte <= 0x39) }
        while start < end, isPunctuation(bytes[start]) { start += 1 }
        while end > start, isPunctuation(bytes[end - 1]) { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
