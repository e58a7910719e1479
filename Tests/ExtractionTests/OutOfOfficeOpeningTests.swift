@testable import Extraction
import Testing

/// Session 23: an out-of-office text's opening is prepared only as far as the readings at the
/// start and after a greeting look, and further only for a thank-you sentence. A statement
/// far into the opening (after a long thank-you, blank lines, runs of spaces) reads as it
/// did when the whole opening was prepared first.
@Suite("Out-of-office opening prepared on demand")
struct OutOfOfficeOpeningTests {
    @Test func aStatementAfterALongThankYouIsFound() {
        let short = "Thank you for your message. I am currently out of the office until Monday and will reply when I return."
        let long = "Thank you for your message and for your patience while our small team works through the many notes and "
            + "questions that arrive every single week. I am currently out of the office until Monday and will reply when I return."
        #expect(OutOfOfficeText.statement(in: short, subject: nil) == "out of the office")
        #expect(OutOfOfficeText.statement(in: long, subject: nil) == "out of the office")
        #expect(OutOfOfficeText.statement(in: "Hello Dana,\n" + long, subject: nil) == "out of the office")
    }

    @Test func blankLinesAndSpaceRunsCollapseAsBefore() {
        // (Within the 320 bytes of text an opening is read from.)
        let spaced = "Hi,\n\n\n" + String(repeating: " ", count: 120) + "\n\nI am" + String(repeating: " ", count: 90)
            + "out of the office until Monday."
        #expect(OutOfOfficeText.statement(in: spaced, subject: nil) == "out of the office")
        let wide = "Hello Team,     I    am      currently      out   of   the   office until Monday."
        #expect(OutOfOfficeText.statement(in: wide, subject: nil) == "out of the office")
    }

    @Test func aStatementPastTheReachOfAGreetingIsNone() {
        // Not a greeting's separator within its 41 bytes, nor a thank-you: no statement.
        let text = "Hello " + String(repeating: "a", count: 60) + ", I am out of the office until Monday."
        #expect(OutOfOfficeText.statement(in: text, subject: nil) == nil)
    }
}
