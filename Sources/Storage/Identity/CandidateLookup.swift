import Foundation
import Logging
import Matching
import PostgresNIO

/// The database half of matching: how common each blocking key is among a builder's leads,
/// and the existing leads that share a usable key with an incoming one. Always within one
/// builder: keys, counts and candidates never cross builders.
struct CandidateLookup {
    /// Counts stop just past the largest block the matcher uses (`maximumBlockSize`): past it
    /// a value is no evidence and no key for candidates, whatever its exact count, and a portal
    /// no-reply address on 100,000 leads must not cost a 100,000-row count.
    static func countCap(_ thresholds: MatchThresholds) -> Int { max(thresholds.maximumBlockSize, thresholds.commonValueLimit) + 1 }

    let frequencies: [MatchKey: Int]
    let candidates: [PersonRecord]

    static func find(keys: [MatchKey], builderID: UUID, thresholds: MatchThresholds,
                     on connection: PostgresConnection, logger: Logger) async throws -> CandidateLookup {
        guard !keys.isEmpty else { return CandidateLookup(frequencies: [:], candidates: []) }
        let frequencies = try await Self.frequencies(keys, builderID: builderID, thresholds: thresholds, on: connection, logger: logger)
        let usable = keys.filter { thresholds.isUsableForBlocking($0, frequency: frequencies[$0] ?? 0) && (frequencies[$0] ?? 0) > 0 }
        guard !usable.isEmpty else { return CandidateLookup(frequencies: frequencies, candidates: []) }
        let candidates = try await Self.records(
            """
            WITH ids AS (SELECT DISTINCT m.lead_id FROM lead_match_keys m
                         JOIN unnest(\(usable.map(\.kind.rawValue))::text[], \(usable.map(\.value))::text[]) AS k(kind, value)
                           ON m.kind = k.kind AND m.value = k.value
                         WHERE m.builder_id = \(builderID))
            SELECT l.id, l.first_name, l.last_name, l.name_suffix, l.email, l.phone, l.address, l.city, l.state, l.postal_code,
                   coalesce(ch.emails, '{}'), coalesce(ch.phones, '{}')
            FROM leads l
            LEFT JOIN (SELECT lead_id, array_agg(value) FILTER (WHERE kind = 'email') AS emails,
                              array_agg(value) FILTER (WHERE kind = 'phone') AS phones
                       FROM lead_contact_channels WHERE lead_id IN (SELECT lead_id FROM ids) AND NOT is_relay GROUP BY lead_id) ch
              ON ch.lead_id = l.id
            WHERE l.id IN (SELECT lead_id FROM ids) AND l.builder_id = \(builderID) AND l.merged_into IS NULL
            """, builderID: builderID, on: connection, logger: logger)
        return CandidateLookup(frequencies: frequencies, candidates: candidates)
    }

    /// How many leads of the builder carry each key (capped), not counting `excluded`.
    static func frequencies(_ keys: [MatchKey], builderID: UUID, thresholds: MatchThresholds, excluding excluded: UUID? = nil,
                            on connection: PostgresConnection, logger: Logger) async throws -> [MatchKey: Int] {
        var frequencies: [MatchKey: Int] = [:]
        guard !keys.isEmpty else { return frequencies }
        for try await (kind, value, count) in try await connection.query(
            """
            SELECT k.kind, k.value, c.n FROM unnest(\(keys.map(\.kind.rawValue))::text[], \(keys.map(\.value))::text[]) AS k(kind, value)
            CROSS JOIN LATERAL (
                SELECT count(*)::int8 AS n FROM (
                    SELECT 1 FROM lead_match_keys m
                    WHERE m.builder_id = \(builderID) AND m.kind = k.kind AND m.value = k.value
                      AND (\(excluded)::uuid IS NULL OR m.lead_id <> \(excluded))
                    LIMIT \(Self.countCap(thresholds))) s) c
            """, logger: logger
        ).decode((String, String, Int).self) {
            if let kind = MatchKey.Kind(rawValue: kind) { frequencies[MatchKey(kind: kind, value: value)] = count }
        }
        return frequencies
    }

    static func records(_ query: PostgresQuery, builderID: UUID, on connection: PostgresConnection,
                        logger: Logger) async throws -> [PersonRecord] {
        var records: [PersonRecord] = []
        for try await row in try await connection.query(query, logger: logger).decode(
            (UUID, String?, String?, String?, String?, String?, String?, String?, String?, String?, [String], [String]).self)
        {
            records.append(PersonRecord(
                id: row.0, builderID: builderID, firstName: row.1, lastName: row.2, suffix: row.3, email: row.4, phone: row.5,
                street: row.6, city: row.7, state: row.8, postalCode: row.9,
                alternateEmails: row.10.filter { $0 != row.4 }, alternatePhones: row.11.filter { $0 != row.5 }))
        }
        return records
    }

    /// Stores `keys` for `leadID` (a new lead's own, or a merged inquiry's on its survivor).
    static func store(_ keys: [MatchKey], leadID: UUID, builderID: UUID, on tx: PostgresConnection, logger: Logger) async throws {
        guard !keys.isEmpty else { return }
        try await tx.query(
            """
            INSERT INTO lead_match_keys (builder_id, kind, value, lead_id)
            SELECT \(builderID), k.kind, k.value, \(leadID) FROM unnest(\(keys.map(\.kind.rawValue))::text[], \(keys.map(\.value))::text[]) AS k(kind, value)
            ON CONFLICT DO NOTHING
            """, logger: logger)
    }
}
