public import Foundation
public import LeadModel
public import Logging
public import PostgresNIO

/// What became of a processed item.
public enum ProcessingResult: Sendable, Equatable {
    /// The item made (`created`) or updated a lead.
    case lead(id: UUID, created: Bool)
    /// The item is not a lead; the reason is stored on it.
    case ignored(reason: String)
    /// Another worker took the item over (our lease expired); nothing was written.
    case leaseLost
}

/// Writes extraction outcomes as leads and activities, and lists leads.
public struct LeadStore: Sendable {
    let client: PostgresClient
    let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Records `outcome` for a claimed item in one transaction: the lead (inserted, or
    /// updated when this item made it before), the inbound email as an activity on it, and
    /// the item marked `done` or `ignored`.
    ///
    /// Idempotent: the lead is keyed by the item that created it and the activity by
    /// (item, kind), so processing an item again never adds a second lead or activity.
    public func record(_ outcome: ExtractionOutcome, for item: ClaimedItem) async throws -> ProcessingResult {
        let logger = self.logger
        return try await self.client.withTransaction(logger: logger) { tx in
            var holdsLease = false
            for try await _ in try await tx.query(
                """
                SELECT id FROM inbound_items
                WHERE id = \(item.id) AND status = 'processing' AND locked_by = \(item.worker)
                FOR UPDATE
                """, logger: logger
            ) {
                holdsLease = true
            }
            guard holdsLease else { return .leaseLost }

            switch outcome {
            case .ignored(let reason):
                try await tx.query(
                    """
                    UPDATE inbound_items
                    SET status = 'ignored', ignored_reason = \(reason), last_error = NULL, processed_at = now(),
                        locked_by = NULL, locked_until = NULL
                    WHERE id = \(item.id)
                    """, logger: logger)
                return .ignored(reason: reason)

            case .lead(let lead):
                var existing: UUID?
                for try await id in try await tx.query(
                    """
                    SELECT coalesce(i.lead_id, l.id) FROM inbound_items i LEFT JOIN leads l ON l.created_from_item_id = i.id
                    WHERE i.id = \(item.id)
                    """, logger: logger
                ).decode(UUID?.self) {
                    existing = id
                }
                let leadID = existing ?? UUID.v7()
                if existing != nil {
                    try await tx.query(
                        """
                        UPDATE leads SET source = \(lead.source), first_name = \(lead.firstName), last_name = \(lead.lastName),
                            email = \(lead.email), phone = \(lead.phone), phone_extension = \(lead.phoneExtension),
                            message = \(lead.message), updated_at = now()
                        WHERE id = \(leadID) AND builder_id = \(item.builderID)
                        """, logger: logger)
                } else {
                    try await tx.query(
                        """
                        INSERT INTO leads (id, builder_id, source, first_name, last_name, email, phone, phone_extension,
                                           message, created_from_item_id, created_at, updated_at)
                        VALUES (\(leadID), \(item.builderID), \(lead.source), \(lead.firstName), \(lead.lastName),
                                \(lead.email), \(lead.phone), \(lead.phoneExtension), \(lead.message), \(item.id),
                                \(item.receivedAt), now())
                        """, logger: logger)
                }
                try await tx.query(
                    """
                    INSERT INTO lead_activities (id, lead_id, builder_id, kind, inbound_item_id, subject, body, occurred_at)
                    VALUES (\(UUID.v7()), \(leadID), \(item.builderID), 'inbound_email', \(item.id), \(lead.subject),
                            \(lead.message), \(item.receivedAt))
                    ON CONFLICT (inbound_item_id, kind)
                    DO UPDATE SET lead_id = EXCLUDED.lead_id, subject = EXCLUDED.subject, body = EXCLUDED.body
                    """, logger: logger)
                try await tx.query(
                    """
                    UPDATE inbound_items
                    SET status = 'done', lead_id = \(leadID), ignored_reason = NULL, last_error = NULL,
                        processed_at = now(), locked_by = NULL, locked_until = NULL
                    WHERE id = \(item.id)
                    """, logger: logger)
                return .lead(id: leadID, created: existing == nil)
            }
        }
    }

    /// Newest leads first, optionally of one builder.
    public func list(builderSlug: String? = nil, limit: Int = 50) async throws -> [LeadRecord] {
        var result: [LeadRecord] = []
        let rows = try await self.client.query(
            """
            SELECT l.id, b.slug, l.source, l.first_name, l.last_name, l.email, l.phone, l.phone_extension,
                   l.message, l.status, l.created_at, l.updated_at
            FROM leads l JOIN builders b ON b.id = l.builder_id
            WHERE (\(builderSlug)::text IS NULL OR b.slug = \(builderSlug))
            ORDER BY l.created_at DESC, l.id DESC
            LIMIT \(max(1, min(limit, 10_000)))
            """, logger: self.logger)
        for try await row in rows.decode(
            (UUID, String, String, String?, String?, String?, String?, String?, String?, String, Date, Date).self)
        {
            result.append(LeadRecord(
                id: row.0, builder: row.1, source: row.2, firstName: row.3, lastName: row.4, email: row.5,
                phone: row.6, phoneExtension: row.7, message: row.8, status: row.9, createdAt: row.10, updatedAt: row.11))
        }
        return result
    }
}

/// A lead as `lead-intake leads list` shows it.
public struct LeadRecord: Sendable, Codable, Equatable {
    public let id: UUID
    public let builder: String
    public let source: String
    public let firstName: String?
    public let lastName: String?
    public let email: String?
    public let phone: String?
    public let phoneExtension: String?
    public let message: String?
    public let status: String
    public let createdAt: Date
    public let updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, builder, source, email, phone, message, status
        case firstName = "first_name", lastName = "last_name", phoneExtension = "phone_extension"
        case createdAt = "created_at", updatedAt = "updated_at"
    }
}
