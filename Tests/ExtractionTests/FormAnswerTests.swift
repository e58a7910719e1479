@testable import Extraction
import Foundation
import LeadModel
import MIME
import Testing

/// What builders' forms answer, read as a builder expects: a question with or without its
/// question mark, between WPForms' dashes; a lot answer that opens with yes or no; a type that
/// names a home; a price per square foot that is no budget; two phones in one answer.
@Suite("Website form answers")
struct FormAnswerTests {
    private func lead(_ raw: String) throws -> ExtractedLead {
        let extractor = LeadExtractor(specs: try SpecTestSupport.repositorySpecs())
        let bytes = Array(raw.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        return try #require(extractor.extract(from: MIMEMessage.parse(bytes)).lead)
    }

    /// A Webflow submission from Ana Ruiz with `fields` (label lines) after her name and email.
    private func webflowSubmission(_ fields: String) throws -> ExtractedLead {
        try lead("""
            From: Webflow <no-reply-forms@webflow.com>
            To: leads@hillcountryhomes.example
            Subject: New form submission on Hill Country Homes
            Content-Type: text/plain; charset=utf-8

            Name: Ana Ruiz
            Email: ana.ruiz@example.com

            """ + fields)
    }

    @Test func wpformsQuestionsBetweenDashes() throws {
        let lead = try lead("""
            From: Hill Country Homes <wordpress@hillcountryhomes.example>
            To: leads@hillcountryhomes.example
            Subject: New Entry: Start Your Custom Home
            Content-Type: text/plain; charset=utf-8

            --- Name ---

            Grace O'Malley

            --- Email ---

            grace.omalley@example.com

            --- What would you like to build? ---

            Custom home with guest casita

            --- Do you own a lot? ---

            No, looking

            --- When would you like to start? ---

            Within the next year

            --- Comment or Message ---

            Moving from Houston.
            """)
        #expect(lead.projectType == "custom_home")
        #expect(lead.lotStatus == "looking")
        #expect(lead.timeline == "within 1 year")
    }

    @Test func questionWithoutItsQuestionMark() throws {
        let lead = try webflowSubmission("What Are You Looking To Build: Custom Home\nDo You Own A Lot: Yes, 3 acres in Driftwood")
        #expect(lead.projectType == "custom_home")
        #expect(lead.lotStatus == "own_lot")
    }

    @Test func secondPhoneOfTheAnswerIsAChannel() throws {
        let lead = try webflowSubmission("Phone: 512-555-0147 or 512-555-0148")
        #expect(lead.phone == "+15125550147")
        #expect(lead.contactChannels.contains(ContactChannel(kind: .phone, value: "+15125550148")))
    }

    @Test(arguments: [
        ("Yes - 3 acres in Driftwood", "own_lot" as String?), ("yes we do", "own_lot"), ("No, looking", "looking"),
        ("No, still searching", "looking"), ("Yes, under contract", "under_contract"), ("Not sure", nil),
    ])
    func lotAnswerOpeningWithYesOrNo(_ answer: String, _ expected: String?) {
        #expect(FieldNormalizer.lotStatus(answer) == expected)
    }

    @Test(arguments: [
        ("New Home", "new_build" as String?), ("Spec Home", "new_build"), ("Modern farmhouse", "new_build"),
        ("A 4 bedroom house", "new_build"), ("Not sure yet", nil), ("Other", nil), ("Roofing", "roofing"),
    ])
    func projectTypeAnswer(_ answer: String, _ expected: String?) {
        #expect(FieldNormalizer.projectType(answer) == expected)
    }

    @Test(arguments: ["$250 - $300 per sq ft", "$300 per sq ft", "$250-$300/sq ft", "250-300 per square foot", "$250 to $300 a square foot", "$250-300 psf"])
    func pricePerSquareFootIsNoBudget(_ answer: String) {
        #expect(FieldNormalizer.budget(answer) == nil)
    }

    @Test func budgetStillRead() {
        #expect(FieldNormalizer.budget("$600k - $800k")?.low == 600_000)
    }
}
