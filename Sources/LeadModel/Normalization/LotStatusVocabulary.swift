/// Lot status phrases → `own_lot`, `under_contract`, `looking`.
///
/// Negated ownership (`we don't have a lot yet`) reads as `looking`; `under contract` wins
/// over ownership words in the same text (`we have a lot under contract`).
public enum LotStatusVocabulary {
    static let looking = PhraseVocabulary([
        ("looking", ["looking for a lot", "looking for land", "looking for a lot", "looking for property",
                     "looking for acreage", "look for a lot", "searching for a lot", "searching for land",
                     "shopping for a lot", "shopping for land", "need a lot", "need land", "need to find a lot", "need to find land",
                     "need to buy a lot", "need to buy land", "need help finding a lot", "need help finding land", "help finding a lot",
                     "help finding land", "help us find a lot", "help us find land", "find a lot", "find land", "find the right lot",
                     "don't have a lot", "dont have a lot", "do not have a lot", "don't have land", "dont have land",
                     "do not have land", "don't own a lot", "dont own a lot", "do not own a lot", "don't own land",
                     "do not own land", "haven't found a lot", "have not found a lot", "havent found a lot", "haven't found land", "no lot", "no land",
                     "not yet purchased", "haven't bought", "have not bought", "haven't purchased", "lot search",
                     "still looking for a lot", "still looking for land", "looking at lots", "looking at land",
                     "looking at acreage",
                     // An offer not yet accepted ("made an offer on a lot, waiting to hear back");
                     // an accepted one is under contract (read first).
                     "offer on a lot", "offer on the lot", "offer on land",
                     // The lot they had is gone: "we sold our lot last year and are looking again".
                     "sold our lot", "sold my lot", "sold our land", "sold my land",
                     // Spanish, written without accents.
                     "buscando * terreno", "buscamos * terreno", "buscando * lote", "buscamos * lote",
                     "no tenemos terreno", "no tenemos lote", "no tengo terreno"]),
    ], key: .looking)
    static let underContract = PhraseVocabulary([
        ("under_contract", ["under contract", "in escrow", "closing on the lot", "closing on a lot",
                            "closing on the land", "offer on the lot was accepted", "offer on a lot was accepted",
                            "offer on the land was accepted", "offer on the lot got accepted", "offer on the lot accepted",
                            "contract on a lot", "contract on the lot", "contract on land",
                            "offer accepted on a lot", "offer accepted on the lot", "offer accepted on land",
                            "offer accepted on * lot", "offer accepted on * acres",
                            // A closing ahead: "our lot closes in January", "a lot we are closing on".
                            "lot closes", "land closes", "lot we are closing on", "lot we're closing on",
                            "land we are closing on", "land we're closing on", "closing on our lot", "closing on our land",
                            "close on the lot", "close on our lot",
                            "terreno bajo contrato", "lote bajo contrato"]),
    ], key: .underContract)
    static let ownership = PhraseVocabulary([
        ("own_lot", ["own a lot", "own the lot", "own land", "own the land", "own a piece", "own acreage",
                     "closed on a lot", "closed on the lot", "closed on land", "our lot", "my lot", "our land",
                     "my land", "our acreage", "lot owned", "lot is paid off", "lot owner", "land owner",
                     "lot is purchased", "lot is already purchased", "lot already purchased", "lot purchased",
                     "land is purchased", "land is already purchased", "lot we own", "lot that we own", "lot i own",
                     "land we own", "land i own", "acres we own", "acres i own", "acreage we own", "property we own",
                     "tract we own", "closed on the * lot", "closed on the * land",
                     "on his lot", "on her lot", "on their lot", "on his land", "on her land", "on their land",
                     "build on my property", "build on our property", "build * on my property", "build * on our property",
                     // The land named before the verb: "the lot we bought", "the land we just purchased".
                     "lot we bought", "lot we purchased", "lot i bought", "lot i purchased", "land we bought", "land we purchased",
                     "land i bought", "land i purchased", "lot we * bought", "lot we * purchased", "land we * bought",
                     "land we * purchased", "acres we bought", "acres we purchased", "property we bought", "property we purchased",
                     // Spanish, written without accents.
                     "tenemos * terreno", "tengo * terreno", "compramos * terreno", "nuestro terreno", "mi terreno",
                     "tenemos * lote", "tengo * lote", "compramos * lote", "nuestro lote", "mi lote"]),
    ], key: .ownership)
    /// Words between an ownership verb and the lot noun that are skipped (`bought a half-acre
    /// lot`, `own 5 acres`). `our` and `my` own too: "on our 10 acres", "our 5 acre lot".
    static let ownershipVerbs: Set<String> = ["own", "have", "bought", "purchased", "inherited", "got", "closed", "our", "my"]
    /// Verbs for which a `property` is the house they have, not land: "we have a property",
    /// "our property" in a remodel ("build on our property" is a phrase of its own).
    static let houseOwningVerbs: Set<String> = ["have", "our", "my"]
    /// Checked before an ``ownershipVerbs`` lookup, which hashes the word.
    static let ownershipVerbFilter = WordLookupFilter(ownershipVerbs)
    static let lotFillers: Set<String> = [
        "a", "an", "the", "our", "my", "this", "that", "on", "of", "piece", "half", "acre", "quarter", "one", "two",
        "three", "four", "five", "ten", "few", "couple", "some", "small", "large", "big", "corner", "wooded", "vacant",
        "beautiful", "nice", "great", "lake", "lakefront", "waterfront", "hill", "hilltop", "hillside", "sloped", "flat",
        "rural", "residential", "buildable", "country", "little", "raw", "cleared", "already", "just", "recently",
        "finally", "also", "acres", "lovely", "gorgeous", "private", "view",
    ]
    static let lotNouns: Set<String> = ["lot", "land", "acre", "acres", "acreage", "parcel", "property", "tract", "homesite"]
    static let negations: Set<String> = ["don't", "dont", "not", "no", "haven't", "havent", "never", "didn't"]

