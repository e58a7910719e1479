@testable import Extraction
@testable import LeadModel
import Testing

/// A start after a month ("We could start anytime after January 1st") is after that month;
/// a month after "after" with no start before it is none.
@Suite("Timeline: a start after a month")
struct TimelineAfterMonthTests {
    private func timeline(_ text: String) -> String? { HeuristicsTestSupport.filled(text).timeline }

    @Test(arguments: [
        ("We could start anytime after January 1st.", "after january"),
        ("We'd like to start right after March.", "after march"),
        ("Hoping to begin sometime after October.", "after october"),
    ])
    func startAfterMonth(_ text: String, _ expected: String) {
        #expect(timeline(text) == expected, "\(text.debugDescription)")
    }

    @Test(arguments: [
        "We moved in after January 1st.",
        "We could start after May we get the loan.",
    ])
    func noTimeline(_ text: String) {
        #expect(timeline(text) == nil, "\(text.debugDescription)")
    }
}
