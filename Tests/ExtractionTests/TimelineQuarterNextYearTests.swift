@testable import Extraction
@testable import LeadModel
import Testing

/// A quarter of next year keeps its year: "Q2 next year" is not any Q2.
@Suite("Heuristics: a quarter of next year")
struct TimelineQuarterNextYearTests {
    @Test(arguments: [
        ("We'd like to break ground in Q2 next year.", "q2 next year"),
        ("Hoping to start in Q1 of next year.", "q1 next year"),
        ("We plan to start in the 3rd quarter of next year.", "q3 next year"),
        ("Start in Q3 2027.", "q3 2027"),
    ] as [(String, String?)])
    func timeline(_ text: String, _ expected: String?) {
        #expect(HeuristicsTestSupport.filled(text).timeline == expected, "\(text)")
    }
}