    /// Whole-value answers from forms, read only when they are the entire value.
    static let shortAnswers: [String: String] = [
        "yes": "own_lot", "own": "own_lot", "own lot": "own_lot", "i own": "own_lot", "we own": "own_lot",
        "yes i own": "own_lot", "lot owned": "own_lot", "no": "looking", "looking": "looking",
        "searching": "looking", "need lot": "looking", "need a lot": "looking", "pending": "under_contract",
        "no lot": "looking", "not yet": "looking",
    ]

    /// `own_lot`, `under_contract` or `looking` for a phrase or a text, or nil.
    ///
    /// Short answers from forms (`Yes`, `No`, `Looking`) are read only when they are the
    /// whole value, never inside a sentence. "a lot of" is a quantity, never land.
    /// - Parameter acceptingShortAnswers: false for free text, where a line saying "Yes" or
    ///   "No" answers something else.
    public static func status(in text: String, acceptingShortAnswers: Bool = true) -> String? {
        status(inWords: TextScanning.words(text), acceptingShortAnswers: acceptingShortAnswers)
    }

    /// ``status(in:acceptingShortAnswers:)`` over the text's words, already split by
    /// ``PhraseVocabulary/words(in:)`` (callers reading many lines split each once).
    package static func status(inWords textWords: [String], acceptingShortAnswers: Bool = true) -> String? {
        if acceptingShortAnswers, let answer = shortAnswers[textWords.joined(separator: " ")] { return answer }
        if let phrase = phraseStatus(textWords) { return phrase }
        // A form's answer opening with yes or no and going on ("Yes - 3 acres in Driftwood",
        // "No, still looking at lots"): the phrases above first, then the yes or no.
        if acceptingShortAnswers, let first = textWords.first { return openingAnswers[first] }
        return nil
    }

    /// First words of a form's answer that answer "Do you own a lot?".
    private static let openingAnswers: [String: String] = [
        "yes": "own_lot", "yep": "own_lot", "yeah": "own_lot", "yup": "own_lot", "no": "looking", "nope": "looking",
    ]

    /// The status the phrases of `textWords` give, or nil.
    private static func phraseStatus(_ textWords: [String]) -> String? {
        var words = textWords
        if let indexed = VocabularyIndex.words(words) { return status(indexed: indexed) }
        for index in words.indices.dropLast() where (words[index] == "lot" || words[index] == "lots") && words[index + 1] == "of" {
            words[index] = "plenty"
        }
        if !underContract.hits(inWords: words).isEmpty { return "under_contract" }
        if !looking.hits(inWords: words).isEmpty { return "looking" }
        if let verb = ownershipVerbIndex(words) {
            return negated(words, at: verb) ? "looking" : "own_lot"
        }
        if let hit = ownership.hits(inWords: words).first {
            return negated(words, at: hit.wordIndex) ? "looking" : "own_lot"
        }
        return nil
    }

