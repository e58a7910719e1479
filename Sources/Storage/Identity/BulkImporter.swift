public import Foundation
public import LeadModel
public import Logging
public import Matching
public import PostgresNIO
import Routing
import Synchronization

/// Imports a builder's existing leads (a CSV export) through the same normalisation,
/// deduplication and routing as intake, a batch per transaction.
///
/// Per batch: one query counts every blocking key of the batch, one fetches the candidate
/// leads; each row is then matched in memory, in file order, against those and against the
/// leads earlier rows of the batch created (so a person twice in the file is one lead); the
/// results are written with one multi-row statement per table. Round-robin turns are
/// reserved per rule for the whole batch in one counter update, so turns stay fair with
/// workers running at the same time. Caps are checked against counts read at the start of
/// the batch plus the batch's own assignments.
public final class BulkImporter: Sendable {
    let client: PostgresClient
    let logger: Logger
    let thresholds: MatchThresholds
    /// Candidate records already built, by lead id: leads this import created, and stored
    /// leads read before and not changed since. Building a record (normalising its names and
    /// address) costs more than reading its row, and an import keeps meeting the same leads.
    private let records = Mutex<[UUID: PersonRecord]>([:])
    static let recordCacheLimit = 300_000

    public init(client: PostgresClient, logger: Logger, thresholds: MatchThresholds = .default) {
        self.client = client
        self.logger = logger
        self.thresholds = thresholds
    }

    public struct Input: Sendable {
        public let row: Int
        public let lead: ExtractedLead
        public let createdAt: Date?
        public init(row: Int, lead: ExtractedLead, createdAt: Date?) {
            self.row = row
            self.lead = lead
            self.createdAt = createdAt
        }
    }

    /// A report row: `created`, `merged`, `review` (created, and queued as a possible
    /// duplicate of `matchedLeadID`) or `related` (created, linked to a household member).
    public struct Outcome: Sendable, Equatable {
        public let row: Int
        public let leadID: UUID
        public let action: String
        public let matchedLeadID: UUID?
        public let score: Double?
    }

    private struct NewLead {
        var id: UUID
        var lead: ExtractedLead
        var createdAt: Date
        var suffix: String?
        var manager: String?
    }

