@testable import Extraction
import LeadModel
import Testing

/// ``LeadBuilder/isRelay(_:)`` against its meaning: the address's lowercased domain is a
/// relay domain or a subdomain of one.
@Suite("LeadBuilder relay addresses")
struct LeadBuilderRelayTests {
    static func reference(_ address: String, _ relayDomains: [String]) -> Bool {
        guard let addressDomain = domainOf(address) else { return false }
        return relayDomains.contains { domain(addressDomain, isWithin: $0) }
    }

    static let domainSets: [[String]] = [
        [], ["relay.example.com"], ["example.com", "messages.homes.com", "reply.zillow.com"],
        ["Example.com"], ["exämple.com", "example.com"], ["com"], [""],
    ]

    static let addresses = [
        "jane@example.com", "JANE@EXAMPLE.COM", "x@relay.example.com", "x@sub.relay.example.com", "x@notexample.com",
        "x@example.com.evil", "x@", "@example.com", "no-at-sign", "x@y@example.com", "x@exämple.com", "ä@example.com",
        "x@EXÄMPLE.com", "x@reply.zillow.com", "x@zillow.com", "x@.com", "x@com", "", "x@example.co",
    ]

    @Test(arguments: domainSets)
    func matchesTheDomainRule(_ relayDomains: [String]) {
        var builder = LeadBuilder(lead: ExtractedLead(source: "test"), relayDomains: [])
        builder.relayDomains = relayDomains
        let fresh = LeadBuilder(lead: ExtractedLead(source: "test"), relayDomains: relayDomains)
        for address in Self.addresses {
            let expected = Self.reference(address, relayDomains)
            #expect(builder.isRelay(address) == expected, "\(address) in \(relayDomains)")
            #expect(fresh.isRelay(address) == expected, "\(address) in \(relayDomains)")
        }
    }
}
