import LeadModel

/// Project type, lot status and financing from free text, through LeadModel's vocabularies.
enum VocabularyFinder {
    /// The most specific project type named anywhere in the text (a custom home with a
    /// casita is a custom home), at the line where it is first named; or a home to build told
    /// by its rooms and size (``HomeDescription``), over the features ranked under it.
    /// `features` false leaves out a project that is a feature of a home (a garage, a patio,
    /// a pool): in a wish list for a home they are its features.
    static func projectType(in lines: InquiryLines, features: Bool = true) -> HeuristicFinding<String>? {
        let named = namedProjectType(in: lines)
        if (named?.rank ?? .max) > ProjectTypeVocabulary.describedHomeRank, let line = HomeDescription.firstLine(in: lines) {
            return HeuristicFinding(value: "new_build", line: line, rule: "home described by its rooms and size")
        }
        guard let named, features || !ProjectTypeVocabulary.homeFeatureSlugs.contains(named.slug) else { return nil }
        return HeuristicFinding(value: named.slug, line: named.line, rule: "project type phrase")
    }

    /// The most specific project type a phrase names, its rank and line.
    private static func namedProjectType(in lines: InquiryLines) -> (slug: String, rank: Int, line: Int)? {
        // A hit needs every word of a phrase somewhere in the text: without, nothing to read.
        // (An empty or quoted line has no words: the text's presence is that of its filled lines.)
        guard InquiryKeywords.projectType.mayMatch(lines.textPresence) else { return nil }
        // Every line with indices: the text's words as stem indices (all a reading of
        // phrases compares), those of its filled lines in order (an empty or quoted line has
        // none), mostly recorded by the line scan.
        if let (stems, starts) = lines.textStems {
            // (A project word in a road's name is none: "9100 Hamilton Pool Rd". Most best
            // hits are no road's: the hits are read again only when it is.)
            guard var best = VocabularyIndex.projectType.best(stems: stems) else { return nil }
            if lines.isStreetName(words: best.wordIndex..<(best.wordIndex + best.length)) {
                guard let other = VocabularyIndex.projectType.best(stems: stems, keeping: {
                    !lines.isStreetName(words: $0.wordIndex..<($0.wordIndex + $0.length))
                }) else { return nil }
                best = other
            }
            return (best.slug, best.rank, lines.lineNumber(ofWord: best.wordIndex, starts: starts))
        }
        // Words of the whole text, so a phrase broken across lines ("custom\nhome") is found:
        // as vocabulary indices when every line has them.
        let filled = lines.lines.indices.filter { !lines.lines[$0].text.isEmpty }
        var lineOfWord: [Int] = []
        let hits: [PhraseVocabulary.Hit]
        if filled.allSatisfy({ lines.indexed(at: $0) != nil }) {
            var words = VocabularyWords()
            for index in filled {
                guard let lineWords = lines.indexed(at: index) else { continue }
                words.append(contentsOf: lineWords)
                lineOfWord += repeatElement(lines.lines[index].number, count: lineWords.count)
            }
            hits = VocabularyIndex.projectType.hits(words)
        } else {
            var words: [String] = []
            for index in filled {
                let lineWords = lines.words(at: index)
                words += lineWords
                lineOfWord += repeatElement(lines.lines[index].number, count: lineWords.count)
            }
            hits = ProjectTypeVocabulary.vocabulary.hits(inWords: words)
        }
        guard let best = hits.min(by: { ($0.rank, $0.wordIndex) < ($1.rank, $1.wordIndex) }) else { return nil }
        return (best.slug, best.rank, lineOfWord[best.wordIndex])
    }

    /// The first line that states a lot status.
    static func lotStatus(in lines: InquiryLines) -> HeuristicFinding<String>? {
        firstLine(in: lines, .lotStatus)
    }

    /// The first line that states how the project is paid for.
    static func financing(in lines: InquiryLines) -> HeuristicFinding<String>? {
        firstLine(in: lines, .financing)
    }

    /// What ``firstLine(in:_:)`` reads. (A value, not closures: both readings run the same
    /// code, one copy of it.)
    private enum Reading {
        case lotStatus
        case financing

        var requirements: InquiryKeywords.Requirements {
            switch self {
            case .lotStatus: InquiryKeywords.lotStatus
            case .financing: InquiryKeywords.financing
            }
        }

        var rule: String {
            switch self {
            case .lotStatus: "lot status phrase"
            case .financing: "financing phrase"
            }
        }

        func read(indexed words: VocabularyWords) -> String? {
            switch self {
            case .lotStatus: LotStatusVocabulary.status(indexed: words)
            case .financing: FinancingVocabulary.status(indexed: words)
            }
        }

        func read(words: [String]) -> String? {
            switch self {
            case .lotStatus: LotStatusVocabulary.status(inWords: words, acceptingShortAnswers: false)
            case .financing: FinancingVocabulary.status(inWords: words, acceptingShortAnswers: false)
            }
        }
    }

    /// The first line on which `reading` finds something; a phrase wrapped onto the next
    /// line ("we would pay\ncash") is found on the line where it starts.
    ///
    /// A reading finds nothing in words that meet none of its requirements' alternatives,
    /// so a line, or a pair of lines, whose words (``InquiryLines/presence``,
    /// ``InquiryLines/pairPresence(_:_:)``) meet none is not read at all.
    ///
    /// It reads the vocabulary indices of a line (or of a pair of lines) when they have
    /// them, else their words (split once, shared with the other finders;
    /// ``InquiryLines/pairWords(_:_:)``). A line's answer is computed once.
    @inline(never)
    private static func firstLine(in lines: InquiryLines, _ reading: Reading) -> HeuristicFinding<String>? {
        let requirements = reading.requirements
        // A line's presence, and a pair's (a union of two lines'), is within the text's: a
        // text that meets no alternative has no line nor pair to read.
        guard requirements.mayMatch(lines.textPresence) else { return nil }
        // A line's answer is asked for at most twice: as the next line of a pair, then as
        // the line itself; one slot keeps the last one.
        var known: (index: Int, value: String?)?
        func answer(_ index: Int) -> String? {
            if let known, known.index == index { return known.value }
            let value = lines.indexed(at: index).map(reading.read(indexed:)) ?? reading.read(words: lines.words(at: index))
            known = (index, value)
            return value
        }
        func read(pair index: Int, _ next: Int) -> String? {
            lines.pairIndexed(index, next).map(reading.read(indexed:)) ?? reading.read(words: lines.pairWords(index, next))
        }
        let all = lines.lines
        for index in all.indices where !all[index].text.isEmpty {
            if requirements.mayMatch(lines.presence[index]), let value = answer(index) {
                return HeuristicFinding(value: value, line: all[index].number, rule: reading.rule)
            }
            // A pair is a filled line and the filled line right after it.
            let next = index + 1
            guard next < all.count, !all[next].text.isEmpty else { continue }
            guard requirements.mayMatch(lines.pairPresence(index, next)) else { continue }
            if let value = read(pair: index, next), answer(next) == nil {
                return HeuristicFinding(value: value, line: all[index].number, rule: reading.rule)
            }
        }
        return nil
    }
}