    public func importBatch(_ inputs: [Input], builderID: UUID) async throws -> [Outcome] {
        guard !inputs.isEmpty else { return [] }
        let logger = self.logger
        let thresholds = self.thresholds
        return try await self.client.transaction(logger: logger) { tx in
            // Intake may place this builder's leads at the same time.
            try await LeadPlacementLock.acquire(builderID: builderID, on: tx, logger: logger)
            let now = Date()
            var records: [PersonRecord] = []
            var keysOfRow: [[MatchKey]] = []
            var allKeys = Set<MatchKey>()
            for input in inputs {
                let record = PersonRecord(lead: input.lead, id: UUID.v7(), builderID: builderID)
                let keys = BlockingKeys.keys(for: record)
                records.append(record)
                keysOfRow.append(keys)
                allKeys.formUnion(keys)
            }
            let clock = ContinuousClock()
            let t0 = clock.now
            // Looked up one id at a time: copying the cache out would make the update at the
            // end of the batch copy all of it again.
            let cached: @Sendable (UUID) -> PersonRecord? = { id in self.records.withLock { $0[id] } }
            let known = try await Self.knownKeys(
                Array(allKeys), builderID: builderID, thresholds: thresholds, cached: cached, on: tx, logger: logger)
            let t1 = clock.now

            var batchLeadsOfKey: [MatchKey: [UUID]] = [:]
            var batchRecords: [UUID: PersonRecord] = [:]
            var created: [NewLead] = []
            var createdIndex: [UUID: Int] = [:]
            var outcomes: [Outcome] = []
            var mergesIntoStored: [(target: UUID, lead: ExtractedLead, score: Double, explanation: String)] = []
            var keyRows: [(MatchKey, UUID)] = []
            var candidates: [(lead: UUID, candidate: UUID, score: Double, explanation: String)] = []
            var relations: [(lead: UUID, other: UUID, explanation: String)] = []
            var touches: [(lead: UUID, input: Input)] = []
            var filledInBatch = Set<UUID>()

            for (index, input) in inputs.enumerated() {
                let record = records[index]
                let keys = keysOfRow[index]
                func frequency(_ key: MatchKey) -> Int { (known.frequency[key] ?? 0) + (batchLeadsOfKey[key]?.count ?? 0) }
                var ids: [UUID] = []
                var seen = Set<UUID>()
                for key in keys where thresholds.isUsableForBlocking(key, frequency: frequency(key)) {
                    for id in (known.leadsOfKey[key] ?? []) + (batchLeadsOfKey[key] ?? []) where seen.insert(id).inserted {
                        ids.append(id)
                    }
                }
                let pool = ids.compactMap { known.records[$0] ?? batchRecords[$0] }
                let decision = Matcher.decide(incoming: record, candidates: pool, keyFrequency: frequency, thresholds: thresholds)
                let leadID: UUID
                if case .merge(let target, let score, let explanation) = decision {
                    leadID = target
                    if let position = createdIndex[target] {
                        created[position].lead.fillEmpty(from: input.lead)
                        filledInBatch.insert(target)
                    } else {
                        mergesIntoStored.append((target, input.lead, score, explanation))
                    }
                    outcomes.append(Outcome(row: input.row, leadID: target, action: "merged", matchedLeadID: target, score: score))
                } else {
                    leadID = record.id
                    let suffix = input.lead.lastName.flatMap { PersonNameNormalizer.parse($0)?.suffix }
                    createdIndex[leadID] = created.count
                    created.append(NewLead(id: leadID, lead: input.lead, createdAt: input.createdAt ?? now, suffix: suffix))
                    batchRecords[leadID] = record
                    switch decision {
                    case .review(let other, let score, let explanation):
                        candidates.append((leadID, other, score, explanation))
                        outcomes.append(Outcome(row: input.row, leadID: leadID, action: "review", matchedLeadID: other, score: score))
                    case .related(let other, let score, let explanation):
                        relations.append((leadID, other, explanation))
                        outcomes.append(Outcome(row: input.row, leadID: leadID, action: "related", matchedLeadID: other, score: score))
                    case .new, .merge:
                        outcomes.append(Outcome(row: input.row, leadID: leadID, action: "created", matchedLeadID: nil, score: nil))
                    }
                }
                for key in keys where !(batchLeadsOfKey[key]?.contains(leadID) ?? false) && !(known.leadsOfKey[key]?.contains(leadID) ?? false) {
                    batchLeadsOfKey[key, default: []].append(leadID)
                    keyRows.append((key, leadID))
                }
                touches.append((leadID, input))
            }

            let t2 = clock.now
            try await Self.route(&created, builderID: builderID, on: tx, logger: logger)
            try await Self.insertLeads(created, builderID: builderID, on: tx, logger: logger)
            try await Self.fillStored(mergesIntoStored, builderID: builderID, on: tx, logger: logger)
            try await Self.insertRest(keys: keyRows, touches: touches, candidates: candidates, relations: relations,
                                      merges: mergesIntoStored, created: created, builderID: builderID, now: now, on: tx, logger: logger)
            if ProcessInfo.processInfo.environment["LEAD_INTAKE_IMPORT_TIMING"] != nil {
                FileHandle.standardError.write(Data("batch: lookup \(t1 - t0) (\(known.records.count) candidates), match \(t2 - t1), write \(clock.now - t2)\n".utf8))
            }
            // What this batch changed or created, for the next batches' lookups (kept only if
            // the transaction commits, which the caller learns by this returning).
            self.records.withLock { cache in
                if cache.count > Self.recordCacheLimit { cache.removeAll(keepingCapacity: true) }
                for (id, record) in known.records { cache[id] = record }
                for merge in mergesIntoStored { cache[merge.target] = nil }
                for lead in created where !filledInBatch.contains(lead.id) { cache[lead.id] = batchRecords[lead.id] }
            }
            return outcomes
        }
    }

    // MARK: - Reading

