public import Foundation
public import Logging
public import PostgresNIO

/// The merge review queue: possible duplicates a person decides on, and the merges they
/// accept, each of which can be undone.
///
/// Accepting candidate C (lead N possibly the same person as the older lead O) absorbs N into
/// O: O's empty fields are filled from N (known ones are kept), N's activities, sources,
/// project interests, contact channels, blocking keys and inbox items move to O, and N is
/// marked `merged` with `merged_into = O`. Everything moved and every field filled is written
/// to `lead_merges.changes`, which is what `undo` reverses.
public struct MergeStore: Sendable {
    let client: PostgresClient
    let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// A row of `lead-intake merges list`.
    public struct Candidate: Sendable, Codable {
        public let id: UUID
        public let builder: String
        public let leadID: UUID
        public let leadName: String
        public let candidateLeadID: UUID
        public let candidateName: String
        public let score: Double
        public let status: String
        public let explanation: String
        public let createdAt: Date
    }

    public func list(builderSlug: String?, status: String? = "pending", limit: Int = 50) async throws -> [Candidate] {
        var rows: [Candidate] = []
        for try await row in try await self.client.query(
            """
            SELECT c.id, b.slug, c.lead_id, concat_ws(' ', n.first_name, n.last_name), c.candidate_lead_id,
                   concat_ws(' ', o.first_name, o.last_name), c.score, c.status, c.explanation, c.created_at
            FROM merge_candidates c JOIN builders b ON b.id = c.builder_id
            JOIN leads n ON n.id = c.lead_id JOIN leads o ON o.id = c.candidate_lead_id
            WHERE (\(builderSlug)::text IS NULL OR b.slug = \(builderSlug)) AND (\(status)::text IS NULL OR c.status = \(status))
            ORDER BY c.created_at, c.id LIMIT \(max(1, min(limit, 10_000)))
            """, logger: self.logger
        ).decode((UUID, String, UUID, String, UUID, String, Double, String, String, Date).self) {
            rows.append(Candidate(id: row.0, builder: row.1, leadID: row.2, leadName: row.3, candidateLeadID: row.4,
                                  candidateName: row.5, score: row.6, status: row.7, explanation: row.8, createdAt: row.9))
        }
        return rows
    }

    /// Accepts a pending candidate: the newer lead is absorbed into the older one.
    /// - Returns: the merge's id (for `undo`).
    public func accept(_ candidateID: UUID) async throws -> UUID {
        let logger = self.logger
        return try await self.client.transaction(logger: logger) { tx in
            // The builder's placement lock before any row lock: intake takes it first too, so
            // the two neither deadlock nor interleave (an inquiry placed on the absorbed lead
            // after its activities moved).
            guard let builder = try await tx.query(
                "SELECT builder_id FROM merge_candidates WHERE id = \(candidateID)", logger: logger
            ).decode(UUID.self).firstElement() else {
                throw StorageError(.notFound, "no merge candidate \(candidateID)")
            }
            try await LeadPlacementLock.acquire(builderID: builder, on: tx, logger: logger)
            guard let (builderID, absorbed, survivor, score, explanation, status) = try await tx.query(
                """
                SELECT builder_id, lead_id, candidate_lead_id, score, explanation, status FROM merge_candidates
                WHERE id = \(candidateID) FOR UPDATE
                """, logger: logger
            ).decode((UUID, UUID, UUID, Double, String, String).self).firstElement() else {
                throw StorageError(.notFound, "no merge candidate \(candidateID)")
            }
            guard status == "pending" else {
                throw StorageError(.conflict, "merge candidate \(candidateID) is \(status), not pending")
            }
            let states = try await tx.query(
                "SELECT count(*)::int8 FROM leads WHERE id IN (\(absorbed), \(survivor)) AND merged_into IS NULL", logger: logger
            ).decode(Int.self).firstElement() ?? 0
            guard states == 2 else {
                throw StorageError(.conflict, "one of the two leads was merged into another lead since; decide that one first")
            }
            let mergeID = UUID.v7()
            let changes = try await Self.absorb(absorbed, into: survivor, on: tx, logger: logger)
            try await tx.query(
                """
                INSERT INTO lead_merges (id, builder_id, survivor_lead_id, absorbed_lead_id, kind, score, explanation, changes)
                VALUES (\(mergeID), \(builderID), \(survivor), \(absorbed), 'accepted', \(score), \(explanation), \(changes)::jsonb)
                """, logger: logger)
            try await tx.query(
                "UPDATE merge_candidates SET status = 'accepted', decided_at = now(), merge_id = \(mergeID) WHERE id = \(candidateID)",
                logger: logger)
            // Other pending candidates of the absorbed lead now concern its survivor.
            try await tx.query(
                """
                UPDATE merge_candidates SET status = 'rejected', decided_at = now()
                WHERE status = 'pending' AND id <> \(candidateID) AND (lead_id = \(absorbed) OR candidate_lead_id = \(absorbed))
                  AND (lead_id = \(survivor) OR candidate_lead_id = \(survivor))
                """, logger: logger)
            return mergeID
        }
    }

