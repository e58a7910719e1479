import Foundation
import MIME
import Testing

@Suite("RFC 5322 dates")
struct DateTests {
    /// 2026-05-12 14:41:02 UTC.
    private let reference = Date(timeIntervalSince1970: 1_778_596_862)

    @Test(arguments: [
        "Tue, 12 May 2026 09:41:02 -0500",
        "12 May 2026 09:41:02 -0500",
        "Tue, 12 May 2026 14:41:02 +0000",
        "Tue, 12 May 2026 14:41:02 GMT",
        "Tue, 12 May 2026 14:41:02 UT",
        "Tue, 12 May 2026 14:41:02 Z",
        "Tue, 12 May 2026 10:41:02 EDT",
        "Tue, 12 May 2026 09:41:02 CDT",
        "Tue, 12 May 2026 08:41:02 CST",
        "Tue, 12 May 2026 08:41:02 MDT",
        "Tue, 12 May 2026 07:41:02 MST",
        "Tue, 12 May 2026 07:41:02 PDT",
        "Tue, 12 May 2026 06:41:02 PST",
        "Tue, 12 May 2026 09:41:02 EST",
        "Tue, 12 May 26 09:41:02 -0500",
        "Tue,  12  May  2026  09:41:02  -0500 (CDT)",
    ])
    func parsesForms(_ text: String) throws {
        let date = try #require(RFC5322DateParser.parse(text))
        #expect(date == reference)
    }

    @Test func withoutSeconds() {
        #expect(RFC5322DateParser.parse("Tue, 12 May 2026 09:41 -0500") == reference.addingTimeInterval(-2))
    }

    @Test func twoAndThreeDigitYears() {
        #expect(RFC5322DateParser.parse("1 Jan 99 00:00 +0000") == Date(timeIntervalSince1970: 915_148_800))
        #expect(RFC5322DateParser.parse("1 Jan 49 00:00 +0000") == Date(timeIntervalSince1970: 2_493_072_000))
        #expect(RFC5322DateParser.parse("1 Jan 103 00:00 +0000") == Date(timeIntervalSince1970: 1_041_379_200))
    }

    @Test(arguments: ["", "yesterday", "31 Feb 2026 10:00 +0000", "12 May 2026", "Tue, 12 Mayo"])
    func rejectsNonDates(_ text: String) {
        #expect(RFC5322DateParser.parse(text) == nil)
    }

    @Test func messageDateAndDefect() {
        #expect(MessageFixture.parse("Date: Tue, 12 May 2026 09:41:02 -0500\n\n").date == reference)
        let bad = MessageFixture.parse("Date: sometime soon\n\n")
        #expect(bad.date == nil)
        #expect(bad.defects.contains("unreadable Date header"))
    }
}
