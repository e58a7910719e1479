import Foundation
import LeadModel

/// Scores one record against one candidate of the same builder.
///
/// ## Model
/// A Fellegi–Sunter score: each field comparison adds a log₂ Bayes factor
/// (log₂ m/u: how much likelier the observed agreement or disagreement is for two records
/// of one person than for two other records of the builder); the sum plus a prior is turned
/// into a probability with the logistic function (base 2). The weights (``Weights``) are set
/// by hand from the m/u reasoning below and checked on the seeded benchmark, not learned; a
/// reviewer's accept/reject decisions are the labelled pairs to re-estimate them from later.
///
/// ## Term-frequency adjustment (how common a value is)
/// Splink sets the u-probability of an exact agreement to the frequency of the value; we do
/// not know the builder's lead count, so weights are relative to a value seen on one lead:
/// an email, phone or street address shared by `k` existing leads of the builder loses
/// 2·log₂ k bits (a value on 8 leads is worth 6 bits less than a personal one: leads are
/// already deduplicated, so several leads sharing a value are mostly several people, and the
/// squared frequency is the chance two of them share it by accident), and one shared
/// by more than ``MatchThresholds/commonValueLimit`` leads is worth nothing: a portal no-reply
/// sender, a sales-office, realtor or call-tracking number. An email and a phone that both
/// agree are not independent (one contact block, copied by a realtor or a spouse): the weaker
/// of the two counts a quarter. A name agreement loses log₂ k bits when `k` leads carry the
/// same sorted name (`John Smith`), and ½·log₂ g bits where `g` is the smaller of the leads in
/// the ZIP with the same given name and the leads in the ZIP3 with the same first initial and
/// phonetic family name (at most 6 bits in all): the bigger the builder, the likelier a
/// stranger with the same name in the same ZIP, even before a namesake has been seen, unless
/// the family name is rare there. Counts are asked for the incoming record's keys (the ones
/// the storage layer counts) and the candidate's, the larger kept.
///
/// ## Negative evidence
/// Different given names, a generational-suffix conflict (Jr vs Sr: −12 bits, stronger than
/// any single shared value), different ZIPs and cities, different house numbers on one street
/// and different units at one address all count against. Two people who share a rare email,
/// phone or address but not a given name (spouses), or who conflict on Jr/Sr, are a
/// household: ``MatchScore/household`` is set and the matcher relates, never merges, them.
/// Relays never count, for or against; neither does an email or phone that differs when one
/// side's value is shared by more than ``MatchThresholds/householdMaximumSharing`` leads (a
/// realtor's, a no-reply sender, a sales office: no one's own, so it differing says nothing).
///
/// A side without a given name is often a spouse's inquiry (`- Smith` at the family's
/// address). When its own email, one the other side does not have, spells a given name out
/// around the family name (`mary.smith82@…`, `smithm@…`), that name is compared with the
/// other side's: another name is evidence against and makes a pair sharing a rare value a
/// household; the same name (or a nickname or misspelling of it) counts a little for.
public struct MatchScorer: Sendable {
    /// The log₂ weights. Positive = evidence for one person.
    ///
    /// How the defaults were reasoned (m = chance of the observation for two records of one
    /// person, u = for two records of different people of one builder):
    /// - prior −11: about one pair in 2,000 of a builder's leads is one person;
    /// - email +13, phone +12: m ≈ 0.5 (people use several, forms drop them), u ≈ 1/10,000
    ///   for a value seen on one lead; disagreement (−3, −2): two personal values that differ
    ///   are one person's second address or number in roughly one case in eight to ten
    ///   (raised from −1.5 / −1 after the seed-1 benchmark run showed name+ZIP pairs with a
    ///   differing phone merging strangers);
    /// - given name exact +5 / nickname +4 / typo +3, family name exact +6 / typo +4:
    ///   u ≈ the share of leads with that name; a family name is rarer than a given name;
    ///   different names −6 / −7 (m ≈ 0.02: typos beyond the tolerance, swapped fields);
    /// - address +8 (house number and street: u ≈ 1/5,000), ZIP +4 (one of ~20 ZIPs of a
    ///   builder's area), same city +2.5, another city or ZIP −3, another state −4;
    /// - Jr vs Sr −12: two generations, never one person;
    /// - a given name read from the email of a side without one: agreeing +2 (an address
    ///   names its owner less surely than a typed name), another name −5 (m ≈ 0.03: someone
    ///   writing from a spouse's own address).
    /// They were then checked, not fitted, on `dedup-bench` (seed 1).
    public struct Weights: Sendable, Hashable {
        /// Prior log-odds of a blocked pair being one person.
        public var prior = -11.0
        public var emailAgree = 13.0
        public var emailDisagree = -3.0
        public var phoneAgree = 12.0
        public var phoneDisagree = -2.0
        public var firstExact = 5.0
        public var firstNickname = 4.0
        public var firstTypo = 3.0
        public var firstInitial = 1.0
        public var firstMismatch = -6.0
        public var firstSimilar = 0.0
        public var lastExact = 6.0
        public var lastTypo = 4.0
        public var lastInitial = 0.0
        public var lastMismatch = -7.0
        public var swapped = -0.5
        /// A side without a given name whose own email spells one out (`james.lewis@…`), the
        /// other side's given name agreeing with it (exact, nickname or spelling).
        public var emailGivenAgree = 2.0
        /// ... or not: another given name (a spouse's own address, `d` of `nelsond@` for Mary).
        public var emailGivenMismatch = -5.0
        public var suffixConflict = -12.0
        public var suffixOneSided = -2.0
        public var addressAgree = 8.0
        public var unitConflict = -3.0
        public var sameStreetOtherNumber = -2.0
        public var addressDisagree = -1.0
        public var zipAgree = 4.0
        public var cityAgree = 2.5
        public var placeDisagree = -3.0
        public var stateDisagree = -4.0
        /// At most this many bits are taken off a name agreement for a common name.
        public var maximumNamePenalty = 6.0
        /// Bits taken off a name agreement per doubling of the leads carrying the same name.
        public var namePenaltyPerDoubling = 1.0
        /// Bits taken off a name agreement per doubling of the leads in the ZIP with the given name.
        public var givenPenaltyPerDoubling = 0.5
        /// Bits taken off a shared email, phone or address per doubling of the leads sharing it.
        public var sharedValuePenalty = 2.0
        /// Share of the weaker of two agreeing contact values (email and phone) that counts.
        public var secondContactShare = 0.25

