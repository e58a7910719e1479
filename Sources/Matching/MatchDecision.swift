public import Foundation

/// What to do with an incoming lead, given the existing leads of its builder that share a
/// blocking key with it (see ``Matcher/decide(incoming:candidates:keyFrequency:thresholds:)``).
///
/// Every case carries an explanation naming the evidence that counted and why, e.g.
/// `email matches (seen on 1 lead) +12.0; first name Bob≈Robert (nickname) +3.0; last name
/// exact +6.0; ... score 0.999 ≥ merge 0.80`. It contains names and addresses: store it with
/// the decision, log it only at debug level.
public enum MatchDecision: Sendable, Equatable {
    /// The same person: attach the inquiry to this lead.
    case merge(into: UUID, score: Double, explanation: String)
    /// Possibly the same person: create the lead and record a merge candidate for review.
    case review(candidate: UUID, score: Double, explanation: String)
    /// Someone else in the same household (a spouse sharing an email or phone, a Jr and Sr
    /// at one address): create the lead and link it to this one as related. Never merged
    /// automatically and not put in the review queue; a person can still merge by hand.
    case related(to: UUID, score: Double, explanation: String)
    /// Someone new.
    case new(explanation: String)

    /// The explanation of any outcome.
    public var explanation: String {
        switch self {
        case .merge(_, _, let e), .review(_, _, let e), .related(_, _, let e), .new(let e): e
        }
    }

    /// The lead merged into, reviewed against or related to; nil for ``new(explanation:)``.
    public var candidateID: UUID? {
        switch self {
        case .merge(let id, _, _), .review(let id, _, _), .related(let id, _, _): id
        case .new: nil
        }
    }

    /// The best candidate's match probability; nil for ``new(explanation:)``.
    public var score: Double? {
        switch self {
        case .merge(_, let s, _), .review(_, let s, _), .related(_, let s, _): s
        case .new: nil
        }
    }

    /// `merge`, `review`, `related` or `new` (for a database column or an import report).
    public var action: String {
        switch self {
        case .merge: "merge"
        case .review: "review"
        case .related: "related"
        case .new: "new"
        }
    }
}
