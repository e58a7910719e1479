import Extraction
import Foundation
import LeadModel
import MIME
import Testing

/// The heuristics over the direct-inquiry fixtures' own text (what helper code hands them:
/// the message body, or the forwarded original's body without the forwarder's note).
@Suite("Heuristics on direct-inquiry fixtures")
struct HeuristicsFixtureTests {
    private func lead(_ name: String, forwarded: Bool = false) throws -> ExtractedLead {
        let message = try NotALeadFixtureTests.message(name)
        let text = forwarded ? try #require(message.forwarded.first?.body) : try #require(message.text)
        var lead = ExtractedLead()
        InquiryHeuristics.fill(&lead, from: text, location: "body")
        return lead
    }

    @Test func budgetAndTimeline() throws {
        let lead = try lead("direct-budget-timeline")
        #expect(lead.phone == "+15125550172")
        #expect(lead.phoneExtension == "315")
        #expect(lead.address == PostalAddress(street: "2215 Sycamore Bend Trl", city: "Georgetown", state: "TX", postalCode: "78633"))
        #expect(lead.budgetLow == 850_000)
        #expect(lead.budgetHigh == 1_100_000)
        #expect(lead.timeline == "within 6 months")
        #expect(lead.projectType == "new_build")
        #expect(lead.lotStatus == "own_lot")
        #expect(lead.financing == "pre_approved")
        #expect(lead.firstName == "Kiran")
        #expect(lead.lastName == "Patel")
        #expect(lead.fields["budget"] == FieldProvenance(rule: "heuristic: budget phrase", location: "body line 7"))
    }

    @Test func forwardedRemodel() throws {
        let lead = try lead("direct-forward-remodel", forwarded: true)
        #expect(lead.phone == "+17375550119")
        #expect(lead.address == PostalAddress(street: "907 W 34th St", city: "Austin", state: "TX", postalCode: "78705"))
        #expect(lead.budgetLow == 250_000)
        #expect(lead.budgetHigh == 300_000)
        #expect(lead.timeline == "by fall 2026")
        #expect(lead.projectType == "addition")
        #expect(lead.financing == "cash")
        #expect(lead.firstName == "Elena")
        #expect(lead.lastName == "O'Brien")
    }

    @Test func originalDirectInquiry() throws {
        let lead = try lead("direct-inquiry")
        #expect(lead.phone == "+15125550143")
        #expect(lead.address == PostalAddress(postalCode: "78704"))
        #expect(lead.budgetLow == 650_000)
        #expect(lead.timeline == "spring 2027")
        #expect(lead.projectType == "custom_home")
        #expect(lead.lotStatus == "own_lot")
        #expect(lead.firstName == "Maria")
        #expect(lead.lastName == "Gonzalez")
    }
}
