@testable import Extraction
import LeadModel
import Testing

/// A number the writer claims ("Call me at", "My cell is") is taken over an earlier one given
/// without a word of whose it is; a sentence wrapped onto the number's line carries its
/// owner ("Our realtor" / "is Ken Blake at ...").
@Suite("The writer's claimed phone over another's")
struct PhoneWritersClaimTests {
    @Test(arguments: [
        ("Pre-approved for $525k through Amy Stone at Hill Country Lending (amy.stone@example.org, 512-555-0130).\nCall me at 512.555.0131.", "+15125550131"),
        ("Amy Stone 512-555-0130 handles our loan.\nMy cell is 512-555-0131", "+15125550131"),
        ("Our realtor\nis Ken Blake at 512-555-0192 and has the survey.\n\nDana Wells\n512-555-0166", "+15125550166"),
        // The first number claimed, or a later one not: the first stays.
        ("My cell is 512-555-0131. Our lender Amy is at 512-555-0130.", "+15125550131"),
        ("Office 512-555-0101, or try 512-555-0102 after 5.", "+15125550101"),
    ])
    func phone(_ body: String, _ expected: String) throws {
        let lead = try HeuristicsTestSupport.lead(from: "Dana Wells <dana@example.org>", body + "\n\nDana")
        #expect(lead.phone == expected)
    }
}
