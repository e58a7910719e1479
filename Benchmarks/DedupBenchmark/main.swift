// dedup-bench: quality and speed of the Matching module on seeded, labelled lead records.
// A benchmark, not a test: run it in release.
//
// Usage:
//   swift run -c release dedup-bench                                  # 10,000 and 100,000 records, seed 2
//   swift run -c release dedup-bench --records 100000 --builders 8 --seed 2
//   swift run -c release dedup-bench --records 10000 --seed 1 --sweep  # threshold sweep (tuning seed)
//   swift run -c release dedup-bench --records 10000 --errors 20       # print sample false merges
//   swift run -c release dedup-bench --leaky-index                     # feed other builders' leads too
// Options: --records N (default: both 10000 and 100000), --builders B (8), --seed S (2),
//   --merge P / --review P (thresholds; defaults MatchThresholds.default), --sweep,
//   --errors N, --leaky-index, --diagnose, --no-follow-up, --follow-up P,
//   --name-block N (largest name block used for candidates; default MatchThresholds.default),
//   --weight NAME=VALUE (repeatable: one MatchScorer.Weights value, e.g. emailGivenMismatch=-4;
//   for experiments on the tuning seed).
// From the package root: `make bench-dedup BENCH_ARGS="--seed 1"`.
//
// Data (Generator.swift, seeded SplitMix64: a seed names one data set). Builder b gets a share
// of the records ∝ 1/(b+1) (8 builders: the largest has 37% of them). Per person 1-8 records
// (55% one). Families: 10% a spouse (other given name, same home, sharing the email 35%, the
// phone 50%, both 15%; 15% another family name), 3% a Jr/Sr pair (Jr written on 85% of the
// son's records, Sr on 50% of the father's; same home 50%, the son also uses the father's
// phone 30%), 2% a namesake in another city, 4% the same person also at another builder.
// Names: 200 given names (Zipf 0.7) with the nicknames people write; surnames 60% from 400
// common ones (Zipf 0.8), 40% rarer synthesised ones. Per record: nickname 18%, family-name
// typo 7%, given-name typo 4%, case 20%, swapped fields 3%, no given name 3%, no family name
// 5%; 25% via a marketplace (then 60% a relay email, 30% a proxied phone from a pool);
// realtor's email+phone 1.5%; portal no-reply sender 1.5%; sales-office 1.5% and
// call-tracking 0.5% phone; no email ~18%, no phone ~22%; Gmail dots 25%, +tags 12%,
// googlemail 3%, upper case 8%; 7 phone formats, extensions 3%; USPS abbreviations, units,
// directionals, ZIP+4 10%; no street 45%, no ZIP 12%, no city 10%; a second email 10% and
// second phone 8% of people, used on 40% of their records. Records
// arrive in a random order, one by one; each is matched against the earlier leads of its
// builder the way the gateway does it (IncrementalDedup.swift): key frequencies are answered
// only for the incoming record's keys (as CandidateLookup does; 0 for any other key), a
// candidate is the lead's first-seen values plus every personal email and phone it absorbed,
// and after an automatic merge the survivor is matched against the other candidates
// (Matcher.followUpMerges, lead-into-lead merges; --no-follow-up turns it off, --follow-up P
// sets its threshold). --diagnose prints why true pairs were missed. Quality is pairwise
// precision/recall/F1 over record pairs against the true identities; see BENCHMARKS.md.
import Foundation
import Matching

var options: [String: String] = [:]
var flags = Set<String>()
var weightSettings: [String] = []
var argumentIndex = 1
let arguments = CommandLine.arguments
while argumentIndex < arguments.count {
    let argument = arguments[argumentIndex]
    if ["--sweep", "--leaky-index", "--diagnose", "--no-follow-up"].contains(argument) {
        flags.insert(argument)
    } else if argument == "--weight", argumentIndex + 1 < arguments.count {
        weightSettings.append(arguments[argumentIndex + 1])
        argumentIndex += 1
    } else if ["--records", "--builders", "--seed", "--merge", "--review", "--errors", "--follow-up", "--name-block"].contains(argument),
              argumentIndex + 1 < arguments.count {
        options[argument] = arguments[argumentIndex + 1]
        argumentIndex += 1
    } else {
        FileHandle.standardError.write(Data("dedup-bench: unknown argument \(argument); see the top of main.swift\n".utf8))
        exit(64)
    }
    argumentIndex += 1
}