        public init() {}
    }

    public var thresholds: MatchThresholds
    public var weights: Weights

    /// Creates a scorer.
    public init(thresholds: MatchThresholds = .default, weights: Weights = Weights()) {
        self.thresholds = thresholds
        self.weights = weights
    }

    /// Scores `incoming` against `candidate` (both of one builder; not checked here).
    ///
    /// - Parameter keyFrequency: How many existing leads of the builder carry a key value
    ///   (the incoming lead not counted); see ``Matcher``.
    public func score(_ incoming: PersonRecord, against candidate: PersonRecord,
                      keyFrequency: (MatchKey) -> Int) -> MatchScore {
        let a = incoming.normalized
        let b = candidate.normalized
        let w = self.weights
        var evidence: [MatchEvidence] = []
        /// The rarest value the two share as evidence (for the household rule), with its count.
        var sharedContact: (what: String, count: Int)?
        var personalContactAgrees = false

        func frequencyText(_ k: Int) -> String { k == 1 ? "seen on 1 lead" : "seen on \(k) leads" }
        func noteShared(_ what: String, _ k: Int) {
            if sharedContact == nil || k < sharedContact!.count { sharedContact = (what, k) }
        }

        // Email and phone. A value shared by k leads loses 2·log₂ k bits: after deduplication,
        // leads that still share a value are mostly different people (a realtor, a shared line).
        var contactWeights: [Double] = []
        var emailAgrees = false
        func contact(_ field: String, _ kind: MatchKey.Kind, _ keysA: [String], _ keysB: [String],
                     agree: Double, disagree: Double, relay: Bool, relayText: String) {
            if let shared = keysA.first(where: { keysB.contains($0) }) {
                let k = max(1, keyFrequency(MatchKey(kind: kind, value: shared)))
                if k > self.thresholds.commonValueLimit {
                    evidence.append(MatchEvidence(field: field, weight: 0, reason: "matches but is shared by \(k) leads (no evidence)"))
                } else {
                    let weight = agree - w.sharedValuePenalty * log2(Double(k))
                    contactWeights.append(weight)
                    evidence.append(MatchEvidence(field: field, weight: weight, reason: "matches (\(frequencyText(k)))"))
                    noteShared(field, k)
                    personalContactAgrees = true
                    if kind == .email { emailAgrees = true }
                }
            } else if !keysA.isEmpty, !keysB.isEmpty {
                // A side whose every value is shared by several leads (a realtor's, a portal
                // no-reply sender, a sales office) shows no one's own address or number:
                // that it differs says nothing.
                func isShared(_ keys: [String]) -> Int? {
                    let counts = keys.map { keyFrequency(MatchKey(kind: kind, value: $0)) }
                    let least = counts.min() ?? 0
                    return least > self.thresholds.householdMaximumSharing ? least : nil
                }
                if let k = isShared(keysA) ?? isShared(keysB) {
                    evidence.append(MatchEvidence(field: field, weight: 0, reason: "differs, but one side's is shared by \(k) leads (no evidence)"))
                } else {
                    evidence.append(MatchEvidence(field: field, weight: disagree, reason: "differs"))
                }
            } else if relay {
                evidence.append(MatchEvidence(field: field, weight: 0, reason: relayText))
            }
        }
        contact("email", .email, a.emailKeys, b.emailKeys, agree: w.emailAgree, disagree: w.emailDisagree,
                relay: incoming.isEmailRelay || candidate.isEmailRelay, relayText: "is a marketplace relay (not evidence)")
        contact("phone", .phone, a.phoneKeys, b.phoneKeys, agree: w.phoneAgree, disagree: w.phoneDisagree,
                relay: incoming.isPhoneRelay || candidate.isPhoneRelay, relayText: "is a proxied number (not evidence)")
        if contactWeights.count == 2 {
            // Email and phone travel together (one contact block, typed once by a realtor or
            // copied by a spouse): the weaker agreement adds only a quarter of its weight.
            let weaker = contactWeights.min()!
            evidence.append(MatchEvidence(field: "email+phone", weight: -(1 - w.secondContactShare) * weaker,
                                          reason: "agree together (correlated, counted once and a quarter)"))
        }

        // Names.
        let names = NameComparison(a, b)
        let firstA = incoming.firstName
        let lastA = incoming.lastName
        let firstB = names.isSwapped ? candidate.lastName : candidate.firstName
        let lastB = names.isSwapped ? candidate.firstName : candidate.lastName
        var nameWeight = 0.0
        switch names.first {
        case .exact: nameWeight += w.firstExact; evidence.append(MatchEvidence(field: "first name", weight: w.firstExact, reason: "exact"))
        case .nickname: nameWeight += w.firstNickname; evidence.append(MatchEvidence(field: "first name", weight: w.firstNickname, reason: "\(firstA ?? "")≈\(firstB ?? "") (nickname)"))
        case .typo: nameWeight += w.firstTypo; evidence.append(MatchEvidence(field: "first name", weight: w.firstTypo, reason: "\(firstA ?? "")≈\(firstB ?? "") (spelling, JW \(formatted(names.firstSimilarity, digits: 2)))"))
        case .initial: nameWeight += w.firstInitial; evidence.append(MatchEvidence(field: "first name", weight: w.firstInitial, reason: "\(firstA ?? "")≈\(firstB ?? "") (initial)"))
        case .similar: evidence.append(MatchEvidence(field: "first name", weight: w.firstSimilar, reason: "\(firstA ?? "")~\(firstB ?? "") (similar, JW \(formatted(names.firstSimilarity, digits: 2)))"))
        case .mismatch: evidence.append(MatchEvidence(field: "first name", weight: w.firstMismatch, reason: "\(firstA ?? "")≠\(firstB ?? "")"))
        case .missing: break
        }
        switch names.last {
        case .exact: nameWeight += w.lastExact; evidence.append(MatchEvidence(field: "last name", weight: w.lastExact, reason: "exact"))
        case .typo, .nickname: nameWeight += w.lastTypo; evidence.append(MatchEvidence(field: "last name", weight: w.lastTypo, reason: "\(lastA ?? "")≈\(lastB ?? "") (spelling, JW \(formatted(names.lastSimilarity, digits: 2)))"))
        case .initial: nameWeight += w.lastInitial; evidence.append(MatchEvidence(field: "last name", weight: w.lastInitial, reason: "\(lastA ?? "")≈\(lastB ?? "") (initial)"))
        case .mismatch: evidence.append(MatchEvidence(field: "last name", weight: w.lastMismatch, reason: "\(lastA ?? "")≠\(lastB ?? "")"))
        case .missing, .similar: break
        }
        if names.isSwapped {
            evidence.append(MatchEvidence(field: "name order", weight: w.swapped, reason: "first and last swapped"))
        }
        // A side without a given name: the given name its own email spells out around the
        // family name (an address the other side also has says nothing about who wrote it).
        var emailGivenMismatch: String?
        if names.first == .missing, !names.isSwapped {
            func fromEmail(_ x: PersonRecord.Normalized, _ y: PersonRecord.Normalized) -> (NameAgreement, String, String)? {
                guard x.first.isEmpty, !y.first.isEmpty,
                      let entry = x.emailGivenNames.first(where: { !y.emailKeys.contains($0.emailKey) }) else { return nil }
                return (NameComparison.compareGiven(entry.given, y).0, entry.given.first, y.first)
            }
            if let (level, name, other) = fromEmail(a, b) ?? fromEmail(b, a) {
                switch level {
                case .exact, .nickname, .typo:
                    evidence.append(MatchEvidence(field: "first name", weight: w.emailGivenAgree, reason: "\(name) (from the email)≈\(other)"))
                case .mismatch:
                    emailGivenMismatch = "\(name) (from the email)≠\(other)"
                    evidence.append(MatchEvidence(field: "first name", weight: w.emailGivenMismatch, reason: emailGivenMismatch!))
                case .initial, .similar, .missing:
                    break
                }
            }
        }
        if names.first.isAgreement, names.last.isAgreement {
            // Term frequency of the name: leads with this sorted name, and leads in this ZIP
            // with this given name (a big builder has many Patricias per ZIP, so a shared full
            // name there is weaker evidence before any namesake has been seen).
            // Asked for the incoming record's keys (the ones the storage layer counted) and the
            // candidate's (answered when the caller knows them), the larger count kept.
            func count(_ kind: MatchKey.Kind, _ value: (PersonRecord.Normalized) -> String?) -> Int {
                let x = value(a).map { keyFrequency(MatchKey(kind: kind, value: $0)) } ?? 0
                let y = value(b).map { keyFrequency(MatchKey(kind: kind, value: $0)) } ?? 0
                return max(1, x, y)
            }
            let k = count(.nameSorted, BlockingKeys.nameSortedValue)
            // A stranger with the same full name in the ZIP needs both names: with a rare
            // family name (few leads with its initial and phonetic code in the ZIP3) a common
            // given name says little about namesakes, so the smaller count is used.
            let kGiven = min(count(.nameZip, BlockingKeys.givenZipValue), count(.nameZip, BlockingKeys.nameZipValue))
            let raw = w.namePenaltyPerDoubling * log2(Double(max(1, k))) + w.givenPenaltyPerDoubling * log2(Double(max(1, kGiven)))
            let penalty = min(w.maximumNamePenalty, raw, nameWeight)
            if penalty > 0.05 {
                evidence.append(MatchEvidence(field: "name frequency", weight: -penalty,
                                              reason: "this name is on \(max(1, k)) lead\(k > 1 ? "s" : ""), this given name on \(max(1, kGiven)) in the ZIP"))
            }
        }

        // Generational suffix.
        var suffixConflict = false
        var mergeVeto: String?
        switch (a.suffix, b.suffix) {
        case let (x?, y?) where x != y:
            suffixConflict = true
            evidence.append(MatchEvidence(field: "suffix", weight: w.suffixConflict, reason: "\(incoming.suffix ?? "")≠\(candidate.suffix ?? "") (another generation)"))
        case (.some, nil), (nil, .some):
            evidence.append(MatchEvidence(field: "suffix", weight: w.suffixOneSided, reason: "\(incoming.suffix ?? candidate.suffix ?? "") on one side only"))
            if !emailAgrees { mergeVeto = "a generational suffix on one side only and no shared email (a Jr and Sr may share a phone or home)" }
        default: break
        }

        // Street address.
        if let numberA = a.streetNumber, let numberB = b.streetNumber, let nameA = a.streetName, let nameB = b.streetName {
            let streetSimilarity = nameA == nameB ? 1 : JaroWinkler.similarity(Array(nameA.utf8), Array(nameB.utf8))
            let placeCompatible = a.zip5 == nil || b.zip5 == nil || a.zip5 == b.zip5 || (a.city != nil && a.city == b.city)
            if numberA == numberB, streetSimilarity >= 0.9, placeCompatible {
                if let unitA = a.unit, let unitB = b.unit, unitA != unitB {
                    evidence.append(MatchEvidence(field: "address", weight: w.unitConflict, reason: "same building, unit \(unitA)≠\(unitB)"))
                } else {
                    let k = max(1, [BlockingKeys.addressValue(a), BlockingKeys.addressValue(b)].map { key in
                        key.map { keyFrequency(MatchKey(kind: .address, value: $0)) } ?? 0
                    }.max() ?? 1)
                    let how = nameA == nameB ? "matches" : "matches (street \(nameA)≈\(nameB))"
                    if k > self.thresholds.commonValueLimit {
                        evidence.append(MatchEvidence(field: "address", weight: 0, reason: "\(how) but is shared by \(k) leads (no evidence)"))
                    } else {
                        evidence.append(MatchEvidence(field: "address", weight: w.addressAgree - w.sharedValuePenalty * log2(Double(k)), reason: "\(how) (\(frequencyText(k)))"))
                        noteShared("address", k)
                    }
                }
            } else if streetSimilarity >= 0.9, placeCompatible {
                evidence.append(MatchEvidence(field: "address", weight: w.sameStreetOtherNumber, reason: "same street, house \(numberA)≠\(numberB)"))
            } else {
                evidence.append(MatchEvidence(field: "address", weight: w.addressDisagree, reason: "differs"))
            }
        }

        // Place: ZIP, city, state.
        if let stateA = a.state, let stateB = b.state, stateA != stateB {
            evidence.append(MatchEvidence(field: "place", weight: w.stateDisagree, reason: "state \(stateA)≠\(stateB)"))
        } else if let zipA = a.zip5, let zipB = b.zip5, zipA == zipB {
            evidence.append(MatchEvidence(field: "place", weight: w.zipAgree, reason: "ZIP \(zipA)"))
        } else if let cityA = a.city, let cityB = b.city, cityA == cityB {
            evidence.append(MatchEvidence(field: "place", weight: w.cityAgree, reason: "same city \(candidate.city ?? "")"))
        } else if let cityA = a.city, let cityB = b.city, cityA != cityB {
            evidence.append(MatchEvidence(field: "place", weight: w.placeDisagree, reason: "city \(incoming.city ?? "")≠\(candidate.city ?? "")"))
        } else if let zipA = a.zip5, let zipB = b.zip5, zipA != zipB {
            evidence.append(MatchEvidence(field: "place", weight: w.placeDisagree, reason: "ZIP \(zipA)≠\(zipB)"))
        }

        // Household: a rare shared value, but another given name or another generation.
        var household: String?
        if let shared = sharedContact, shared.count <= self.thresholds.householdMaximumSharing {
            if suffixConflict {
                household = "\(shared.what) shared, but \(incoming.suffix ?? "")≠\(candidate.suffix ?? ""): another generation of one household"
            } else if names.first == .mismatch {
                household = "\(shared.what) shared, but given names differ (\(firstA ?? "")≠\(firstB ?? "")): another member of one household"
            } else if let emailGivenMismatch {
                household = "\(shared.what) shared, but given names differ (\(emailGivenMismatch)): another member of one household"
            }
        }
        if mergeVeto == nil, !a.hasName || !b.hasName, !personalContactAgrees {
            mergeVeto = "no name to compare and no shared email or phone"
        }

        let total = w.prior + evidence.reduce(0) { $0 + $1.weight }
        let probability = 1 / (1 + exp2(-total))
        return MatchScore(candidateID: candidate.id, probability: probability, totalWeight: total,
                          evidence: evidence, household: household, mergeVeto: mergeVeto)
    }
}
