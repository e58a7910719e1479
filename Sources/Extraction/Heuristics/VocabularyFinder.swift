import LeadModel

/// Project type, lot status and financing from free text, through LeadModel's vocabularies.
enum VocabularyFinder {
    /// The most specific project type named anywhere in the text (a custom home with a
    /// casita is a custom home), at the line where it is first named.
    static func projectType(in lines: InquiryLines) -> HeuristicFinding<String>? {
        // Words of the whole text, so a phrase broken across lines ("custom\nhome") is found.
        var words: [String] = []
        var lineOfWord: [Int] = []
        for line in lines.lines where !line.text.isEmpty {
            let lineWords = PhraseVocabulary.words(in: line.text)
            words += lineWords
            lineOfWord += Array(repeating: line.number, count: lineWords.count)
        }
        guard let best = ProjectTypeVocabulary.vocabulary.hits(inWords: words).min(by: { ($0.rank, $0.wordIndex) < ($1.rank, $1.wordIndex) })
        else { return nil }
        return HeuristicFinding(value: best.slug, line: lineOfWord[best.wordIndex], rule: "project type phrase")
    }

    /// The first line that states a lot status.
    static func lotStatus(in lines: InquiryLines) -> HeuristicFinding<String>? {
        firstLine(in: lines, rule: "lot status phrase", triggers: lotStatusTriggers) {
            LotStatusVocabulary.status(in: $0, acceptingShortAnswers: false)
        }
    }

    /// The first line that states how the project is paid for.
    static func financing(in lines: InquiryLines) -> HeuristicFinding<String>? {
        firstLine(in: lines, rule: "financing phrase", triggers: financingTriggers) {
            FinancingVocabulary.status(in: $0, acceptingShortAnswers: false)
        }
    }

    private static let lotStatusTriggers = ASCIIWordSet(LotStatusVocabulary.triggerWords)
    private static let financingTriggers = ASCIIWordSet(FinancingVocabulary.triggerWords)

    /// The first line on which `read` finds something; a phrase wrapped onto the next line
    /// ("we would pay\ncash") is found on the line where it starts.
    ///
    /// `read` finds nothing in ASCII text that has none of `triggers` as a word, and
    /// the words of ASCII `a + " " + b` are those of `a` then those of `b`: so a line, or a
    /// pair of ASCII lines, without a trigger is not read at all. Non-ASCII lines (whose
    /// lowercasing may make ASCII letters) are always read.
    private static func firstLine(
        in lines: InquiryLines, rule: String, triggers: ASCIIWordSet, _ read: (String) -> String?
    ) -> HeuristicFinding<String>? {
        let filled = lines.lines.indices.filter { !lines.lines[$0].text.isEmpty }
        let mayHit = filled.map { !lines.traits[$0].isASCII || triggers.containsWord(in: lines.lines[$0].text) }
        for (index, lineIndex) in filled.enumerated() {
            let line = lines.lines[lineIndex]
            if mayHit[index], let value = read(line.text) {
                return HeuristicFinding(value: value, line: line.number, rule: rule)
            }
            guard index + 1 < filled.count, lines.lines[filled[index + 1]].number == line.number + 1 else { continue }
            guard mayHit[index] || mayHit[index + 1] else { continue }
            let next = lines.lines[filled[index + 1]].text
            if let value = read(line.text + " " + next), read(next) == nil {
                return HeuristicFinding(value: value, line: line.number, rule: rule)
            }
        }
        return nil
    }
}
