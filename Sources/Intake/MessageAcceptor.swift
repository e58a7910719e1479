public import Foundation
public import NIOCore
public import Logging
public import Storage

/// The one door every channel (SMTP, LMTP, HTTP) uses to resolve recipients and commit
/// messages, so "acknowledge only after commit" and "temporary failure when Postgres is
/// down" are decided in one place.
public struct MessageAcceptor: Sendable {
    public let builders: BuilderStore
    public let inbox: InboxStore
    /// Domains whose `local+SLUG@domain` addresses resolve to builder `SLUG`.
    public let intakeDomains: Set<String>
    /// How long a peer waits on storage before getting a temporary failure.
    public let deadline: Duration
    public let metrics: IntakeMetrics
    let logger: Logger
    let recipients: RecipientCache

    /// - Parameter recipientCacheTTL: how long a resolved recipient is remembered (only
    ///   addresses that resolved; unknown ones are looked up every time).
    public init(builders: BuilderStore, inbox: InboxStore, intakeDomains: Set<String>,
                deadline: Duration = .seconds(10), recipientCacheTTL: Duration = .seconds(30),
                metrics: IntakeMetrics, logger: Logger) {
        self.recipients = RecipientCache(ttl: recipientCacheTTL)
        self.builders = builders
        self.inbox = inbox
        self.intakeDomains = Set(intakeDomains.map { $0.lowercased() })
        self.deadline = deadline
        self.metrics = metrics
        self.logger = logger
    }

    /// The builder an envelope recipient belongs to; nil for an address that is not ours.
    /// - Throws: ``IntakeUnavailable`` when storage does not answer in time.
    public func resolve(_ recipient: IntakeAddress) async throws -> Builder? {
        if let known = self.recipients.builder(for: recipient.address) { return known }
        let builders = self.builders
        let domains = self.intakeDomains
        let builder = try await self.bounded("recipient lookup") {
            try await builders.resolve(recipient, intakeDomains: domains)
        }
        if let builder { self.recipients.remember(builder, for: recipient.address) }
        return builder
    }

    /// Commits `message` once per builder. When this returns, the items are durable.
    /// - Throws: ``IntakeUnavailable``; then nothing was committed.
    public func accept(_ message: InboundMessage, for recipients: [(builder: Builder, addresses: [String])]) async throws -> [AcceptedItem] {
        let inbox = self.inbox
        let items = try await self.bounded("store message") {
            try await inbox.accept(message, for: recipients)
        }
        for item in items {
            self.metrics.increment(item.isDuplicate ? .duplicates : .accepted, message.channel.rawValue)
            // Debug: the channel logs one line per message naming its items (SMTP's "message
            // stored" with the delivery id); a second info line per item cost measurable
            // throughput under load.
            self.logger.debug(
                item.isDuplicate ? "duplicate delivery" : "item accepted",
                metadata: ["item_id": "\(item.id)", "builder_id": "\(item.builderID)", "channel": "\(message.channel.rawValue)",
                           "size": "\(message.size)"])
        }
        return items
    }

    /// Writes one chunk of a message that is still arriving (see ``MessageSpooler``).
    /// - Throws: ``IntakeUnavailable``.
    public func spool(_ chunk: ByteBuffer, spoolID: UUID, sequence: Int) async throws {
        let spool = self.inbox.spool
        try await self.bounded("spool message chunk") {
            try await spool.write(chunk, spoolID: spoolID, sequence: sequence)
        }
    }

    /// Drops the chunks of a message that will not be committed.
    public func discardSpool(_ spoolID: UUID) async throws {
        let spool = self.inbox.spool
        try await self.bounded("discard spooled chunks") {
            try await spool.discard(spoolID)
        }
    }

    private func bounded<T: Sendable>(_ what: String, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        do {
            return try await withDeadline(self.deadline, operation: operation)
        } catch let error as DeadlineExceeded {
            self.logger.error("storage timed out", metadata: ["operation": "\(what)", "limit": "\(error.limit)"])
            throw IntakeUnavailable(reason: "\(what) timed out", underlying: error)
        } catch let error as StorageError {
            throw error
        } catch {
            self.logger.error("storage failed", metadata: ["operation": "\(what)", "error": "\(String(reflecting: error))"])
            throw IntakeUnavailable(reason: "\(what) failed", underlying: error)
        }
    }
}
