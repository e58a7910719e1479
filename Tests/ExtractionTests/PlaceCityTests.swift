@testable import Extraction
@testable import LeadModel
import Testing

/// Without a street, the city of the land or the build after `lot in`, `acres in`, `build
/// in` (a routing rule by city needs it), else where the writer lives; never a subdivision,
/// a county, the builder's place or a time.
@Suite("Address: the city of the lot or the build without a street")
struct PlaceCityTests {
    private func address(_ text: String) -> PostalAddress? { HeuristicsTestSupport.filled(text).address }

    @Test(arguments: [
        ("We have a lot in Kyle and want to build.", PostalAddress(city: "Kyle")),
        ("We own a 1.2 acre lot in Lakeway.", PostalAddress(city: "Lakeway")),
        ("Looking to build in Dripping Springs next year.", PostalAddress(city: "Dripping Springs")),
        ("We bought land in Bastrop, TX last year.", PostalAddress(city: "Bastrop", state: "TX")),
        ("We live in Round Rock and want to build on our lot in Liberty Hill.", PostalAddress(city: "Liberty Hill")),
        ("We live in Pflugerville and need a bigger kitchen.", PostalAddress(city: "Pflugerville")),
    ])
    func city(_ text: String, _ expected: PostalAddress) {
        #expect(address(text) == expected, "\(text)")
    }

    @Test(arguments: [
        "We have a lot in Santa Rita Ranch.",
        "Do you build on scattered lots in Hays County?",
        "Saw your sign on the Parade of Homes lot in Leander. My wife and I own 2 acres near Liberty Hill.",
        "We want to build in March.",
        "We want to build in Q2 2027.",
        "We have a lot in the Hill Country.",
        "We live in Texas.",
    ])
    func noCity(_ text: String) {
        #expect(address(text)?.city == nil, "\(text)")
    }
}