    private struct Known {
        var frequency: [MatchKey: Int] = [:]
        var leadsOfKey: [MatchKey: [UUID]] = [:]
        var records: [UUID: PersonRecord] = [:]
    }

    private static func knownKeys(_ keys: [MatchKey], builderID: UUID, thresholds: MatchThresholds, cached: (UUID) -> PersonRecord?,
                                  on tx: PostgresConnection, logger: Logger) async throws -> Known {
        var known = Known()
        guard !keys.isEmpty else { return known }
        let limit = max(thresholds.maximumBlockSize, 1) + 1
        for try await (kind, value, count, leads) in try await tx.query(
            """
            SELECT k.kind, k.value, c.n, c.leads FROM unnest(\(keys.map(\.kind.rawValue))::text[], \(keys.map(\.value))::text[]) AS k(kind, value)
            CROSS JOIN LATERAL (
                SELECT count(*)::int8 AS n, coalesce(array_agg(s.lead_id), '{}') AS leads FROM (
                    SELECT m.lead_id FROM lead_match_keys m
                    WHERE m.builder_id = \(builderID) AND m.kind = k.kind AND m.value = k.value
                    LIMIT \(limit)) s) c
            WHERE c.n > 0
            """, logger: logger
        ).decode((String, String, Int, [UUID]).self) {
            guard let kind = MatchKey.Kind(rawValue: kind) else { continue }
            let key = MatchKey(kind: kind, value: value)
            known.frequency[key] = count
            if thresholds.isUsableForBlocking(key, frequency: count), count < limit { known.leadsOfKey[key] = leads }
        }
        var ids: [UUID] = []
        for id in Set(known.leadsOfKey.values.joined()) {
            if let record = cached(id) { known.records[id] = record } else { ids.append(id) }
        }
        guard !ids.isEmpty else { return known }
        for record in try await CandidateLookup.records(
            """
            SELECT l.id, l.first_name, l.last_name, l.name_suffix, l.email, l.phone, l.address, l.city, l.state, l.postal_code,
                   coalesce(ch.emails, '{}'), coalesce(ch.phones, '{}')
            FROM leads l
            LEFT JOIN (SELECT lead_id, array_agg(value) FILTER (WHERE kind = 'email') AS emails,
                              array_agg(value) FILTER (WHERE kind = 'phone') AS phones
                       FROM lead_contact_channels WHERE lead_id = ANY(\(ids)) AND NOT is_relay GROUP BY lead_id) ch
              ON ch.lead_id = l.id
            WHERE l.id = ANY(\(ids)) AND l.builder_id = \(builderID) AND l.merged_into IS NULL
            """, builderID: builderID, on: tx, logger: logger)
        {
            known.records[record.id] = record
        }
        return known
    }

    // MARK: - Routing

    private static func route(_ created: inout [NewLead], builderID: UUID, on tx: PostgresConnection, logger: Logger) async throws {
        guard !created.isEmpty, let rules = try await RoutingStore.rules(builderID: builderID, on: tx, logger: logger) else { return }
        let plans = created.map { rules.plan(RoutingInput(lead: $0.lead)) }
        var counts = try await RoutingStore.openLeads(
            Array(Set(plans.flatMap(\.openLeadCountsNeeded))), builderID: builderID, on: tx, logger: logger)
        var turns: [String: Int] = [:]
        for plan in plans { if let rule = plan.roundRobinCounterRule(openLeads: counts) { turns[rule, default: 0] += 1 } }
        var next: [String: Int] = [:]
        for (rule, n) in turns {
            next[rule] = try await tx.query(
                """
                INSERT INTO routing_counters (builder_id, rule, value) VALUES (\(builderID), \(rule), \(n))
                ON CONFLICT (builder_id, rule) DO UPDATE SET value = routing_counters.value + \(n)
                RETURNING (value - \(n))::int8
                """, logger: logger
            ).decode(Int.self).firstElement() ?? 0
        }
        var decisions: [(UUID, RoutingDecision)] = []
        for (index, plan) in plans.enumerated() {
            var counters: [String: Int] = [:]
            if let rule = plan.roundRobinCounterRule(openLeads: counts) {
                counters[rule] = next[rule, default: 0]
                next[rule, default: 0] += 1
            }
            let decision = plan.decide(RoutingState(openLeads: counts, counters: counters))
            if let manager = decision.manager {
                created[index].manager = manager
                counts[manager, default: 0] += 1
            }
            decisions.append((created[index].id, decision))
        }
        try await tx.query(
            """
            INSERT INTO routing_decisions (id, builder_id, lead_id, manager, rule, strategy, outcome, explanation)
            SELECT d.id, \(builderID), d.lead, d.manager, d.rule, d.strategy, d.outcome, d.explanation
            FROM unnest(\(decisions.map { _ in UUID.v7() })::uuid[], \(decisions.map(\.0))::uuid[],
                        \(NullableArray(decisions.map(\.1.manager)))::text[], \(NullableArray(decisions.map(\.1.rule)))::text[],
                        \(NullableArray(decisions.map { $0.1.strategy?.rawValue }))::text[], \(decisions.map(\.1.outcome.rawValue))::text[],
                        \(decisions.map(\.1.explanation))::text[])
                 AS d(id, lead, manager, rule, strategy, outcome, explanation)
            """, logger: logger)
    }

