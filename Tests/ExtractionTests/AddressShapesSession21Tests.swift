@testable import Extraction
@testable import LeadModel
import Testing

/// Session 21: a lot named by its subdivision (`Lot 12 in Belterra, Dripping Springs, TX`),
/// a lot label with a colon (`Lot: 14`), state and interstate highways in one word
/// (`TX-71`, `US-290 W`, `IH-35`) or two (`TX 71`), and an address typed all in lowercase.
@Suite("Address shapes, session 21")
struct AddressShapesSession21Tests {
    private func address(_ text: String) -> PostalAddress? { HeuristicsTestSupport.filled(text).address }

    @Test(arguments: [
        ("We have Lot 12 in Belterra, Dripping Springs, TX and want a 3,200 sq ft home.",
         PostalAddress(street: "Lot 12, Belterra", city: "Dripping Springs", state: "TX")),
        ("We bought lot 7 in Vista Ridge Estates, Austin, TX 78738 and want to build.",
         PostalAddress(street: "Lot 7, Vista Ridge Estates", city: "Austin", state: "TX", postalCode: "78738")),
        ("Our lot is Lot 7, Block B of Headwaters, Dripping Springs, TX.",
         PostalAddress(street: "Lot 7, Block B, Headwaters", city: "Dripping Springs", state: "TX")),
        ("We closed on lot 3 in the Saddle Creek subdivision, Kyle, TX 78640 last week.",
         PostalAddress(street: "Lot 3, Saddle Creek", city: "Kyle", state: "TX", postalCode: "78640")),
        ("We live at 12 Oak Dr, Austin, TX 78704. We bought Lot 12 in Belterra, Dripping Springs, TX.",
         PostalAddress(street: "Lot 12, Belterra", city: "Dripping Springs", state: "TX")),
    ])
    func lotInSubdivision(_ text: String, _ expected: PostalAddress) {
        #expect(address(text) == expected, "\(text.debugDescription)")
    }

    /// No subdivision to write: no city and state after it, a city where the subdivision
    /// would be, a county, no lot number.
    @Test(arguments: [
        ("We have lot 5 in Vista Ridge on the north side.", nil),
        ("We bought lot 5 in the Vista Ridge subdivision and want to build.", nil),
        ("We have Lot 12 in Dripping Springs, TX and want to build.", PostalAddress(city: "Dripping Springs", state: "TX")),
        // (No lot number: the city and state after the subdivision, as a lot's place.)
        ("We have a lot in Belterra, Dripping Springs, TX and want to build.", PostalAddress(city: "Dripping Springs", state: "TX")),
        ("We have 2 lots in Belterra, Dripping Springs, TX and want to build.", PostalAddress(city: "Dripping Springs", state: "TX")),
        ("We have Lot 12 in Kyle, Hays County, TX and want to build.", nil),
        ("We have Lot 12 in Belterra, Dripping Springs and want to build.", nil),
    ] as [(String, PostalAddress?)])
    func lotInSubdivisionNearMisses(_ text: String, _ expected: PostalAddress?) {
        #expect(address(text) == expected, "\(text.debugDescription)")
    }

    @Test(arguments: [
        ("Lot: 14\nRidge View Drive, Austin TX 78738",
         PostalAddress(street: "Lot 14, Ridge View Drive", city: "Austin", state: "TX", postalCode: "78738")),
        ("Lot: 14 Ridge View Drive, Austin TX 78738",
         PostalAddress(street: "Lot 14, Ridge View Drive", city: "Austin", state: "TX", postalCode: "78738")),
        ("Lot 14\nBlock C, Ridge View Drive, Austin TX 78738",
         PostalAddress(street: "Lot 14, Block C, Ridge View Drive", city: "Austin", state: "TX", postalCode: "78738")),
    ])
    func lotLabel(_ text: String, _ expected: PostalAddress) {
        #expect(address(text) == expected, "\(text.debugDescription)")
    }

    @Test(arguments: [
        ("Lot: 2 acres\nRidge View Drive is lovely", nil),
        ("Lot: 1.5 acres on Ridge View Drive", nil),
    ] as [(String, PostalAddress?)])
    func lotLabelNearMisses(_ text: String, _ expected: PostalAddress?) {
        #expect(address(text) == expected, "\(text.debugDescription)")
    }

