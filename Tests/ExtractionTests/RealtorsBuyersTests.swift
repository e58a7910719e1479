@testable import Extraction
import LeadModel
import Testing

/// A realtor writing about their buyers ("I have buyers relocating ...") writes for someone
/// else: the lead is flagged, and names the buyers when the text does ("Their names are
/// David and Michelle Park").
@Suite("Referral: a realtor's buyers")
struct RealtorsBuyersTests {
    @Test func buyersNamedAfterTheirNamesAre() throws {
        let lead = try HeuristicsTestSupport.lead(from: "Brandon Lee <blee@texasluxuryrealty.example>", """
            Hi Mike,

            I have buyers relocating from California who want to build a custom home in Westlake, budget $2-2.5M, timeline to start next summer. Can we set up a call? Their names are David and Michelle Park.

            Brandon Lee
            Texas Luxury Realty
            512-555-0190
            """)
        #expect([lead.firstName, lead.lastName] == ["David", "Park"])
        #expect(lead.reviewReasons.contains { $0.hasPrefix("written for someone else (\"i have buyers\")") })
        #expect(lead.budgetHigh == 2_500_000)
    }

    @Test func buyersUnnamedKeepTheWriterFlagged() throws {
        let lead = try HeuristicsTestSupport.lead(from: "Brandon Lee <blee@texasluxuryrealty.example>", """
            We have a buyer looking for a builder for a lot in Spicewood. Can you call me?

            Brandon Lee
            512-555-0190
            """)
        #expect(lead.needsReview)
        #expect(lead.reviewReasons.contains { $0.contains("we have a buyer") })
    }
}
