@testable import Extraction
import LeadModel
import Testing

/// ``TimelinePhraseFinder`` tells ``TimelinePhrase`` where a phrase may start from the line
/// scan's lookups (``InquiryLines/mayStartTimeline(at:word:)``) on ASCII lines without an
/// apostrophe: the matches are those of the words alone, on lines full of start words,
/// numbers, capitals and near misses.
@Suite("Timeline: the line scan's start words give the same matches")
struct TimelineStartTests {
    private static let lines: [String] = [
        "", "ASAP", "asap please", "As soon as possible", "right away", "No rush", "We're flexible", "whenever",
        "just researching", "By spring 2027", "by the end of next year", "sometime in 2027", "Christmas 2027",
        "more than 6 months", "less than 3 months", "at least a year", "within six months", "in the next 6 months",
        "over the next year", "next 2 years", "18 months out", "2 years from now", "Q3 2027", "q4", "3rd quarter of 2027",
        "early spring", "Mid 2027", "late fall of next year", "March 2027", "march of this year", "next year",
        "end of the year", "in 2027", "start in January", "lease ends in August", "May 2027", "we may build in may",
        "in 3-6 months", "3 to 6 months", "a couple of months", "6-12 months", "Timeline: 12 months", "2027",
        "built in 2004, 20 years ago", "We closed on a 1.2 acre lot last month", "Ideally we would break ground in the next 6 months.",
        "1st 2nd 3rd 4th first second third fourth", "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec",
        "Summer/Fall 2026", "spring-2027", "in\u{A0}2027", "caf\u{E9} in spring 2027", "don't rush, by June",
    ]

    @Test func startsFromTheScanGiveTheSameMatches() {
        for text in Self.lines + [Self.lines.joined(separator: "\n"), Self.lines.joined(separator: " ")] {
            let lines = InquiryLines(text)
            for index in lines.lines.indices where lines.traits[index].isASCII && !lines.traits[index].hasApostrophe {
                let words = lines.words(at: index)
                let fromScan = TimelinePhrase.matches(inWords: words, mayHoldApostrophes: false) {
                    lines.mayStartTimeline(at: index, word: $0)
                }
                #expect(fromScan == TimelinePhrase.matches(inWords: words), "\(lines.lines[index].text.debugDescription)")
            }
        }
    }
}