    // MARK: - Writing

    private static func insertLeads(_ created: [NewLead], builderID: UUID, on tx: PostgresConnection, logger: Logger) async throws {
        guard !created.isEmpty else { return }
        let l = created.map(\.lead)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let provenance = l.map { (try? encoder.encode($0.fields)).map { String(decoding: $0, as: UTF8.self) } ?? "{}" }
        try await tx.query(
            """
            INSERT INTO leads (id, builder_id, source, source_detail, first_name, last_name, name_suffix, email, phone,
                               phone_extension, address, city, state, postal_code, project_type, budget_range_low,
                               budget_range_high, timeline, message, field_sources, assigned_manager, assigned_to,
                               latest_source, created_at, updated_at)
            SELECT v.id, \(builderID), v.source, v.detail, v.first, v.last, v.suffix, v.email, v.phone, v.ext, v.street, v.city,
                   v.state, v.zip, v.project, v.low, v.high, v.timeline, v.message, v.fields::jsonb, v.manager, m.id,
                   v.source, v.created, now()
            FROM unnest(\(created.map(\.id))::uuid[], \(l.map(\.source))::text[], \(NullableArray(l.map(\.sourceDetail)))::text[],
                        \(NullableArray(l.map(\.firstName)))::text[], \(NullableArray(l.map(\.lastName)))::text[], \(NullableArray(created.map(\.suffix)))::text[],
                        \(NullableArray(l.map(\.email)))::text[], \(NullableArray(l.map(\.phone)))::text[], \(NullableArray(l.map(\.phoneExtension)))::text[],
                        \(NullableArray(l.map { $0.address?.street }))::text[], \(NullableArray(l.map { $0.address?.city }))::text[],
                        \(NullableArray(l.map { $0.address?.state }))::text[], \(NullableArray(l.map { $0.address?.postalCode }))::text[],
                        \(NullableArray(l.map(\.projectType)))::text[], \(NullableArray(l.map(\.budgetLow)))::int8[], \(NullableArray(l.map(\.budgetHigh)))::int8[],
                        \(NullableArray(l.map(\.timeline)))::text[], \(NullableArray(l.map(\.message)))::text[], \(provenance)::text[],
                        \(NullableArray(created.map(\.manager)))::text[], \(created.map(\.createdAt))::timestamptz[])
                 AS v(id, source, detail, first, last, suffix, email, phone, ext, street, city, state, zip, project, low, high,
                      timeline, message, fields, manager, created)
            LEFT JOIN project_managers m ON m.builder_id = \(builderID) AND m.key = v.manager
            """, logger: logger)
    }

