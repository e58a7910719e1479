@testable import Extraction
@testable import LeadModel
import Testing

/// Session 19: a lot ending one line with its road opening the next (`Lot 14, Block C` /
/// `Ridge View Drive, Austin TX 78738`).
@Suite("A lot wrapped over two lines")
struct WrappedLotTests {
    private func address(_ text: String) -> PostalAddress? { HeuristicsTestSupport.filled(text).address }

    @Test(arguments: [
        ("Lot 14, Block C\nRidge View Drive, Austin TX 78738",
         PostalAddress(street: "Lot 14, Block C, Ridge View Drive", city: "Austin", state: "TX", postalCode: "78738")),
        ("our lot is Lot 7\nSaddle Creek Trail, Dripping Springs", PostalAddress(street: "Lot 7, Saddle Creek Trail")),
        ("We bought Lot 7\nSaddle Creek Trail, Dripping Springs, TX",
         PostalAddress(street: "Lot 7, Saddle Creek Trail", city: "Dripping Springs", state: "TX")),
        ("Tract 4\nOld Fitzhugh Rd, Dripping Springs, TX 78620",
         PostalAddress(street: "Tract 4, Old Fitzhugh Rd", city: "Dripping Springs", state: "TX", postalCode: "78620")),
        ("The lot: Lot #12,\nCedar Hollow Rd", PostalAddress(street: "Lot 12, Cedar Hollow Rd")),
        ("Hi,\nwe closed on Lot 9, Blk 3\nOak Knoll Ln\nWe want to start soon.", PostalAddress(street: "Lot 9, Block 3, Oak Knoll Ln")),
    ])
    func aLotOverTwoLines(_ text: String, _ expected: PostalAddress) {
        #expect(address(text) == expected, "\(text.debugDescription)")
    }

    @Test func aLotOverTwoLinesIsRecordedAsALotAndStreet() {
        let fields = HeuristicsTestSupport.filled("Hello,\nLot 14, Block C\nRidge View Drive, Austin TX 78738").fields
        #expect(fields["street"] == FieldProvenance(rule: "heuristic: lot and street", location: "body line 2"))
    }

    @Test(arguments: [
        ("We bought lot 7.\nSaddle Creek Trail is lovely.", nil),
        ("We bought lot 7\nSaddle Creek Trail is lovely this time of year.", nil),
        ("We want to build on lot 7\nOur budget is 500k", nil),
        ("Lot size is about 2\nRidge View Drive, Austin TX 78738", PostalAddress(city: "Austin", state: "TX", postalCode: "78738")),
        ("We need 3\nRidge View Drive, Austin TX 78738", PostalAddress(city: "Austin", state: "TX", postalCode: "78738")),
        ("We own lot 7\nin the Saddle Creek subdivision", nil),
        ("We own Lot 7\nVista Ridge Estates, Austin TX 78738", PostalAddress(city: "Austin", state: "TX", postalCode: "78738")),
    ] as [(String, PostalAddress?)])
    func nearMissesGiveNoWrappedLot(_ text: String, _ expected: PostalAddress?) {
        #expect(address(text) == expected, "\(text.debugDescription)")
    }

    @Test(arguments: [
        ("our lot is Lot 7", true), ("Lot 14, Block C", true), ("Lot #12,", true), ("Lot 7B ", true), ("tract 4:", true),
        ("lot 7.", false), ("we need 3 bedrooms", false), ("Lot 14 on", false), ("call 512-555-0190", false), ("", false),
    ])
    func theWrappedLotGate(_ line: String, _ ends: Bool) {
        #expect(AddressFinder.endsWithLotNumber(line) == ends, "\(line)")
    }
}
