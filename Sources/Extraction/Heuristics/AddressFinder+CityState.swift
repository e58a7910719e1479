import LeadModel

/// A city and state written after a street without a ZIP: `1420 Ridge View Dr, Dripping
/// Springs, TX.`, `Lot 23 Hillside Ct, Bee Cave TX and ...`, `123 Oak St, Austin, Texas`, or
/// a street ending its line and `Kyle, Texas` alone on the next. People often leave the ZIP
/// out; without it the state is the only thing that says the words before it are a city,
/// so both are read strictly:
/// - the city is one to three capitalised words right after the street (after its comma or
///   a space), with no punctuation but a comma after the last, and none of them a word
///   that starts a sentence or a sign-off (``notCityWords``: `Call Me OK` names no city);
/// - the state is a US state (the 50 and DC, no territory) as its USPS code in capitals
///   (`TX`, never `Tx`: `IN`, `OR`, `ME`, `OK`, `HI` are words otherwise, and here they
///   follow a capitalised city) or its full name capitalised (`Texas`, `New Mexico`);
/// - the state ends the address: the line ends, or its last word ends in `.`, `,`, `;`,
///   `:`, `)`, `!` or `?`, or the next word starts in lowercase (`TX and we ...`: nothing of
///   an address is written so), is a dash or opens a parenthesis (`TX (Williamson
///   County)`), or (after `City,`) starts a sentence whose period was left out (`Kyle, TX We
///   want ...`). A code that is a word too (``wordCodes``) is not taken before `?`, `!` or
///   a new sentence (`12 Oak Dr, Jim, OK? Thanks`);
/// - a county is no city (`Williamson County, TX`); `St.`, `Ft.`, `Mt.` may start one;
/// - the street does not end its sentence (`1420 Ridge View Drive. Austin, TX was ...`: a
///   period after the street is no separator), unless the city and state are all of the
///   next line (`... at 1420 Ridge View Dr.` / `Wimberley, TX`).
/// A city without a state is left out (`Saddle Creek Trail, Dripping Springs is cleared`):
/// nothing tells a city from a subdivision, a person or a new sentence then.
extension AddressFinder {
    /// Words that start a sentence, a request or a sign-off rather than name a city, as the
    /// capitalised words after a street may (lowercase).
    static let notCityWords: Set<String> = [
        "i", "we", "me", "my", "our", "us", "you", "your", "he", "she", "they", "it", "this", "that", "and", "but", "or", "so",
        "thanks", "thank", "please", "call", "text", "email", "regards", "best", "cheers", "sincerely", "hi", "hello", "dear",
        "budget", "phone", "cell", "lot", "block", "looking", "ok", "yes", "no",
    ]

    /// Abbreviations that start a city's name (`St. Louis`, `Ft. Worth`, `Mt. Pleasant`).
    private static let cityPrefixes: Set<String> = ["St.", "Ste.", "Ft.", "Mt.", "Pt."]
    /// Last words of a county's or parish's name, lowercase.
    private static let countyWords: Set<String> = ["county", "co", "parish"]
    /// Words of a dash set off by spaces (`Kyle, TX - flat lot`).
    private static let dashes: Set<String> = ["-", "--", "\u{2013}", "\u{2014}"]

    /// USPS codes that are English words too.
    private static let wordCodes: Set<String> = ["IN", "OR", "ME", "OK", "HI", "OH", "PA", "MA", "DE", "AL", "LA", "ID"]

    /// USPS codes of the territories: no state for a city read without a ZIP.
    private static let territories: Set<String> = ["PR", "GU", "VI", "AS", "MP"]

    /// The city and state after a street (see the extension's comment) in `words`, the
    /// line's words after it, as `City, State` for ``USAddressParser``; nil when they are
    /// none. `streetEnd` is the street's last word as written; `wholeLine`: the city and
    /// state must be all of `words` (a line of their own).
    static func cityStateAfterStreet(_ words: ArraySlice<String>, after streetEnd: String, wholeLine: Bool = false) -> String? {
        // (Most streets are followed by nothing, a ZIP line or lowercase words: two words at
        // least, the first capitalised.)
        guard words.count >= 2, let first = words.first, startsUppercase(first),
              let separator = streetEnd.utf8.last,
              separator == UInt8(ascii: ",") || (wholeLine && separator == UInt8(ascii: ".")) || !isPunctuationByte(separator) else { return nil }
        let start = words.startIndex
        for cityCount in 1...3 where start + cityCount < words.endIndex {
            let city = words[start..<(start + cityCount)]
            // (The words before the last passed as a city's last without a comma: they may
            // start it. A word that may not end a city ends the reading, but `St.`, `Ft.`,
            // `Mt.` start one: `St. Louis`.)
            guard isCityWord(city.last!, last: true) else {
                if cityPrefixes.contains(city.last!) { continue }
                return nil
            }
            // A county is no city (`3021 County Road 110, Williamson County, TX`).
            if countyWords.contains(trimmedWord(city.last!).lowercased()) { return nil }
            let commaBefore = city.last!.utf8.last == UInt8(ascii: ",")
            let stateStart = start + cityCount
            for length in stride(from: min(3, words.endIndex - stateStart), through: 1, by: -1) {
                let stateEnd = stateStart + length
                if wholeLine, stateEnd != words.endIndex { continue }
                guard let state = stateWritten(words[stateStart..<stateEnd]) else { continue }
                // (A code that is also a word, `OK?`, `HI!`, `OK Thanks`, is taken only as an
                // address ends: at the line's end, `.`, `,`, `;`, `:`, `)` or a lowercase word.)
                let isWord = wordCodes.contains(state)
                if isWord, let last = words[stateEnd - 1].utf8.last, last == UInt8(ascii: "?") || last == UInt8(ascii: "!") { continue }
                guard stateEnd == words.endIndex || closesWithPunctuation(words[stateEnd - 1]) || startsLowercase(words[stateEnd])
                        || dashes.contains(words[stateEnd]) || words[stateEnd].utf8.first == UInt8(ascii: "(")
                        || (!isWord && commaBefore && startsSentence(words[stateEnd])) else {
                    continue
                }
                // (A city word holds no punctuation but the last's comma, and `St.`'s period.)
                return spaceJoined(city.map { $0.utf8.last == UInt8(ascii: ",") ? String($0.dropLast()) : $0 }) + ", " + state
            }
            // ("Austin," with no state after it: the comma ends what could be the city.)
            if city.last!.utf8.last == UInt8(ascii: ",") { return nil }
        }
        return nil
    }