let sizes = options["--records"].map { [Int($0)!] } ?? [10_000, 100_000]
let builders = Int(options["--builders"] ?? "8")!
let seed = UInt64(options["--seed"] ?? "2")!
var thresholds = MatchThresholds.default
if let merge = options["--merge"].flatMap(Double.init) { thresholds.merge = merge }
if let size = options["--name-block"].flatMap(Int.init) { thresholds.nameBlockSize = size }
if let review = options["--review"].flatMap(Double.init) { thresholds.review = review }
let errorSamples = Int(options["--errors"] ?? "0")!
var weights = MatchScorer.Weights()
let weightPaths: [String: WritableKeyPath<MatchScorer.Weights, Double>] = [
    "prior": \.prior, "emailAgree": \.emailAgree, "emailDisagree": \.emailDisagree, "phoneAgree": \.phoneAgree,
    "phoneDisagree": \.phoneDisagree, "firstExact": \.firstExact, "firstNickname": \.firstNickname,
    "firstTypo": \.firstTypo, "firstInitial": \.firstInitial, "firstMismatch": \.firstMismatch,
    "firstSimilar": \.firstSimilar, "lastExact": \.lastExact, "lastTypo": \.lastTypo, "lastMismatch": \.lastMismatch,
    "suffixOneSided": \.suffixOneSided, "addressAgree": \.addressAgree, "addressDisagree": \.addressDisagree,
    "sameStreetOtherNumber": \.sameStreetOtherNumber, "zipAgree": \.zipAgree, "cityAgree": \.cityAgree,
    "placeDisagree": \.placeDisagree, "emailGivenAgree": \.emailGivenAgree, "emailGivenMismatch": \.emailGivenMismatch,
    "sharedValuePenalty": \.sharedValuePenalty, "secondContactShare": \.secondContactShare,
]
for setting in weightSettings {
    let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
    guard parts.count == 2, let path = weightPaths[parts[0]], let value = Double(parts[1]) else {
        FileHandle.standardError.write(Data("dedup-bench: --weight \(setting): expected NAME=VALUE, NAME one of \(weightPaths.keys.sorted())\n".utf8))
        exit(64)
    }
    weights[keyPath: path] = value
}

func pct(_ x: Double) -> String { String(format: "%.4f", x) }

