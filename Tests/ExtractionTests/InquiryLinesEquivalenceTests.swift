@testable import Extraction
import LeadModel
import Testing

/// The cheaper inquiry heuristics against the readings they replace: the vocabulary indices
/// the line scan records, the self-introduction byte prefilter, the line shape's chosen
/// readings and the one-slot first-line reader, each compared with a reference copy of the
/// code it replaced, over generated texts full of the cases that differ (non-ASCII words,
/// CR LF, quoted and empty lines, phrases wrapped over two lines).
@Suite("Inquiry lines: cheaper readings, same answers")
struct InquiryLinesEquivalenceTests {
    // MARK: - Generated texts


    private static let fragments: [String] = [
        "we own a lot", "We bought land", "we own the lot outright", "pre-approved", "pre approved", "we would pay", "cash",
        "pay cash", "custom home", "custom", "home", "remodel", "addition", "looking for a lot", "under contract",
        "don't own", "don’t own", "do not own", "lots", "homes", "FHA", "construction loan", "financing", "approved",
        "My name is Sarah Johnson", "my name is maria gonzalez", "Hi, this is Dana Lee", "Hello there - this is Bob Smith",
        "this is a custom home", "Good afternoon there, this is Ann Ray", "12345 this is Al Ng", "Hi hi hi hi hi hi this is Jo Li",
        "THIS IS Kim Park", "MY NAME IS Lee Wu", "José’s budget", "café", "Kelvin \u{212A}", "e\u{301}", "\u{A0}", "\u{2019}s",
        "1234 Oak Hollow Dr", "4508 Avenue F", "Austin, TX 78704", "in San Marcos, TX", "near Wimberley, Texas.", "zip 78704",
        "ZIP code: 78704-1234", "$650k", "spring 2027", "123", "2,800 sq ft", "Dr", "Way", "Court", "from", "at", "in",
        "Thanks,", "Maria", "- Maria", ",", ".", "!", "'", "(", ")", ":", "\t", "  ",
    ]
    private static let separators = [" ", " ", " ", " ", "\n", "\r\n", "\n\n", "\n> ", "\r", ", ", "\u{A0}"]

