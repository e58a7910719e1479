import Foundation
import LeadModel
import Matching

/// Deduplication the way the gateway runs it: records arrive one by one; each is blocked
/// against the earlier leads of its builder through in-memory key indexes that mirror
/// `lead_match_keys` (builder, kind, value → leads), scored, and merged, reviewed, related or
/// created.
struct IncrementalDedup {
    struct IndexKey: Hashable {
        var builder: Int32
        var key: MatchKey
    }

    struct Lead {
        var builder: Int
        var record: PersonRecord
    }

    let scorer: MatchScorer
    /// Fetch candidates across builders (the matcher must refuse them).
    let leakyIndex: Bool
    private(set) var leads: [Lead] = []
    private var leadByID: [UUID: Int32] = [:]
    /// Per builder: key → leads carrying it (the Postgres index; the count is the frequency).
    private var index: [IndexKey: [Int32]] = [:]
    /// Without the builder: only used with `leakyIndex`.
    private var globalIndex: [MatchKey: [Int32]] = [:]
    /// The lead of each record (after ``finish()``: the surviving lead, follow-up merges
    /// resolved).
    private(set) var leadOfRecord: [Int32] = []
    /// Lead → the lead it was merged into (follow-up merges), itself when it survives.
    private var mergedInto: [Int32] = []
    /// Lead → the keys stored for it (moved to the survivor when it is merged).
    private var keysOfLead: [[MatchKey]] = []
    /// Run ``Matcher/followUpMerges(survivor:candidates:keyFrequency:scorer:)`` after each
    /// automatic merge (the gateway's lead-into-lead merge).
    var followUps = true
    private(set) var followUpCount = 0
    private(set) var reviewEdges: [(record: Int32, lead: Int32)] = []
    private(set) var relatedCount = 0
    /// Candidates of another builder handed to the matcher (only with `leakyIndex`).
    private(set) var foreignCandidates = 0
    private(set) var counts: [String: Int] = [:]
    private(set) var nanoseconds: [UInt64] = []
    private(set) var decisions: [MatchDecision] = []
    var keepDecisions = false
    private let builderIDs: [UUID]

    init(scorer: MatchScorer, builders: Int, leakyIndex: Bool) {
        self.scorer = scorer
        self.leakyIndex = leakyIndex
        self.builderIDs = (0..<builders).map { Self.uuid(tag: 0xB0, value: $0) }
    }

    static func uuid(tag: UInt8, value: Int) -> UUID {
        let v = UInt64(value)
        return UUID(uuid: (tag, 0, 0, 0, 0, 0, 0x40, 0, 0x80, 0, UInt8((v >> 40) & 0xFF), UInt8((v >> 32) & 0xFF),
                           UInt8((v >> 24) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)))
    }

    /// How many leads of `builder` carry `key` now.
    func frequency(builder: Int, key: MatchKey) -> Int { self.index[IndexKey(builder: Int32(builder), key: key)]?.count ?? 0 }

    func personRecord(_ r: GeneratedRecord, id: UUID) -> PersonRecord {
        PersonRecord(id: id, builderID: self.builderIDs[r.builder], firstName: r.firstName, lastName: r.lastName,
                     suffix: r.suffix, email: r.email, phone: r.phone, street: r.street, city: r.city,
                     state: r.state, postalCode: r.postalCode, isEmailRelay: r.emailRelay, isPhoneRelay: r.phoneRelay)
    }

    private mutating func store(_ key: MatchKey, lead: Int32, builder: Int32) {
        let indexKey = IndexKey(builder: builder, key: key)
        if self.index[indexKey]?.last != lead, !(self.index[indexKey]?.contains(lead) ?? false) {
            self.index[indexKey, default: []].append(lead)
            if self.leakyIndex { self.globalIndex[key, default: []].append(lead) }
            self.keysOfLead[Int(lead)].append(key)
        }
    }

    /// The surviving lead of `lead`.
    func survivor(_ lead: Int32) -> Int32 {
        var x = lead
        while self.mergedInto[Int(x)] != x { x = self.mergedInto[Int(x)] }
        return x
    }

    /// Resolves ``leadOfRecord`` and the review edges to surviving leads.
    mutating func finish() {
        self.leadOfRecord = self.leadOfRecord.map { self.survivor($0) }
        self.reviewEdges = self.reviewEdges.map { ($0.record, self.survivor($0.lead)) }
    }

