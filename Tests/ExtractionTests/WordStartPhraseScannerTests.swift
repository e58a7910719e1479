@testable import Extraction
import Foundation
import MIME
import Testing

/// ``WordStartPhraseScanner`` (the spam rule's no-pitch shortcut) against the Character-level
/// word search it prefilters: every phrase `SpamRule.containsWord` confirms must be marked,
/// and nothing marked may be absent from the bytes.
@Suite struct WordStartPhraseScannerTests {
    static let phrases = SpamRule.pitchPhrases.flatMap(\.phrases)

    /// The scanner's marks over subject and body (no early stop).
    static func marks(subject: String, body: String) -> [Bool] {
        guard let scanner = SpamRule.wordStartScanner else { return [] }
        var found = [Bool](repeating: false, count: phrases.count)
        for part in [subject, body] {
            var part = part
            part.withUTF8 { scanner.markOccurrences(inBytes: $0, into: &found, stopAt: phrases.count + 1) }
        }
        return found
    }

    /// What the full check confirms: each phrase as a word of the lowercased joined text.
    static func confirmed(subject: String, body: String) -> [Bool] {
        let lower = (subject + "\n" + body).lowercased()
        return phrases.map { SpamRule.containsWord(lower, $0) }
    }

    /// Which phrases occur at all in the folded bytes (the old prefilter).
    static func occurring(subject: String, body: String) -> [Bool] {
        let lower = (subject + "\n" + body).lowercased()
        return phrases.map { lower.utf8.firstRange(of: Array($0.utf8)) != nil }
    }

    static func check(subject: String, body: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let marked = marks(subject: subject, body: body)
        let words = confirmed(subject: subject, body: body)
        let anywhere = occurring(subject: subject, body: body)
        for index in phrases.indices {
            if words[index] {
                #expect(marked[index], "confirmed \(phrases[index]) not marked in \(subject.debugDescription) / \(body.debugDescription)", sourceLocation: sourceLocation)
            }
            if marked[index] {
                #expect(anywhere[index], "marked \(phrases[index]) absent in \(subject.debugDescription) / \(body.debugDescription)", sourceLocation: sourceLocation)
            }
        }
        // The shortcut's own answer: "no pitch" only when the full check finds fewer than two.
        if SpamRule.mayHaveNoPitch(subject: subject, body: body) {
            #expect(words.lazy.filter { $0 }.count < 2, "\(subject.debugDescription) / \(body.debugDescription)", sourceLocation: sourceLocation)
        }
    }

    @Test func scannerIsBuilt() {
        #expect(SpamRule.wordStartScanner != nil)
        #expect(WordStartPhraseScanner(["ok", "Upper"]) == nil)
        #expect(WordStartPhraseScanner(["x"]) == nil)
        #expect(WordStartPhraseScanner(["1st"]) == nil)
    }

    @Test func exactMarks() {
        func marked(_ body: String) -> [String] {
            let found = Self.marks(subject: "", body: body)
            return Self.phrases.indices.filter { found[$0] }.map { Self.phrases[$0] }
        }
        #expect(marked("We do SEO and backlinks.") == ["seo", "backlinks"])
        #expect(marked("seoul xseo seo2 seoX") == ["seo"])  // "seo2": a digit after is allowed
        #expect(marked("Seoul, xseo, 1seo, seos") == [])
        #expect(marked("NFT") == ["nft"])
        #expect(marked("nf") == [])
        #expect(marked("-nft-") == ["nft"])
        #expect(marked("\u{E9}nft") == ["nft"])              // a non-ASCII letter before: marked (superset)
        #expect(marked("\u{0600}xnft") == ["nft"])           // a Prepend scalar joins "x": marked
        #expect(marked("cryptocurrency") == ["cryptocurrency"])  // not "crypto": a letter follows
        #expect(marked("Page 1 of Google!") == ["page 1 of google"])
        #expect(marked("PRE-APPROVED FOR UP TO") == ["pre-approved for up to"])
        #expect(marked("12345678seo") == [])
        #expect(marked("1234567 seo") == ["seo"])
        #expect(marked("1234567\u{E9}seo") == ["seo"])
        #expect(marked("123456\u{E9}xseo") == ["seo"])      // byte two before is non-ASCII
        #expect(Self.marks(subject: "seo", body: "nft") == Self.phrases.map { $0 == "seo" || $0 == "nft" })
    }

