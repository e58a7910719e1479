public import Foundation
public import Logging
import NIOCore
public import PostgresNIO
import Synchronization

/// Group commit for ``InboxStore/accept(_:for:)``: the accepts of concurrent sessions that
/// arrive while earlier transactions are in flight are written together, in one
/// transaction, so throughput under load is not bound by one durable commit per message.
///
/// No timer: an accept that finds a free flush slot (at most ``maximumFlushes`` transactions
/// in flight) starts a flush at once, so a lone session pays no extra latency. Accepts that
/// arrive while every slot is busy queue up, and the next free slot takes up to
/// ``maximumBatch`` of them into one transaction. The transaction inserts each message with
/// the same statements as the per-message path (`ON CONFLICT (builder_id, dedup_key) DO
/// NOTHING`, then the earlier item's id for a duplicate), and every waiter is resumed only
/// after COMMIT. If anything in the transaction fails, it is rolled back and every waiter
/// of that batch gets the error (the acceptor turns it into a temporary failure, 451).
///
/// A waiter that is cancelled (the acceptor's deadline) is answered at once with
/// `CancellationError`. If its message was still queued it is dropped; if its batch was
/// already in flight, the batch may still commit it, exactly as a timed-out single
/// transaction may, and a re-delivery is then recognised as a duplicate.
public final class InboxBatcher: Sendable {
    /// One message and the builders it goes to.
    struct Job: Sendable {
        let message: InboundMessage
        let recipients: [(builder: Builder, addresses: [String])]
    }

    private struct Waiter {
        let job: Job
        let continuation: CheckedContinuation<[AcceptedItem], any Error>
    }

    private struct State {
        var nextTicket: UInt64 = 0
        /// Queued, not yet taken by a flush, in arrival order.
        var queue: [UInt64] = []
        /// Every unanswered waiter, queued or in flight.
        var waiters: [UInt64: Waiter] = [:]
        var flushes = 0
    }

    let client: PostgresClient
    let logger: Logger
    /// Transactions in flight at once.
    public let maximumFlushes: Int
    /// Messages per transaction.
    public let maximumBatch: Int
    private let state = Mutex(State())

    public init(client: PostgresClient, logger: Logger, maximumFlushes: Int = 16, maximumBatch: Int = 64) {
        self.client = client
        self.logger = logger
        self.maximumFlushes = max(1, maximumFlushes)
        self.maximumBatch = max(1, maximumBatch)
    }

    func accept(_ job: Job) async throws -> [AcceptedItem] {
        let ticket = self.state.withLock { s -> UInt64 in
            s.nextTicket &+= 1
            return s.nextTicket
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<[AcceptedItem], any Error>) in
                if Task.isCancelled {
                    continuation.resume(throwing: CancellationError())
                    return
                }
                let startFlush = self.state.withLock { s -> Bool in
                    s.waiters[ticket] = Waiter(job: job, continuation: continuation)
                    s.queue.append(ticket)
                    guard s.flushes < self.maximumFlushes else { return false }
                    s.flushes += 1
                    return true
                }
                if startFlush {
                    Task { await self.flushLoop() }
                }
            }
        } onCancel: {
            let waiter = self.state.withLock { s -> Waiter? in
                s.queue.removeAll { $0 == ticket }
                return s.waiters.removeValue(forKey: ticket)
            }
            waiter?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Takes batches off the queue until it is empty, then gives up its slot.
    private func flushLoop() async {
        while true {
            let batch = self.state.withLock { s -> [(UInt64, Job)] in
                var batch: [(UInt64, Job)] = []
                var taken = 0
                for ticket in s.queue {
                    if batch.count == self.maximumBatch { break }
                    taken += 1
                    if let waiter = s.waiters[ticket] { batch.append((ticket, waiter.job)) }
                }
                s.queue.removeFirst(taken)
                if batch.isEmpty { s.flushes -= 1 }
                return batch
            }
            if batch.isEmpty { return }
            let outcome: Result<[[AcceptedItem]], any Error>
            do {
                let jobs = batch.map(\.1)
                let logger = self.logger
                outcome = .success(try await self.client.withTransaction(logger: logger) { tx in
                    var results: [[AcceptedItem]] = []
                    results.reserveCapacity(jobs.count)
                    for job in jobs {
                        results.append(try await InboxStore.insert(job.message, for: job.recipients, on: tx, logger: logger))
                    }
                    return results
                })
            } catch {
                if batch.count > 1 {
                    self.logger.warning("group commit failed", metadata: ["messages": "\(batch.count)", "error": "\(String(reflecting: error))"])
                }
                outcome = .failure(error)
            }
            let waiters = self.state.withLock { s in batch.map { s.waiters.removeValue(forKey: $0.0) } }
            for (index, waiter) in waiters.enumerated() {
                guard let waiter else { continue }  // cancelled meanwhile: already answered
                switch outcome {
                case .success(let results): waiter.continuation.resume(returning: results[index])
                case .failure(let error): waiter.continuation.resume(throwing: error)
                }
            }
        }
    }
}
