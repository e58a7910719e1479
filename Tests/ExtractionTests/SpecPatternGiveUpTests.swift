import Foundation
import LeadModel
import MIME
import Testing

@testable import Extraction

/// A field rule whose pattern gives up on a message (``SpecRegex/Outcome/gaveUp``) reads no
/// value, and the lead, still a lead, is flagged for a person's review with the reason.
@Suite("Spec field rules: a pattern that gives up")
struct SpecPatternGiveUpTests {
    static let spec = """
        source: other
        name: Hostile test
        version: "2026-11"
        detect:
          sender_domains: [leads.example]
        fields:
          name:
            - label: Name
          email:
            - label: Email
          message:
            - pattern: '(?<value>(?:ab)+?)c'
        """

    static func message(body: String) -> MIMEMessage {
        let raw = "From: Leads <notify@leads.example>\r\nTo: office@builder.example\r\nSubject: New lead\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body
        return MIMEMessage.parse(Array(raw.utf8))
    }

    @Test func aLeadWhosePatternGivesUpIsFlagged() throws {
        let spec = try SpecTestSupport.spec(Self.spec, name: "hostile-test")
        let extractor = LeadExtractor(specs: SpecSet(specs: [spec]))
        let hostile = "Name: Karen Whitfield\nEmail: karen@example.com\n\n" + String(repeating: "ab", count: 64 * 1024) + "\n"
        let clock = ContinuousClock()
        var outcome: ExtractionOutcome?
        let elapsed = clock.measure { outcome = extractor.extract(from: Self.message(body: hostile)) }
        let lead = try #require(outcome?.lead)
        #expect(lead.email == "karen@example.com")
        #expect(lead.message == nil)
        #expect(lead.needsReview)
        #expect(lead.reviewReasons.contains("spec pattern gave up: hostile-test message pattern '(?<value>(?:ab)+?)c'"), "\(lead.reviewReasons)")
        #expect(elapsed < .seconds(5), "\(elapsed)")
        // A message the pattern decides: its value, no flag from it.
        let fine = try #require(extractor.extract(from: Self.message(body: "Name: Karen Whitfield\nEmail: karen@example.com\n\nababc\n")).lead)
        #expect(fine.message == "abab")
        #expect(!fine.reviewReasons.contains { $0.hasPrefix("spec pattern gave up") })
    }
}
