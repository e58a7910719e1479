@testable import Extraction
@testable import LeadModel
import Testing

/// A lot that has no house number yet, on its road: the street is the lot and the road
/// (`Lot 14, Ridge View Drive`), its city, state and ZIP read as after a house number.
@Suite("Lots without a house number")
struct LotAddressTests {
    private func finding(_ text: String) -> (PostalAddress?, FieldProvenance?) {
        var lead = ExtractedLead()
        InquiryHeuristics.fill(&lead, from: text, location: "body")
        return (lead.address, lead.fields["street"])
    }

    private func address(_ text: String) -> PostalAddress? { finding(text).0 }

    @Test(arguments: [
        ("We just closed on Lot 14 on Ridge View Drive in Wimberley, TX 78676 and want to start next spring.",
         PostalAddress(street: "Lot 14, Ridge View Drive", city: "Wimberley", state: "TX", postalCode: "78676")),
        ("our lot (Lot 7, Block B) on Saddle Creek Trail, Dripping Springs is cleared.",
         PostalAddress(street: "Lot 7, Block B, Saddle Creek Trail")),
        ("We own Lot 23 Hillside Ct, Bee Cave TX and would like a quote.",
         PostalAddress(street: "Lot 23, Hillside Ct", city: "Bee Cave", state: "TX")),
        ("We bought Lot 22, Saddle Ridge Dr, Liberty Hill, TX 78642 last month.",
         PostalAddress(street: "Lot 22, Saddle Ridge Dr", city: "Liberty Hill", state: "TX", postalCode: "78642")),
        ("The lot is lot 9 on FM 1826, Austin, TX 78737.",
         PostalAddress(street: "Lot 9, FM 1826", city: "Austin", state: "TX", postalCode: "78737")),
        ("We have Lot #12 off Cedar Hollow Rd in Dripping Springs, TX.", PostalAddress(street: "Lot 12, Cedar Hollow Rd", city: "Dripping Springs", state: "TX")),
        ("We bought Lot 5, Block A of Headwaters on Headwaters Blvd, Dripping Springs, TX 78620.",
         PostalAddress(street: "Lot 5, Block A, Headwaters Blvd", city: "Dripping Springs", state: "TX", postalCode: "78620")),
        ("We have Lot 12 in Vista Ridge off Vista Ridge Dr.", PostalAddress(street: "Lot 12, Vista Ridge Dr.")),
        ("Tract 4 along Old Fitzhugh Rd, Dripping Springs, TX 78620 is ours",
         PostalAddress(street: "Tract 4, Old Fitzhugh Rd", city: "Dripping Springs", state: "TX", postalCode: "78620")),
        ("We own Lot 7B, Blk 3, Oak Knoll Ln and want to build.", PostalAddress(street: "Lot 7B, Block 3, Oak Knoll Ln")),
        ("Our lot is Lot 4, Oak Ct and it slopes.", PostalAddress(street: "Lot 4, Oak Ct")),
        ("We closed on Lot 14 on Ridge View Drive\nWimberley, TX 78676",
         PostalAddress(street: "Lot 14, Ridge View Drive", city: "Wimberley", state: "TX", postalCode: "78676")),
    ])
    func aLotOnItsRoad(_ text: String, _ expected: PostalAddress) {
        #expect(address(text) == expected, "\(text.debugDescription)")
    }

    @Test func aLotIsRecordedAsALotAndStreet() {
        let (_, provenance) = finding("We just closed on Lot 14 on Ridge View Drive in Wimberley, TX 78676.")
        #expect(provenance == FieldProvenance(rule: "heuristic: lot and street", location: "body line 1"))
    }

    /// `lot` as a word of the language, a lot without a road, and a subdivision named
    /// like a road: no street (the city, state or ZIP written still are).
    @Test(arguments: [
        ("We own a 2 acre lot on Ridge View Drive.", nil),
        ("The lot size 0.5 acres on Ridge View Drive.", nil),
        ("Lots of light on Ridge View Drive, please.", nil),
        ("We have a lot of questions about Ridge View Drive.", nil),
        ("We are looking for a lot near Ridge View Drive.", nil),
        ("The parking lot on Main St is full.", nil),
        ("We have lot 5 in the Vista Ridge subdivision.", nil),
        ("We have lot 5 in Vista Ridge and love Ridge View Drive.", nil),
        ("We have lot 5 in Vista Ridge on the north side.", nil),
        ("We own Lot 14. Ridge View Drive is the road.", nil),
        ("We bought Lot 14 and want to build.", nil),
        ("We own Lot 12 Vista Ridge Estates in Austin.", nil),
        // (A subdivision with its city and state after it is the lot's place since session
        // 21: ``AddressFinder/subdivisionLot(_:_:_:)``, not a road.)
        ("Lot 3 of Oak Hills Estates, Austin, TX 78737",
         PostalAddress(street: "Lot 3, Oak Hills Estates", city: "Austin", state: "TX", postalCode: "78737")),
        ("We own lot 2 blocks from Main St.", nil),
        ("The lot 1.5 acres on Ridge Rd is ours.", nil),
        ("Lot 14 on Monday we met on Ridge Rd.", nil),
    ] as [(String, PostalAddress?)])
    func nearMissesGiveNoLotStreet(_ text: String, _ expected: PostalAddress?) {
        #expect(address(text) == expected, "\(text.debugDescription)")
    }

