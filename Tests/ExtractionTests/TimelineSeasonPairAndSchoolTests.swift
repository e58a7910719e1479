@testable import Extraction
@testable import LeadModel
import Testing

/// Two seasons a year closes ("late summer or early fall of 2027") give the first its
/// year; a start after school lets out in a month is after that month.
@Suite("Timeline: a pair of seasons and their year, school letting out")
struct TimelineSeasonPairAndSchoolTests {
    private func timeline(_ text: String) -> String? { HeuristicsTestSupport.filled(text).timeline }

    @Test(arguments: [
        ("We're hoping to break ground late summer or early fall of 2027.", "late summer 2027"),
        ("Hoping to start construction spring or summer 2027.", "spring 2027"),
        ("We'd like to start late summer.", "late summer"),
        ("We'd like to start in summer and finish in 2028.", "summer"),
    ])
    func seasonPair(_ text: String, _ expected: String) {
        #expect(timeline(text) == expected, "\(text.debugDescription)")
    }

    @Test(arguments: [
        ("We'd want to start after school lets out in June.", "after june"),
        ("Hoping to start once school is out in June.", "after june"),
        ("We'd like to start when school gets out in May.", "after may"),
    ])
    func schoolLetsOut(_ text: String, _ expected: String) {
        #expect(timeline(text) == expected, "\(text.debugDescription)")
    }

    /// School letting out is no plan of its own on a line with no start.
    @Test func schoolAloneIsNoTimeline() {
        #expect(timeline("Our kids' school lets out in June.") == nil)
    }
}
