@testable import Extraction
import LeadModel
import Testing

/// A street the text gives as the builder's work or place ("the home you built for the
/// Hendersons at ...") is never the lead's address, even alone; a street after someone else's
/// project ("her addition at") gives way to the writer's.
@Suite("The builder's work is not the lead's address")
struct BuildersWorkAddressTests {
    @Test func buildersPastWorkAloneIsNoAddress() throws {
        let lead = try HeuristicsTestSupport.lead(
            from: "Dana Wells <dana@example.org>",
            "We loved the home you built for the Hendersons at 402 Lakeway Dr.\nWe want a custom home in Lakeway too.\n\nDana")
        #expect(lead.address?.street == nil)
    }

    @Test func buildersModelHomeBesideTheLot() throws {
        let lead = try HeuristicsTestSupport.lead(
            from: "Dana Wells <dana@example.org>",
            "We toured your model home at 12 Bluebonnet Ct.\nOur lot is at 88 Creek Bend Dr, Kyle, TX 78640.\n\nDana")
        #expect(lead.address?.street == "88 Creek Bend Dr")
        #expect(lead.address?.postalCode == "78640")
    }

    @Test func neighboursProjectGivesWayToTheWritersHouse() throws {
        let lead = try HeuristicsTestSupport.lead(
            from: "Dana Wells <dana@example.org>",
            "Our neighbor loved her addition at 310 Pecan Ln. We want one onto our house at\n306 Pecan Ln, Leander, TX 78641.\n\nDana")
        #expect(lead.address?.street == "306 Pecan Ln")
        #expect(lead.address?.city == "Leander")
    }
}