    /// A house number's street on the line wins over a lot number (as before): the lot's
    /// number is never taken as a house number.
    @Test(arguments: [
        ("Lot 14 is next to 418 Cedar Hollow Rd, Dripping Springs, TX 78620.",
         PostalAddress(street: "418 Cedar Hollow Rd", city: "Dripping Springs", state: "TX", postalCode: "78620")),
        ("Lot 14, 418 Cedar Hollow Rd, Dripping Springs, TX 78620",
         PostalAddress(street: "418 Cedar Hollow Rd", city: "Dripping Springs", state: "TX", postalCode: "78620")),
        ("My neighbor's lot, Lot 6 on Oak Dr, is for sale. We own 12 Elm Dr, Austin, TX 78704",
         PostalAddress(street: "12 Elm Dr", city: "Austin", state: "TX", postalCode: "78704")),
        ("We own 1420 Oak Dr Lot 5, Austin, TX 78704",
         PostalAddress(street: "1420 Oak Dr Lot 5", city: "Austin", state: "TX", postalCode: "78704")),
    ])
    func aHouseNumbersStreetWins(_ text: String, _ expected: PostalAddress) {
        #expect(address(text) == expected, "\(text.debugDescription)")
    }

    /// Beside the writer's present home, on the line or another, the lot is the site.
    @Test(arguments: [
        "We live at 12 Oak Dr, Austin, TX 78704. We bought Lot 14 on Ridge View Drive in Wimberley, TX 78676.",
        "We currently live at 12 Oak Dr, Austin, TX 78704.\nWe bought Lot 14 on Ridge View Drive in Wimberley, TX 78676.",
        "We bought Lot 14 on Ridge View Drive in Wimberley, TX 78676.\nWe currently live at 12 Oak Dr, Austin, TX 78704.",
        "We bought Lot 14 on Ridge View Drive in Wimberley, TX 78676 and live at 12 Oak Dr, Austin, TX 78704.",
    ])
    func aLotBesideTheWritersHomeIsTheSite(_ text: String) {
        #expect(address(text) == PostalAddress(street: "Lot 14, Ridge View Drive", city: "Wimberley", state: "TX", postalCode: "78676"),
                "\(text.debugDescription)")
    }

    @Test(arguments: [
        ("Lot 14 on Ridge", true), ("(Lot 7, Block B)", true), ("LOT #12 off", true), ("tract 4", true), ("Parcel 9", true),
        ("a lot of light 12", false), ("lots 5", false), ("pilot 5", false), ("lot", false), ("lot size 5", false), ("Lot14", false),
    ])
    func theLineGate(_ line: String, _ mentions: Bool) {
        #expect(AddressFinder.mentionsLotNumber(line) == mentions, "\(line)")
    }

    /// The parser keeps a lot's road's suffix a suffix: `Ct` after a lot is no Connecticut.
    @Test(arguments: [
        ("Lot 4, Oak Ct", PostalAddress(street: "Lot 4, Oak Ct")),
        ("Lot 7, Block B, Elm Ct", PostalAddress(street: "Lot 7, Block B, Elm Ct")),
        ("Lot 4, Oak Ct, Austin, TX 78704", PostalAddress(street: "Lot 4, Oak Ct", city: "Austin", state: "TX", postalCode: "78704")),
        ("Lot 4, Oak Dr NE", PostalAddress(street: "Lot 4, Oak Dr NE")),
        ("Hartford, CT", PostalAddress(city: "Hartford", state: "CT")),
    ])
    func theParserReadsALotsRoad(_ written: String, _ expected: PostalAddress) {
        #expect(USAddressParser.parse(written) == expected, "\(written)")
        #expect(USAddressParser.generalParse(written) == expected, "\(written)")
    }
}
