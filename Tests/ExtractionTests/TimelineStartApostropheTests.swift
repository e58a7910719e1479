@testable import Extraction
@testable import LeadModel
import Testing

/// On ASCII lines whose words hold apostrophes, where a timeline phrase may start is read
/// from the line scan's lookups (``InquiryLines/mayStartTimeline(at:word:)``): the phrases
/// found so agree with those ``TimelinePhrase`` finds testing every word itself.
@Suite("Timeline: start words of lines with apostrophes agree with TimelinePhrase")
struct TimelineStartApostropheTests {
    static let words = [
        "we'd", "like", "to", "start", "in", "'27", "2'027", "spring", "sp'ring", "'", "''", "by", "b'y", "March", "it's",
        "asap", "ASAP", "next", "year", "6", "months", "within", "'6'", "don't", "rush", "no", "'no", "o'clock", "q3",
        "Q'3", "2027", "'2027", "mid", "late", "fall", "christmas", "after", "the", "holidays", "build", "Jan", "jan'",
    ]

    @Test func phrasesAgreeWithTestingEveryWord() {
        var generator = SplitMix64(seed: 37)
        var withApostrophes = 0
        var found = 0
        for _ in 0..<20_000 {
            let line = (0..<(generator.below(8) + 1)).map { _ in generator.pick(Self.words) }
                .joined(separator: generator.pick([" ", " ", ", ", " - "]))
            let lines = InquiryLines(line)
            guard let index = lines.lines.indices.first(where: { !lines.lines[$0].text.isEmpty }), lines.traits[index].isASCII else { continue }
            if lines.traits[index].hasApostrophe { withApostrophes += 1 }
            let words = lines.words(at: index)
            let read = TimelinePhrase.matches(inWords: words, mayHoldApostrophes: lines.traits[index].hasApostrophe) {
                lines.mayStartTimeline(at: index, word: $0)
            }
            let reference = TimelinePhrase.matches(inWords: words)
            if !reference.isEmpty { found += 1 }
            #expect(read == reference, "\(line.debugDescription)")
        }
        #expect(withApostrophes > 5_000, "\(withApostrophes)")
        #expect(found > 2_000, "\(found)")
    }
}