for size in sizes {
    var generator = LeadGenerator(seed: seed, builders: builders)
    let genStart = ContinuousClock.now
    let records = generator.generate(total: size)
    let genTime = ContinuousClock.now - genStart
    let identities = Set(records.map(\.identity)).count
    var perBuilder = [Int](repeating: 0, count: builders)
    for r in records { perBuilder[r.builder] += 1 }
    print("== \(records.count) records, \(builders) builders (largest \(perBuilder.max() ?? 0)), \(identities) true identities, seed \(seed) (generated in \(genTime))")

    // Ceilings: true pairs whose records share a blocking key, or a personal email or phone.
    do {
        var byIdentity: [Int: [Int]] = [:]
        for (i, r) in records.enumerated() { byIdentity[r.identity, default: []].append(i) }
        let probe = IncrementalDedup(scorer: MatchScorer(), builders: builders, leakyIndex: false)
        var keyed = 0, contact = 0, all = 0
        for members in byIdentity.values where members.count > 1 {
            let keys = members.map { Set(BlockingKeys.keys(for: probe.personRecord(records[$0], id: UUID()))) }
            for x in 0..<members.count { for y in (x + 1)..<members.count {
                all += 1
                let shared = keys[x].intersection(keys[y])
                if !shared.isEmpty { keyed += 1 }
                if shared.contains(where: { $0.kind == .email || $0.kind == .phone }) { contact += 1 }
            } }
        }
        print("true pairs sharing a blocking key directly: \(pct(Double(keyed) / Double(max(1, all)))); sharing an email or phone: \(pct(Double(contact) / Double(max(1, all))))")
    }

    let naive = PairMetrics(clusters: naiveClusters(records, partitioned: true), records: records)
    let naiveGlobal = PairMetrics(clusters: naiveClusters(records, partitioned: false), records: records)

    let mergeGrid = flags.contains("--sweep") ? [0.70, 0.75, 0.80, 0.90, 0.95, 0.98, 0.99, 0.995, 0.999] : [thresholds.merge]
    for merge in mergeGrid {
        var t = thresholds
        t.merge = merge
        t.followUpMerge = options["--follow-up"].flatMap(Double.init) ?? merge
        var dedup = IncrementalDedup(scorer: MatchScorer(thresholds: t, weights: weights), builders: builders, leakyIndex: flags.contains("--leaky-index"))
        dedup.keepDecisions = errorSamples > 0
        dedup.followUps = !flags.contains("--no-follow-up")
        let start = ContinuousClock.now
        for record in records { dedup.add(record) }
        let total = ContinuousClock.now - start
        dedup.finish()
        let merged = PairMetrics(clusters: dedup.leadOfRecord.map(Int.init), records: records)
        let withReviews = PairMetrics(
            clusters: clustersWithReviews(leadOfRecord: dedup.leadOfRecord, reviewEdges: dedup.reviewEdges, leadCount: dedup.leads.count),
            records: records)
        print("")
        if !weightSettings.isEmpty { print("weights changed: \(weightSettings.joined(separator: ", "))") }
        print("thresholds: merge \(t.merge), follow-up merge \(dedup.followUps ? String(t.followUpMerge) : "off"), review \(t.review), common value limit \(t.commonValueLimit), max block \(t.maximumBlockSize), name block \(t.nameBlockSize)")
        print("rule                              precision  recall     F1        pairs predicted  cross-builder pairs")
        func row(_ name: String, _ m: PairMetrics) {
            print(name.padding(toLength: 34, withPad: " ", startingAt: 0) + "\(pct(m.precision))     \(pct(m.recall))     \(pct(m.f1))    "
                  + String(m.predictedPairs).padding(toLength: 17, withPad: " ", startingAt: 0) + "\(m.crossBuilderPairs)")
        }
        row("ours: automatic merges", merged)
        row("ours: merges + reviews accepted", withReviews)
        row("naive: email or phone (per builder)", naive)
        row("naive, not partitioned by builder", naiveGlobal)
        print("true pairs: \(merged.truePairs); F1 ours/naive: \(String(format: "%.3f", merged.f1 / naive.f1)); precision ours/naive: \(String(format: "%.3f", merged.precision / naive.precision))")
        if flags.contains("--leaky-index") {
            print("leaky index: \(dedup.foreignCandidates) candidates of another builder were handed to the matcher; cross-builder pairs merged: \(merged.crossBuilderPairs)")
        }
        let c = dedup.counts
        print("decisions: merge \(c["merge", default: 0]), review \(c["review", default: 0]), related \(c["related", default: 0]), new \(c["new", default: 0]); follow-up lead merges \(dedup.followUpCount); leads \(dedup.leads.count - dedup.followUpCount)")
        let ns = dedup.nanoseconds.sorted()
        let mean = Double(ns.reduce(0, +)) / Double(max(1, ns.count)) / 1000
        let p50 = Double(ns[ns.count / 2]) / 1000
        let p99 = Double(ns[min(ns.count - 1, ns.count * 99 / 100)]) / 1000
        print(String(format: "matching time per record (keys + lookup + score + index update, in memory): mean %.1f µs, p50 %.1f µs, p99 %.1f µs; total %@", mean, p50, p99, "\(total)"))

        if flags.contains("--diagnose") { diagnose(records: records, dedup: dedup) }

        // Error breakdown.
        var leadIdentity: [Int32: Int] = [:]
        var leadFamily: [Int32: Int] = [:]
        var seenIdentity = Set<Int>()
        var identityLead: [Int: Int32] = [:]
        var falseMerges: [String: Int] = [:]
        var missed: [String: Int] = [:]
        var samples = 0
        for (i, r) in records.enumerated() {
            let lead = dedup.leadOfRecord[i]
            let isNewLead = leadIdentity[lead] == nil
            if isNewLead { leadIdentity[lead] = r.identity; leadFamily[lead] = r.family }
            let decision = errorSamples > 0 ? dedup.decisions[i] : nil
            if !isNewLead, leadIdentity[lead] != r.identity {
                let relation = leadFamily[lead] == r.family ? "same family: \(r.kind.rawValue)" : "strangers"
                falseMerges[relation, default: 0] += 1
                if samples < errorSamples, let decision {
                    samples += 1
                    print("FALSE MERGE [\(relation)] \(r.firstName ?? "-") \(r.lastName ?? "-") \(r.suffix ?? "") \(r.email ?? "-") \(r.phone ?? "-") \(r.city ?? "-"): \(decision.explanation)")
                }
            } else if isNewLead, seenIdentity.contains(r.identity), let decision, decision.action == "review", samples < errorSamples, Int.random(in: 0..<8) == 0 {
                samples += 1
                let right = decision.candidateID.flatMap { id in dedup.leads.firstIndex { $0.record.id == id } }.map { leadIdentity[Int32($0)] == r.identity } ?? false
                print("REVIEW \(right ? "right" : "WRONG") \(r.firstName ?? "-") \(r.lastName ?? "-") \(r.email ?? "-") \(r.phone ?? "-") \(r.street ?? "-") \(r.city ?? "-"): \(decision.explanation)")
                missed["review", default: 0] += 1
            } else if isNewLead, seenIdentity.contains(r.identity) {
                var why = decision.map { $0.action } ?? "new/review"
                if r.tags.contains(.missingName) { why += " +missing name" }
                if r.tags.contains(.swapped) { why += " +swapped" }
                missed[why, default: 0] += 1
                if ProcessInfo.processInfo.environment["MISSED_DUMP"] == decision?.action, let decision, let own = identityLead[r.identity] {
                    let l = dedup.leads[Int(own)].record
                    print("MISSED(\(decision.action)) \(r.firstName ?? "-") \(r.lastName ?? "-") \(r.suffix ?? "") | \(r.email ?? "-") | \(r.phone ?? "-") | \(r.street ?? "-") | \(r.city ?? "-") \(r.postalCode ?? "-")\n   own lead: \(l.firstName ?? "-") \(l.lastName ?? "-") \(l.suffix ?? "") | \(l.email ?? "-") \(l.alternateEmails) | \(l.phone ?? "-") \(l.alternatePhones) | \(l.street ?? "-") | \(l.city ?? "-") \(l.postalCode ?? "-")\n   \(decision.explanation)")
                } else if samples < errorSamples, let decision, decision.action != "review", r.tags.isEmpty, Int.random(in: 0..<20) == 0 {
                    samples += 1
                    print("MISSED \(r.firstName ?? "-") \(r.lastName ?? "-") \(r.email ?? "-") \(r.phone ?? "-") \(r.street ?? "-") \(r.city ?? "-"): \(decision.explanation)")
                }
            }
            seenIdentity.insert(r.identity)
            if identityLead[r.identity] == nil { identityLead[r.identity] = lead }
        }
        if errorSamples > 0 {
            // Review band: how often the suggested lead is the right identity, by score.
            var band: [Int: (right: Int, wrong: Int)] = [:]
            var firstIdentity: [UUID: Int] = [:]
            for (i, r) in records.enumerated() {
                let lead = dedup.leads[Int(dedup.leadOfRecord[i])].record.id
                if firstIdentity[lead] == nil { firstIdentity[lead] = r.identity }
                let d = dedup.decisions[i]
                if d.action == "review" || d.action == "merge", let id = d.candidateID, let s = d.score {
                    let bucket = min(99, Int(s * 100) / 5 * 5)
                    var cell = band[bucket] ?? (0, 0)
                    if firstIdentity[id] == r.identity { cell.right += 1 } else { cell.wrong += 1 }
                    if ProcessInfo.processInfo.environment["BAND_DUMP"].map({ Double($0)! <= s && s < Double($0)! + 0.15 }) == true {
                        print("BAND \(firstIdentity[id] == r.identity ? "right" : "WRONG") [\(r.kind.rawValue)] \(String(format: "%.3f", s)) \(r.firstName ?? "-") \(r.lastName ?? "-"): \(d.explanation)")
                    }
                    band[bucket] = cell
                }
            }
            print("score bucket: right/wrong (merge and review decisions) " + band.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.right)/\($0.value.wrong)" }.joined(separator: ", "))
        }
        print("false automatic merges (records merged into another identity's lead): " + falseMerges.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        print("missed (a later record of an identity that got its own lead): " + missed.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    }
    print("")
}