    /// `City, State` alone on the line after a street that ends its line (`1420 Ridge View
    /// Dr` / `Kyle, Texas`): ``cityStateAfterStreet(_:after:wholeLine:)`` of the whole line.
    static func cityStateLine(_ line: String, after streetEnd: String) -> String? {
        // (A line of at most six words starting with a capital: most lines are longer or start
        // in lowercase.)
        guard let head = line.utf8.first, head >= 0x41, head <= 0x5A || head >= 0x80 else { return nil }
        let words = spaceSeparatedWords(line)
        guard words.count <= 6 else { return nil }
        return cityStateAfterStreet(words[...], after: streetEnd, wholeLine: true)
    }

    /// The state's words (a code or a full name, then punctuation after the last only) as
    /// written without that punctuation; nil when they are no state of the 50 or DC so
    /// written.
    private static func stateWritten(_ words: ArraySlice<String>) -> String? {
        guard words.dropLast().allSatisfy({ word in !word.utf8.contains(where: isPunctuationByte) }) else { return nil }
        let trimmed = words.map(trimmedWord)
        // The last word's punctuation: only what may follow an address (`TX.`, `Texas,`, `TX)`).
        let last = words.last!
        if last.utf8.count != trimmed.last!.utf8.count {
            let tail = last.utf8.dropFirst(trimmed.last!.utf8.count)
            guard last.hasPrefix(trimmed.last!), tail.allSatisfy({ ".,;:)!?".utf8.contains($0) }) else { return nil }
        }
        let written = spaceJoined(trimmed)
        guard let head = written.utf8.first, head >= 0x41, head <= 0x5A,
              let code = USStates.code(for: written), !territories.contains(code), let name = USStates.names[code] else { return nil }
        if written.utf8.count == 2 { return written == code ? written : nil }
        // The full name in any case but starting with a capital (`Texas`, `TEXAS`, `New Mexico`).
        return written.lowercased() == name.lowercased() ? written : nil
    }

    /// Whether `word` may be a city's: it starts with a capital and holds no punctuation but
    /// `'` and `-`, except (when `last`) a comma after it; nor is it one of ``notCityWords``.
    static func isCityWord(_ word: String, last: Bool) -> Bool {
        guard startsUppercase(word) else { return false }
        var core = Substring(word)
        if last, core.utf8.last == UInt8(ascii: ",") { core = core.dropLast() }
        guard !core.isEmpty, !core.utf8.contains(where: { $0 != 0x27 && $0 != 0x2D && isPunctuationByte($0) }) else { return false }
        return !notCityWords.contains(lowercasedASCII(String(core)))
    }

    /// Whether `word` ends in `.`, `,`, `;`, `:`, `)`, `!` or `?`.
    static func closesWithPunctuation(_ word: String) -> Bool {
        guard let last = word.utf8.last else { return false }
        return ".,;:)!?".utf8.contains(last)
    }

    /// Whether `word` is a capitalised ``notCityWords`` word, a new sentence's start written
    /// without the period before it (`Dripping Springs, TX We want ...`).
    private static func startsSentence(_ word: String) -> Bool {
        startsUppercase(word) && notCityWords.contains(lowercasedASCII(trimmedWord(word)))
    }

    /// `word` with A-Z lowercased, from the bytes.
    static func lowercasedASCII(_ word: String) -> String {
        String(decoding: word.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// Whether `word` starts with an ASCII lowercase letter.
    private static func startsLowercase(_ word: String) -> Bool {
        guard let first = word.utf8.first else { return false }
        return first >= 0x61 && first <= 0x7A
    }

    /// ASCII punctuation and symbols (no letter, digit or space).
    @inline(__always) private static func isPunctuationByte(_ byte: UInt8) -> Bool {
        (byte >= 0x21 && byte <= 0x2F) || (byte >= 0x3A && byte <= 0x40) || (byte >= 0x5B && byte <= 0x60) || (byte >= 0x7B && byte <= 0x7E)
    }
}
