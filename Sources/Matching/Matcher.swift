/// Decides what happens to an incoming lead: merge into an existing lead, record a merge
/// candidate for review, relate it to a household member, or create a new lead.
///
/// ## How the caller uses it (the storage layer)
/// 1. ``BlockingKeys/keys(for:)`` of the incoming record.
/// 2. For each key, count the builder's leads carrying it (`lead_match_keys`); look up
///    candidates through the keys that pass ``MatchThresholds/isUsableForBlocking(frequency:)``.
/// 3. Call ``decide(incoming:candidates:keyFrequency:thresholds:)`` with the candidates and a
///    closure answering those counts (the incoming lead not counted; an unknown key may
///    answer 0). It is asked about the incoming record's keys (the ones counted) and
///    sometimes a candidate's (its name keys, its email or phone when it differs from the
///    incoming record's); 0 for those is fine.
/// 4. Store the incoming lead's keys (pointing at the lead it was merged into, or at itself).
/// 5. After an automatic merge, call
///    ``followUpMerges(survivor:candidates:keyFrequency:scorer:)`` with the survivor (the
///    inquiry absorbed) and the other candidates, and merge each lead it returns into the
///    survivor (lead into lead, as an accepted merge candidate): a person's earlier leads that
///    only this inquiry links.
///
/// ## Outcomes
/// The best candidate (highest ``MatchScore/probability``) decides:
/// - ``MatchDecision/merge(into:score:explanation:)`` when its probability is at least
///   ``MatchThresholds/merge`` and nothing vetoes an automatic merge (a generational suffix on
///   one side only without a shared email or phone; a side without any name and no shared
///   email or phone); a vetoed pair goes to review instead.
/// - ``MatchDecision/review(candidate:score:explanation:)`` when it is at least
///   ``MatchThresholds/review``.
/// - ``MatchDecision/related(to:score:explanation:)`` when no candidate merges or goes to
///   review but one is a household member (``MatchScore/household``): spouses sharing an
///   email or phone, a Jr and Sr at one address. Household pairs are never merged or queued,
///   whatever their score; the link lets a person see the family and merge by hand.
/// - ``MatchDecision/new(explanation:)`` otherwise. Namesakes in other cities end here: the
///   names agree but nothing else does, and the place disagrees.
///
/// Candidates of another builder are refused: never scored, never merged, whatever they
/// share with the incoming record (the explanation counts them).
public enum Matcher {
    /// The decision for `incoming` among `candidates`.
    ///
    /// - Parameters:
    ///   - incoming: The new lead.
    ///   - candidates: Existing leads found through the incoming lead's keys.
    ///   - keyFrequency: How many existing leads of the builder carry a key.
    ///   - thresholds: Decision thresholds and frequency limits.
    /// - Returns: The decision, with an explanation of the evidence.
    public static func decide(
        incoming: PersonRecord, candidates: [PersonRecord],
        keyFrequency: (MatchKey) -> Int, thresholds: MatchThresholds = .default
    ) -> MatchDecision {
        decide(incoming: incoming, candidates: candidates, keyFrequency: keyFrequency,
               scorer: MatchScorer(thresholds: thresholds))
    }

    /// The decision with a scorer whose weights were changed (experiments, the benchmark).
    public static func decide(
        incoming: PersonRecord, candidates: [PersonRecord],
        keyFrequency: (MatchKey) -> Int, scorer: MatchScorer
    ) -> MatchDecision {
        let thresholds = scorer.thresholds
        var refused = 0
        var best: MatchScore?
        var bestHousehold: MatchScore?
        var scored = 0
        for candidate in candidates {
            guard candidate.builderID == incoming.builderID else {
                refused += 1
                continue
            }
            guard candidate.id != incoming.id else { continue }
            scored += 1
            let score = scorer.score(incoming, against: candidate, keyFrequency: keyFrequency)
            if score.household != nil {
                if bestHousehold == nil || score.probability > bestHousehold!.probability { bestHousehold = score }
            } else if best == nil || score.probability > best!.probability {
                best = score
            }
        }
        let refusedNote = refused == 0 ? "" : "; \(refused) candidate\(refused == 1 ? "" : "s") of another builder refused"
        let countNote = "\(scored) candidate\(scored == 1 ? "" : "s") compared"

        if let best, best.probability >= thresholds.review {
            let p = formatted(best.probability, digits: 3)
            if best.probability >= thresholds.merge, best.mergeVeto == nil {
                return .merge(into: best.candidateID, score: best.probability,
                              explanation: "\(best.evidenceSummary); score \(p) ≥ merge \(formatted(thresholds.merge, digits: 2)) (\(countNote)\(refusedNote))")
            }
            let why = best.probability >= thresholds.merge
                ? "score \(p) ≥ merge \(formatted(thresholds.merge, digits: 2)) but not merged automatically: \(best.mergeVeto ?? "")"
                : "score \(p) ≥ review \(formatted(thresholds.review, digits: 2)), < merge \(formatted(thresholds.merge, digits: 2))"
            return .review(candidate: best.candidateID, score: best.probability,
                           explanation: "\(best.evidenceSummary); \(why) (\(countNote)\(refusedNote))")
        }
        if let household = bestHousehold {
            return .related(to: household.candidateID, score: household.probability,
                            explanation: "household, not merged: \(household.household ?? ""); \(household.evidenceSummary); score \(formatted(household.probability, digits: 3)) (\(countNote)\(refusedNote))")
        }
        if let best {
            return .new(explanation: "best candidate: \(best.evidenceSummary); score \(formatted(best.probability, digits: 3)) < review \(formatted(thresholds.review, digits: 2)) (\(countNote)\(refusedNote))")
        }
        return .new(explanation: "no candidate of this builder\(refusedNote)")
    }
}
