@testable import Extraction
@testable import LeadModel
import Testing

/// A place in parentheses (`Vista Ridge Estates (Liberty Hill, TX 78642)`): the city is every
/// word after the parenthesis, not its last word; and a lot's subdivision ends at it.
@Suite("Address: a place in parentheses")
struct AddressParenthesisedPlaceTests {
    private func address(_ text: String) -> PostalAddress? { HeuristicsTestSupport.filled(text).address }

    @Test(arguments: [
        ("We just closed on a lot (Liberty Hill, TX 78642) and want to build.",
         PostalAddress(city: "Liberty Hill", state: "TX", postalCode: "78642")),
        ("We just closed on a lot in Vista Ridge Estates (Round Rock, TX 78664) and want to build.",
         PostalAddress(city: "Round Rock", state: "TX", postalCode: "78664")),
        ("Our land is near the lake (Spicewood, TX 78669).",
         PostalAddress(city: "Spicewood", state: "TX", postalCode: "78669")),
    ])
    func cityAfterParenthesis(_ text: String, _ expected: PostalAddress) {
        #expect(address(text) == expected, "\(text.debugDescription)")
    }

    @Test func subdivisionClosedByParenthesis() {
        let text = "We just closed on Tract 14 in Vista Ridge Estates (Liberty Hill, TX 78642) and want to build a single story home."
        #expect(address(text) == PostalAddress(street: "Tract 14, Vista Ridge Estates", city: "Liberty Hill", state: "TX", postalCode: "78642"))
    }
}
