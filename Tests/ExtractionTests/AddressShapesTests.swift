@testable import Extraction
@testable import LeadModel
import Testing

/// Address shapes exploratory testing found lost or wrong: a house number in parentheses,
/// `City, ST` and its ZIP wrapped over two lines, a directional after a highway number, a
/// unit after the street's comma, mailing boxes, and a company's address (a portal's
/// footer, a law firm's signature) that is neither the build site nor the home.
@Suite("Address shapes in free text")
struct AddressShapesTests {
    private func address(_ text: String) -> PostalAddress? {
        var lead = ExtractedLead()
        InquiryHeuristics.fill(&lead, from: text, location: "body")
        return lead.address
    }

    private static let lagoVista = PostalAddress(street: "21109 Boggy Ford Rd", city: "Lago Vista", state: "TX", postalCode: "78645")
    private static let bellSprings = PostalAddress(street: "1187 Bell Springs Rd", city: "Dripping Springs", state: "TX", postalCode: "78620")

    @Test(arguments: [
        ("Our lot is (21109 Boggy Ford Rd, Lago Vista, TX 78645). Call 512-555-0184.", lagoVista),
        ("I closed on a lot last month (21109 Boggy Ford Rd,\nLago Vista, TX 78645) and I'm interested", lagoVista),
        ("The lot (21109 Boggy Ford Rd) is ours", PostalAddress(street: "21109 Boggy Ford Rd")),
    ])
    func aHouseNumberInParentheses(_ text: String, _ expected: PostalAddress) {
        #expect(address(text) == expected, "\(text.debugDescription)")
    }

    @Test(arguments: [
        ("We own a lot at 1187 Bell Springs Rd, Dripping Springs, TX\n78620 and we'd like to build", bellSprings),
        ("We own a lot at 1187 Bell Springs Rd, Dripping\nSprings, TX 78620 and we'd like to build", bellSprings),
        ("We own a lot at 1187 Bell Springs Rd\nDripping Springs, TX 78620", bellSprings),
    ])
    func cityStateAndZIPWrappedOverTwoLines(_ text: String, _ expected: PostalAddress) {
        #expect(address(text) == expected, "\(text.debugDescription)")
    }

    @Test(arguments: [
        ("our lot at 9120 Hwy 290 W,\nDripping Springs, TX 78620. Our budget",
         PostalAddress(street: "9120 Hwy 290 W", city: "Dripping Springs", state: "TX", postalCode: "78620")),
        ("The land is at 300 FM 1826 S, Austin, TX 78737",
         PostalAddress(street: "300 FM 1826 S", city: "Austin", state: "TX", postalCode: "78737")),
        ("Lot at 9120 US Hwy 290 W, Dripping Springs, TX 78620",
         PostalAddress(street: "9120 US Hwy 290 W", city: "Dripping Springs", state: "TX", postalCode: "78620")),
        ("Lot at 9120 W Hwy 290, Dripping Springs, TX 78620",
         PostalAddress(street: "9120 W Hwy 290", city: "Dripping Springs", state: "TX", postalCode: "78620")),
        ("Lot at 9120 Hwy 290 West Dripping Springs TX 78620",
         PostalAddress(street: "9120 Hwy 290 West", city: "Dripping Springs", state: "TX", postalCode: "78620")),
        ("Our place is at 1200 Highway 71 W", PostalAddress(street: "1200 Highway 71 W")),
    ])
    func designatedRoadsWithDirectionals(_ text: String, _ expected: PostalAddress) {
        #expect(address(text) == expected, "\(text.debugDescription)")
    }

    @Test(arguments: [
        ("We live at 1420 Oak Hollow Dr, Apt 4B, Austin, TX 78704", "1420 Oak Hollow Dr Apt 4B"),
        ("We live at 1420 Oak Hollow Dr, #210, Austin, TX 78704", "1420 Oak Hollow Dr #210"),
        ("We live at 1420 Oak Hollow Dr, Unit 3, Austin, TX 78704", "1420 Oak Hollow Dr Unit 3"),
        ("We live at 1420 Oak Dr NE, Apt 4, Austin, TX 78704", "1420 Oak Dr NE Apt 4"),
    ])
    func aUnitAfterTheStreetsComma(_ text: String, _ street: String) {
        #expect(address(text)?.street == street, "\(text.debugDescription)")
        #expect(address(text)?.city == "Austin", "\(text.debugDescription)")
    }

