public import Foundation
public import Logging
public import NIOCore
public import PostgresNIO

/// Where a large message goes while it is still arriving: numbered chunks in the
/// unlogged `inbound_spool` table, moved into `inbound_items` by the transaction that
/// acknowledges the message (``InboxStore/accept(_:for:)`` with a ``SpooledBody``).
///
/// So the gateway holds at most one chunk of a message in memory, whatever its size, and
/// a message is stored whole or not at all: until that transaction commits, the chunks are
/// invisible to everything but the spool, and a session that ends without committing
/// discards them (``discard(_:)``); any left by a crash are swept (``sweep(olderThan:)``).
public struct MessageSpool: Sendable {
    let client: PostgresClient
    let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Stores chunk number `sequence` (from 0) of spool `spoolID`.
    public func write(_ chunk: ByteBuffer, spoolID: UUID, sequence: Int) async throws {
        try await self.client.query(
            "INSERT INTO inbound_spool (spool_id, seq, chunk) VALUES (\(spoolID), \(sequence), \(chunk))",
            logger: self.logger)
    }

    /// Removes every chunk of a spool whose message will not be committed.
    public func discard(_ spoolID: UUID) async throws {
        try await self.client.query("DELETE FROM inbound_spool WHERE spool_id = \(spoolID)", logger: self.logger)
    }

    /// Removes chunks older than `age`: their sessions are gone (a message may take at most
    /// the DATA termination timeout, 10 minutes by default). Returns how many were removed.
    @discardableResult
    public func sweep(olderThan age: Duration) async throws -> Int {
        let seconds = Double(age.components.seconds) + Double(age.components.attoseconds) / 1e18
        var removed = 0
        for try await count in try await self.client.query(
            """
            WITH gone AS (DELETE FROM inbound_spool WHERE created_at < now() - make_interval(secs => \(seconds)) RETURNING 1)
            SELECT count(*)::int8 FROM gone
            """, logger: self.logger
        ).decode(Int.self) {
            removed = count
        }
        return removed
    }
}

/// A message body that is already in the spool: `chunkCount` chunks, `size` bytes in all,
/// identified while it streamed in.
public struct SpooledBody: Sendable {
    public let spoolID: UUID
    public let chunkCount: Int
    public let size: Int
    public let identity: DeliveryIdentity

    public init(spoolID: UUID, chunkCount: Int, size: Int, identity: DeliveryIdentity) {
        self.spoolID = spoolID
        self.chunkCount = chunkCount
        self.size = size
        self.identity = identity
    }
}
