@testable import Extraction
import LeadModel
import Testing

/// A display name that is an account's, a device's, a handle or initials ("Home Office",
/// "iPhone", "jt.builds", "RT") is no name: the signature's name is taken instead.
@Suite("Account and handle display names")
struct AccountDisplayNameTests {
    @Test(arguments: ["Ops Account", "jt.builds", "Home Office", "RT", "iPhone", "rtaylor_77"])
    func signatureNameOverAccountDisplayName(_ displayName: String) throws {
        let lead = try HeuristicsTestSupport.lead(
            from: "\"\(displayName)\" <rtaylor.family@example.com>",
            "We want to build a custom home on our lot in Kyle.\n\nThanks,\nRachel Taylor")
        #expect(lead.firstName == "Rachel")
        #expect(lead.lastName == "Taylor")
    }

    /// People's names stay names, short ones and initials with a period included.
    @Test(arguments: ["Jo Li", "J. Smith", "Bo", "Office Depot Smith"])
    func peoplesNames(_ displayName: String) {
        #expect(!GenericExtractor.isNoPersonsName(displayName))
    }
}
