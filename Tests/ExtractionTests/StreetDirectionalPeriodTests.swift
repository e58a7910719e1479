@testable import Extraction
@testable import LeadModel
import Testing

/// A directional abbreviated with its period (`1608 W. Koenig Ln`, `300 N. Lamar Blvd`) is
/// the street's, as `W` is; and a city and ZIP right after a street's last word (`7702 Quill
/// Leaf Cove Austin 78750`) are the street's.
@Suite("Address: a directional with its period, a city and ZIP after the street")
struct StreetDirectionalPeriodTests {
    private func address(_ text: String) -> PostalAddress? { HeuristicsTestSupport.filled(text).address }

    @Test(arguments: [
        ("We live in Crestview - 1608 W. Koenig Ln, Austin TX 78756.",
         PostalAddress(street: "1608 W. Koenig Ln", city: "Austin", state: "TX", postalCode: "78756")),
        ("Our lot is at 300 N. Lamar Blvd, Austin, TX 78703.",
         PostalAddress(street: "300 N. Lamar Blvd", city: "Austin", state: "TX", postalCode: "78703")),
        ("The house is at 52 SW. Oak Hollow Dr in Kyle.", PostalAddress(street: "52 SW. Oak Hollow Dr", city: "Kyle")),
    ])
    func directionalWithPeriod(_ text: String, _ expected: PostalAddress) {
        #expect(address(text) == expected, "\(text.debugDescription)")
    }

    /// A capital with a period that is no directional, or one after the name, ends the name.
    @Test(arguments: [
        "We have 3 J. Smith paintings to hang.",
        "Call 512 A. Rodriguez Ln for details",
    ])
    func otherInitialsAreNoStreet(_ text: String) {
        #expect(address(text)?.street == nil, "\(text.debugDescription)")
    }

    @Test(arguments: [
        ("House is a 1985 build at 7702 Quill Leaf Cove Austin 78750. Not sure on budget yet.",
         PostalAddress(street: "7702 Quill Leaf Cove", city: "Austin", postalCode: "78750")),
        ("We are at 88 Creek Bend Dr Round Rock 78664 and want a new kitchen.",
         PostalAddress(street: "88 Creek Bend Dr", city: "Round Rock", postalCode: "78664")),
    ])
    func cityAndZipAfterTheStreet(_ text: String, _ expected: PostalAddress) {
        #expect(address(text) == expected, "\(text.debugDescription)")
    }
}