    private static func texts(count: Int, seed: UInt64) -> [String] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            var text = ""
            for index in 0..<(1 + generator.below(24)) {
                if index > 0 { text += separators[generator.below(separators.count)] }
                text += fragments[generator.below(fragments.count)]
            }
            return text
        }
    }

    private static let handWritten: [String] = [
        "", "\n", "> we own a lot\nwe would pay\ncash", "we own a\r\nlot", "custom\nhome", "Custom Home\n\nremodel",
        "we would pay\n> quoted\ncash", "Hi,\nThis is Sarah Lee.", "hello, this is sarah lee", "x this is Al Ng",
        "We are pre-\napproved", "José will pay cash", "Kelvin \u{212A} homes", "1234 Oak Hollow Dr\nAustin, TX 78704",
    ]

    private static let allTexts = handWritten + texts(count: 600, seed: 0x5EED_0001)

    // MARK: - Vocabulary indices

    /// The words of a line as indices, as they were computed before: from the line's text.
    private static func referenceIndexed(_ text: String) -> VocabularyWords? {
        VocabularyIndex.words(ascii: text) ?? VocabularyIndex.words(PhraseVocabulary.words(in: text))
    }

    private static func same(_ a: VocabularyWords?, _ b: VocabularyWords?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case let (a?, b?): a.raw == b.raw && a.stem == b.stem && a.numeric == b.numeric
        default: false
        }
    }

    @Test func lineIndicesAreThoseOfTheLineText() {
        for text in Self.allTexts {
            let lines = InquiryLines(text)
            for index in lines.lines.indices {
                let expected = Self.referenceIndexed(lines.lines[index].text)
                #expect(Self.same(lines.indexed(at: index), expected), "line \(index) of \(text.debugDescription)")
            }
        }
    }

    @Test func textIndicesAreEveryLinesInOrderWithTheirLineNumbers() {
        var seen = (ascii: 0, mixed: 0, none: 0)
        for text in Self.allTexts {
            let lines = InquiryLines(text)
            let perLine = lines.lines.indices.map { Self.referenceIndexed(lines.lines[$0].text) }
            guard let (whole, starts) = lines.textIndexed else {
                #expect(perLine.contains { $0 == nil }, "\(text.debugDescription)")
                seen.none += 1
                continue
            }
            if lines.lines.allSatisfy({ $0.text.utf8.allSatisfy { $0 < 0x80 } }) { seen.ascii += 1 } else { seen.mixed += 1 }
            var expected = VocabularyWords()
            var numbers: [Int] = []
            for (index, words) in perLine.enumerated() {
                guard let words else { Issue.record("a line without indices: \(text.debugDescription)"); continue }
                expected.append(contentsOf: words)
                numbers += Array(repeating: lines.lines[index].number, count: words.count)
            }
            #expect(Self.same(whole, expected), "\(text.debugDescription)")
            for word in 0..<numbers.count {
                #expect(lines.lineNumber(ofWord: word, starts: starts) == numbers[word], "word \(word) of \(text.debugDescription)")
            }
        }
        // The texts exercise both kinds (a line without indices needs a word that may equal
        // ASCII without being it, which words rarely hold).
        #expect(seen.ascii > 20 && seen.mixed > 20, "\(seen)")
    }

    // MARK: - Project type, lot status, financing

    /// ``VocabularyFinder/projectType(in:)`` as it read the text before: from every line's indices.
    private static func referenceProjectType(_ lines: InquiryLines) -> HeuristicFinding<String>? {
        guard InquiryKeywords.projectType.mayMatch(lines.textPresence) else { return nil }
        let filled = lines.lines.indices.filter { !lines.lines[$0].text.isEmpty }
        var lineOfWord: [Int] = []
        let hits: [PhraseVocabulary.Hit]
        if filled.allSatisfy({ referenceIndexed(lines.lines[$0].text) != nil }) {
            var words = VocabularyWords()
            for index in filled {
                guard let lineWords = referenceIndexed(lines.lines[index].text) else { continue }
                words.append(contentsOf: lineWords)
                lineOfWord += repeatElement(lines.lines[index].number, count: lineWords.count)
            }
            hits = VocabularyIndex.projectType.hits(words)
        } else {
            var words: [String] = []
            for index in filled {
                let lineWords = PhraseVocabulary.words(in: lines.lines[index].text)
                words += lineWords
                lineOfWord += repeatElement(lines.lines[index].number, count: lineWords.count)
            }
            hits = ProjectTypeVocabulary.vocabulary.hits(inWords: words)
        }
        // (A project word in a road's name is none: ``InquiryLines/isStreetName(words:)``.)
        guard let best = hits.filter({ !lines.isStreetName(words: $0.wordIndex..<($0.wordIndex + $0.length)) })
            .min(by: { ($0.rank, $0.wordIndex) < ($1.rank, $1.wordIndex) }) else { return nil }
        return HeuristicFinding(value: best.slug, line: lineOfWord[best.wordIndex], rule: "project type phrase")
    }

    /// The first-line reading as it was: every filled line's answer kept in an array.
    private static func referenceFirstLine(
        _ lines: InquiryLines, rule: String, requirements: InquiryKeywords.Requirements,
        _ readIndexed: (VocabularyWords) -> String?, _ readWords: ([String]) -> String?
    ) -> HeuristicFinding<String>? {
        guard requirements.mayMatch(lines.textPresence) else { return nil }
        let filled = lines.lines.indices.filter { !lines.lines[$0].text.isEmpty }
        let mayHit = filled.map { requirements.mayMatch(lines.presence[$0]) }
        var answers: [String??] = Array(repeating: nil, count: filled.count)
        func answer(_ index: Int) -> String? {
            if let known = answers[index] { return known }
            let value = referenceIndexed(lines.lines[filled[index]].text).map(readIndexed)
                ?? readWords(PhraseVocabulary.words(in: lines.lines[filled[index]].text))
            answers[index] = .some(value)
            return value
        }
        for (index, lineIndex) in filled.enumerated() {
            let line = lines.lines[lineIndex]
            if mayHit[index], let value = answer(index) { return HeuristicFinding(value: value, line: line.number, rule: rule) }
            guard index + 1 < filled.count, lines.lines[filled[index + 1]].number == line.number + 1 else { continue }
            let nextIndex = filled[index + 1]
            guard requirements.mayMatch(lines.pairPresence(lineIndex, nextIndex)) else { continue }
            let value = lines.pairIndexed(lineIndex, nextIndex).map(readIndexed) ?? readWords(lines.pairWords(lineIndex, nextIndex))
            if let value, answer(index + 1) == nil { return HeuristicFinding(value: value, line: line.number, rule: rule) }
        }
        return nil
    }

    private static func same(_ a: HeuristicFinding<String>?, _ b: HeuristicFinding<String>?) -> Bool {
        a?.value == b?.value && a?.line == b?.line && a?.rule == b?.rule
    }

    @Test func vocabularyFindingsAreThoseOfTheReferenceReadings() {
        var found = (projectType: 0, lotStatus: 0, financing: 0)
        for text in Self.allTexts {
            let lines = InquiryLines(text)
            let projectType = VocabularyFinder.projectType(in: lines)
            #expect(Self.same(projectType, Self.referenceProjectType(lines)), "\(text.debugDescription)")
            let lotStatus = VocabularyFinder.lotStatus(in: lines)
            let expectedLot = Self.referenceFirstLine(lines, rule: "lot status phrase", requirements: InquiryKeywords.lotStatus,
                                                      LotStatusVocabulary.status(indexed:)) {
                LotStatusVocabulary.status(inWords: $0, acceptingShortAnswers: false)
            }
            #expect(Self.same(lotStatus, expectedLot), "\(text.debugDescription)")
            let financing = VocabularyFinder.financing(in: lines)
            let expectedFinancing = Self.referenceFirstLine(lines, rule: "financing phrase", requirements: InquiryKeywords.financing,
                                                            FinancingVocabulary.status(indexed:)) {
                FinancingVocabulary.status(inWords: $0, acceptingShortAnswers: false)
            }
            #expect(Self.same(financing, expectedFinancing), "\(text.debugDescription)")
            if projectType != nil { found.projectType += 1 }
            if lotStatus != nil { found.lotStatus += 1 }
            if financing != nil { found.financing += 1 }
        }
        // The texts exercise each reading.
        #expect(found.projectType > 20 && found.lotStatus > 20 && found.financing > 20)
    }

    // MARK: - Self-introductions

    @Test func selfIntroductionsAreThoseOfTheReferenceReading() {
        var found = 0
        for text in Self.allTexts {
            let lines = InquiryLines(text)
            let actual = SelfIntroductionFinder.find(in: lines)
            let expected = ReferenceSelfIntroduction.find(lines)
            #expect(actual?.value == expected?.value && actual?.line == expected?.line, "\(text.debugDescription)")
            if actual != nil { found += 1 }
        }
        #expect(found > 20)
    }

    // MARK: - Line shapes

    @Test func aLineShapeReadsTheChosenReadingsAsAllOfThem() {
        let choices: [AddressFinder.LineShape.Readings] = [[], .street, .zip, .cityState, [.street, .zip], [.zip, .cityState], .all]
        for text in Self.allTexts {
            for line in InquiryLines(text).lines.map(\.text) {
                let full = AddressFinder.LineShape(line)
                for readings in choices {
                    let shape = AddressFinder.LineShape(line, readings: readings)
                    if readings.contains(.street) { #expect(shape.mayHaveStreet == full.mayHaveStreet, "\(line.debugDescription)") }
                    if readings.contains(.zip) {
                        #expect(shape.mayHaveZIP == full.mayHaveZIP, "\(line.debugDescription)")
                        #expect(shape.mayHaveLabelledZIP == full.mayHaveLabelledZIP, "\(line.debugDescription)")
                    }
                    if readings.contains(.cityState) {
                        #expect(shape.mayHaveCityState == full.mayHaveCityState, "\(line.debugDescription)")
                    }
                }
            }
        }
    }

    // MARK: - Timeline cues

    private static let timelineTexts: [String] = [
        "We hope to start building in spring 2027", "We bought the lot last year and want to build by summer",
        "Timeline is flexible", "budget is flexible", "we'd like to move in by next spring", "Break ground ASAP",
        "We would like to start in 3-6 months", "looking to build within 6 months\nbuilt in 1990",
        "Start date: Q3 2027", "when: June 2027", "closed on the lot in May 2024, hoping to begin next year",
        "We're planning to break ground in fall", "it was built in 2001 since then nothing", "we're looking to start soon",
    ]

    /// The scan flags exactly the words of an ASCII line that start a cue of each kind, at
    /// the positions ``InquiryLines/words(at:)`` gives them.
    @Test func cueWordsAreFlaggedWhereTheLineWordsHoldThem() {
        let kinds: [(InquiryKeywords.Flags, [String])] = [
            (.futureCue, TimelinePhraseFinder.futureCues), (.pastCue, TimelinePhraseFinder.pastCues),
            (.timingCue, TimelinePhraseFinder.timingCues),
        ]
        var flagged = 0
        for text in Self.allTexts + Self.timelineTexts {
            let lines = InquiryLines(text)
            for index in lines.lines.indices where lines.traits[index].isASCII {
                let words = lines.words(at: index)
                for (kind, cues) in kinds {
                    let heads = Set(cues.compactMap { $0.split(separator: " ").first.map(String.init) })
                    var visited: [Int] = []
                    _ = lines.anyWord(at: index, starting: kind) { visited.append($0); return false }
                    #expect(visited == words.indices.filter { heads.contains(words[$0]) }, "\(lines.lines[index].text.debugDescription)")
                    flagged += visited.count
                }
            }
        }
        #expect(flagged > 50)
    }

    /// ``TimelinePhraseFinder/find(in:)`` as it was: every cue looked for in all the words.
    private static func referenceTimeline(_ lines: InquiryLines) -> HeuristicFinding<String>? {
        let cues = TimelinePhraseFinder.futureCues + TimelinePhraseFinder.pastCues + TimelinePhraseFinder.timingCues
        let future = 0..<TimelinePhraseFinder.futureCues.count
        let past = future.upperBound..<(future.upperBound + TimelinePhraseFinder.pastCues.count)
        let timing = past.upperBound..<cues.count
        for (index, line) in lines.lines.enumerated() where !line.text.isEmpty {
            guard lines.traits[index].keywords.contains(.timeline) else { continue }
            let words = lines.words(at: index)
            let matches = TimelinePhrase.matches(inWords: words)
            guard !matches.isEmpty else { continue }
            let lower = " " + words.joined(separator: " ") + " "
            let has = { (cue: Int) in lower.contains(" \(cues[cue]) ") }
            let isFuture = future.contains(where: has)
            if past.contains(where: has) && !isFuture { continue }
            let isTiming = timing.contains(where: has)
            for match in matches where TimelinePhraseFinder.isStrong(match) || (isFuture && !TimelinePhraseFinder.isVague(match)) || isTiming {
                return HeuristicFinding(value: match.canonical, line: line.number, rule: "timeline phrase")
            }
        }
        return nil
    }

    @Test func timelinesAreThoseOfTheReferenceReading() {
        var found = 0
        for text in Self.allTexts + Self.timelineTexts {
            let lines = InquiryLines(text)
            let actual = TimelinePhraseFinder.find(in: lines)
            #expect(Self.same(actual, Self.referenceTimeline(lines)), "\(text.debugDescription)")
            if actual != nil { found += 1 }
        }
        #expect(found > 10)
    }

    // MARK: - Addresses

    /// The words after a street are read as they were: joined with spaces, then split again.
    @Test func wordsAfterAStreetReadAsTheirJoinedText() {
        var compared = 0
        for text in Self.allTexts + Self.addressTexts {
            for line in InquiryLines(text).lines.map(\.text) {
                let words = AddressFinder.spaceSeparatedWords(line)
                for end in words.indices.dropFirst() {
                    let joined = words[end...].joined(separator: " ")
                    let rest = Array(words[end...])
                    #expect(AddressFinder.cityStateZip(words: rest) == AddressFinder.cityStateZip(in: joined), "\(line.debugDescription)")
                    #expect(AddressFinder.cityState(words: rest) == AddressFinder.cityState(in: joined), "\(line.debugDescription)")
                    compared += 1
                }
            }
        }
        #expect(compared > 1_000)
    }

    /// A word whose first byte is no ASCII digit has no first Character that is an ASCII
    /// number (what a house number starts with), so the street walk skips it.
    @Test func aHouseNumberStartsWithADigitByte() {
        let words = (Self.allTexts + Self.addressTexts).flatMap { text in
            InquiryLines(text).lines.flatMap { AddressFinder.spaceSeparatedWords($0.text) }
        } + ["1\u{301}23", "\u{661}23", "\u{FF11}", "١٢", "1", "x1"]
        for word in words where !(word.utf8.first.map { $0 >= 0x30 && $0 <= 0x39 } ?? false) {
            #expect(!(word.first.map { $0.isASCII && $0.isNumber } ?? false), "\(word.debugDescription)")
        }
    }

    private static let addressTexts: [String] = [
        "1234 Oak Hollow Dr, Austin, TX 78704", "We are at 55 Main St Apt 4 Round Rock TX 78664 thanks",
        "4508 Avenue F\nAustin, TX 78751", "lot at 300 County Road 12 near Wimberley, Texas.",
        "1200 Highway 71 West, Bastrop, Texas 78602-1234", "The 5th St house, in San Marcos, TX, is ours",
        "12 Elm Street North Unit 5 in Dripping Springs, TX now", "100 Main St\u{A0}Austin, TX 78701",
        "77 Caf\u{E9} Way, Austin, TX 78704", "9 Oak Dr ,  Austin ,\tTX 78704",
    ]

    /// Exact shapes, so the comparison above cannot pass with every reading false.
    @Test(arguments: [
        ("1234 Oak Hollow Dr, Austin", true, false, false),
        ("we live in Austin, TX 78704 now", false, true, true),
        ("zip 78704", false, false, false),
        ("My zip: 78704", false, true, false),
        ("near Wimberley, Texas", false, false, true),
    ])
    func lineShapes(_ line: String, _ street: Bool, _ zip: Bool, _ cityState: Bool) {
        let shape = AddressFinder.LineShape(line)
        #expect(shape.mayHaveStreet == street)
        #expect(shape.mayHaveZIP == zip)
        #expect(shape.mayHaveCityState == cityState)
    }
}
