@testable import Extraction
@testable import LeadModel
import Testing

/// "after the holidays" and "after Christmas" are a plan on a line about starting or
/// building; the same words in a past or unrelated sentence are none.
@Suite("Heuristics: a start after the holidays")
struct TimelineAfterHolidaysTests {
    @Test(arguments: [
        ("We'd like to build on our lot in Kyle and start right after the holidays.", "after the holidays"),
        ("We hope to break ground after Christmas.", "after christmas"),
        ("We plan to start construction after Thanksgiving if the loan closes.", "after thanksgiving"),
        // Past, or no plan on the line.
        ("We moved in right after the holidays last year and want to remodel the kitchen.", nil),
        ("We want to remodel the kitchen. After the holidays my in-laws visit.", nil),
        // "after" alone is no timeline.
        ("We'd like to start after we sell our house.", nil),
    ] as [(String, String?)])
    func timeline(_ text: String, _ expected: String?) {
        #expect(HeuristicsTestSupport.filled(text).timeline == expected, "\(text)")
    }
}
