import Foundation
import Matching

/// Why true pairs were missed (`--diagnose`): for each pair of records of one identity that
/// ended in two leads, the direct score of the later record against the earlier one and
/// against the earlier one's final lead.
func diagnose(records: [GeneratedRecord], dedup: IncrementalDedup) {
    let scorer = dedup.scorer
    var byIdentity: [Int: [Int]] = [:]
    for (i, r) in records.enumerated() { byIdentity[r.identity, default: []].append(i) }
    var categories: [String: Int] = [:]
    var samples: [String: [String]] = [:]
    let ids = (0..<records.count).map { IncrementalDedup.uuid(tag: 0x7A, value: $0) }
    func category(_ s: MatchScore) -> String {
        if s.household != nil { return "household" }
        if s.probability >= scorer.thresholds.merge { return s.mergeVeto == nil ? "merge" : "vetoed" }
        if s.probability >= scorer.thresholds.review { return "review" }
        return "low"
    }
    func show(_ r: GeneratedRecord) -> String {
        "\(r.firstName ?? "-") \(r.lastName ?? "-") \(r.suffix ?? "")|\(r.email ?? "-")\(r.emailRelay ? "(R)" : "")|\(r.phone ?? "-")\(r.phoneRelay ? "(R)" : "")|\(r.street ?? "-")|\(r.city ?? "-") \(r.postalCode ?? "-")"
    }
    for members in byIdentity.values where members.count > 1 {
        for x in 0..<members.count { for y in (x + 1)..<members.count {
            let i = members[x], j = members[y]
            guard dedup.leadOfRecord[i] != dedup.leadOfRecord[j] else { continue }
            let a = dedup.personRecord(records[i], id: ids[i]), b = dedup.personRecord(records[j], id: ids[j])
            let shared = !Set(BlockingKeys.keys(for: a)).isDisjoint(with: BlockingKeys.keys(for: b))
            let builder = records[i].builder
            let s = scorer.score(b, against: a, keyFrequency: { dedup.frequency(builder: builder, key: $0) })
            let lead = dedup.leads[Int(dedup.leadOfRecord[i])].record
            let sl = scorer.score(b, against: lead, keyFrequency: { dedup.frequency(builder: builder, key: $0) })
            let c = "\(shared ? "key" : "nokey") direct=\(category(s)) vsLead=\(category(sl))"
            categories[c, default: 0] += 1
            if samples[c, default: []].count < 6 {
                samples[c, default: []].append("  \(show(records[i]))\n  \(show(records[j]))\n    \(String(format: "%.3f", s.probability)) \(s.evidenceSummary) \(s.household ?? "") \(s.mergeVeto ?? "")")
            }
        } }
    }
    print("missed pairs by cause:")
    for (c, n) in categories.sorted(by: { $0.value > $1.value }) {
        print("\(n)\t\(c)")
        if ProcessInfo.processInfo.environment["DIAG_SAMPLES"] != nil { for s in samples[c]! { print(s) } }
    }
}
