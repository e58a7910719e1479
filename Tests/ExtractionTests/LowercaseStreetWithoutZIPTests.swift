@testable import Extraction
import LeadModel
import Testing

/// A street typed all in lowercase without its ZIP is read after "at", with the city that
/// follows it (and a state closing that city); other lowercase words are no address.
@Suite("Lowercase street without a ZIP")
struct LowercaseStreetWithoutZIPTests {
    @Test(arguments: [
        ("we live at 412 elm street in round rock and want to add a second story", "412 Elm Street", "Round Rock" as String?, nil as String?),
        ("hi the lot is at 88 creek bend dr, kyle. we want a 3 bed home", "88 Creek Bend Dr", "Kyle", nil),
        ("we are at 1200 w 5th st in austin texas", "1200 W 5th St", "Austin", "TX"),
        ("we are at 1200 w 5th st in kyle tx. want a pool", "1200 W 5th St", "Kyle", "TX"),
        ("we are at 1200 w 5th st in leander looking to build", "1200 W 5th St", "Leander", nil),
        ("we are at 1200 w 5th st in kyle ok let me know", "1200 W 5th St", "Kyle", nil),
        ("our house at 77 oak hollow ln needs a kitchen remodel", "77 Oak Hollow Ln", nil, nil),
    ])
    func streetAfterAt(_ body: String, _ street: String, _ city: String?, _ state: String?) throws {
        let lead = try HeuristicsTestSupport.lead(from: "Dana Whitfield <dana.w@example.org>", body + "\n\nDana")
        #expect(lead.address?.street == street)
        #expect(lead.address?.city == city)
        #expect(lead.address?.state == state)
        #expect(lead.fields["street"]?.rule == "heuristic: street address written in lowercase")
    }

    /// No "at" before the number, a sentence word in the name, or no street type.
    @Test(arguments: [
        "we want 3 bed 2 bath with a big drive",
        "meet at 3 and we can talk about the lot on the road",
        "at 2 acres the lot is big enough",
        "call me at 512 555 0144 any time",
    ])
    func noStreet(_ body: String) throws {
        let lead = try HeuristicsTestSupport.lead(from: "Dana Whitfield <dana.w@example.org>", body + "\n\nDana")
        #expect(lead.address?.street == nil)
    }
}
