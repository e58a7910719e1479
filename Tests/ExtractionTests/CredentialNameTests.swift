@testable import Extraction
import Foundation
import LeadModel
import Testing

/// A name signed with a profession's or a generation's letters after a comma (`Dana
/// Whitfield, PE`): the name before them, the letters out of the last name.
@Suite("Credentials after a signed name")
struct CredentialNameTests {
    static let body = "Hi,\n\nWe are looking to build a custom home on our lot in Leander next year.\n\n"

    @Test(arguments: [
        ("Dana Whitfield, PE\n512-555-0144", "heuristic: closing name without a sign-off"),
        ("512-555-0144\nDana Whitfield, P.E.", "heuristic: closing name without a sign-off"),
        ("Dana Whitfield, AIA | 512-555-0144", "heuristic: closing name without a sign-off"),
        ("Dana Whitfield, PE, LEED AP\n512-555-0144", "heuristic: closing name without a sign-off"),
        ("Dana Whitfield, M.D.\n512-555-0144", "heuristic: closing name without a sign-off"),
        ("Thanks,\nDana Whitfield, CPA", "heuristic: signature name"),
        ("Best regards,\nDana Whitfield, PhD\n512-555-0144", "heuristic: signature name"),
        ("Thank you,\nDana Whitfield, Esq.", "heuristic: signature name"),
        ("Thanks,\nDana Whitfield, RN", "heuristic: signature name"),
        ("Thanks,\nDana Whitfield, MD", "heuristic: signature name"),
        ("Thanks, Dana Whitfield, PE", "heuristic: signature name"),
        ("- Dana Whitfield, AIA", "heuristic: signature name"),
        ("Thanks,\nDana Whitfield, Jr.", "heuristic: signature name"),
        ("Dana Whitfield, III\n512-555-0144", "heuristic: closing name without a sign-off"),
        ("Thanks,\nDANA WHITFIELD, PE", "heuristic: signature name"),
    ])
    func aNameWithItsLetters(_ tail: String, _ rule: String) {
        let lead = HeuristicsTestSupport.filled(Self.body + tail)
        #expect(lead.firstName == "Dana" && lead.lastName == "Whitfield", "\(String(describing: lead.firstName)) \(String(describing: lead.lastName))")
        #expect(lead.fields["first_name"]?.rule == rule)
    }

    @Test(arguments: [
        "Thanks,\nSmith Homes, LLC",
        "Thanks,\nHill Country Realty, Inc.",
        "Thanks,\nAustin, TX",
        "Smith Homes, LLC\n512-555-0144",
        "Hill Country Realty, Inc.\n512-555-0144",
        "Austin, TX\n512-555-0144",
        "Round Rock, TX\n512-555-0144",
        "Silver Spring, MD\n512-555-0144",
        "Dana Whitfield, Realtor\n512-555-0144",
        "Dana Whitfield, Hill Country Homes\n512-555-0144",
        "Thanks,\nWhitfield, Dana, Mark",
        "Dana Whitfield,\n512-555-0144",
    ])
    func noName(_ tail: String) {
        let lead = HeuristicsTestSupport.filled(Self.body + tail)
        #expect(lead.firstName == nil && lead.lastName == nil, "\(String(describing: lead.firstName)) \(String(describing: lead.lastName))")
    }

    @Test func theSuffixIsKeptApart() throws {
        let junior = try #require(SignatureNameFinder.signatureName("Dana Whitfield, Jr.")).0
        #expect(junior.last == "Whitfield" && junior.suffix == "Jr.")
        let engineer = try #require(SignatureNameFinder.signatureName("Dana Whitfield, P.E.")).0
        #expect(engineer.last == "Whitfield" && engineer.suffix == "PE")
        let both = try #require(SignatureNameFinder.signatureName("Dana Whitfield, PE, Jr.")).0
        #expect(both.suffix == "Jr.", "a generation's suffix over a profession's")
        let unknown = try #require(SignatureNameFinder.signatureName("Dana Whitfield, LEED AP")).0
        #expect(unknown.last == "Whitfield" && unknown.suffix == nil)
    }

    @Test func lettersWithoutACommaAreDroppedToo() {
        // (The normalizer knows these as suffixes: not part of the last name.)
        for tail in ["Thanks,\nDana Whitfield AIA", "Thanks,\nDana Whitfield RN", "Thanks,\nDana Whitfield PE"] {
            let lead = HeuristicsTestSupport.filled(Self.body + tail)
            #expect(lead.firstName == "Dana" && lead.lastName == "Whitfield", "\(tail): \(String(describing: lead.lastName))")
        }
    }

    @Test func aSelfIntroductionEndsAtTheComma() {
        let lead = HeuristicsTestSupport.filled("Hi, my name is Dana Whitfield, PE, and we want to build on our lot in Leander.")
        #expect(lead.firstName == "Dana" && lead.lastName == "Whitfield")
        #expect(lead.fields["first_name"]?.rule == "heuristic: self-introduction")
    }

    @Test func aFormsNameWithCredentialsIsNotSwapped() {
        // (`Last, First` is read only when what follows the comma is no suffix.)
        let name = PersonNameNormalizer.parse("Dana Whitfield, AIA")
        #expect(name?.first == "Dana" && name?.last == "Whitfield" && name?.suffix == "AIA")
    }
}
