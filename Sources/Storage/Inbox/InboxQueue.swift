public import Foundation
public import Logging
import NIOCore
public import PostgresNIO

/// An item a worker holds under a lease.
public struct ClaimedItem: Sendable {
    public let id: UUID
    public let builderID: UUID
    public let raw: [UInt8]
    /// Including this claim.
    public let attempts: Int
    public let receivedAt: Date
    /// The worker holding the lease; every write about the item checks it.
    public let worker: String
}

/// The queue side of `inbound_items`: claim, finish, fail, release, reprocess.
///
/// Claims use `FOR UPDATE SKIP LOCKED`, so any number of workers in any number of
/// processes share one table without taking the same item. A claim is a lease: a worker
/// that dies leaves its item in `processing` until `locked_until`, after which another
/// worker reclaims it. Every write made on behalf of a claim re-checks `locked_by`, so a
/// worker whose lease was taken over cannot also finish the item.
public struct InboxQueue: Sendable {
    /// Retry and lease settings.
    public struct Policy: Sendable {
        /// Claims per item before it is marked `failed` (default 5).
        public var maximumAttempts: Int = 5
        /// How long a claim is held before another worker may take the item over (default 60 s).
        public var lease: Duration = .seconds(60)
        /// First retry delay; doubled per attempt up to ``maximumBackoff`` (default 2 s).
        public var initialBackoff: Duration = .seconds(2)
        /// Cap on the retry delay (default 10 min).
        public var maximumBackoff: Duration = .seconds(600)

        public init() {}

        /// Delay before the next try after `attempts` failed claims, with ±20% jitter so
        /// a burst of failures does not retry in lockstep.
        public func backoff(afterAttempts attempts: Int) -> Duration {
            let base = self.initialBackoff * (1 << min(max(attempts - 1, 0), 20))
            let capped = min(base, self.maximumBackoff)
            return capped * Double.random(in: 0.8...1.2)
        }
    }

    let client: PostgresClient
    let logger: Logger
    public let policy: Policy

    public init(client: PostgresClient, logger: Logger, policy: Policy = Policy()) {
        self.client = client
        self.logger = logger
        self.policy = policy
    }

    /// Takes the oldest ready item (queued and due, or processing with an expired lease).
    public func claim(worker: String) async throws -> ClaimedItem? {
        let leaseSeconds = Self.seconds(self.policy.lease)
        let rows = try await self.client.query(
            """
            WITH next AS (
                SELECT id FROM inbound_items
                WHERE (status = 'queued' AND available_at <= now())
                   OR (status = 'processing' AND locked_until < now() AND attempts < \(self.policy.maximumAttempts))
                ORDER BY available_at, id
                LIMIT 1
                FOR UPDATE SKIP LOCKED
            )
            UPDATE inbound_items i
            SET status = 'processing', attempts = i.attempts + 1, locked_by = \(worker),
                locked_until = now() + make_interval(secs => \(leaseSeconds)),
                last_error = CASE WHEN i.status = 'processing'
                                  THEN 'lease expired: worker ' || coalesce(i.locked_by, '?') || ' stopped'
                                  ELSE i.last_error END
            FROM next WHERE i.id = next.id
            RETURNING i.id, i.builder_id, i.raw, i.attempts, i.received_at
            """, logger: self.logger)
        for try await (id, builderID, raw, attempts, receivedAt) in rows.decode((UUID, UUID, ByteBuffer, Int, Date).self) {
            return ClaimedItem(id: id, builderID: builderID, raw: Array(raw.readableBytesView),
                               attempts: attempts, receivedAt: receivedAt, worker: worker)
        }
        return nil
    }

    /// Marks `failed` every item whose lease expired after it used all its attempts: an
    /// item that keeps killing or hanging its worker must stop being handed out.
    /// - Returns: how many items were given up.
    @discardableResult
    public func failAbandoned() async throws -> Int {
        var count = 0
        for try await _ in try await self.client.query(
            """
            UPDATE inbound_items
            SET status = 'failed', locked_by = NULL, locked_until = NULL,
                last_error = 'gave up after ' || attempts || ' attempts: the worker processing it stopped (lease expired)'
            WHERE status = 'processing' AND locked_until < now() AND attempts >= \(self.policy.maximumAttempts)
            RETURNING id
            """, logger: self.logger
        ) {
            count += 1
        }
        return count
    }

    /// Records a failed try: back to `queued` after a backoff, or `failed` once the item
    /// has used its attempts.
    /// - Returns: the status the item is left in, or nil if the lease had been lost.
    @discardableResult
    public func fail(_ item: ClaimedItem, error: String) async throws -> ItemStatus? {
        let delay = Self.seconds(self.policy.backoff(afterAttempts: item.attempts))
        let message = String(error.prefix(2000))
        for try await status in try await self.client.query(
            """
            UPDATE inbound_items
            SET status = CASE WHEN attempts >= \(self.policy.maximumAttempts) THEN 'failed' ELSE 'queued' END,
                available_at = now() + make_interval(secs => \(delay)),
                last_error = \(message), locked_by = NULL, locked_until = NULL
            WHERE id = \(item.id) AND status = 'processing' AND locked_by = \(item.worker)
            RETURNING status
            """, logger: self.logger
        ).decode(String.self) {
            return ItemStatus(rawValue: status)
        }
        return nil
    }

    /// Gives an item back untouched (graceful shutdown before it was processed): the claim
    /// does not count as an attempt.
    public func release(_ item: ClaimedItem) async throws {
        try await self.client.query(
            """
            UPDATE inbound_items
            SET status = 'queued', attempts = greatest(attempts - 1, 0), locked_by = NULL, locked_until = NULL
            WHERE id = \(item.id) AND status = 'processing' AND locked_by = \(item.worker)
            """, logger: self.logger)
    }

    /// Puts one item back in the queue, whatever its status; its lead (if any) is updated,
    /// not duplicated, when it is processed again.
    /// - Returns: whether the item exists.
    public func reprocess(id: UUID) async throws -> Bool {
        for try await _ in try await self.client.query(
            """
            UPDATE inbound_items
            SET status = 'queued', attempts = 0, available_at = now(), locked_by = NULL, locked_until = NULL, last_error = NULL
            WHERE id = \(id) RETURNING id
            """, logger: self.logger
        ) {
            return true
        }
        return false
    }

    /// Puts every item of `status` back in the queue.
    /// - Returns: how many items were requeued.
    public func reprocess(status: ItemStatus) async throws -> Int {
        var count = 0
        for try await _ in try await self.client.query(
            """
            UPDATE inbound_items
            SET status = 'queued', attempts = 0, available_at = now(), locked_by = NULL, locked_until = NULL, last_error = NULL
            WHERE status = \(status.rawValue) RETURNING id
            """, logger: self.logger
        ) {
            count += 1
        }
        return count
    }

    static func seconds(_ duration: Duration) -> Double {
        let (s, attos) = duration.components
        return Double(s) + Double(attos) / 1e18
    }
}
