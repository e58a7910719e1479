/// The configurable limits of matching: where a score becomes a merge or a review, and how
/// common a value may be before it stops counting as evidence.
///
/// Defaults (JSON keys in brackets):
/// - ``merge`` [`merge`] = 0.80: match probability at or above which the incoming lead is
///   merged automatically. Chosen on `dedup-bench` with seed 1 (10,000 and 100,000 records,
///   follow-up merges on), sweeping 0.7 … 0.999 and 0.81 … 0.88: pairwise precision of
///   automatic merges 0.991 / 0.990 at 0.80 (F1 0.954 / 0.950), 0.992 / 0.992 at 0.81 but
///   recall 0.90 (a name typo with the ZIP scores exactly 0.80), 0.990 / 0.984 at 0.70.
///   The margin over the 0.99 target is thin: seeds 2 and 3 gave 0.989 / 0.990 at 10,000.
///   Re-checked after the email-derived given name, the shared-value rule for differing
///   contacts and short-name transpositions (seed 1, 10,000 / 100,000): precision 0.9931 /
///   0.9912 at 0.80 (F1 0.957 / 0.956), 0.9930 / 0.9908 at 0.75, 0.9928 / 0.9883 at 0.70,
///   0.9945 / 0.9926 at 0.81 but F1 0.947; 0.80 kept. Seeds 2 and 3: 0.9917–0.9919.
///   The probabilities come from hand-set weights, so read the threshold as a point on that
///   benchmark's precision curve rather than a calibrated 80 %.
/// - ``review`` [`review`] = 0.50: at or above this (and below ``merge``) a merge candidate
///   is recorded for a person to accept or reject; below it the lead is new.
/// - ``commonValueLimit`` [`common_value_limit`] = 20: an email, phone or street address
///   shared by more than this many leads of the builder is no evidence at all (a portal
///   no-reply sender, a sales-office or call-tracking number, a model home). Odoo's
///   duplicate search uses the same cut (21). Below the cut a shared value's weight falls
///   with log₂ of its frequency (see ``MatchScorer``).
/// - ``maximumBlockSize`` [`maximum_block_size`] = 100: a blocking key shared by more leads
///   than this is not used to look up candidates (a common name in a big builder); the
///   record's other keys still find its duplicates.
/// - ``nameBlockSize`` [`name_block_size`] = 10: the same limit for the name keys
///   (`name_zip`, `name_sorted`). A name shared by more than a few of a builder's leads is
///   weak evidence on its own (the scorer discounts it by its frequency), and in a large
///   builder such blocks are where the candidate count, and so the time per lead, grows
///   with size. On `dedup-bench` seed 1, 100,000 records: 100 → 10 changed automatic-merge
///   precision 0.9902 → 0.9906 and F1 0.9495 → 0.9493, and cut the mean time per record
///   96 → 65 µs.
/// - ``householdMaximumSharing`` [`household_maximum_sharing`] = 4: two people with
///   different given names (or a Jr/Sr conflict) who share an email, phone or address seen on
///   at most this many leads are a household: ``MatchDecision/related(to:score:explanation:)``.
///   A value shared more widely than that is a shared line or inbox, not a home; and an
///   email or phone that differs from the other side's counts nothing against a match when
///   one side's is shared that widely (not that person's own).
public struct MatchThresholds: Sendable, Hashable, Codable {
    public var merge: Double
    /// [`follow_up_merge`] Match probability at or above which the survivor of an automatic
    /// merge absorbs another existing lead
    /// (``Matcher/followUpMerges(survivor:candidates:keyFrequency:scorer:)``); defaults to
    /// ``merge``.
    public var followUpMerge: Double
    public var review: Double
    public var commonValueLimit: Int
    public var maximumBlockSize: Int
    public var nameBlockSize: Int
    public var householdMaximumSharing: Int

    /// Creates thresholds; every argument defaults to the documented value.
    public init(merge: Double = 0.80, review: Double = 0.50, commonValueLimit: Int = 20,
                maximumBlockSize: Int = 100, householdMaximumSharing: Int = 4, followUpMerge: Double? = nil,
                nameBlockSize: Int = 10) {
        self.nameBlockSize = nameBlockSize
        self.merge = merge
        self.followUpMerge = followUpMerge ?? merge
        self.review = review
        self.commonValueLimit = commonValueLimit
        self.maximumBlockSize = maximumBlockSize
        self.householdMaximumSharing = householdMaximumSharing
    }

    /// The documented defaults.
    public static let `default` = MatchThresholds()

    /// Whether a blocking key shared by `frequency` leads should be used to look up candidates.
    public func isUsableForBlocking(frequency: Int) -> Bool { frequency <= self.maximumBlockSize }

    /// Whether `key`, shared by `frequency` leads, should be used to look up candidates.
    public func isUsableForBlocking(_ key: MatchKey, frequency: Int) -> Bool {
        switch key.kind {
        case .nameZip, .nameSorted: frequency <= min(self.nameBlockSize, self.maximumBlockSize)
        case .email, .phone, .address: frequency <= self.maximumBlockSize
        }
    }

    private enum CodingKeys: String, CodingKey {
        case merge, review
        case followUpMerge = "follow_up_merge"
        case commonValueLimit = "common_value_limit"
        case maximumBlockSize = "maximum_block_size"
        case nameBlockSize = "name_block_size"
        case householdMaximumSharing = "household_maximum_sharing"
    }

    /// Decodes thresholds; an absent key keeps its default.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = MatchThresholds()
        self.merge = try c.decodeIfPresent(Double.self, forKey: .merge) ?? d.merge
        self.followUpMerge = try c.decodeIfPresent(Double.self, forKey: .followUpMerge) ?? self.merge
        self.review = try c.decodeIfPresent(Double.self, forKey: .review) ?? d.review
        self.commonValueLimit = try c.decodeIfPresent(Int.self, forKey: .commonValueLimit) ?? d.commonValueLimit
        self.maximumBlockSize = try c.decodeIfPresent(Int.self, forKey: .maximumBlockSize) ?? d.maximumBlockSize
        self.householdMaximumSharing = try c.decodeIfPresent(Int.self, forKey: .householdMaximumSharing) ?? d.householdMaximumSharing
        self.nameBlockSize = try c.decodeIfPresent(Int.self, forKey: .nameBlockSize) ?? d.nameBlockSize
    }
}
