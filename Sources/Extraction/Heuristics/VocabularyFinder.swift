import LeadModel

/// Project type, lot status and financing from free text, through LeadModel's vocabularies.
enum VocabularyFinder {
    /// The most specific project type named anywhere in the text (a custom home with a
    /// casita is a custom home), at the line where it is first named.
    static func projectType(in lines: InquiryLines) -> HeuristicFinding<String>? {
        // Words of the whole text, so a phrase broken across lines ("custom\nhome") is found.
        var words: [String] = []
        var lineOfWord: [Int] = []
        for (index, line) in lines.lines.enumerated() where !line.text.isEmpty {
            let lineWords = lines.words(at: index)
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
            LotStatusVocabulary.status(inWords: $0, acceptingShortAnswers: false)
        }
    }

    /// The first line that states how the project is paid for.
    static func financing(in lines: InquiryLines) -> HeuristicFinding<String>? {
        firstLine(in: lines, rule: "financing phrase", triggers: financingTriggers) {
            FinancingVocabulary.status(inWords: $0, acceptingShortAnswers: false)
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
    ///
    /// `read` gets the words of a line (split once, shared with the other finders) or of
    /// a pair of lines; for two ASCII lines those are the first's words then the second's,
    /// so only a pair with a non-ASCII line is split again. A line's answer is computed once.
    private static func firstLine(
        in lines: InquiryLines, rule: String, triggers: ASCIIWordSet, _ read: ([String]) -> String?
    ) -> HeuristicFinding<String>? {
        let filled = lines.lines.indices.filter { !lines.lines[$0].text.isEmpty }
        let mayHit = filled.map { !lines.traits[$0].isASCII || triggers.containsWord(in: lines.lines[$0].text) }
        var answers: [String??] = Array(repeating: nil, count: filled.count)
        func answer(_ index: Int) -> String? {
            if let known = answers[index] { return known }
            let value = read(lines.words(at: filled[index]))
            answers[index] = .some(value)
            return value
        }
        for (index, lineIndex) in filled.enumerated() {
            let line = lines.lines[lineIndex]
            if mayHit[index], let value = answer(index) {
                return HeuristicFinding(value: value, line: line.number, rule: rule)
            }
            guard index + 1 < filled.count, lines.lines[filled[index + 1]].number == line.number + 1 else { continue }
            guard mayHit[index] || mayHit[index + 1] else { continue }
            let nextIndex = filled[index + 1]
            let pairWords = lines.traits[lineIndex].isASCII && lines.traits[nextIndex].isASCII
                ? lines.words(at: lineIndex) + lines.words(at: nextIndex)
                : PhraseVocabulary.words(in: line.text + " " + lines.lines[nextIndex].text)
            if let value = read(pairWords), answer(index + 1) == nil {
                return HeuristicFinding(value: value, line: line.number, rule: rule)
            }
        }
        return nil
    }
}
