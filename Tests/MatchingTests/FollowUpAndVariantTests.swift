import Foundation
import LeadModel
import Matching
import Testing

@Suite("Nickname typos, absorbing and follow-up merges")
struct FollowUpAndVariantTests {
    @Test("A typo of a nickname or of the formal name is a typo, not another household member", arguments: [
        ("Jeoy", "Joseph"), ("Michale", "Mike"), ("JAEMS", "Jim"), ("Jams", "Jimmy"),
    ])
    func nicknameTypo(typed: String, known: String) {
        let lead = person(60, first: known, last: "Hale", phone: "615-555-0100", zip: "37064")
        let incoming = person(61, first: typed, last: "Hale", phone: "(615) 555-0100", zip: "37064")
        let decision = Matcher.decide(incoming: incoming, candidates: [lead], keyFrequency: frequencies(of: [lead]))
        #expect(decision.action == "merge", "\(decision.explanation)")
        #expect(decision.explanation.contains("(spelling"), "\(decision.explanation)")
    }

    @Test("A spouse's name is still another given name")
    func spouseStillRelated() {
        let lead = person(62, first: "Joseph", last: "Hale", phone: "615-555-0100", zip: "37064")
        let incoming = person(63, first: "Mary", last: "Hale", phone: "615-555-0100", zip: "37064")
        let decision = Matcher.decide(incoming: incoming, candidates: [lead], keyFrequency: frequencies(of: [lead]))
        #expect(decision.action == "related", "\(decision.explanation)")
    }

    @Test("Nickname variants and a canonical key that settles")
    func nicknameTable() {
        #expect(NicknameTable.variants(of: "Jim") == ["james", "jamie", "jim", "jimmy"])
        #expect(NicknameTable.variants(of: "Zelda") == ["zelda"])
        #expect(NicknameTable.canonical("John") == NicknameTable.canonical("Johnny"))
        #expect(NicknameTable.canonical("Bob") == "robert")
    }

    @Test("Absorbing fills empty fields, keeps known ones and every personal channel")
    func absorbing() {
        let lead = person(64, first: "Ann", email: "ann.lee@gmail.com", city: "Austin")
        let inquiry = person(65, first: "Annie", last: "Lee", email: "ann@work.com", phone: "512-555-0143", city: "Round Rock", zip: "78704")
        let merged = lead.absorbing(inquiry)
        #expect(merged.id == lead.id)
        #expect(merged.firstName == "Ann")
        #expect(merged.lastName == "Lee")
        #expect(merged.city == "Austin")
        #expect(merged.postalCode == "78704")
        #expect(merged.email == "ann.lee@gmail.com")
        #expect(merged.alternateEmails == ["ann@work.com"])
        #expect(merged.phone == "512-555-0143")
        let relayed = lead.absorbing(person(66, email: "x1@convo.zillow.com", emailRelay: true))
        #expect(relayed.alternateEmails.isEmpty)
    }

    @Test("The inquiry that links two leads of one person merges the second into the survivor")
    func followUp() {
        let byEmail = person(70, first: "Dana", last: "Okafor", email: "dana.okafor@gmail.com")
        let byPhone = person(71, first: "Dana", last: "Okafor", phone: "615-555-0177")
        let both = person(72, first: "Dana", last: "Okafor", email: "danaokafor@gmail.com", phone: "(615) 555-0177", zip: "37064")
        let candidates = [byEmail, byPhone]
        let counts = frequencies(of: candidates)
        let decision = Matcher.decide(incoming: both, candidates: candidates, keyFrequency: counts)
        #expect(decision.action == "merge")
        let survivorID = decision.candidateID!
        let survivor = candidates.first { $0.id == survivorID }!.absorbing(both)
        let follow = Matcher.followUpMerges(survivor: survivor, candidates: candidates, keyFrequency: { max(0, counts($0) - 1) },
                                            scorer: MatchScorer())
        #expect(follow.map(\.absorbed) == candidates.filter { $0.id != survivorID }.map(\.id))
        #expect(follow.first?.explanation.contains("follow-up of an automatic merge") == true)
    }

    @Test("Follow-up merges skip household members, other builders and weak matches")
    func followUpRefuses() {
        let survivor = person(73, first: "Dana", last: "Okafor", email: "dana.okafor@gmail.com", phone: "615-555-0177", zip: "37064")
        let spouse = person(74, first: "Chris", last: "Okafor", phone: "615-555-0177", zip: "37064")
        let foreign = person(75, builder: builderB, first: "Dana", last: "Okafor", email: "dana.okafor@gmail.com")
        let namesake = person(76, first: "Dana", last: "Okafor", email: "dokafor@yahoo.com", city: "Round Rock", zip: "78664")
        let follow = Matcher.followUpMerges(survivor: survivor, candidates: [spouse, foreign, namesake],
                                            keyFrequency: { _ in 1 }, scorer: MatchScorer())
        #expect(follow.isEmpty)
        // The threshold is its own (defaults to the merge threshold).
        #expect(MatchThresholds().followUpMerge == MatchThresholds().merge)
        #expect(MatchThresholds(merge: 0.9).followUpMerge == 0.9)
        let decoded = try? JSONDecoder().decode(MatchThresholds.self, from: Data(#"{"merge": 0.85, "follow_up_merge": 0.95}"#.utf8))
        #expect(decoded?.followUpMerge == 0.95)
        #expect(decoded?.merge == 0.85)
    }
}
