import Foundation
@testable import Intake
import LeadModel
import Logging
import PostgresNIO
import Storage
import Synchronization
import Testing

@Suite("Inbox queue and workers")
struct InboxQueueTests {
    /// Counts how often each message was decided, to catch double processing that the
    /// idempotent write would otherwise hide.
    final class DecisionLog: Sendable {
        let counts = Mutex<[String: Int]>([:])
        func record(_ raw: [UInt8]) {
            let id = String(decoding: raw, as: UTF8.self).split(separator: "\r\n").first { $0.hasPrefix("Message-ID:") }
                .map(String.init) ?? "?"
            self.counts.withLock { $0[id, default: 0] += 1 }
        }
    }

    static func pool(_ client: PostgresClient, workers: Int, processor: ItemProcessor = Repository.processor,
                     policy: InboxQueue.Policy = .init(), name: String) -> WorkerPool {
        var configuration = WorkerPool.Configuration()
        configuration.workers = workers
        configuration.pollInterval = .milliseconds(20)
        configuration.instanceName = name
        return WorkerPool(
            configuration: configuration, queue: InboxQueue(client: client, logger: TestDatabase.logger, policy: policy),
            leads: LeadStore(client: client, logger: TestDatabase.logger), processor: processor, metrics: IntakeMetrics(),
            logger: TestDatabase.logger)
    }

