public import Foundation

/// One piece of evidence in a pair's score: a field comparison and its weight.
///
/// Weights are log₂ Bayes factors (Fellegi–Sunter match weights): +12 means "this agreement
/// is 2¹² times likelier between two records of one person than between two strangers of
/// the same builder"; negative weights are evidence against. Zero-weight items are kept when
/// they explain why something did not count (a relay, a value shared by many leads).
public struct MatchEvidence: Sendable, Hashable {
    /// `email`, `phone`, `first name`, `last name`, `suffix`, `address`, `place`, `name frequency`.
    public var field: String
    /// The log₂ Bayes factor this comparison contributed.
    public var weight: Double
    /// What was seen (`matches (seen on 1 lead)`, `Bob≈Robert (nickname)`).
    public var reason: String

    public init(field: String, weight: Double, reason: String) {
        self.field = field
        self.weight = weight
        self.reason = reason
    }

    /// `email matches (seen on 1 lead) +12.0`.
    public var summary: String {
        let sign = self.weight > 0 ? "+" : (self.weight < 0 ? "−" : "±")
        return "\(self.field) \(self.reason) \(sign)\(formatted(abs(self.weight), digits: 1))"
    }
}

/// The score of one incoming record against one candidate.
public struct MatchScore: Sendable {
    /// The candidate lead.
    public var candidateID: UUID
    /// The match probability in 0...1: the logistic of the prior plus all weights (base 2).
    public var probability: Double
    /// Prior plus all weights, in bits.
    public var totalWeight: Double
    /// Every comparison that was made, in a fixed order.
    public var evidence: [MatchEvidence]
    /// Why the pair is a household rather than one person (different given names or a Jr/Sr
    /// conflict while sharing a rare email, phone or address); nil otherwise.
    public var household: String?
    /// Why this pair may at most go to review, not merge automatically; nil when nothing vetoes.
    public var mergeVeto: String?

    /// The evidence joined for an explanation (zero weights included when they explain).
    public var evidenceSummary: String {
        self.evidence.map(\.summary).joined(separator: "; ")
    }
}

func formatted(_ value: Double, digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    var text = String(rounded)
    if let dot = text.firstIndex(of: ".") {
        let decimals = text.distance(from: dot, to: text.endIndex) - 1
        if decimals < digits { text += String(repeating: "0", count: digits - decimals) }
    } else if digits > 0 {
        text += "." + String(repeating: "0", count: digits)
    }
    return text
}
