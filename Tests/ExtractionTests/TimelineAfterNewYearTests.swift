@testable import Extraction
@testable import LeadModel
import Testing

/// "after the first of the year" and "after New Year's" are a plan on a line about starting,
/// read as the holidays are.
@Suite("Heuristics: a start after the new year")
struct TimelineAfterNewYearTests {
    @Test(arguments: [
        ("Hoping to start after the first of the year.", "after the new year"),
        ("We would like to start after the new year.", "after the new year"),
        ("Looking to break ground right after New Years.", "after the new year"),
        ("We want to begin construction after New Year's.", "after the new year"),
        // Past, or no start before it.
        ("We moved in after the first of the year and want to remodel.", nil),
        ("After the new year we will call you.", nil),
    ] as [(String, String?)])
    func timeline(_ text: String, _ expected: String?) {
        #expect(HeuristicsTestSupport.filled(text).timeline == expected, "\(text)")
    }
}
