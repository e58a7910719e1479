public import Foundation

/// An existing lead that the survivor of an automatic merge now matches, to be merged into it
/// (lead into lead, as an accepted merge candidate is); see
/// ``Matcher/followUpMerges(survivor:candidates:keyFrequency:scorer:)``.
public struct FollowUpMerge: Sendable, Equatable {
    /// The lead to merge into the survivor.
    public var absorbed: UUID
    /// The survivor's match probability against it.
    public var score: Double
    /// The evidence, as in ``MatchDecision``.
    public var explanation: String
}

extension Matcher {
    /// After an incoming lead was merged automatically into `survivor`, the other candidates
    /// the survivor now matches well enough to merge too.
    ///
    /// Records arrive in any order: a person's first inquiry (email only) and second
    /// (phone only) become two leads; a third with both merges into one of them and is the
    /// only evidence that links the other. The survivor, with the third inquiry absorbed
    /// (``PersonRecord/absorbing(_:)``: its email, phone, names, address), is scored against
    /// the incoming lead's other candidates with the same scorer and thresholds; the best
    /// one that reaches ``MatchThresholds/merge`` without a veto and is not a household
    /// member is merged, absorbed, and the rest compared again. Every merge rests on direct
    /// evidence between the survivor and the absorbed lead, never on a chain.
    ///
    /// - Parameters:
    ///   - survivor: The survivor with the incoming lead absorbed.
    ///   - candidates: The incoming lead's other candidates (the survivor is skipped).
    ///   - keyFrequency: How many leads of the builder *other than the survivor* carry a key.
    ///   - scorer: The scorer of the first decision.
    /// - Returns: The leads to merge into the survivor, in order.
    public static func followUpMerges(
        survivor: PersonRecord, candidates: [PersonRecord],
        keyFrequency: (MatchKey) -> Int, scorer: MatchScorer
    ) -> [FollowUpMerge] {
        let thresholds = scorer.thresholds
        var current = survivor
        var remaining = candidates.filter { $0.builderID == survivor.builderID && $0.id != survivor.id }
        var merges: [FollowUpMerge] = []
        while !remaining.isEmpty {
            var best: (index: Int, score: MatchScore)?
            for (index, candidate) in remaining.enumerated() {
                let score = scorer.score(current, against: candidate, keyFrequency: keyFrequency)
                guard score.household == nil, score.mergeVeto == nil, score.probability >= thresholds.followUpMerge else { continue }
                if best == nil || score.probability > best!.score.probability { best = (index, score) }
            }
            guard let best else { break }
            let absorbed = remaining.remove(at: best.index)
            merges.append(FollowUpMerge(
                absorbed: absorbed.id, score: best.score.probability,
                explanation: "follow-up of an automatic merge: \(best.score.evidenceSummary); score \(formatted(best.score.probability, digits: 3)) ≥ merge \(formatted(thresholds.followUpMerge, digits: 2))"))
            current = current.absorbing(absorbed)
        }
        return merges
    }
}