    @Test(arguments: [
        ("We own 17500 TX-71, Spicewood, TX 78669 and want to build a home.",
         PostalAddress(street: "17500 TX-71", city: "Spicewood", state: "TX", postalCode: "78669")),
        ("We own 17500 TX 71, Spicewood, TX 78669 and want to build a home.",
         PostalAddress(street: "17500 TX 71", city: "Spicewood", state: "TX", postalCode: "78669")),
        ("We own 17500 Hwy 71 W, Spicewood, TX 78669 and want to build a home.",
         PostalAddress(street: "17500 Hwy 71 W", city: "Spicewood", state: "TX", postalCode: "78669")),
        ("We own 17500 State Hwy 71, Spicewood, TX 78669 and want to build a home.",
         PostalAddress(street: "17500 State Hwy 71", city: "Spicewood", state: "TX", postalCode: "78669")),
        ("We own 1200 FM 1826, Austin, TX 78737 and want to build a home.",
         PostalAddress(street: "1200 FM 1826", city: "Austin", state: "TX", postalCode: "78737")),
        ("We own 2100 US-290 W, Dripping Springs, TX 78620 and want to build a home.",
         PostalAddress(street: "2100 US-290 W", city: "Dripping Springs", state: "TX", postalCode: "78620")),
        ("We own 4500 N IH-35, Round Rock, TX 78664 and want to build a home.",
         PostalAddress(street: "4500 N IH-35", city: "Round Rock", state: "TX", postalCode: "78664")),
        ("We own 4500 IH 35, Kyle, TX 78640 and want to build a home.",
         PostalAddress(street: "4500 IH 35", city: "Kyle", state: "TX", postalCode: "78640")),
        ("Our land is at 4500 I-35, Kyle, TX 78640.", PostalAddress(street: "4500 I-35", city: "Kyle", state: "TX", postalCode: "78640")),
        ("We own 1200 RM 12, Wimberley, TX and want to build.", PostalAddress(street: "1200 RM 12", city: "Wimberley", state: "TX")),
        ("We own 4500 Loop 360, Austin, TX 78746.", PostalAddress(street: "4500 Loop 360", city: "Austin", state: "TX", postalCode: "78746")),
    ])
    func highways(_ text: String, _ expected: PostalAddress) {
        #expect(address(text) == expected, "\(text.debugDescription)")
    }

    /// Left alone: a count of things before `TX`, a highway number too long, a phone.
    @Test(arguments: [
        ("We have 2 TX-71 frontage lots in mind.", nil),
        ("We saw 3 TX 71 signs on the way.", nil),
        ("Call 512-555-0100, we are near TX-71.", nil),
        // (A road of another kind keeps reading without its place, as before.)
        ("We live at 12 Loop Rd and want to build.", PostalAddress(street: "12 Loop Rd")),
    ] as [(String, PostalAddress?)])
    func highwayNearMisses(_ text: String, _ expected: PostalAddress?) {
        #expect(address(text) == expected, "\(text.debugDescription)")
    }

    @Test(arguments: [
        ("we own 1420 ridge view dr, kyle tx 78640 and want to build",
         PostalAddress(street: "1420 Ridge View Dr", city: "Kyle", state: "TX", postalCode: "78640")),
        ("we own 1420 ridge view dr kyle tx 78640",
         PostalAddress(street: "1420 Ridge View Dr", city: "Kyle", state: "TX", postalCode: "78640")),
        ("lot is at 1420 ridge view drive, dripping springs, texas 78620",
         PostalAddress(street: "1420 Ridge View Drive", city: "Dripping Springs", state: "TX", postalCode: "78620")),
        ("our land is 210 county line rd w, round rock tx 78664.",
         PostalAddress(street: "210 County Line Rd W", city: "Round Rock", state: "TX", postalCode: "78664")),
        ("we own 1420 ridge view dr, Kyle TX 78640",
         PostalAddress(street: "1420 Ridge View Dr", city: "Kyle", state: "TX", postalCode: "78640")),
        ("our zip is 78640 and we are at 12 oak ln austin tx 78704",
         PostalAddress(street: "12 Oak Ln", city: "Austin", state: "TX", postalCode: "78704")),
    ])
    func lowercase(_ text: String, _ expected: PostalAddress) {
        #expect(address(text) == expected, "\(text.debugDescription)")
    }

    /// Left alone: no ZIP, a ZIP of another state, no street type, sentence words where a
    /// name would be.
    @Test(arguments: [
        ("address is 1420 ridge view dr, kyle, texas", nil),
        ("we own 1420 ridge view dr. call me", nil),
        ("we own 1420 ridge view dr, kyle tx 90210", nil),
        ("we have 3 car garage plans and a 2 story home in mind, kyle tx 78640", nil),
        ("we need 4 bedrooms and a view lot kyle tx 78640", nil),
        ("we have 2 kids and a dog park nearby kyle tx 78640", nil),
        ("we own lot 4 oak ridge dr kyle tx 78640", nil),
        ("our phone is 512 555 0100, kyle tx 78640", nil),
        ("i have 2 dogs and a cat st kyle tx 78640", nil),
    ] as [(String, PostalAddress?)])
    func lowercaseNearMisses(_ text: String, _ expected: PostalAddress?) {
        #expect(address(text) == expected, "\(text.debugDescription)")
    }
}
