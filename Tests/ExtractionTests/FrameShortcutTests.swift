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

    @Test func labelLinesOnBytesEqualTheCharacterReading() {
        var generator = SplitMix64(seed: 13)
        let pieces = ["Name:", "name :", "EMAIL:", "E-mail:", "Email  Address:", " your   email :", "*Phone:", "\t", "*", " ",
                      "\r\n", "\n", "\n\n", "\r", ":", " ana@example.com", "Project Details:", "project details x:",
                      "abcdefghijklmnopqrstuvwxyz0123", "Message", "Zip code:", "Budget", "é", "\u{301}"]
        var texts = (0..<5000).map { _ in
            (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
        texts.append((0..<400).map { "Name: n\($0)" }.joined(separator: "\n"))
        texts += ClassificationShortcutTests.fixtureMessages().compactMap { $0.1.text }
        for text in texts {
            let bytes = LeadNotificationSignals.labelLines(in: text)
            let characters = LeadNotificationSignals.characterLabelLines(in: text)
            #expect(bytes.count == characters.count, "\(text.debugDescription)")
            #expect(bytes.emails.map(String.init) == characters.emails.map(String.init), "\(text.debugDescription)")
        }
    }

    @Test func foldedContainsEqualsANaiveSearch() {
        var generator = SplitMix64(seed: 17)
        let pieces = ["mail:", "MAIL:", "Mail", "m", "M", "ai", "l:", ":", " ", "\r\n", "é", "address", "mail address:"]
        let needles: [StaticString] = ["mail:", "mail address:", ":", "l"]
        for _ in 0..<4000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let folded = text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            for needle in needles {
                let wanted = Array("\(needle)".utf8)
                let naive = folded.count >= wanted.count
                    && (0...(folded.count - wanted.count)).contains { Array(folded[$0..<($0 + wanted.count)]) == wanted }
                #expect(FoldedSearch.contains(text, needle) == naive, "\(needle) in \(text.debugDescription)")
            }
        }
    }

    @Test func lineSplitterEqualsTheCharacterSplit() {
        var generator = SplitMix64(seed: 19)
        let pieces = ["a", "\n", "\r\n", "\r", "\n\n", "é", "\u{301}", " ", "line of text", "\u{1F600}"]
        var texts = (0..<4000).map { _ in
            (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
        texts += ClassificationShortcutTests.fixtureMessages().compactMap { $0.1.text }
        for text in texts {
            let lines = LineSplitter.lines(text).map(String.init)
            #expect(lines == text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), "\(text.debugDescription)")
        }
    }
}
