public import Foundation
public import NIOCore
public import Storage

/// Collects one message as it arrives. A message that stays under `threshold` is kept in
/// memory and committed in one statement (the common lead email of a few KB); past it, the
/// bytes are streamed into the ``MessageSpool`` a chunk at a time, so no session ever holds
/// more than about `threshold` bytes of a message, whatever its size.
///
/// A spool write that fails (or outlasts the acceptor's deadline) does not end the
/// session: the rest of the message is read and dropped, and ``finish()`` throws, so the
/// client gets a temporary failure for the whole message and nothing half-stored remains.
public struct MessageSpooler: Sendable {
    let acceptor: MessageAcceptor
    /// Bytes held in memory before they go to the spool.
    public let threshold: Int

    private var pending = ByteBuffer()
    private var identity = DeliveryIdentity.Accumulator()
    private var spoolID: UUID?
    private var chunkCount = 0
    private var spooledBytes = 0
    private var failure: String?

    public init(acceptor: MessageAcceptor, threshold: Int) {
        self.acceptor = acceptor
        self.threshold = max(1, threshold)
    }

    /// True before any byte arrived (and after ``finish()`` / ``discard()``).
    public var isEmpty: Bool { self.pending.readableBytes == 0 && self.spoolID == nil && self.failure == nil }

    /// Takes the next bytes of the message.
    public mutating func append(_ bytes: ByteBuffer) async {
        guard self.failure == nil else { return }
        self.pending.writeImmutableBuffer(bytes)
        if self.pending.readableBytes >= self.threshold { await self.flush() }
    }

    /// The whole message, ready for ``MessageAcceptor/accept(_:for:)``: in memory, or
    /// spooled (every byte written). Resets the spooler for the next message.
    /// - Throws: ``IntakeUnavailable`` when a spool write failed; the spool is discarded.
    public mutating func finish() async throws -> Body {
        defer { self.reset() }
        if let failure = self.failure {
            await self.discardSpool()
            throw IntakeUnavailable(reason: failure)
        }
        guard self.spoolID != nil else {
            return .inMemory(Array(self.pending.readableBytesView))
        }
        if self.pending.readableBytes > 0 { await self.flush() }
        if let failure = self.failure {
            await self.discardSpool()
            throw IntakeUnavailable(reason: failure)
        }
        return .spooled(SpooledBody(
            spoolID: self.spoolID!, chunkCount: self.chunkCount, size: self.spooledBytes, identity: self.identity.finish()))
    }

    /// Drops the message (size limit, RSET, a rejected chunk, a dropped connection).
    public mutating func discard() async {
        await self.discardSpool()
        self.reset()
    }

    /// A finished message.
    public enum Body: Sendable {
        case inMemory([UInt8])
        case spooled(SpooledBody)
    }

    private mutating func flush() async {
        let id = self.spoolID ?? UUID.v7()
        self.spoolID = id
        let chunk = self.pending
        self.pending = ByteBuffer()
        self.identity.append(chunk.readableBytesView)
        do {
            try await self.acceptor.spool(chunk, spoolID: id, sequence: self.chunkCount)
            self.chunkCount += 1
            self.spooledBytes += chunk.readableBytes
        } catch let error as IntakeUnavailable {
            self.failure = error.reason
        } catch {
            self.failure = "spool write failed"
        }
    }

    private func discardSpool() async {
        guard let id = self.spoolID else { return }
        try? await self.acceptor.discardSpool(id)
    }

    private mutating func reset() {
        self.pending = ByteBuffer()
        self.identity = DeliveryIdentity.Accumulator()
        self.spoolID = nil
        self.chunkCount = 0
        self.spooledBytes = 0
        self.failure = nil
    }
}
