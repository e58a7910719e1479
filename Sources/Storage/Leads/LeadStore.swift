public import Foundation
public import LeadModel
public import Logging
public import Matching
public import PostgresNIO
import Routing

/// What became of a processed item.
public enum ProcessingResult: Sendable, Equatable {
    /// The item made (`created`) or updated a lead.
    case lead(id: UUID, created: Bool)
    /// The item is not a lead; the reason is stored on it.
    case ignored(reason: String)
    /// Another worker took the item over (our lease expired); nothing was written.
    case leaseLost
}

/// What links a message to an earlier conversation, besides its lead's own fields.
public struct ThreadHints: Sendable, Equatable {
    /// `In-Reply-To` and `References` message ids, without angle brackets.
    public var references: [String]

    public init(references: [String] = []) {
        self.references = references
    }
}

/// Writes extraction outcomes as leads and activities, and lists leads.
public struct LeadStore: Sendable {
    let client: PostgresClient
    let logger: Logger
    /// Leads of one ad-hoc (`other`) source detail before a spec is suggested for it.
    public let sourceSuggestionThreshold: Int
    /// When an inquiry merges into a known lead, goes to review, or makes a new lead.
    public let matchThresholds: MatchThresholds

    public init(client: PostgresClient, logger: Logger, sourceSuggestionThreshold: Int = 3,
                matchThresholds: MatchThresholds = .default) {
        self.client = client
        self.logger = logger
        self.sourceSuggestionThreshold = max(1, sourceSuggestionThreshold)
        self.matchThresholds = matchThresholds
    }

    /// Records `outcome` for a claimed item in one transaction, and marks the item `done`
    /// or `ignored`. A lead becomes, in this order:
    /// 1. an update of the lead this item created before (reprocessing);
    /// 2. an activity on the lead with the same marketplace lead id (`source_lead_id`), whose
    ///    empty fields it fills: marketplaces re-send leads;
    /// 3. a `reply` activity on the lead of the conversation it continues: a message it
    ///    references (`In-Reply-To` / `References`) made or touched that lead, or it came
    ///    through a relay address already on that lead;
    /// 4. a new lead, with its contact channels; an `other` lead whose source detail has now
    ///    been seen ``sourceSuggestionThreshold`` times records a source suggestion.
    ///
    /// Idempotent: the lead is keyed by the item that created it and the activity by
    /// (item, kind), so processing an item again never adds a second lead or activity.
    public func record(_ outcome: ExtractionOutcome, thread: ThreadHints = ThreadHints(),
                       for item: ClaimedItem) async throws -> ProcessingResult {
        let logger = self.logger
        let threshold = self.sourceSuggestionThreshold
        let matchThresholds = self.matchThresholds
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let extraction = String(decoding: try encoder.encode(outcome), as: UTF8.self)
        return try await self.client.withTransaction(logger: logger) { tx in
            // A lead is placed under its builder's lock (``LeadPlacementLock``), taken before the
            // item's row lock: `merges accept` / `undo` take the lock, then move items, so the
            // other order could deadlock with them.
            if outcome.lead != nil {
                try await LeadPlacementLock.acquire(builderID: item.builderID, on: tx, logger: logger)
            }
            let holdsLease = try await tx.query(
                """
                SELECT id FROM inbound_items
                WHERE id = \(item.id) AND status = 'processing' AND locked_by = \(item.worker)
                FOR UPDATE
                """, logger: logger
            ).decode(UUID.self).firstElement() != nil
            guard holdsLease else { return .leaseLost }

            switch outcome {
            case .ignored(let reason):
                try await tx.query(
                    """
                    UPDATE inbound_items
                    SET status = 'ignored', ignored_reason = \(reason), last_error = NULL, processed_at = now(),
                        locked_by = NULL, locked_until = NULL, extraction = \(extraction)::jsonb
                    WHERE id = \(item.id)
                    """, logger: logger)
                return .ignored(reason: reason)

            case .lead(let lead):
                let writer = LeadWriter(tx: tx, logger: logger, item: item, lead: lead, thresholds: matchThresholds)
                let (leadID, created, kind) = try await writer.place(thread: thread)
                try await writer.addChannels(to: leadID)
                try await writer.addSourceTouch(to: leadID)
                if created {
                    try await writer.addProjectInterest(to: leadID)
                    if lead.source == "other", let detail = lead.sourceDetail {
                        try await writer.suggestSource(detail: detail, threshold: threshold)
                    }
                    try await RoutingStore.route(
                        leadID: leadID, input: RoutingInput(lead: lead), builderID: item.builderID, itemID: item.id,
                        on: tx, logger: logger)
                } else if kind == "inbound_email" {
                    try await RoutingStore.keepAssignee(
                        leadID: leadID, builderID: item.builderID, itemID: item.id, on: tx, logger: logger)
                }
                try await tx.query(
                    """
                    INSERT INTO lead_activities (id, lead_id, builder_id, kind, inbound_item_id, subject, body, occurred_at)
                    VALUES (\(UUID.v7()), \(leadID), \(item.builderID), \(kind), \(item.id), \(lead.subject),
                            \(lead.message), \(item.receivedAt))
                    ON CONFLICT (inbound_item_id, kind)
                    DO UPDATE SET lead_id = EXCLUDED.lead_id, subject = EXCLUDED.subject, body = EXCLUDED.body
                    """, logger: logger)
                try await tx.query(
                    """
                    UPDATE inbound_items
                    SET status = 'done', lead_id = \(leadID), ignored_reason = NULL, last_error = NULL,
                        processed_at = now(), locked_by = NULL, locked_until = NULL, extraction = \(extraction)::jsonb
                    WHERE id = \(item.id)
                    """, logger: logger)
                return .lead(id: leadID, created: created)
            }
        }
    }

