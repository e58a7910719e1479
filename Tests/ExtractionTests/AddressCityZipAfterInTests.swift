@testable import Extraction
@testable import LeadModel
import Testing

/// A street, then `in` a city and its ZIP without a state (`1207 Westover Rd in Austin
/// (78703)`): the city and ZIP are the street's (the state comes from the ZIP later).
@Suite("Address: a city and ZIP after `in`")
struct AddressCityZipAfterInTests {
    private func address(_ text: String) -> PostalAddress? { HeuristicsTestSupport.filled(text).address }

    @Test(arguments: [
        ("We'd like a quote to remodel our kitchen at 1207 Westover Rd in Austin (78703). Budget around 120k.",
         PostalAddress(street: "1207 Westover Rd", city: "Austin", postalCode: "78703")),
        ("Our house is at 88 Creek Bend Dr in Round Rock 78664 and we want to add a primary suite.",
         PostalAddress(street: "88 Creek Bend Dr", city: "Round Rock", postalCode: "78664")),
    ])
    func cityAndZipAfterIn(_ text: String, _ expected: PostalAddress) {
        #expect(address(text) == expected, "\(text.debugDescription)")
    }

    /// No ZIP after the city (a year, a count): no ZIP is read; a month is no city, a city
    /// is one (``AddressCityAfterInTests``).
    @Test(arguments: [
        ("We'd like to remodel our kitchen at 1207 Westover Rd in March 2027.", PostalAddress(street: "1207 Westover Rd")),
        ("We'd like to remodel our kitchen at 1207 Westover Rd in Austin, about 12000 dollars.",
         PostalAddress(street: "1207 Westover Rd", city: "Austin")),
    ])
    func noZipAfterIn(_ text: String, _ expected: PostalAddress) {
        #expect(address(text) == expected, "\(text.debugDescription)")
    }
}
