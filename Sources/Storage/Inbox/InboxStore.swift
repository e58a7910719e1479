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

    /// Where messages too large to hold in memory are streamed while they arrive.
    public var spool: MessageSpool { MessageSpool(client: self.client, logger: self.logger) }

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
        if let spooled = message.spooled {
            return try await self.insertSpooled(message, body: spooled, for: recipients, on: tx, logger: logger)
        }
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
            let inserted = try await tx.execute(InsertInboundItem(
                id: UUID.v7(), builderID: builder.id, channel: message.channel.rawValue, raw: raw, size: size,
                sha256: sha, dedupKey: key, messageID: identity.messageID, mailFrom: message.mailFrom,
                recipients: addresses, clientAddress: message.clientAddress, helo: message.helo,
                tlsProtocol: message.tlsProtocol, tlsCipher: message.tlsCipher
            ), logger: logger).firstElement()
            accepted.append(try await self.item(inserted: inserted, builder: builder, key: key, on: tx, logger: logger))
        }
        return accepted
    }

    /// The same for a message whose bytes are in the spool: each builder's copy is
    /// assembled from the chunks by the server, then the chunks are removed, all in the
    /// caller's transaction.
    static func insertSpooled(_ message: InboundMessage, body: SpooledBody,
                              for recipients: [(builder: Builder, addresses: [String])],
                              on tx: PostgresConnection, logger: Logger) async throws -> [AcceptedItem] {
        let counts = try await tx.query(
            """
            SELECT count(*)::int8, coalesce(sum(length(chunk)), 0)::int8 FROM inbound_spool WHERE spool_id = \(body.spoolID)
            """, logger: logger
        ).decode((Int, Int).self).firstElement()
        guard let counts, counts.0 == body.chunkCount, counts.1 == body.size else {
            throw StorageError(.conflict, "spooled message \(body.spoolID) is incomplete (a chunk was lost); not stored")
        }
        let identity = body.identity
        let trace = ByteBuffer(bytes: message.traceHeader)
        let size = message.traceHeader.count + body.size
        let sha = ByteBuffer(bytes: identity.sha256)
        let key = ByteBuffer(bytes: identity.dedupKey)
        var accepted: [AcceptedItem] = []
        for (builder, addresses) in recipients {
            let id = UUID.v7()
            let inserted = try await tx.query(
                """
                INSERT INTO inbound_items
                    (id, builder_id, channel, raw, size, sha256, dedup_key, message_id, mail_from, rcpt_to, client_ip, helo,
                     tls_protocol, tls_cipher)
                SELECT \(id), \(builder.id), \(message.channel.rawValue), \(trace) || s.body, \(size), \(sha), \(key),
                       \(identity.messageID), \(message.mailFrom), \(addresses), \(message.clientAddress), \(message.helo),
                       \(message.tlsProtocol), \(message.tlsCipher)
                FROM (SELECT string_agg(chunk, ''::bytea ORDER BY seq) AS body FROM inbound_spool
                      WHERE spool_id = \(body.spoolID)) s
                ON CONFLICT (builder_id, dedup_key) DO NOTHING
                RETURNING id
                """, logger: logger
            ).decode(UUID.self).firstElement()
            accepted.append(try await self.item(inserted: inserted, builder: builder, key: key, on: tx, logger: logger))
        }
        try await tx.query("DELETE FROM inbound_spool WHERE spool_id = \(body.spoolID)", logger: logger)
        return accepted
    }

    /// The accepted item: the row just inserted, or the earlier copy a duplicate ran into.
    private static func item(inserted: UUID?, builder: Builder, key: ByteBuffer,
                             on tx: PostgresConnection, logger: Logger) async throws -> AcceptedItem {
        if let inserted { return AcceptedItem(id: inserted, builderID: builder.id, isDuplicate: false) }
        let existing = try await tx.query(
            "SELECT id FROM inbound_items WHERE builder_id = \(builder.id) AND dedup_key = \(key)", logger: logger
        ).decode(UUID.self).firstElement()
        // Conflicted with a copy this snapshot cannot see yet: retrying the transaction will.
        guard let existing else { throw StorageError(.conflict, "concurrent delivery of the same message; not stored") }
        return AcceptedItem(id: existing, builderID: builder.id, isDuplicate: true)
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
