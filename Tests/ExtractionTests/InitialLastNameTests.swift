@testable import Extraction
import Foundation
import LeadModel
import Testing

/// A name signed with a last initial (`Dana W.`): the initial is the last name, written
/// `W.` however it was typed, in a signature, a closing name, a self-introduction or a
/// form's name field alike (matching reads an initial as agreeing with the name it starts).
@Suite("A last initial")
struct InitialLastNameTests {
    static let body = "Hi,\n\nWe are looking to build a custom home on our lot in Leander next year.\n\n"

    @Test(arguments: [
        "Thanks,\nDana W.\n(512)555-0144",
        "Thanks,\nDana W\n(512)555-0144",
        "Dana W.\n512-555-0144",
        "Dana W\n512-555-0144",
        "- Dana W.",
        "Thanks, dana w",
    ])
    func inASignature(_ tail: String) {
        let lead = HeuristicsTestSupport.filled(Self.body + tail)
        #expect(lead.firstName == "Dana" && lead.lastName == "W.", "\(String(describing: lead.firstName)) \(String(describing: lead.lastName))")
    }

    @Test(arguments: [
        "Hi, my name is Dana W. and we want to build on our lot in Leander.",
        "Hi, this is Dana W. We want to build on our lot in Leander.",
        "Hi, my name is Dana W and we want to build on our lot in Leander.",
    ])
    func inASelfIntroduction(_ text: String) {
        let lead = HeuristicsTestSupport.filled(text)
        #expect(lead.firstName == "Dana" && lead.lastName == "W.", "\(String(describing: lead.firstName)) \(String(describing: lead.lastName))")
    }

    @Test func theNormalizerWritesAnInitialSo() {
        for raw in ["Dana W", "Dana W.", "DANA W", "dana w.", "Dana  w"] {
            let name = PersonNameNormalizer.parse(raw)
            #expect(name?.first == "Dana" && name?.last == "W.", "\(raw): \(String(describing: name?.last))")
        }
        // (A middle initial before a last name stays a middle initial.)
        let middle = PersonNameNormalizer.parse("Dana W. Whitfield")
        #expect(middle?.middle == "W." && middle?.last == "Whitfield")
        // (A last name of two letters is no initial.)
        #expect(PersonNameNormalizer.parse("Dana Wu")?.last == "Wu")
        #expect(PersonNameNormalizer.parse("Dana O'")?.last != "O'.")
    }

    @Test func anInitialTheAddressSpellsOut() throws {
        let lead = try HeuristicsTestSupport.lead(from: "dana.whitfield@gmail.com", Self.body + "Thanks,\nDana W.\n512-555-0144")
        #expect(lead.firstName == "Dana" && lead.lastName == "Whitfield", "\(String(describing: lead.lastName))")
        let other = try HeuristicsTestSupport.lead(from: "dana.ellis@gmail.com", Self.body + "Thanks,\nDana W.\n512-555-0144")
        #expect(other.lastName == "W.", "an address whose last word starts with another letter spells out no initial")
    }
}