    mutating func add(_ generated: GeneratedRecord) {
        let clock = ContinuousClock()
        let start = clock.now
        let recordNumber = self.leadOfRecord.count
        let newLeadIndex = Int32(self.leads.count)
        let incoming = self.personRecord(generated, id: Self.uuid(tag: 0x1E, value: Int(newLeadIndex)))
        let builder = Int32(generated.builder)
        let keys = BlockingKeys.keys(for: incoming)
        var candidateIndexes: [Int32] = []
        // As the gateway's lookup: the frequency of each of the incoming record's keys among
        // the builder's leads, counted before the record is stored; 0 for any other key.
        var frequencies: [MatchKey: Int] = [:]
        for key in keys {
            let list = self.leakyIndex ? (self.globalIndex[key] ?? []) : (self.index[IndexKey(builder: builder, key: key)] ?? [])
            let frequency = self.leakyIndex ? (self.index[IndexKey(builder: builder, key: key)]?.count ?? 0) : list.count
            frequencies[key] = frequency
            guard self.scorer.thresholds.isUsableForBlocking(key, frequency: frequency) else { continue }
            for lead in list where !candidateIndexes.contains(lead) { candidateIndexes.append(lead) }
        }
        let candidates = candidateIndexes.map { self.leads[Int($0)].record }
        self.foreignCandidates += candidateIndexes.reduce(0) { $0 + (self.leads[Int($1)].builder == generated.builder ? 0 : 1) }
        let decision = Matcher.decide(incoming: incoming, candidates: candidates,
                                      keyFrequency: { frequencies[$0] ?? 0 },
                                      scorer: self.scorer)
        var target = newLeadIndex
        switch decision {
        case .merge(let id, _, _):
            target = self.leadByID[id]!
            self.leads[Int(target)].record = self.leads[Int(target)].record.absorbing(incoming)
        case .review(let id, _, _):
            self.reviewEdges.append((Int32(recordNumber), self.leadByID[id]!))
        case .related:
            self.relatedCount += 1
        case .new:
            break
        }
        if target == newLeadIndex {
            self.leads.append(Lead(builder: generated.builder, record: incoming))
            self.leadByID[incoming.id] = newLeadIndex
            self.mergedInto.append(newLeadIndex)
            self.keysOfLead.append([])
        }
        for key in keys { self.store(key, lead: target, builder: builder) }
        if self.followUps, target != newLeadIndex {
            // The survivor, with the inquiry absorbed, against the inquiry's other candidates.
            let others = candidateIndexes.filter { $0 != target && self.mergedInto[Int($0)] == $0 }.map { self.leads[Int($0)].record }
            if !others.isEmpty {
                // The survivor's keys counted again (it now carries the inquiry's channels),
                // the survivor itself not counted, as the contract asks.
                let survivor = self.leads[Int(target)].record
                var survivorFrequencies: [MatchKey: Int] = [:]
                for key in BlockingKeys.keys(for: survivor) {
                    let list = self.index[IndexKey(builder: builder, key: key)] ?? []
                    survivorFrequencies[key] = list.count - (list.contains(target) ? 1 : 0)
                }
                let merges = Matcher.followUpMerges(
                    survivor: survivor, candidates: others,
                    keyFrequency: { survivorFrequencies[$0] ?? 0 },
                    scorer: self.scorer)
                for merge in merges {
                    let absorbed = self.leadByID[merge.absorbed]!
                    self.leads[Int(target)].record = self.leads[Int(target)].record.absorbing(self.leads[Int(absorbed)].record)
                    self.mergedInto[Int(absorbed)] = target
                    for key in self.keysOfLead[Int(absorbed)] {
                        let indexKey = IndexKey(builder: builder, key: key)
                        self.index[indexKey]?.removeAll { $0 == absorbed }
                        if self.leakyIndex { self.globalIndex[key]?.removeAll { $0 == absorbed } }
                        self.store(key, lead: target, builder: builder)
                    }
                    self.keysOfLead[Int(absorbed)] = []
                    self.followUpCount += 1
                }
            }
        }
        self.leadOfRecord.append(target)
        let elapsed = (clock.now - start).components
        self.nanoseconds.append(UInt64(elapsed.seconds) * 1_000_000_000 + UInt64(elapsed.attoseconds / 1_000_000_000))
        self.counts[decision.action, default: 0] += 1
        if self.keepDecisions { self.decisions.append(decision) }
    }

}

/// The naive rule: same email or same phone (normalised, relays excluded), transitive,
/// within each builder (`partitioned`) or across all (to count what partitioning prevents).
func naiveClusters(_ records: [GeneratedRecord], partitioned: Bool) -> [Int] {
    var parent = Array(0..<records.count)
    func find(_ x: Int) -> Int {
        var x = x
        while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
        return x
    }
    var firstByKey: [String: Int] = [:]
    for (i, r) in records.enumerated() {
        var keys: [String] = []
        let prefix = partitioned ? "\(r.builder)|" : ""
        if let e = r.email, !r.emailRelay, let k = EmailNormalizer.matchingKey(e) { keys.append(prefix + "e|" + k) }
        if let p = r.phone, !r.phoneRelay, let n = PhoneNormalizer.normalize(p) { keys.append(prefix + "p|" + n.e164) }
        for key in keys {
            if let j = firstByKey[key] {
                let a = find(i), b = find(j)
                if a != b { parent[a] = b }
            } else {
                firstByKey[key] = i
            }
        }
    }
    return (0..<records.count).map(find)
}
