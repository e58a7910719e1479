@testable import Extraction
@testable import LeadModel
import Testing

/// On a line with a vague phrase ("flexible") and a date, the date is the timeline.
@Suite("Heuristics: a vague timeline phrase gives way to a date on its line")
struct TimelineVaguePhraseLastTests {
    @Test(arguments: [
        ("Timing is flexible but we would prefer to start within 9 months.", "within 9 months"),
        ("Our timeline is flexible, ideally spring 2027.", "spring 2027"),
        ("Timing is flexible.", "flexible"),
    ] as [(String, String?)])
    func timeline(_ text: String, _ expected: String?) {
        #expect(HeuristicsTestSupport.filled(text).timeline == expected, "\(text)")
    }
}
