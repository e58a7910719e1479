@testable import Extraction
@testable import LeadModel
import Testing

/// A street, then `in` and its city without a state or ZIP (`412 Elm Street in Round Rock and
/// we want ...`): the city is the street's; a month, a season or a state after `in` is none.
@Suite("Address: a city after `in` without a state or ZIP")
struct AddressCityAfterInTests {
    private func address(_ text: String) -> PostalAddress? { HeuristicsTestSupport.filled(text).address }

    @Test(arguments: [
        ("We live at 412 Elm Street in Round Rock and want to redo our kitchen.",
         PostalAddress(street: "412 Elm Street", city: "Round Rock")),
        ("Our house is at 88 Creek Bend Dr in Kyle.", PostalAddress(street: "88 Creek Bend Dr", city: "Kyle")),
        ("The lot is at 1200 Ranch Road 12 in Dripping Springs; we close next month.",
         PostalAddress(street: "1200 Ranch Road 12", city: "Dripping Springs")),
        ("We're under contract on a lot at 1204 Saddle Horn Trl in Dripping Springs (closing Dec 15).",
         PostalAddress(street: "1204 Saddle Horn Trl", city: "Dripping Springs")),
    ])
    func cityAfterIn(_ text: String, _ expected: PostalAddress) {
        #expect(address(text) == expected, "\(text.debugDescription)")
    }

    @Test(arguments: [
        "We live at 412 Elm Street in March we want to start.",
        "We'd like to start work at 412 Elm Street in Spring 2027.",
        "We live at 412 Elm Street in Texas and want to redo our kitchen.",
        "We live at 412 Elm Street in The Woodlands Village Center Area now.",
    ])
    func noCity(_ text: String) {
        #expect(address(text)?.city == nil, "\(text.debugDescription)")
        #expect(address(text)?.street == "412 Elm Street", "\(text.debugDescription)")
    }
}