    /// What deduplication would decide for `lead` at `builderID` now, without writing: the
    /// same key lookup and matcher as intake (used by benchmarks and explanations).
    public func matchDecision(for lead: ExtractedLead, builderID: UUID) async throws -> MatchDecision {
        let thresholds = self.matchThresholds
        let logger = self.logger
        return try await self.client.withConnection { connection in
            let record = PersonRecord(lead: lead, id: UUID.v7(), builderID: builderID)
            let lookup = try await CandidateLookup.find(
                keys: BlockingKeys.keys(for: record), builderID: builderID, thresholds: thresholds, on: connection, logger: logger)
            return Matcher.decide(incoming: record, candidates: lookup.candidates, keyFrequency: { lookup.frequencies[$0] ?? 0 },
                                  thresholds: thresholds)
        }
    }

    /// Newest leads first, optionally of one builder; with `needingReview`, only the leads
    /// flagged for a person's review (the review queue).
    public func list(builderSlug: String? = nil, needingReview: Bool = false, limit: Int = 50) async throws -> [LeadRecord] {
        var result: [LeadRecord] = []
        let rows = try await self.client.query(
            """
            SELECT l.id, b.slug, l.source, l.first_name, l.last_name, l.email, l.phone, l.phone_extension,
                   l.message, l.status, l.needs_review, l.review_reasons, l.created_at, l.updated_at
            FROM leads l JOIN builders b ON b.id = l.builder_id
            WHERE (\(builderSlug)::text IS NULL OR b.slug = \(builderSlug)) AND (NOT \(needingReview) OR l.needs_review)
            ORDER BY l.created_at DESC, l.id DESC
            LIMIT \(max(1, min(limit, 10_000)))
            """, logger: self.logger)
        for try await row in rows.decode(
            (UUID, String, String, String?, String?, String?, String?, String?, String?, String, Bool, [String], Date, Date).self)
        {
            result.append(LeadRecord(
                id: row.0, builder: row.1, source: row.2, firstName: row.3, lastName: row.4, email: row.5,
                phone: row.6, phoneExtension: row.7, message: row.8, status: row.9, needsReview: row.10,
                reviewReasons: row.11, createdAt: row.12, updatedAt: row.13))
        }
        return result
    }
}

extension LeadStore {
    /// Clears `needs_review` of the given leads and stamps `reviewed_at` (their reasons stay);
    /// returns those that were flagged, the others are left alone.
    public func markReviewed(_ ids: [UUID]) async throws -> [UUID] {
        var cleared: [UUID] = []
        let rows = try await self.client.query(
            """
            UPDATE leads SET needs_review = false, reviewed_at = now(), updated_at = now()
            WHERE id = ANY(\(ids)) AND needs_review
            RETURNING id
            """, logger: self.logger)
        for try await id in rows.decode(UUID.self) { cleared.append(id) }
        return cleared
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
    /// Whether a person should look at the lead, and why (see ``ExtractedLead/reviewReasons``).
    public let needsReview: Bool
    public let reviewReasons: [String]
    public let createdAt: Date
    public let updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, builder, source, email, phone, message, status
        case firstName = "first_name", lastName = "last_name", phoneExtension = "phone_extension"
        case needsReview = "needs_review", reviewReasons = "review_reasons"
        case createdAt = "created_at", updatedAt = "updated_at"
    }
}