    /// Rows merged into leads that were already stored: fill what those leads do not know.
    private static func fillStored(_ merges: [(target: UUID, lead: ExtractedLead, score: Double, explanation: String)],
                                   builderID: UUID, on tx: PostgresConnection, logger: Logger) async throws {
        guard !merges.isEmpty else { return }
        let l = merges.map(\.lead)
        try await tx.query(
            """
            UPDATE leads t SET first_name = coalesce(t.first_name, v.first), last_name = coalesce(t.last_name, v.last),
                email = coalesce(t.email, v.email), phone = coalesce(t.phone, v.phone), address = coalesce(t.address, v.street),
                city = coalesce(t.city, v.city), state = coalesce(t.state, v.state), postal_code = coalesce(t.postal_code, v.zip),
                project_type = coalesce(t.project_type, v.project), latest_source = v.source, updated_at = now()
            FROM unnest(\(merges.map(\.target))::uuid[], \(NullableArray(l.map(\.firstName)))::text[], \(NullableArray(l.map(\.lastName)))::text[],
                        \(NullableArray(l.map(\.email)))::text[], \(NullableArray(l.map(\.phone)))::text[], \(NullableArray(l.map { $0.address?.street }))::text[],
                        \(NullableArray(l.map { $0.address?.city }))::text[], \(NullableArray(l.map { $0.address?.state }))::text[],
                        \(NullableArray(l.map { $0.address?.postalCode }))::text[], \(NullableArray(l.map(\.projectType)))::text[], \(l.map(\.source))::text[])
                 AS v(id, first, last, email, phone, street, city, state, zip, project, source)
            WHERE t.id = v.id AND t.builder_id = \(builderID)
            """, logger: logger)
    }