    @Test("two worker pools on separate connections process every item exactly once")
    func twoPoolsNeverDoubleProcess() async throws {
        try await TestDatabase.with { db in
            let log = DecisionLog()
            let processor = ItemProcessor { raw in
                log.record(raw)
                return try Repository.processor.process(raw).outcome
            }
            let total = 120
            try await db.withClient { client in
                let builder = try await Seed.builder(client)
                _ = try await Seed.items(client, builder: builder, count: total)
            }
            // Two independent pools (as two processes would have), 3 workers each.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for name in ["pool-a", "pool-b"] {
                    group.addTask {
                        try await db.withClient { client in
                            try await Self.pool(client, workers: 3, processor: processor, name: name).run()
                        }
                    }
                }
                try await db.withClient { client in
                    try await eventually("all items processed") {
                        try await client.scalar("SELECT count(*)::int8 FROM inbound_items WHERE status = 'done'") == total
                    }
                }
                group.cancelAll()
            }
            let counts = log.counts.withLock { $0 }
            #expect(counts.count == total)
            #expect(counts.values.allSatisfy { $0 == 1 }, "some items were decided twice: \(counts.filter { $0.value > 1 })")
            try await db.withClient { client in
                #expect(try await client.scalar("SELECT count(*)::int8 FROM leads") == total)
                #expect(try await client.scalar("SELECT count(*)::int8 FROM lead_activities") == total)
                #expect(try await client.scalar("SELECT max(attempts)::int8 FROM inbound_items") == 1)
                let stillLeased = try await client.scalar(
                    "SELECT count(*)::int8 FROM inbound_items WHERE locked_by IS NOT NULL OR locked_until IS NOT NULL")
                #expect(stillLeased == 0, "leases must be cleared when items finish")
            }
        }
    }

    @Test("a failing item is retried with backoff, then marked failed with its error, and reprocess brings it back")
    func retryThenFailThenReprocess() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                let builder = try await Seed.builder(client)
                let ids = try await Seed.items(client, builder: builder, count: 1)
                var policy = InboxQueue.Policy()
                policy.maximumAttempts = 3
                // Long enough that a loaded CI machine cannot reach the second drain before the
                // retry is due (1 s, at least 0.8 s with jitter, was seen to flake there).
                policy.initialBackoff = .seconds(3)
                let failing = ItemProcessor { _ in throw TestFailure("parser exploded on purpose") }
                let pool = Self.pool(client, workers: 1, processor: failing, policy: policy, name: "failing")
                let started = ContinuousClock.now

                // First try fails and schedules a retry in the future, not immediately.
                #expect(try await pool.drain() == 1)
                let afterFirst = try await Self.state(client, ids[0])
                #expect(afterFirst.status == "queued" && afterFirst.attempts == 1)
                #expect(afterFirst.error?.contains("parser exploded on purpose") == true)
                // The retry waits for its backoff (at least 2.4 s after the failure, which came
                // after `started`): a second drain gets nothing, unless a loaded machine took
                // that long to reach it (a clean clone's `make test` beside other test runs did).
                let drainedAgain = try await pool.drain()
                #expect(drainedAgain == 0 || ContinuousClock.now - started >= .milliseconds(2400),
                        "the retry must wait for its backoff")

                try await eventually("item marked failed") {
                    try await pool.drain()
                    return try await Self.state(client, ids[0]).status == "failed"
                }
                let failed = try await Self.state(client, ids[0])
                #expect(failed.attempts == 3)
                #expect(failed.error?.contains("parser exploded on purpose") == true)
                // Backoff 3 s then 6 s (±20%) between the three tries, so at least 2.4 s in any case.
                #expect(ContinuousClock.now - started >= .milliseconds(2400))

                // `lead-intake reprocess --status failed` after the cause is fixed.
                let requeued = try await InboxQueue(client: client, logger: TestDatabase.logger).reprocess(status: .failed)
                #expect(requeued == 1)
                #expect(try await Self.pool(client, workers: 1, name: "fixed").drain() == 1)
                let done = try await Self.state(client, ids[0])
                #expect(done.status == "done" && done.error == nil)
                #expect(try await client.scalar("SELECT count(*)::int8 FROM leads") == 1)
            }
        }
    }

    @Test("reprocessing a done item updates its lead, never duplicates it")
    func reprocessIsIdempotent() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                let builder = try await Seed.builder(client)
                let ids = try await Seed.items(client, builder: builder, count: 1)
                let pool = Self.pool(client, workers: 1, name: "w")
                try await pool.drain()
                let first = try #require(try await Self.state(client, ids[0]).leadID)
                try await client.query("UPDATE leads SET phone = NULL WHERE id = \(first)")

                #expect(try await InboxQueue(client: client, logger: TestDatabase.logger).reprocess(id: ids[0]))
                try await pool.drain()
                let second = try #require(try await Self.state(client, ids[0]).leadID)
                #expect(second == first)
                #expect(try await client.scalar("SELECT count(*)::int8 FROM leads") == 1)
                #expect(try await client.scalar("SELECT count(*)::int8 FROM lead_activities") == 1)
                let phoneBack = try await client.scalar("SELECT count(*)::int8 FROM leads WHERE phone IS NOT NULL")
                #expect(phoneBack == 1, "the reprocessed item must update the lead's fields")
            }
        }
    }

    @Test("an item held by a crashed worker is reclaimed after the lease; the old worker cannot also finish it")
    func leaseExpiryReclaims() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                let builder = try await Seed.builder(client)
                _ = try await Seed.items(client, builder: builder, count: 1)
                var policy = InboxQueue.Policy()
                // Long enough that the second claim comes while the lease is live even on a
                // loaded machine (300 ms was not, with the suite and a build running).
                policy.lease = .seconds(3)
                let queue = InboxQueue(client: client, logger: TestDatabase.logger, policy: policy)
                let leads = LeadStore(client: client, logger: TestDatabase.logger)

                let crashed = try #require(try await queue.claim(worker: "crashed"))
                #expect(try await queue.claim(worker: "other") == nil, "a live lease must not be taken over")
                try await Task.sleep(for: .milliseconds(3_200))
                let reclaimed = try #require(try await queue.claim(worker: "other"))
                #expect(reclaimed.id == crashed.id)
                #expect(reclaimed.attempts == 2)

                let outcome = try Repository.processor.process(crashed.raw).outcome
                #expect(try await leads.record(outcome, for: crashed) == .leaseLost)
                guard case .lead = try await leads.record(outcome, for: reclaimed) else {
                    Issue.record("the new owner must record the lead")
                    return
                }
                #expect(try await client.scalar("SELECT count(*)::int8 FROM leads") == 1)
            }
        }
    }

    @Test("an item whose worker keeps dying is marked failed once its attempts are used up")
    func poisonItemGivesUp() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                let builder = try await Seed.builder(client)
                let ids = try await Seed.items(client, builder: builder, count: 1)
                var policy = InboxQueue.Policy()
                policy.lease = .milliseconds(50)
                policy.maximumAttempts = 2
                let queue = InboxQueue(client: client, logger: TestDatabase.logger, policy: policy)
                _ = try #require(try await queue.claim(worker: "dies-1"))
                try await Task.sleep(for: .milliseconds(80))
                _ = try #require(try await queue.claim(worker: "dies-2"))
                try await Task.sleep(for: .milliseconds(80))
                #expect(try await queue.claim(worker: "next") == nil)
                #expect(try await queue.failAbandoned() == 1)
                let state = try await Self.state(client, ids[0])
                #expect(state.status == "failed")
                #expect(state.error?.contains("lease expired") == true)
            }
        }
    }

    static func state(_ client: PostgresClient, _ id: UUID) async throws -> (status: String, attempts: Int, error: String?, leadID: UUID?) {
        for try await row in try await client.query(
            "SELECT status, attempts, last_error, lead_id FROM inbound_items WHERE id = \(id)"
        ).decode((String, Int, String?, UUID?).self) {
            return row
        }
        throw TestFailure("no item \(id)")
    }
}