    /// Rejects a pending candidate: the two leads stay apart.
    public func reject(_ candidateID: UUID) async throws {
        let updated = try await self.client.query(
            """
            UPDATE merge_candidates SET status = 'rejected', decided_at = now()
            WHERE id = \(candidateID) AND status = 'pending' RETURNING id
            """, logger: self.logger
        ).decode(UUID.self).firstElement()
        guard updated != nil else {
            throw StorageError(.notFound, "no pending merge candidate \(candidateID)")
        }
    }

    /// Undoes an accepted merge (`id`: the merge, or the candidate it came from): the
    /// absorbed lead comes back with everything that moved, and the fields filled from it are
    /// emptied again where they still hold the merged value.
    public func undo(_ id: UUID) async throws {
        let logger = self.logger
        try await self.client.transaction(logger: logger) { tx in
            // As in ``accept(_:)``: the builder's placement lock first.
            guard let builder = try await tx.query(
                """
                SELECT builder_id FROM lead_merges
                WHERE id = \(id) OR id = (SELECT merge_id FROM merge_candidates WHERE id = \(id))
                """, logger: logger
            ).decode(UUID.self).firstElement() else {
                throw StorageError(.notFound, "no merge \(id) that can be undone (unknown, or already undone)")
            }
            try await LeadPlacementLock.acquire(builderID: builder, on: tx, logger: logger)
            guard let (mergeID, survivor, absorbedID, kind, changes) = try await tx.query(
                """
                SELECT m.id, m.survivor_lead_id, m.absorbed_lead_id, m.kind, m.changes::text FROM lead_merges m
                WHERE (m.id = \(id) OR m.id = (SELECT merge_id FROM merge_candidates WHERE id = \(id))) AND m.undone_at IS NULL
                FOR UPDATE
                """, logger: logger
            ).decode((UUID, UUID, UUID?, String, String).self).firstElement() else {
                throw StorageError(.notFound, "no merge \(id) that can be undone (unknown, or already undone)")
            }
            guard let absorbed = absorbedID else {
                throw StorageError(.conflict, "merge \(mergeID) (\(kind)) attached an inquiry to a known lead, no lead was absorbed; reprocess its item instead")
            }
            let moved = try JSONDecoder().decode(MergeChanges.self, from: Data(changes.utf8))
            for (column, change) in moved.fields where Self.mergeableColumns.contains(column) {
                // Only where the survivor still holds what the merge put there.
                try await tx.query(
                    """
                    UPDATE leads SET \(unescaped: column) = (jsonb_populate_record(NULL::leads, jsonb_build_object(\(column), \(change.before)::jsonb))).\(unescaped: column)
                    WHERE id = \(survivor) AND to_jsonb(\(unescaped: column)) IS NOT DISTINCT FROM \(change.after)::jsonb
                    """, logger: logger)
            }
            for (table, ids) in [("lead_activities", moved.activities), ("lead_sources", moved.sources),
                                 ("project_interests", moved.interests), ("lead_contact_channels", moved.channels)] where !ids.isEmpty {
                try await tx.query(
                    "UPDATE \(unescaped: table) SET lead_id = \(absorbed) WHERE id = ANY(\(ids))", logger: logger)
            }
            if !moved.items.isEmpty {
                try await tx.query("UPDATE inbound_items SET lead_id = \(absorbed) WHERE id = ANY(\(moved.items))", logger: logger)
            }
            try await tx.query(
                """
                INSERT INTO lead_match_keys (builder_id, kind, value, lead_id)
                SELECT builder_id, kind, value, \(absorbed) FROM lead_match_keys WHERE lead_id = \(survivor)
                  AND (kind || ':' || value) = ANY(\(moved.keys))
                ON CONFLICT DO NOTHING
                """, logger: logger)
            try await tx.query(
                """
                DELETE FROM lead_match_keys WHERE lead_id = \(survivor) AND (kind || ':' || value) = ANY(\(moved.onlyAbsorbedKeys))
                """, logger: logger)
            try await tx.query(
                "UPDATE leads SET status = \(moved.absorbedStatus), merged_into = NULL, updated_at = now() WHERE id = \(absorbed)",
                logger: logger)
            try await tx.query("UPDATE lead_merges SET undone_at = now() WHERE id = \(mergeID)", logger: logger)
            try await tx.query(
                "UPDATE merge_candidates SET status = 'undone', decided_at = now() WHERE merge_id = \(mergeID)", logger: logger)
        }
    }

    /// Columns a merge may fill (and undo may empty again).
    static let mergeableColumns: Set<String> = [
        "first_name", "last_name", "name_suffix", "email", "phone", "phone_extension", "address", "city", "state",
        "postal_code", "project_type", "budget_range_low", "budget_range_high", "timeline", "lot_status",
        "financing_status", "message", "subject",
    ]

