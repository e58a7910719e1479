import LeadModel
import Testing

@Suite("Normalisation: US addresses, states, ZIP codes")
struct NormalizationAddressTests {
    private static let oakHollow = "1420 Oak Hollow Dr"

    @Test(arguments: [
        ("1420 Oak Hollow Dr, Austin, TX 78704", PostalAddress(street: oakHollow, city: "Austin", state: "TX", postalCode: "78704")),
        ("1420 Oak Hollow Drive\nAustin, Texas 78704-1234",
         PostalAddress(street: "1420 Oak Hollow Drive", city: "Austin", state: "TX", postalCode: "78704-1234")),
        ("1420 Oak Hollow Dr Apt 4, Austin TX 78704",
         PostalAddress(street: "1420 Oak Hollow Dr Apt 4", city: "Austin", state: "TX", postalCode: "78704")),
        ("1420 Oak Hollow Dr\nApt 4\nAustin, TX 78704",
         PostalAddress(street: "1420 Oak Hollow Dr Apt 4", city: "Austin", state: "TX", postalCode: "78704")),
        ("1420 Oak Hollow Dr #4, Austin, tx 78704",
         PostalAddress(street: "1420 Oak Hollow Dr #4", city: "Austin", state: "TX", postalCode: "78704")),
        ("1420 Oak Hollow Dr Austin TX 78704", PostalAddress(street: oakHollow, city: "Austin", state: "TX", postalCode: "78704")),
        ("1420 Oak Hollow Dr, Austin, TX 78704, USA", PostalAddress(street: oakHollow, city: "Austin", state: "TX", postalCode: "78704")),
        ("88 Ridge Rd, Santa Fe, New Mexico 87501", PostalAddress(street: "88 Ridge Rd", city: "Santa Fe", state: "NM", postalCode: "87501")),
        ("500 N Main St, Salt Lake City, UT", PostalAddress(street: "500 N Main St", city: "Salt Lake City", state: "UT")),
        ("12 Elm Ct", PostalAddress(street: "12 Elm Ct")),
        ("1420 Oak Dr NE", PostalAddress(street: "1420 Oak Dr NE")),
        ("Austin, TX", PostalAddress(city: "Austin", state: "TX")),
        ("Austin, Texas", PostalAddress(city: "Austin", state: "TX")),
        ("78704", PostalAddress(postalCode: "78704")),
        ("Austin TX 78704", PostalAddress(city: "Austin", state: "TX", postalCode: "78704")),
        ("Round Rock", PostalAddress(city: "Round Rock")),
        ("PO Box 123, Dripping Springs, TX 78620",
         PostalAddress(street: "PO Box 123", city: "Dripping Springs", state: "TX", postalCode: "78620")),
        ("Lot 22, Saddle Ridge Dr, Liberty Hill, TX 78642",
         PostalAddress(street: "Lot 22, Saddle Ridge Dr", city: "Liberty Hill", state: "TX", postalCode: "78642")),
        ("Lot 7, Oak Knoll Ln", PostalAddress(street: "Lot 7, Oak Knoll Ln")),
        ("4508 Avenue F, Austin TX 78751", PostalAddress(street: "4508 Avenue F", city: "Austin", state: "TX", postalCode: "78751")),
        ("1420 Oak Hollow Dr, Washington, DC 20001",
         PostalAddress(street: oakHollow, city: "Washington", state: "DC", postalCode: "20001")),
    ])
    func parses(_ written: String, _ expected: PostalAddress) {
        #expect(FieldNormalizer.address(written) == expected, "\(written)")
    }

    @Test(arguments: ["", "   ", ",,,"])
    func rejects(_ written: String) {
        #expect(FieldNormalizer.address(written) == nil)
    }

    @Test(arguments: [
        ("TX", "TX"), ("tx", "TX"), ("Texas", "TX"), ("TEXAS", "TX"), ("new mexico", "NM"), ("N.C.", "NC"),
        ("Calif.", "CA"), ("District of Columbia", "DC"), ("Washington DC", "DC"), ("Puerto Rico", "PR"),
    ])
    func states(_ written: String, _ code: String) {
        #expect(FieldNormalizer.state(written) == code)
    }

    @Test(arguments: ["", "XX", "Texass", "Ontario", "T"])
    func rejectsStates(_ written: String) {
        #expect(FieldNormalizer.state(written) == nil)
    }

    @Test(arguments: [
        ("78704", "78704"), ("78704-1234", "78704-1234"), ("787041234", "78704-1234"), ("78704 1234", "78704-1234"),
        (" 02134 ", "02134"), ("ZIP 78704", "78704"),
    ])
    func postalCodes(_ written: String, _ expected: String) {
        #expect(FieldNormalizer.postalCode(written) == expected)
    }

    @Test(arguments: ["", "7870", "787045", "K1A 0B1", "SW1A 1AA", "78704-12", "7870-41234"])
    func rejectsPostalCodes(_ written: String) {
        #expect(FieldNormalizer.postalCode(written) == nil, "\(written)")
    }

    @Test(arguments: [
        ("1420 Oak Hollow Drive, Apt. 4", "1420 OAK HOLLOW DR # 4"),
        ("1420 oak hollow dr #4", "1420 OAK HOLLOW DR # 4"),
        ("1420 Oak Hollow Dr Unit 4", "1420 OAK HOLLOW DR # 4"),
        ("200 North Main Street", "200 N MAIN ST"),
        ("200 N. Main St.", "200 N MAIN ST"),
        ("100 North St", "100 NORTH ST"),
        ("100 Park Avenue", "100 PARK AVE"),
        ("77 Lakeview Boulevard Suite 200", "77 LAKEVIEW BLVD # 200"),
        ("9 Cedar Parkway South", "9 CEDAR PKWY S"),
    ])
    func streetKeys(_ written: String, _ key: String) {
        #expect(USAddressKey.street(written) == key)
    }

    @Test func addressKeys() {
        let a = PostalAddress(street: "1420 Oak Hollow Drive", city: "Austin", state: "TX", postalCode: "78704-1234")
        let b = PostalAddress(street: "1420 oak hollow dr.", city: "AUSTIN", state: "TX", postalCode: "78704")
        #expect(USAddressKey.address(a) == "1420 OAK HOLLOW DR|78704")
        #expect(USAddressKey.address(a) == USAddressKey.address(b))
        #expect(USAddressKey.address(PostalAddress(street: "9 Elm St", city: "Austin", state: "TX")) == "9 ELM ST|AUSTIN|TX")
        #expect(USAddressKey.address(PostalAddress(city: "Austin")) == nil)
    }
}