    private static func insertRest(
        keys: [(MatchKey, UUID)], touches: [(lead: UUID, input: Input)],
        candidates: [(lead: UUID, candidate: UUID, score: Double, explanation: String)],
        relations: [(lead: UUID, other: UUID, explanation: String)],
        merges: [(target: UUID, lead: ExtractedLead, score: Double, explanation: String)],
        created: [NewLead], builderID: UUID, now: Date, on tx: PostgresConnection, logger: Logger
    ) async throws {
        if !keys.isEmpty {
            try await tx.query(
                """
                INSERT INTO lead_match_keys (builder_id, kind, value, lead_id)
                SELECT \(builderID), k.kind, k.value, k.lead
                FROM unnest(\(keys.map(\.0.kind.rawValue))::text[], \(keys.map(\.0.value))::text[], \(keys.map(\.1))::uuid[])
                     AS k(kind, value, lead)
                ON CONFLICT DO NOTHING
                """, logger: logger)
        }
        var channelLeads: [UUID] = [], channelKinds: [String] = [], channelValues: [String] = []
        for touch in touches {
            if let email = touch.input.lead.email { channelLeads.append(touch.lead); channelKinds.append("email"); channelValues.append(email) }
            if let phone = touch.input.lead.phone { channelLeads.append(touch.lead); channelKinds.append("phone"); channelValues.append(phone) }
        }
        if !channelLeads.isEmpty {
            try await tx.query(
                """
                INSERT INTO lead_contact_channels (id, lead_id, builder_id, kind, value, is_relay)
                SELECT gen_random_uuid(), c.lead, \(builderID), c.kind, c.value, false
                FROM unnest(\(channelLeads)::uuid[], \(channelKinds)::text[], \(channelValues)::text[]) AS c(lead, kind, value)
                ON CONFLICT (lead_id, kind, value) DO NOTHING
                """, logger: logger)
        }
        let times = touches.map { $0.input.createdAt ?? now }
        try await tx.query(
            """
            INSERT INTO lead_sources (id, builder_id, lead_id, source, source_detail, touched_at)
            SELECT gen_random_uuid(), \(builderID), t.lead, t.source, t.detail, t.at
            FROM unnest(\(touches.map(\.lead))::uuid[], \(touches.map(\.input.lead.source))::text[],
                        \(NullableArray(touches.map(\.input.lead.sourceDetail)))::text[], \(times)::timestamptz[]) AS t(lead, source, detail, at)
            """, logger: logger)
        try await tx.query(
            """
            INSERT INTO lead_activities (id, lead_id, builder_id, kind, body, occurred_at)
            SELECT gen_random_uuid(), t.lead, \(builderID), 'import', t.body, t.at
            FROM unnest(\(touches.map(\.lead))::uuid[], \(touches.map { "imported from CSV row \($0.input.row)" })::text[],
                        \(times)::timestamptz[]) AS t(lead, body, at)
            """, logger: logger)
        let interests = created.filter { $0.lead.projectType != nil || $0.lead.address?.street != nil || $0.lead.budgetLow != nil }
        if !interests.isEmpty {
            let l = interests.map(\.lead)
            try await tx.query(
                """
                INSERT INTO project_interests (id, builder_id, lead_id, project_type, address, city, state, postal_code,
                                               budget_low, budget_high, timeline)
                SELECT gen_random_uuid(), \(builderID), v.lead, v.project, v.street, v.city, v.state, v.zip, v.low, v.high, v.timeline
                FROM unnest(\(interests.map(\.id))::uuid[], \(NullableArray(l.map(\.projectType)))::text[], \(NullableArray(l.map { $0.address?.street }))::text[],
                            \(NullableArray(l.map { $0.address?.city }))::text[], \(NullableArray(l.map { $0.address?.state }))::text[],
                            \(NullableArray(l.map { $0.address?.postalCode }))::text[], \(NullableArray(l.map(\.budgetLow)))::int8[], \(NullableArray(l.map(\.budgetHigh)))::int8[],
                            \(NullableArray(l.map(\.timeline)))::text[])
                     AS v(lead, project, street, city, state, zip, low, high, timeline)
                """, logger: logger)
        }
        if !merges.isEmpty {
            try await tx.query(
                """
                INSERT INTO lead_merges (id, builder_id, survivor_lead_id, kind, score, explanation)
                SELECT gen_random_uuid(), \(builderID), m.target, 'automatic', m.score, m.explanation
                FROM unnest(\(merges.map(\.target))::uuid[], \(merges.map(\.score))::float8[], \(merges.map(\.explanation))::text[])
                     AS m(target, score, explanation)
                """, logger: logger)
        }
        if !candidates.isEmpty {
            try await tx.query(
                """
                INSERT INTO merge_candidates (id, builder_id, lead_id, candidate_lead_id, score, explanation)
                SELECT gen_random_uuid(), \(builderID), c.lead, c.candidate, c.score, c.explanation
                FROM unnest(\(candidates.map(\.lead))::uuid[], \(candidates.map(\.candidate))::uuid[],
                            \(candidates.map(\.score))::float8[], \(candidates.map(\.explanation))::text[]) AS c(lead, candidate, score, explanation)
                ON CONFLICT (lead_id, candidate_lead_id) DO NOTHING
                """, logger: logger)
        }
        if !relations.isEmpty {
            try await tx.query(
                """
                INSERT INTO lead_relations (id, builder_id, lead_id, related_lead_id, kind, explanation)
                SELECT gen_random_uuid(), \(builderID), r.lead, r.other, 'household', r.explanation
                FROM unnest(\(relations.map(\.lead))::uuid[], \(relations.map(\.other))::uuid[], \(relations.map(\.explanation))::text[])
                     AS r(lead, other, explanation)
                ON CONFLICT DO NOTHING
                """, logger: logger)
        }
    }
}

extension ExtractedLead {
    /// Fills this lead's empty fields from `other` (an import row merged into a lead that the
    /// same batch created).
    mutating func fillEmpty(from other: ExtractedLead) {
        if self.firstName == nil { self.firstName = other.firstName }
        if self.lastName == nil { self.lastName = other.lastName }
        if self.email == nil { self.email = other.email }
        if self.phone == nil { self.phone = other.phone; self.phoneExtension = other.phoneExtension }
        if self.address == nil { self.address = other.address }
        if self.projectType == nil { self.projectType = other.projectType }
        if self.budgetLow == nil && self.budgetHigh == nil { self.budgetLow = other.budgetLow; self.budgetHigh = other.budgetHigh }
        if self.timeline == nil { self.timeline = other.timeline }
        if self.message == nil { self.message = other.message }
    }
}
