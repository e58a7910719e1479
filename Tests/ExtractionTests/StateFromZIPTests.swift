@testable import Extraction
@testable import LeadModel
import MIME
import Testing

/// The state from a US ZIP code's 3-digit prefix (``ZIPCodePrefixes``), and how the
/// finished lead's address is settled with it (``LeadExtractor/settleState(_:)``).
@Suite("State from the ZIP code")
struct StateFromZIPTests {
    /// First and last prefixes of states, DC and the territories, and the ranges that
    /// interleave (VT/MA 055, VA 201 inside DC, TX 733 inside OK, TX 885, DC 569).
    @Test(arguments: [
        ("00501", "NY"), ("00601", "PR"), ("00795", "PR"), ("00801", "VI"), ("00901", "PR"),
        ("01001", "MA"), ("02799", "MA"), ("02801", "RI"), ("02999", "RI"), ("03031", "NH"), ("03901", "ME"),
        ("05001", "VT"), ("05501", "MA"), ("05601", "VT"), ("06001", "CT"), ("07001", "NJ"), ("08999", "NJ"),
        ("10001", "NY"), ("14999", "NY"), ("15001", "PA"), ("19701", "DE"),
        ("20001", "DC"), ("20101", "VA"), ("20201", "DC"), ("20599", "DC"), ("20601", "MD"), ("21999", "MD"),
        ("22001", "VA"), ("24701", "WV"), ("27001", "NC"), ("29001", "SC"), ("30001", "GA"), ("39901", "GA"),
        ("32001", "FL"), ("34101", "FL"), ("34999", "FL"), ("35001", "AL"), ("37001", "TN"), ("38601", "MS"),
        ("40001", "KY"), ("43001", "OH"), ("46001", "IN"), ("48001", "MI"), ("50001", "IA"), ("53001", "WI"),
        ("55001", "MN"), ("56901", "DC"), ("57001", "SD"), ("58001", "ND"), ("59001", "MT"), ("60001", "IL"),
        ("63001", "MO"), ("66001", "KS"), ("68001", "NE"), ("70001", "LA"), ("71601", "AR"), ("73001", "OK"),
        ("73301", "TX"), ("73401", "OK"), ("75001", "TX"), ("78620", "TX"), ("79999", "TX"), ("88510", "TX"),
        ("80001", "CO"), ("82001", "WY"), ("83201", "ID"), ("84001", "UT"), ("85001", "AZ"), ("87001", "NM"),
        ("88901", "NV"), ("90001", "CA"), ("96161", "CA"), ("96701", "HI"), ("96799", "AS"), ("96801", "HI"),
        ("97001", "OR"), ("98001", "WA"), ("99401", "WA"), ("99501", "AK"), ("99950", "AK"),
    ])
    func aPrefixGivesItsState(_ zip: String, _ state: String) {
        #expect(ZIPCodePrefixes.state(forZIP: zip) == state, "\(zip)")
    }

    /// Unassigned prefixes, military mail (APO/FPO/DPO: AE 090-099, AA 340, AP 962-966:
    /// no build site and no state to route by) and Guam's shared 969 give nothing.
    @Test(arguments: [
        "00000", "00401", "21301", "26901", "34301", "69401", "69999", "77101", "81701", "88601", "98701",
        "09001", "09499", "09999", "34001", "96201", "96601", "96910",
    ])
    func anUnassignedOrMilitaryPrefixGivesNothing(_ zip: String) {
        #expect(ZIPCodePrefixes.state(forZIP: zip) == nil, "\(zip)")
    }

    @Test(arguments: [
        ("78620-1234", "TX"), ("20001-0001", "DC"),
    ])
    func aZIPPlus4GivesItsState(_ zip: String, _ state: String) {
        #expect(ZIPCodePrefixes.state(forZIP: zip) == state)
    }

    /// Canadian and UK postcodes, partial ZIPs and other text give nothing.
    @Test(arguments: ["K1A 0B1", "M5V2T6", "SW1A 1AA", "7862", "786201", "78620-12", "78620 1234", "7862O", "", "ZIP 78620"])
    func notAUSZIPGivesNothing(_ raw: String) {
        #expect(ZIPCodePrefixes.state(forZIP: raw) == nil, "\(raw)")
    }

