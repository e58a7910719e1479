public import Foundation
public import LeadModel
public import Logging
public import ServiceLifecycle
public import Storage

/// Workers that take items from the inbox queue, decide them with ``ItemProcessor`` and
/// record the outcome.
///
/// On graceful shutdown each worker finishes the item it holds (a parse and one
/// transaction) and claims no more. A worker killed mid-item leaves its lease to expire,
/// and the item is taken over by another worker; recording is idempotent, so the item
/// still yields one lead.
public final class WorkerPool: Service, Sendable {
    public struct Configuration: Sendable {
        /// Concurrent workers in this process (default 2).
        public var workers: Int = 2
        /// Sleep between polls while the queue is empty (default 250 ms).
        public var pollInterval: Duration = .milliseconds(250)
        /// Names this process's workers in `locked_by` (default host:pid).
        public var instanceName: String = "\(LocalHost.name):\(ProcessInfo.processInfo.processIdentifier)"

        public init() {}
    }

    let configuration: Configuration
    let queue: InboxQueue
    let leads: LeadStore
    let processor: ItemProcessor
    let metrics: IntakeMetrics
    let logger: Logger
    /// The item's builder's own mailboxes and intake addresses, looked up per item (a
    /// builder's settings may change while the gateway runs).
    let identity: @Sendable (UUID) async throws -> BuilderIdentity

    public init(configuration: Configuration, queue: InboxQueue, leads: LeadStore, processor: ItemProcessor,
                metrics: IntakeMetrics, logger: Logger,
                identity: @escaping @Sendable (UUID) async throws -> BuilderIdentity = { _ in BuilderIdentity() }) {
        self.configuration = configuration
        self.queue = queue
        self.leads = leads
        self.processor = processor
        self.metrics = metrics
        self.logger = logger
        self.identity = identity
    }

    public func run() async throws {
        await withDiscardingTaskGroup { group in
            for index in 0..<max(1, self.configuration.workers) {
                group.addTask { await self.workerLoop(name: "\(self.configuration.instanceName)/\(index)") }
            }
        }
    }

    /// Claims and handles items until the queue is empty. For tests and `lead-intake drain`.
    /// - Returns: how many items were handled.
    @discardableResult
    public func drain(worker: String = "drain-\(UUID().uuidString.prefix(8))") async throws -> Int {
        var handled = 0
        while let item = try await self.queue.claim(worker: worker) {
            await self.handle(item)
            handled += 1
        }
        return handled
    }

    private func workerLoop(name: String) async {
        var logger = self.logger
        logger[metadataKey: "worker"] = "\(name)"
        var lastSweep = ContinuousClock.now - .seconds(3600)
        var errorDelay = self.configuration.pollInterval
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                if ContinuousClock.now - lastSweep > .seconds(10) {
                    let given = try await self.queue.failAbandoned()
                    if given > 0 {
                        self.metrics.increment(.failed, by: given)
                        logger.error("gave up items whose workers kept dying", metadata: ["count": "\(given)"])
                    }
                    lastSweep = .now
                }
                guard let item = try await self.queue.claim(worker: name) else {
                    await Self.pause(self.configuration.pollInterval)
                    continue
                }
                errorDelay = self.configuration.pollInterval
                await self.handle(item)
            } catch {
                logger.error("queue unavailable", metadata: ["error": "\(String(reflecting: error))"])
                await Self.pause(errorDelay)
                errorDelay = min(errorDelay * 2, .seconds(30))
            }
        }
    }

    private func handle(_ item: ClaimedItem) async {
        var logger = self.logger
        logger[metadataKey: "item_id"] = "\(item.id)"
        logger[metadataKey: "worker"] = "\(item.worker)"
        logger.debug("processing", metadata: ["attempt": "\(item.attempts)", "size": "\(item.raw.count)"])
        do {
            // Mail to postmaster is the operator's (bounces, abuse reports): kept, never a lead.
            let processed = item.builderID == Builder.postmasterID
                ? ProcessedItem(outcome: .ignored(reason: Self.postmasterReason))
                : try self.processor.process(item.raw, builder: try await self.identity(item.builderID))
            switch try await self.leads.record(processed.outcome, thread: processed.thread, for: item) {
            case .lead(let id, let created):
                self.metrics.increment(.processed, "lead")
                logger.info(created ? "lead created" : "lead updated", metadata: ["lead_id": "\(id)"])
            case .ignored(let reason):
                self.metrics.increment(.processed, "ignored")
                logger.info("not a lead", metadata: ["reason": "\(reason)"])
            case .leaseLost:
                logger.warning("lease lost before recording; another worker owns the item")
            }
        } catch {
            let description = String(reflecting: error)
            do {
                let status = try await self.queue.fail(item, error: description)
                if status == .failed {
                    self.metrics.increment(.failed)
                    logger.error("item failed for good", metadata: ["attempts": "\(item.attempts)", "error": "\(description)"])
                } else {
                    self.metrics.increment(.retried)
                    logger.warning("item will be retried", metadata: ["attempts": "\(item.attempts)", "error": "\(description)"])
                }
            } catch {
                // The database is gone; the lease will expire and the item will be retried.
                logger.error("could not record failure", metadata: ["error": "\(String(reflecting: error))"])
            }
        }
    }

    /// Why an item sent to postmaster is not read as a lead (`inbox list` shows it).
    static let postmasterReason = "mail to postmaster: kept for the gateway's operator, never read as a lead"

    private static func pause(_ duration: Duration) async {
        try? await cancelWhenGracefulShutdown { try await Task.sleep(for: duration) }
    }
}
