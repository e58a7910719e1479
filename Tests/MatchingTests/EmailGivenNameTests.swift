import Foundation
import Matching
import Testing

@Suite("Given name read from the email of a side without one")
struct EmailGivenNameTests {
    static let james = person(70, first: "James", last: "Lewis", phone: "602-555-0111", zip: "85028")

    /// The first-name evidence of `- Lewis <email>` against James Lewis, or nil when none.
    static func evidence(_ email: String) -> MatchEvidence? {
        let incoming = person(71, last: "Lewis", email: email, zip: "85028")
        return MatchScorer().score(incoming, against: james, keyFrequency: { _ in 1 })
            .evidence.first { $0.field == "first name" }
    }

    @Test("An address that spells a given name around the family name", arguments: [
        ("james.lewis82@gmail.com", "james (from the email)≈james", 2.0),
        ("Jim_Lewis@yahoo.com", "jim (from the email)≈james", 2.0),
        ("mary.lewis@gmail.com", "mary (from the email)≠james", -5.0),
        ("lewism+zillow@aol.com", "m (from the email)≠james", -5.0),
    ])
    func spelled(email: String, reason: String, weight: Double) throws {
        let e = try #require(Self.evidence(email))
        #expect(e.reason == reason)
        #expect(e.weight == weight)
    }

    @Test("No given name read: initial that fits, no family name, or a word", arguments: [
        "jlewis@gmail.com", "jl1980@gmail.com", "lewisfamily@gmail.com", "thelewis@gmail.com", "jalewis@gmail.com",
    ])
    func notSpelled(email: String) {
        #expect(Self.evidence(email) == nil)
    }

    @Test("Either side: the candidate without a given name")
    func candidateSide() {
        let nameless = person(72, last: "Lewis", email: "mary.lewis@gmail.com", phone: "6025550111", zip: "85028")
        let incoming = person(73, first: "James", last: "Lewis", phone: "(602) 555-0111", zip: "85028")
        let decision = Matcher.decide(incoming: incoming, candidates: [nameless], keyFrequency: frequencies(of: [nameless]))
        #expect(decision.action == "related", "\(decision.explanation)")
        #expect(decision.explanation.contains("mary (from the email)≠james"))
    }

    @Test("A short given name with two letters swapped is a spelling, a substitution is not")
    func transposition() {
        let don = person(74, first: "Don", last: "Lewis", zip: "85028")
        func level(_ first: String) -> String? {
            MatchScorer().score(person(75, first: first, last: "Lewis", zip: "85028"), against: don, keyFrequency: { _ in 1 })
                .evidence.first { $0.field == "first name" }?.reason
        }
        #expect(level("Dno")?.contains("(spelling") == true)
        #expect(level("Dan")?.contains("(spelling") != true)
    }
}