    @Test func aLabelAfterTheStreetsCommaIsNoUnit() {
        #expect(address("1001 Oak Ave, Office: (512) 555-0150") == PostalAddress(street: "1001 Oak Ave"))
        #expect(address("We are on 5 Ranch, 12 acres in Austin, TX") == PostalAddress(city: "Austin", state: "TX"))
    }

    @Test func aZIPPlusFourIsKept() {
        #expect(address("The lot is at 1420 Oak Hollow Dr, Austin, TX 78701-1234.")
            == PostalAddress(street: "1420 Oak Hollow Dr", city: "Austin", state: "TX", postalCode: "78701-1234"))
    }

    /// A mailing box is not where the house is or will be: no street, but its town is the
    /// prospect's.
    @Test(arguments: [
        "Mail goes to PO Box 123, Dripping Springs, TX 78620",
        "Mail goes to P.O. Box 123, Dripping Springs, TX 78620",
        "Our mail is RR 2 Box 15, Dripping Springs, TX 78620",
    ])
    func aMailingBoxIsNoStreet(_ text: String) {
        #expect(address(text) == PostalAddress(city: "Dripping Springs", state: "TX", postalCode: "78620"), "\(text)")
    }

    @Test func aCompanysAddressIsNotTheProspects() {
        let portal = """
            Daniel is looking for a Home Builder in Kyle, TX 78640.

            Questions? Call us on 1-888-555-0143.
            Portal Inc., 2601 Network Blvd, Suite 410, Frisco, TX 75034
            """
        #expect(address(portal) == PostalAddress(city: "Kyle", state: "TX", postalCode: "78640"))
        let signature = """
            We're planning a lake house on Lake LBJ.

            Harold Jenkins
            Jenkins & Cole LLP
            1001 Congress Ave, Suite 900, Austin, TX 78701
            """
        #expect(address(signature) == nil)
        // A company named earlier in the sentence: the street is still the lot.
        #expect(address("Our company Smith Holdings LLC owns 12 Oak Dr, Austin, TX 78704")
            == PostalAddress(street: "12 Oak Dr", city: "Austin", state: "TX", postalCode: "78704"))
    }

    @Test func aLineShapeSeesAHouseNumberInParentheses() {
        #expect(AddressFinder.LineShape("(21109 Boggy Ford Rd, Lago Vista").mayHaveStreet)
        #expect(!AddressFinder.LineShape("(512) 555-0172 Dr").mayHaveStreet)
    }

    /// Without a comma after the street, the city starts after a road's designator.
    @Test(arguments: [
        ("9120 Hwy 290 W Dripping Springs TX 78620",
         PostalAddress(street: "9120 Hwy 290 W", city: "Dripping Springs", state: "TX", postalCode: "78620")),
        ("300 County Road 12 Wimberley TX 78676",
         PostalAddress(street: "300 County Road 12", city: "Wimberley", state: "TX", postalCode: "78676")),
        ("4508 Avenue F Austin TX 78751", PostalAddress(street: "4508 Avenue F", city: "Austin", state: "TX", postalCode: "78751")),
        ("300 FM 1826 Austin TX 78737", PostalAddress(street: "300 FM 1826", city: "Austin", state: "TX", postalCode: "78737")),
        ("12 Oak Dr Apt 4B Austin TX 78704", PostalAddress(street: "12 Oak Dr Apt 4B", city: "Austin", state: "TX", postalCode: "78704")),
    ])
    func parsedDesignatedRoadsWithoutAComma(_ written: String, _ expected: PostalAddress) {
        #expect(USAddressParser.parse(written) == expected, "\(written)")
        #expect(USAddressParser.generalParse(written) == expected, "\(written)")
    }
}
