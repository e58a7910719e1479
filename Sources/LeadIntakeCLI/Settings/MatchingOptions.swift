import ArgumentParser
import Matching

/// `--merge-threshold` and `--review-threshold`: when an inquiry is merged into a known lead
/// automatically, recorded as a merge candidate for a person, or made a new lead.
struct MatchingOptions: ParsableArguments {
    @Option(name: .customLong("merge-threshold"),
            help: "Match probability at or above which an inquiry merges into a known lead automatically (env LEAD_INTAKE_MERGE_THRESHOLD; default 0.80).")
    var merge: Double?

    @Option(name: .customLong("review-threshold"),
            help: "Match probability at or above which (below the merge threshold) a merge candidate is queued for review (env LEAD_INTAKE_REVIEW_THRESHOLD; default 0.50).")
    var review: Double?

    func thresholds(_ settings: SettingsResolver) throws -> MatchThresholds {
        var thresholds = MatchThresholds.default
        thresholds.merge = try settings.fraction(flag: self.merge, key: "merge-threshold", env: "LEAD_INTAKE_MERGE_THRESHOLD",
                                                 default: thresholds.merge)
        thresholds.followUpMerge = thresholds.merge
        thresholds.review = try settings.fraction(flag: self.review, key: "review-threshold", env: "LEAD_INTAKE_REVIEW_THRESHOLD",
                                                  default: thresholds.review)
        guard thresholds.review <= thresholds.merge else {
            throw CLIError("--review-threshold \(thresholds.review) is above --merge-threshold \(thresholds.merge)")
        }
        return thresholds
    }
}
