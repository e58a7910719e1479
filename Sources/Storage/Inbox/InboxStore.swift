public import Foundation
public import Logging
import NIOCore
public import PostgresNIO

/// Writes accepted messages to `inbound_items` and answers questions about them.
///
/// ``accept(_:for:)`` commits before it returns: callers acknowledge the peer (SMTP 250,
/// HTTP 202) only after it returned.
public struct InboxStore: Sendable {
    let client: PostgresClient
    let logger: Logger
    /// Group commit of concurrent accepts (see ``InboxBatcher``), only with
    /// `LEAD_INTAKE_GROUP_COMMIT=N` (N transactions in flight). Off by default: measured
    /// here (BENCHMARKS.md, "SMTP intake load") it did not raise throughput, because a
    /// durable commit costs well under a millisecond on this kind of machine, and it
    /// doubled p99 at concurrency 64. It is for servers where a commit costs milliseconds.
    let batcher: InboxBatcher?

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
        let flushes = ProcessInfo.processInfo.environment["LEAD_INTAKE_GROUP_COMMIT"].flatMap { Int($0) } ?? 0
        self.batcher = flushes > 0 ? InboxBatcher(client: client, logger: logger, maximumFlushes: flushes) : nil
    }

    /// Stores one copy of `message` per builder, committed before this returns.
    ///
    /// One transaction per message (or, with group commit on, shared transactions); either
    /// way the items of one message are committed together or not at all.
    ///
    /// - Parameter recipients: per builder, the envelope recipients that resolved to it.
    /// - Returns: one ``AcceptedItem`` per builder, in the order given.
    public func accept(_ message: InboundMessage, for recipients: [(builder: Builder, addresses: [String])]) async throws -> [AcceptedItem] {
        if let batcher = self.batcher {
            return try await batcher.accept(InboxBatcher.Job(message: message, recipients: recipients))
        }
        let logger = self.logger
        return try await self.client.withTransaction(logger: logger) { tx in
            try await Self.insert(message, for: recipients, on: tx, logger: logger)
        }
    }

    /// The statements of one message inside a caller's transaction.
    static func insert(_ message: InboundMessage, for recipients: [(builder: Builder, addresses: [String])],
                       on tx: PostgresConnection, logger: Logger) async throws -> [AcceptedItem] {
        // Identity from the bytes as received; what is stored has our trace header in front.
        let identity = DeliveryIdentity(raw: message.raw)
        var raw = ByteBuffer()
        raw.reserveCapacity(message.traceHeader.count + message.raw.count)
        raw.writeBytes(message.traceHeader)
        raw.writeBytes(message.raw)
        let size = raw.readableBytes
        let sha = ByteBuffer(bytes: identity.sha256)
        let key = ByteBuffer(bytes: identity.dedupKey)
        var accepted: [AcceptedItem] = []
        for (builder, addresses) in recipients {
            let id = UUID.v7()
            var inserted: UUID?
            for try await row in try await tx.query(
                """
                INSERT INTO inbound_items
                    (id, builder_id, channel, raw, size, sha256, dedup_key, message_id, mail_from, rcpt_to, client_ip, helo,
                     tls_protocol, tls_cipher)
                VALUES (\(id), \(builder.id), \(message.channel.rawValue), \(raw), \(size), \(sha), \(key),
                        \(identity.messageID), \(message.mailFrom), \(addresses), \(message.clientAddress), \(message.helo),
                        \(message.tlsProtocol), \(message.tlsCipher))
                ON CONFLICT (builder_id, dedup_key) DO NOTHING
                RETURNING id
                """, logger: logger
            ).decode(UUID.self) {
                inserted = row
            }
            if let inserted {
                accepted.append(AcceptedItem(id: inserted, builderID: builder.id, isDuplicate: false))
                continue
            }
            for try await existing in try await tx.query(
                "SELECT id FROM inbound_items WHERE builder_id = \(builder.id) AND dedup_key = \(key)", logger: logger
            ).decode(UUID.self) {
                accepted.append(AcceptedItem(id: existing, builderID: builder.id, isDuplicate: true))
            }
        }
        return accepted
    }

    /// The stored bytes of an item: the gateway's `Received:` trace header (for mail it
    /// accepted over SMTP/LMTP), then the message exactly as received.
    public func raw(id: UUID) async throws -> [UInt8]? {
        for try await buffer in try await self.client.query(
            "SELECT raw FROM inbound_items WHERE id = \(id)", logger: self.logger
        ).decode(ByteBuffer.self) {
            return Array(buffer.readableBytesView)
        }
        return nil
    }

    /// Newest items first, optionally of one status.
    public func list(status: ItemStatus? = nil, limit: Int = 50) async throws -> [InboxSummary] {
        let s = status?.rawValue
        return try await self.summaries(
            """
            \(unescaped: Self.summarySelect)
            WHERE (\(s)::text IS NULL OR i.status = \(s))
            ORDER BY i.received_at DESC, i.id DESC LIMIT \(Self.clamp(limit))
            """)
    }

    /// Items whose raw message contains `text`, ASCII letters compared case-insensitively.
    ///
    /// Both sides go through the same `escape` encoding, so non-ASCII bytes compare as their
    /// octal escapes and `lower` only folds ASCII letters. A sequential scan: this is an
    /// operator's question, not a hot path.
    public func search(_ text: String, limit: Int = 50) async throws -> [InboxSummary] {
        try await self.summaries(
            """
            \(unescaped: Self.summarySelect)
            WHERE strpos(lower(encode(i.raw, 'escape')), lower(encode(convert_to(\(text)::text, 'UTF8'), 'escape'))) > 0
            ORDER BY i.received_at DESC, i.id DESC LIMIT \(Self.clamp(limit))
            """)
    }

    /// How many items' raw message contains `text` (same matching as ``search(_:limit:)``).
    public func count(matching text: String) async throws -> Int {
        for try await count in try await self.client.query(
            """
            SELECT count(*) FROM inbound_items i
            WHERE strpos(lower(encode(i.raw, 'escape')), lower(encode(convert_to(\(text)::text, 'UTF8'), 'escape'))) > 0
            """, logger: self.logger
        ).decode(Int.self) {
            return count
        }
        return 0
    }

    /// Item counts per status, for metrics and health.
    public func countsByStatus() async throws -> [ItemStatus: Int] {
        var counts: [ItemStatus: Int] = [:]
        for status in ItemStatus.allCases { counts[status] = 0 }
        for try await (status, count) in try await self.client.query(
            "SELECT status, count(*) FROM inbound_items GROUP BY status", logger: self.logger
        ).decode((String, Int).self) {
            if let s = ItemStatus(rawValue: status) { counts[s] = count }
        }
        return counts
    }

    private static let summarySelect = """
        SELECT i.id, b.slug, i.channel, i.status, i.attempts, i.size, i.received_at, i.message_id, i.lead_id,
               coalesce(i.last_error, i.ignored_reason)
        FROM inbound_items i JOIN builders b ON b.id = i.builder_id
        """

    private static func clamp(_ limit: Int) -> Int { max(1, min(limit, 10_000)) }

    private func summaries(_ query: PostgresQuery) async throws -> [InboxSummary] {
        var result: [InboxSummary] = []
        for try await (id, slug, channel, status, attempts, size, receivedAt, messageID, leadID, note) in try await self.client.query(
            query, logger: self.logger
        ).decode((UUID, String, String, String, Int, Int, Date, String?, UUID?, String?).self) {
            result.append(InboxSummary(
                id: id, builderSlug: slug, channel: channel, status: ItemStatus(rawValue: status) ?? .queued,
                attempts: attempts, size: size, receivedAt: receivedAt, messageID: messageID, leadID: leadID, note: note))
        }
        return result
    }
}
