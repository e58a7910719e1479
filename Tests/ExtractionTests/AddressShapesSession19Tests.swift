@testable import Extraction
@testable import LeadModel
import Testing

/// Session 19, exploring the shapes homeowners type: county and state roads (`CR 280`, `SH
/// 71`, `Private Road 4712`), a county where a city would be, a lot's block on the road's
/// line, a lot in a subdivision on its road.
@Suite("Address shapes, session 19")
struct AddressShapesSession19Tests {
    private func address(_ text: String) -> PostalAddress? { HeuristicsTestSupport.filled(text).address }

    @Test(arguments: [
        ("Our land is at 1550 CR 280, Liberty Hill, TX 78642.",
         PostalAddress(street: "1550 CR 280", city: "Liberty Hill", state: "TX", postalCode: "78642")),
        ("Our land is at 1550 CR 280, Liberty Hill, TX.", PostalAddress(street: "1550 CR 280", city: "Liberty Hill", state: "TX")),
        ("We have 12 acres at 1550 CR 280, Liberty Hill, TX (Williamson County)",
         PostalAddress(street: "1550 CR 280", city: "Liberty Hill", state: "TX")),
        ("We own 9000 SH 71 W, Spicewood, TX 78669", PostalAddress(street: "9000 SH 71 W", city: "Spicewood", state: "TX", postalCode: "78669")),
        ("Lot is at 210 Private Road 4712, Bertram, TX", PostalAddress(street: "210 Private Road 4712", city: "Bertram", state: "TX")),
        ("Lot 14\nBlock C, Ridge View Drive, Austin TX 78738",
         PostalAddress(street: "Lot 14, Block C, Ridge View Drive", city: "Austin", state: "TX", postalCode: "78738")),
        ("Property is 3021 County Road 110, Williamson County, TX 78626",
         PostalAddress(street: "3021 County Road 110", state: "TX", postalCode: "78626")),
        ("Property is 3021 County Road 110, Georgetown, TX 78626 (Williamson County)",
         PostalAddress(street: "3021 County Road 110", city: "Georgetown", state: "TX", postalCode: "78626")),
        ("We're out in Williamson County, TX 78626 on 10 acres.", PostalAddress(state: "TX", postalCode: "78626")),
        ("We bought Lot 5, Block A of Headwaters on Headwaters Blvd, Dripping Springs, TX 78620.",
         PostalAddress(street: "Lot 5, Block A, Headwaters Blvd", city: "Dripping Springs", state: "TX", postalCode: "78620")),
    ])
    func shapes(_ text: String, _ expected: PostalAddress) {
        #expect(address(text) == expected, "\(text.debugDescription)")
    }

    /// Left as they were: a lowercase `cr`, a road word after a number that is no address,
    /// a lot whose block line names no road.
    @Test(arguments: [
        ("We saw 3 cr 280 signs.", nil),
        ("Lot 14\nBlock C is the one we like.", nil),
        ("We have lot 5 in Vista Ridge on the north side.", nil),
    ] as [(String, PostalAddress?)])
    func nearMisses(_ text: String, _ expected: PostalAddress?) {
        #expect(address(text) == expected, "\(text.debugDescription)")
    }

    /// The parser drops a county where the city would be, on both of its paths.
    @Test(arguments: [
        ("3021 County Road 110, Williamson County, TX 78626", PostalAddress(street: "3021 County Road 110", state: "TX", postalCode: "78626")),
        ("Orleans Parish, LA 70112", PostalAddress(state: "LA", postalCode: "70112")),
        ("12 Oak St, Austin, TX 78704", PostalAddress(street: "12 Oak St", city: "Austin", state: "TX", postalCode: "78704")),
        ("County, TX", PostalAddress(city: "County", state: "TX")),
    ])
    func theParserDropsACounty(_ written: String, _ expected: PostalAddress) {
        #expect(USAddressParser.parse(written) == expected, "\(written)")
        #expect(USAddressParser.generalParse(written) == expected, "\(written)")
    }
}