    @Test func prependScalarBeforeALetterIsAWordBoundaryForCharacters() {
        // Why the scan keeps a start after "<non-ASCII><letter>": the Character search accepts it.
        #expect(SpamRule.containsWord("\u{0600}xnft", "nft"))
        Self.check(subject: "", body: "\u{0600}xnft and \u{0600}xseo")
        Self.check(subject: "\u{0600}xnft", body: "\u{0600}xseo")
    }

    @Test func agreesOnEdgeTexts() {
        let texts = [
            "", "s", "se", "seo", " seo ", "SEO", "sEo.", "seo\u{301}", "\u{301}seo", "e\u{301}seo", "seo\r\nnft",
            "nft\rseo", "a seo b nft c", "xnft yseo", "guest post", "guest posting", "guest post1", "domain authority",
            "organic traffic\u{2019}s", "\u{FEFF}seo", "\u{00A0}nft\u{00A0}", "\u{1F600}seo", "\u{1F600}\u{200D}seo",
            "\u{0130}seo", "\u{212A}seo", "line of credit for your business, bitcoin", "FOREX BINARY OPTIONS",
            "we can send you leads; pay per lead", String(repeating: "a", count: 7) + " seo nft",
            String(repeating: "b", count: 15) + "seo", "1234567seo nft", "abcdefg\u{0600}seo",
        ]
        for subject in ["", "SEO", "re: nft", "x"] {
            for body in texts { Self.check(subject: subject, body: body) }
        }
        for text in texts { Self.check(subject: text, body: "") }
    }

    @Test func agreesOnRandomTexts() {
        var generator = SplitMix64(seed: 0x5EED_0F_5A3)
        let pieces = Self.phrases + Self.phrases.map { $0.uppercased() } + [
            " ", " ", "  ", "\n", "\r\n", "-", ".", ",", "1", "9", "a", "Z", "x", "_", "'", "\u{E9}", "\u{301}",
            "\u{0600}", "\u{2019}", "\u{00A0}", "\u{1F600}", "ing", "s", "\u{65E5}", "\t",
        ]
        for _ in 0..<3_000 {
            var subject = ""
            var body = ""
            for _ in 0..<Int.random(in: 0...3, using: &generator) { subject += pieces.randomElement(using: &generator) ?? "" }
            for _ in 0..<Int.random(in: 0...24, using: &generator) { body += pieces.randomElement(using: &generator) ?? "" }
            Self.check(subject: subject, body: body)
        }
    }

    @Test func agreesOnEveryFixture() {
        let messages = ClassificationShortcutTests.fixtureMessages()
        #expect(messages.count > 150)
        for (path, message) in messages {
            let subject = message.subject ?? ""
            let body = message.text ?? ""
            guard subject.utf8.count + 1 + body.utf8.count <= 20_000 else { continue }
            let marked = Self.marks(subject: subject, body: body)
            let words = Self.confirmed(subject: subject, body: body)
            for index in Self.phrases.indices where words[index] {
                #expect(marked[index], "\(path): \(Self.phrases[index])")
            }
        }
    }
}

/// ``DeliveryReportRule/contains(_:_:)`` against the Character search it replaces.
@Suite struct DeliveryReportContainsTests {
    @Test func agreesWithCharacterSearch() {
        let texts = [
            "", "d", "multipart/report", "multipart/report; report-type=delivery-status; boundary=x",
            "multipart/report; report-type=disposition-notification", "delivery-statu", "xdelivery-statusx",
            "multipart/report; report-type=delivery-status\u{301}", "r\u{E9}port; delivery-status",
            "delivery-status", "delivery-\r\nstatus", "disposition-notificatio", "\u{0600}delivery-status",
            "multipart/report; report-type=delivery-status\r\n",
        ]
        for text in texts {
            for needle: StaticString in ["disposition-notification", "delivery-status"] {
                #expect(DeliveryReportRule.contains(text, needle) == DeliveryReportRule.characterContains(text, needle.description),
                        "\(text.debugDescription)")
            }
        }
        #expect(DeliveryReportRule.contains("a; delivery-status", "delivery-status"))
        #expect(!DeliveryReportRule.contains("a; delivery-statu", "delivery-status"))
        #expect(!DeliveryReportRule.contains("multipart/report; report-type=delivery-status\u{301}", "delivery-status"))
        #expect(!DeliveryReportRule.characterContains("\u{0600}delivery-status", "delivery-status"), "Characters, not UTF-16")
    }
}
