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

    /// One message's searches share ``PatternBudget``: after a few give up, the rest give up
    /// at once, so a spec whose every pattern is careless costs a message a few searches'
    /// budgets, not one per pattern.
    @Test func aMessagesSearchesShareOneBudget() throws {
        let pattern = try SpecPattern(#"(?<value>(?:ab)+?)c"#)
        let text = String(repeating: "ab", count: SpecPattern.maximumInputBytes / 2)
        let budget = PatternBudget()
        let perSearch = SpecRegex.stepBudget(forBytes: text.utf8.count)
        var spentBySearch: [Int] = []
        for _ in 0..<(2 * PatternBudget.searchesPerMessage) {
            let before = budget.used
            #expect(pattern.valueSearch(in: text, presence: nil, isASCII: true, budget: budget).isGaveUp)
            spentBySearch.append(budget.used - before)
        }
        // The first searches spend their own budget (a search may overrun it by one loop's
        // bytes); then nothing is left and the others stop before their first step.
        #expect(spentBySearch.prefix(PatternBudget.searchesPerMessage - 1).allSatisfy { $0 >= perSearch })
        #expect(spentBySearch.suffix(PatternBudget.searchesPerMessage).allSatisfy { $0 == 0 }, "\(spentBySearch)")
        #expect(budget.used <= PatternBudget.stepsPerMessage + text.utf8.count)
        // Without a message's budget, every search spends its own.
        #expect(pattern.valueSearch(in: text, presence: nil, isASCII: true).isGaveUp)
    }

    /// A marketplace spec with the same careless pattern for every field it names.
    static let carelessFields = ["name", "email", "phone", "address", "budget", "timeline", "project_type", "message"]
    static func carelessSpec() throws -> ParserSpec {
        let yaml = """
            source: houzz
            name: Careless test
            version: "2026-11"
            detect:
              sender_domains: [leads.example]
            fields:
            """ + carelessFields.map { "\n  \($0):\n    - pattern: '(?<value>(?:ab)+?)c'" }.joined()
        return try SpecTestSupport.spec(yaml, name: "careless-test")
    }

    /// 128 KiB on which every careless pattern gives up.
    static let carelessText = String(repeating: "ab", count: 64 * 1024) + "\n"

    /// Through the extractor: a marketplace spec with a careless pattern for every field still
    /// gives a lead (flagged: no contact details), every such field flagged.
    @Test func aSpecOfCarelessPatternsCostsAFewSearches() throws {
        let extractor = LeadExtractor(specs: SpecSet(specs: [try Self.carelessSpec()]))
        let lead = try #require(extractor.extract(from: Self.message(body: Self.carelessText)).lead)
        let gaveUp = lead.reviewReasons.filter { $0.hasPrefix("spec pattern gave up: careless-test ") }
        #expect(gaveUp.count == Self.carelessFields.count, "\(lead.reviewReasons)")
    }

    /// The wiring: field rules draw on the message's own budget (``InquiryView/patternBudget``),
    /// so the eight careless searches above stop once a few searches' worth is spent, and
    /// the later ones stop before their first step.
    @Test func fieldRulesSpendTheMessagesBudget() throws {
        let view = InquiryView(message: Self.message(body: Self.carelessText))
        var builder = LeadBuilder(lead: ExtractedLead(source: "houzz", isForwarded: false), relayDomains: [])
        try Self.carelessSpec().applyRules(to: &builder, view: view, presence: nil)
        #expect(builder.lead.reviewReasons.count == Self.carelessFields.count, "\(builder.lead.reviewReasons)")
        // Spent to the last search's overrun, and not past it: one search may finish the
        // instruction it is on (at most a step per byte of its text).
        #expect(view.patternBudget.remaining <= 0, "\(view.patternBudget.used) of \(PatternBudget.stepsPerMessage)")
        #expect(view.patternBudget.used <= PatternBudget.stepsPerMessage + Self.carelessText.utf8.count)
    }
}
