import LeadModel

/// A city named after a street with `in`, without a state or ZIP: `412 Elm Street in Round
/// Rock and we want ...`, `88 Creek Bend Dr in Kyle.` The city is written, the state and
/// ZIP stay unknown. Read strictly, since a capitalised word after `in` is as often a month,
/// a season or a word opening a sentence (`in March`, `in Spring 2027`):
/// - `in` right after the street, then one to three capitalised words (``isCityWord(_:last:)``),
///   none a month, day or season (``notCityAfterIn``);
/// - then the line ends, a lowercase word or an aside in parentheses follows, or the last
///   city word closes with punctuation (`in Kyle.`, `in Kyle, and ...`);
/// - a state's name is no city (`in Texas`).
extension AddressFinder {
    /// Capitalised words after `in` that name a time, not a place, lowercase.
    static let notCityAfterIn: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "spring", "summer", "fall", "autumn", "winter", "the", "a", "an", "person",
    ]

    /// The city after `in` that opens `words` (the words after a street), or nil.
    static func cityAfterIn(words: [String]) -> String? {
        guard words.count >= 2, words[0] == "in" else { return nil }
        var city: [String] = []
        var index = 1
        var closed = false
        while index < words.count, city.count < 3, !closed {
            let word = words[index]
            closed = closesWithPunctuation(word)
            let core = closed ? String(word.dropLast()) : word
            guard isCityWord(core, last: false), !notCityAfterIn.contains(lowercasedASCII(core)) else { break }
            city.append(core)
            index += 1
        }
        guard !city.isEmpty else { return nil }
        // What follows an open city must end it: a lowercase word (not a fourth capitalised
        // one), or a parenthesis opening an aside ("in Dripping Springs (closing Dec 15)").
        if !closed, index < words.count, startsUppercase(words[index])
            || !(words[index].first.map { $0.isLetter || $0 == "(" } ?? false) { return nil }
        let name = spaceJoined(city)
        guard USStates.code(for: name) == nil else { return nil }
        return name
    }
}
