@testable import Extraction
import LeadModel
import Testing

/// The city, state and ZIP after a street in two more shapes: typed in lowercase after a
/// capitalised street, and with the state and ZIP wrapped onto the next line.
@Suite("City, state and ZIP after a street")
struct AddressTailShapesTests {
    @Test(arguments: [
        ("Text me. Lot is at 101 Brushy Creek Rd hutto tx 78634", "101 Brushy Creek Rd", "Hutto", "78634"),
        ("The lot:\n12 Saddle Horn Trl, Dripping Springs,\nTX 78620", "12 Saddle Horn Trl", "Dripping Springs", "78620"),
        ("The lot is 4 Oak Ln round rock texas 78664", "4 Oak Ln", "Round Rock", "78664"),
    ])
    func tail(_ body: String, _ street: String, _ city: String, _ zip: String) throws {
        let lead = try HeuristicsTestSupport.lead(from: "Dana Wells <dana@example.org>", body + "\n\nDana")
        #expect(lead.address?.street == street)
        #expect(lead.address?.city == city)
        #expect(lead.address?.state == "TX")
        #expect(lead.address?.postalCode == zip)
    }

    /// A ZIP of another state, or a sentence word among the city's, is no city line.
    @Test(arguments: ["Lot is at 101 Brushy Creek Rd hutto tx 10001", "Lot is at 101 Brushy Creek Rd and we tx 78634"])
    func noTail(_ body: String) throws {
        let lead = try HeuristicsTestSupport.lead(from: "Dana Wells <dana@example.org>", body + "\n\nDana")
        #expect(lead.address?.postalCode == nil)
    }
}
