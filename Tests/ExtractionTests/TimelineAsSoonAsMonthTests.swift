@testable import Extraction
@testable import LeadModel
import Testing

/// "as soon as January" is January, as "by January" is by then.
@Suite("Heuristics: as soon as a month")
struct TimelineAsSoonAsMonthTests {
    @Test(arguments: [
        ("We could start as soon as January.", "january"),
        ("We'd like to break ground as early as March.", "march"),
        ("We want to start as soon as possible.", "asap"),
        // "may" the verb is no month here either.
        ("We'd start as soon as may be convenient.", nil),
    ] as [(String, String?)])
    func timeline(_ text: String, _ expected: String?) {
        #expect(HeuristicsTestSupport.filled(text).timeline == expected, "\(text)")
    }
}