    /// What a merge changed, as stored in `lead_merges.changes`.
    struct MergeChanges: Codable {
        struct Change: Codable {
            let before: String
            let after: String
        }
        var fields: [String: Change] = [:]
        var activities: [UUID] = []
        var sources: [UUID] = []
        var interests: [UUID] = []
        var channels: [UUID] = []
        var items: [UUID] = []
        /// `kind:value` of every key the absorbed lead had.
        var keys: [String] = []
        /// Those of them the survivor did not have before.
        var onlyAbsorbedKeys: [String] = []
        var absorbedStatus: String = "new"
    }

    /// Moves everything of `absorbed` to `survivor` and returns the record of it as JSON.
    static func absorb(_ absorbed: UUID, into survivor: UUID, on tx: PostgresConnection, logger: Logger) async throws -> String {
        var changes = MergeChanges()
        changes.absorbedStatus = try await tx.query(
            "SELECT status FROM leads WHERE id = \(absorbed)", logger: logger).decode(String.self).firstElement() ?? "new"
        let assignments = mergeableColumns.sorted().map { "\($0) = coalesce(s.\($0), a.\($0))" }.joined(separator: ", ")
        let filled = try await tx.query(
            """
            WITH before AS (SELECT to_jsonb(l) AS j FROM leads l WHERE id = \(survivor)),
            changed AS (
                UPDATE leads s SET \(unescaped: assignments), updated_at = now()
                FROM leads a WHERE s.id = \(survivor) AND a.id = \(absorbed)
                RETURNING to_jsonb(s) AS j)
            SELECT a.key, (b.j -> a.key)::text, a.value::text
            FROM changed, before b, jsonb_each(changed.j) a
            WHERE a.key <> 'updated_at' AND (b.j -> a.key) IS DISTINCT FROM a.value
            """, logger: logger
        ).decode((String, String, String).self)
        for try await (column, before, after) in filled {
            changes.fields[column] = MergeChanges.Change(before: before, after: after)
        }
        // Channels the survivor already has stay with the absorbed lead (unique per lead).
        changes.channels = try await Self.ids(
            """
            UPDATE lead_contact_channels c SET lead_id = \(survivor)
            WHERE c.lead_id = \(absorbed) AND NOT EXISTS (
                SELECT 1 FROM lead_contact_channels s WHERE s.lead_id = \(survivor) AND s.kind = c.kind AND s.value = c.value)
            RETURNING c.id
            """, on: tx, logger: logger)
        changes.activities = try await Self.ids(
            "UPDATE lead_activities SET lead_id = \(survivor) WHERE lead_id = \(absorbed) RETURNING id", on: tx, logger: logger)
        changes.sources = try await Self.ids(
            "UPDATE lead_sources SET lead_id = \(survivor) WHERE lead_id = \(absorbed) RETURNING id", on: tx, logger: logger)
        changes.interests = try await Self.ids(
            "UPDATE project_interests SET lead_id = \(survivor) WHERE lead_id = \(absorbed) RETURNING id", on: tx, logger: logger)
        changes.items = try await Self.ids(
            "UPDATE inbound_items SET lead_id = \(survivor) WHERE lead_id = \(absorbed) RETURNING id", on: tx, logger: logger)
        for try await (key, shared) in try await tx.query(
            """
            SELECT a.kind || ':' || a.value, EXISTS (SELECT 1 FROM lead_match_keys s
                                                    WHERE s.lead_id = \(survivor) AND s.kind = a.kind AND s.value = a.value)
            FROM lead_match_keys a WHERE a.lead_id = \(absorbed)
            """, logger: logger
        ).decode((String, Bool).self) {
            changes.keys.append(key)
            if !shared { changes.onlyAbsorbedKeys.append(key) }
        }
        try await tx.query(
            """
            INSERT INTO lead_match_keys (builder_id, kind, value, lead_id)
            SELECT builder_id, kind, value, \(survivor) FROM lead_match_keys WHERE lead_id = \(absorbed)
            ON CONFLICT DO NOTHING
            """, logger: logger)
        try await tx.query("DELETE FROM lead_match_keys WHERE lead_id = \(absorbed)", logger: logger)
        try await tx.query(
            """
            UPDATE leads SET latest_source = (SELECT source FROM lead_sources WHERE lead_id = \(survivor)
                                              ORDER BY touched_at DESC, created_at DESC LIMIT 1), updated_at = now()
            WHERE id = \(survivor)
            """, logger: logger)
        try await tx.query(
            "UPDATE leads SET status = 'merged', merged_into = \(survivor), updated_at = now() WHERE id = \(absorbed)",
            logger: logger)
        return String(decoding: try JSONEncoder().encode(changes), as: UTF8.self)
    }

    private static func ids(_ query: PostgresQuery, on tx: PostgresConnection, logger: Logger) async throws -> [UUID] {
        var ids: [UUID] = []
        for try await id in try await tx.query(query, logger: logger).decode(UUID.self) { ids.append(id) }
        return ids
    }
}
