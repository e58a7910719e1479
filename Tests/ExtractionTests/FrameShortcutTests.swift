@testable import Extraction
import Foundation
import MIME
import Testing

/// The extractor frame's byte shortcuts (the group poster's " via ", the bounce-subject
/// prefilter) against the searches they replace.
@Suite struct FrameShortcutTests {
    /// Texts built from pieces at the edges of both searches: " via " and its near misses,
    /// report subjects, case, leading whitespace, CR LF, combining marks, non-ASCII letters.
    static func generatedTexts(seed: UInt64, count: Int) -> [String] {
        var generator = SplitMix64(seed: seed)
        let pieces = [" via ", "via", " Via ", " vi", "a ", " ", "\t", "\r\n", "'", "\"", "Tom", "Baker", "Re:", "read:", "READ:",
                      "not read:", "Undeliverable:", "returned mail:", "Mail delivery failed", "delivery failure", "x",
                      "\u{301}", "é", "\u{A0}", "İ", "\u{212A}", "message not delivered", "failure notice", ":"]
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
    }

    @Test func viaStartEqualsTheUTF8Search() {
        var names = Self.generatedTexts(seed: 5, count: 4000)
        names += ["'Tom Baker' via Hill Country Builders Network", "Tom via", " via ", "via x", "x  via  y", "José via Núñez"]
        names += ClassificationShortcutTests.fixtureMessages().compactMap { $0.1.from.first?.name }
        for name in names {
            #expect(LeadExtractor.viaStart(name) == name.utf8.firstRange(of: " via ".utf8)?.lowerBound, "\(name.debugDescription)")
        }
    }

    /// What ``DeliveryReportRule/nonStandardReport(_:_:)`` compares the subject with.
    private static func startsWithReportSubject(_ subject: String) -> Bool {
        let start = String(subject.drop(while: { $0 == " " || $0 == "\t" }).prefix(60)).lowercased()
        let subjects = DeliveryReportRule.bounceSubjects + DeliveryReportRule.readReceipts.map(\.subject)
        return subjects.contains { start.hasPrefix($0) }
    }

    @Test func reportSubjectPrefilterMissesNone() {
        var subjects = Self.generatedTexts(seed: 9, count: 6000) + ClassificationShortcutTests.subjects
        subjects += ClassificationShortcutTests.fixtureMessages().compactMap { $0.1.subject }
        for subject in subjects where Self.startsWithReportSubject(subject) {
            #expect(DeliveryReportRule.mayStartWithReportSubject(subject), "\(subject.debugDescription)")
        }
        #expect(!DeliveryReportRule.mayStartWithReportSubject("Re: new home"))
        #expect(!DeliveryReportRule.mayStartWithReportSubject("  New lead"))
        #expect(DeliveryReportRule.mayStartWithReportSubject(" \tUNDELIVERABLE: New lead"))
    }
}