    /// ``status(inWords:acceptingShortAnswers:)`` without short answers, of indexed words
    /// (``VocabularyIndex``), step for step.
    package static func status(indexed: VocabularyWords) -> String? {
        var words = indexed
        let lot = Indexed.lot, lots = Indexed.lots, of = Indexed.of, plenty = Indexed.plenty
        if words.count >= 2 {
            for index in 0..<(words.count - 1) where (words.raw[index] == lot || words.raw[index] == lots) && words.raw[index + 1] == of {
                words.raw[index] = plenty
                words.stem[index] = plenty
            }
        }
        if VocabularyIndex.underContract.hasHit(words) { return "under_contract" }
        if VocabularyIndex.looking.hasHit(words) { return "looking" }
        if let verb = ownershipVerbIndex(words) {
            return negated(words, at: verb) ? "looking" : "own_lot"
        }
        if let hit = VocabularyIndex.ownership.hits(words).first {
            return negated(words, at: hit.wordIndex) ? "looking" : "own_lot"
        }
        return nil
    }

    /// The word sets as string indices.
    private enum Indexed {
        static let lot = VocabularyIndex.index("lot")
        static let lots = VocabularyIndex.index("lots")
        static let of = VocabularyIndex.index("of")
        static let plenty = VocabularyIndex.index("plenty")
        static let property = VocabularyIndex.index("property")
        static let houseOwning = membership(houseOwningVerbs)
        static let verbs = membership(ownershipVerbs)
        static let nouns = membership(lotNouns)
        static let fillers = membership(lotFillers)
        static let negations = membership(LotStatusVocabulary.negations)

        static func membership(_ words: Set<String>) -> [Bool] {
            var member = [Bool](repeating: false, count: VocabularyIndex.strings.count)
            for word in words { member[Int(VocabularyIndex.index(word))] = true }
            return member
        }

        @inline(__always) static func contains(_ set: [Bool], _ index: Int32) -> Bool { index >= 0 && set[Int(index)] }
    }

    private static func ownershipVerbIndex(_ words: VocabularyWords) -> Int? {
        for index in 0..<words.count where Indexed.contains(Indexed.verbs, words.raw[index]) {
            let end = min(words.count, index + 7)
            guard let noun = ((index + 1)..<end).first(where: { Indexed.contains(Indexed.nouns, words.raw[$0]) }) else { continue }
            guard ((index + 1)..<noun).allSatisfy({ Indexed.contains(Indexed.fillers, words.raw[$0]) || words.numeric[$0] }) else { continue }
            if words.raw[noun] == Indexed.property, Indexed.contains(Indexed.houseOwning, words.raw[index]) { continue }
            return index
        }
        return nil
    }

    private static func negated(_ words: VocabularyWords, at index: Int) -> Bool {
        words.raw[max(0, index - 3)..<index].contains { Indexed.contains(Indexed.negations, $0) }
    }

    /// `bought a half acre lot`, `own 5 acres`, `closed on a 1.2 acre lot`: an ownership
    /// verb followed within six words by a lot noun.
    private static func ownershipVerbIndex(_ words: [String]) -> Int? {
        for (index, word) in words.enumerated() where ownershipVerbFilter.mayContain(word) && ownershipVerbs.contains(word) {
            let window = words[(index + 1)..<min(words.count, index + 7)]
            guard let noun = window.firstIndex(where: lotNouns.contains) else { continue }
            // Only a description of the land may come between: "a half acre", "on a 1.2 acre".
            guard words[(index + 1)..<noun].allSatisfy({ lotFillers.contains($0) || $0.allSatisfy(\.isNumber) }) else { continue }
            // "our property" in a remodel is the house: only "own/bought ... property" counts.
            if words[noun] == "property", houseOwningVerbs.contains(word) { continue }
            return index
        }
        return nil
    }

    private static func negated(_ words: [String], at index: Int) -> Bool {
        words[max(0, index - 3)..<index].contains(where: negations.contains)
    }
}