    /// The ranges are ascending and disjoint (the lookup stops at the first range that
    /// reaches the prefix).
    @Test func theRangesAreAscendingAndDisjoint() {
        let ranges = ZIPCodePrefixes.ranges
        for (earlier, later) in zip(ranges, ranges.dropFirst()) {
            #expect(earlier.low <= earlier.high && earlier.high < later.low, "\(earlier) \(later)")
        }
        for range in ranges { #expect(USStates.names[range.state] != nil, "\(range)") }
    }

    // MARK: Settling a lead's address

    private func settled(_ address: PostalAddress, zipAt location: String? = "HTML table row") -> ExtractedLead {
        var lead = ExtractedLead()
        lead.address = address
        if let location { lead.fields["postal_code"] = FieldProvenance(spec: "houzz", rule: "table_row 'Zip Code'", location: location) }
        LeadExtractor.settleState(&lead)
        return lead
    }

    @Test func aZIPWithoutAStateGivesTheStateWithItsProvenance() {
        let lead = settled(PostalAddress(postalCode: "78738"))
        #expect(lead.address == PostalAddress(state: "TX", postalCode: "78738"))
        #expect(lead.fields["state"] == FieldProvenance(rule: "heuristic: state from ZIP code", location: "HTML table row"))
        #expect(!lead.needsReview)
    }

    @Test func aStateThatIsThereStays() {
        let lead = settled(PostalAddress(city: "Austin", state: "TX", postalCode: "78704"))
        #expect(lead.address?.state == "TX")
        #expect(lead.fields["state"] == nil)
        #expect(!lead.needsReview)
    }

    /// A stated state the ZIP contradicts: both stay, and a person is asked which is right.
    @Test func aStateTheZIPDisagreesWithIsFlagged() {
        let lead = settled(PostalAddress(street: "12 Oak Dr", city: "Austin", state: "TX", postalCode: "90210"))
        #expect(lead.address == PostalAddress(street: "12 Oak Dr", city: "Austin", state: "TX", postalCode: "90210"))
        #expect(lead.fields["state"] == nil)
        #expect(lead.needsReview)
        #expect(lead.reviewReasons == ["the state (TX) and the ZIP code (90210, in CA) disagree: a mistyped ZIP, or a lot across a state line?"])
    }

    /// No disagreement to flag: the ZIP names no state (military, unassigned), or the state
    /// is none the table knows.
    @Test(arguments: [
        PostalAddress(state: "TX", postalCode: "09012"), PostalAddress(state: "TX", postalCode: "00001"),
        PostalAddress(state: "ON", postalCode: "78620"), PostalAddress(city: "Toronto", postalCode: "M5V 2T6"),
        PostalAddress(city: "Austin"),
    ])
    func nothingToSettle(_ address: PostalAddress) {
        let lead = settled(address)
        #expect(lead.address == address)
        #expect(!lead.needsReview)
        #expect(lead.fields["state"] == nil)
    }

    /// A direct inquiry's street, city and ZIP without a state: the state follows, marked as
    /// derived, at the ZIP's line.
    @Test func aDirectInquiryGetsTheStateOfItsZIP() throws {
        let message = MIMEMessage(
            subject: "Building on our lot", from: [Mailbox(name: "Dana Whit", address: "dana.whit@example.com")],
            text: "Hi, we own a lot at 418 Cedar Hollow Rd, Dripping Springs 78620 and would like a quote.\n\nDana\n512-555-0199")
        let lead = try #require(LeadExtractor(specs: .empty).extract(from: message).lead)
        #expect(lead.address == PostalAddress(street: "418 Cedar Hollow Rd", city: "Dripping Springs", state: "TX", postalCode: "78620"))
        #expect(lead.fields["state"] == FieldProvenance(rule: "heuristic: state from ZIP code", location: "body line 1"))
        #expect(lead.fields["postal_code"]?.location == "body line 1")
    }

    /// A spec's ZIP field without a state: the state follows, at the field's location.
    @Test func aSpecsZIPGetsItsState() throws {
        let yaml = """
            source: houzz
            name: Houzz lead notification
            version: "1"
            detect:
              sender_domains: [houzz.com]
            fields:
              email:
                - label: Email
              postal_code:
                - label: Zip Code
            """
        let extractor = LeadExtractor(specs: SpecSet(specs: [try SpecSet.parse(yaml: yaml, name: "houzz")]))
        let message = MIMEMessage(subject: "New lead", from: [Mailbox(name: "Houzz", address: "noreply@houzz.com")],
                                  text: "You have a new lead.\n\nEmail: jane.doe@example.org\nZip Code: 78738\n")
        let lead = try #require(extractor.extract(from: message).lead)
        #expect(lead.address == PostalAddress(state: "TX", postalCode: "78738"))
        #expect(lead.fields["state"] == FieldProvenance(rule: "heuristic: state from ZIP code", location: lead.fields["postal_code"]?.location))
        #expect(lead.fields["postal_code"]?.spec == "houzz")
    }
}
