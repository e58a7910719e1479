@testable import Extraction
import LeadModel
import Testing

/// The shortcuts of the inquiry heuristics against the general reading they spare: the
/// text-wide presence exit of ``VocabularyFinder`` (a text whose words meet no requirement
/// is not read line by line) and the flat ``InquiryKeywords/Requirements/mayMatch(_:)``.
@Suite("Inquiry heuristics shortcuts")
struct InquiryShortcutTests {
    /// Texts that would expose a shortcut that loses a finding: phrases on one line, wrapped
    /// onto the next, behind quoted and empty lines, non-ASCII words, CR LF, combining marks
    /// (which extend a Character and so change a word), KELVIN SIGN and `’`, empty, huge.
    static let texts: [String] = [
        "",
        "\n\n",
        "Hello there, just a question about your hours.",
        "We already own the lot and are pre-approved for a construction loan.",
        "We would like a custom home.\nWe own a lot in Dripping Springs.",
        "We are looking for land\nand would pay cash for the build.",
        "We would pay\ncash",
        "custom\nhome please",
        "> We own the lot\nquoted above, nothing here",
        "We own the lot\u{301} already",
        "We own the lo\u{301}t already",
        "We ówn the lot and need financing",
        "We own the lot\r\nand we are pre\u{2011}approved",
        "We own the lot\r\nand we’re preapproved",
        "\u{212A}itchen remodel, we own the land",
        "Our lot is under contract; a custom home on it.\r\n",
        "Land: owned\nFinancing: cash\nProject: custom home",
        "We are preapproved.",
        "Nous cherchons un terrain. Financement: comptant.",
        "e\u{301}\ne\u{301}",
        String(repeating: "We own the lot and would like a custom home, pre-approved.\n", count: 450),
        String(repeating: "nothing to see here on this line at all\n", count: 420) + "we own the lot",
        String(repeating: "x", count: 2_000) + "\nwe own the lot",
    ]

    /// ``VocabularyFinder``'s first-line reading without any prefilter: every filled line,
    /// then each pair of consecutive filled lines, read from their words.
    static func referenceFirstLine(_ lines: InquiryLines, _ read: ([String]) -> String?) -> (value: String, line: Int)? {
        let filled = lines.lines.indices.filter { !lines.lines[$0].text.isEmpty }
        for (index, lineIndex) in filled.enumerated() {
            let line = lines.lines[lineIndex]
            if let value = read(lines.words(at: lineIndex)) { return (value, line.number) }
            guard index + 1 < filled.count, lines.lines[filled[index + 1]].number == line.number + 1 else { continue }
            let next = filled[index + 1]
            if let value = read(lines.pairWords(lineIndex, next)), read(lines.words(at: next)) == nil {
                return (value, line.number)
            }
        }
        return nil
    }

    @Test(arguments: texts.indices)
    func lotStatusAndFinancingMatchTheUnfilteredReading(_ number: Int) {
        let text = Self.texts[number]
        let lines = InquiryLines(text)
        let lot = VocabularyFinder.lotStatus(in: lines)
        let expectedLot = Self.referenceFirstLine(InquiryLines(text)) {
            LotStatusVocabulary.status(inWords: $0, acceptingShortAnswers: false)
        }
        #expect(lot?.value == expectedLot?.value && lot?.line == expectedLot?.line, "lot status of \(text.debugDescription.prefix(80))")
        let financing = VocabularyFinder.financing(in: lines)
        let expectedFinancing = Self.referenceFirstLine(InquiryLines(text)) {
            FinancingVocabulary.status(inWords: $0, acceptingShortAnswers: false)
        }
        #expect(financing?.value == expectedFinancing?.value && financing?.line == expectedFinancing?.line,
                "financing of \(text.debugDescription.prefix(80))")
    }

    @Test(arguments: texts.indices)
    func projectTypeMatchesTheUnfilteredReading(_ number: Int) {
        let text = Self.texts[number]
        let lines = InquiryLines(text)
        let found = VocabularyFinder.projectType(in: lines)
        var words: [String] = []
        var lineOfWord: [Int] = []
        for index in lines.lines.indices where !lines.lines[index].text.isEmpty {
            let lineWords = lines.words(at: index)
            words += lineWords
            lineOfWord += repeatElement(lines.lines[index].number, count: lineWords.count)
        }
        let best = ProjectTypeVocabulary.vocabulary.hits(inWords: words).min { ($0.rank, $0.wordIndex) < ($1.rank, $1.wordIndex) }
        #expect(found?.value == best?.slug && found?.line == best.map { lineOfWord[$0.wordIndex] },
                "project type of \(text.debugDescription.prefix(80))")
    }

    /// The text's presence holds every line's (so a requirement it fails, every line and
    /// pair fails).
    @Test(arguments: texts.indices)
    func textPresenceHoldsEveryLinesPresence(_ number: Int) {
        let text = Self.texts[number]
        let lines = InquiryLines(text)
        for presence in lines.presence {
            for word in 0..<(InquiryKeywords.PresenceSet.capacity / 64) {
                #expect(lines.textPresence[word: word] & presence[word: word] == presence[word: word])
            }
        }
    }

    /// ``InquiryKeywords/Requirements/mayMatch(_:)`` against the definition: some
    /// alternative has every bit, over sets made of alternatives' bits (some whole, some with
    /// a bit missing) and random bits.
    @Test func mayMatchAgreesWithTheDefinition() {
        let vocabularies: [(InquiryKeywords.Requirements, FreeTextRequirements)] = [
            (InquiryKeywords.lotStatus, LotStatusVocabulary.requirements),
            (InquiryKeywords.financing, FinancingVocabulary.requirements),
            (InquiryKeywords.projectType, ProjectTypeVocabulary.vocabulary.requirements),
        ]
        var generator = SplitMix64(seed: 42)
        for (compiled, requirements) in vocabularies {
            let alternatives = requirements.alternatives.map { $0.map(InquiryKeywords.bit) }
            func expected(_ set: InquiryKeywords.PresenceSet) -> Bool {
                alternatives.contains { $0.allSatisfy(set.contains) }
            }
            #expect(compiled.mayMatch(InquiryKeywords.PresenceSet()) == expected(InquiryKeywords.PresenceSet()))
            for _ in 0..<400 {
                var set = InquiryKeywords.PresenceSet()
                for _ in 0..<Int(generator.next() % 4) {
                    let alternative = alternatives[Int(generator.next() % UInt64(alternatives.count))]
                    // Sometimes all of it, sometimes all but one bit (the anchor or another).
                    let skip = generator.next() % 2 == 0 ? -1 : Int(generator.next() % UInt64(max(alternative.count, 1)))
                    for (offset, bit) in alternative.enumerated() where offset != skip { set.insert(bit) }
                }
                for _ in 0..<Int(generator.next() % 6) { set.insert(Int(generator.next() % UInt64(InquiryKeywords.PresenceSet.capacity))) }
                #expect(compiled.mayMatch(set) == expected(set))
            }
        }
    }

}
