import Foundation
import LeadModel
import Matching
import Testing

@Suite("Person records and thresholds")
struct PersonRecordTests {
    @Test("From an extracted lead: own values, relays flagged, other channels kept")
    func fromLead() {
        let lead = ExtractedLead(
            source: "zillow", firstName: "Robert", lastName: "Hale Jr.", phone: "+15125550143",
            address: PostalAddress(street: "12 Elm St", city: "Austin", state: "TX", postalCode: "78704"),
            contactChannels: [
                ContactChannel(kind: .email, value: "x1@convo.zillow.com", isRelay: true),
                ContactChannel(kind: .phone, value: "+15125550143"),
                ContactChannel(kind: .phone, value: "+15125550199"),
            ]
        )
        let record = PersonRecord(lead: lead, id: UUID(), builderID: builderA)
        #expect(record.email == "x1@convo.zillow.com")
        #expect(record.isEmailRelay)
        #expect(!record.isPhoneRelay)
        #expect(record.alternatePhones == ["+15125550199"])
        #expect(record.lastName == "Hale")
        #expect(record.suffix == "Jr.")
        let kinds = BlockingKeys.keys(for: record).map(\.kind)
        #expect(!kinds.contains(.email))
        #expect(kinds.filter { $0 == .phone }.count == 2)
    }

    @Test("A proxied phone channel marks the lead's phone as a relay")
    func proxiedPhone() {
        let lead = ExtractedLead(firstName: "Ann", phone: "+18005552001",
                                 contactChannels: [ContactChannel(kind: .phone, value: "+18005552001", isRelay: true)])
        #expect(PersonRecord(lead: lead, id: UUID(), builderID: builderA).isPhoneRelay)
    }

    @Test("Thresholds decode from partial JSON with documented defaults, and round-trip")
    func thresholdsCodable() throws {
        let decoded = try JSONDecoder().decode(MatchThresholds.self, from: Data(#"{"merge": 0.9, "common_value_limit": 10}"#.utf8))
        #expect(decoded.merge == 0.9)
        #expect(decoded.commonValueLimit == 10)
        #expect(decoded.review == MatchThresholds.default.review)
        #expect(decoded.maximumBlockSize == MatchThresholds.default.maximumBlockSize)
        let again = try JSONDecoder().decode(MatchThresholds.self, from: JSONEncoder().encode(decoded))
        #expect(again == decoded)
        #expect(MatchThresholds.default.merge == 0.80)
        #expect(MatchThresholds.default.review == 0.50)
    }

    @Test("Decision accessors")
    func decisionAccessors() {
        let id = UUID()
        #expect(MatchDecision.related(to: id, score: 0.4, explanation: "x").action == "related")
        #expect(MatchDecision.related(to: id, score: 0.4, explanation: "x").candidateID == id)
        #expect(MatchDecision.new(explanation: "y").score == nil)
        #expect(MatchDecision.merge(into: id, score: 0.9, explanation: "z").explanation == "z")
    }
}
