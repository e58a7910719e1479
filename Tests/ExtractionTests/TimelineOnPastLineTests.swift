@testable import Extraction
import LeadModel
import Testing

/// A line that talks about the past ("We just moved in") gives a timeline only when the
/// phrase can only be ahead: `ASAP`, or one that says `next`.
@Suite("Timeline: a phrase ahead on a line about the past")
struct TimelineOnPastLineTests {
    @Test(arguments: [
        ("We just moved in. Not in a hurry - sometime in the next 12-18 months.", "within 12-18 months" as String?),
        ("We moved here last year and need the kitchen done ASAP.", "asap"),
        ("We closed on the lot last week; next spring would be ideal.", "next spring"),
        ("We bought the lot last spring, within 6 months of moving here.", nil),
        ("We bought the lot in spring 2024.", nil),
        ("We moved in within the last year.", nil),
    ])
    func timeline(_ text: String, _ expected: String?) {
        #expect(HeuristicsTestSupport.filled(text).timeline == expected, "\(text)")
    }
}
