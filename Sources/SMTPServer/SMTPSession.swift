import Foundation
import Intake
import Logging
import NIOCore
import ServiceLifecycle
import Storage
import Synchronization

/// One SMTP connection: feeds frames to ``SMTPSessionMachine`` and performs its actions
/// against the ``MessageAcceptor``.
final class SMTPSession: Sendable {
    let connection: NIOAsyncChannel<SMTPFrame, ByteBuffer>
    let framer: NIOLoopBound<SMTPFramingHandler>
    let configuration: SMTPServer.Configuration
    let acceptor: MessageAcceptor
    let logger: Logger

    /// Whether a command or message is being handled, and whether shutdown was asked for.
    /// A session is only closed for shutdown between transactions, never mid-message.
    private let activity = Mutex<(busy: Bool, inTransaction: Bool, shutdownRequested: Bool)>((false, false, false))

    init(connection: NIOAsyncChannel<SMTPFrame, ByteBuffer>, framer: NIOLoopBound<SMTPFramingHandler>,
         configuration: SMTPServer.Configuration, acceptor: MessageAcceptor, logger: Logger) {
        self.connection = connection
        self.framer = framer
        self.configuration = configuration
        self.acceptor = acceptor
        var logger = logger
        logger[metadataKey: "client"] = "\(connection.channel.remoteAddress?.description ?? "?")"
        self.logger = logger
    }

    func run(overCapacity: Bool) async {
        var machine = SMTPSessionMachine<Builder>(
            hostname: self.configuration.hostname,
            limits: .init(maximumMessageSize: self.configuration.maximumMessageSize,
                          maximumRecipients: self.configuration.maximumRecipients,
                          maximumErrors: self.configuration.maximumErrors))
        do {
            try await self.connection.executeThenClose { inbound, outbound in
                if overCapacity {
                    try await outbound.write(Self.buffer(SMTPReply(421, "4.3.2", "Too many connections, try again later")))
                    return
                }
                try await outbound.write(Self.buffer(machine.greeting))
                try await withGracefulShutdownHandler {
                    for try await frame in inbound {
                        guard self.begin() else { break }
                        let keepOpen = try await self.handle(frame, machine: &machine, outbound: outbound)
                        if !keepOpen { break }
                        if self.endAndCheckShutdown() {
                            try await outbound.write(Self.buffer(machine.shutdown()))
                            break
                        }
                    }
                } onGracefulShutdown: {
                    self.requestShutdown()
                }
            }
        } catch {
            self.logger.debug("session ended with error", metadata: ["error": "\(error)"])
        }
    }

    /// Handles one frame; returns false when the session must close.
    private func handle(
        _ frame: SMTPFrame, machine: inout SMTPSessionMachine<Builder>, outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    ) async throws -> Bool {
        switch frame {
        case .command(let line):
            let pauses = SMTPFramingHandler.pausesAfter(line)
            switch machine.command(line) {
            // The framer is told before the reply goes out: once the client sees the
            // reply it may send at full speed, and a still-paused framer would take its
            // bytes for a flood.
            case .reply(let reply):
                if pauses { self.resumeFramer(messageMode: false) }
                try await outbound.write(Self.buffer(reply))
            case .close(let reply):
                try await outbound.write(Self.buffer(reply))
                return false
            case .startData(let reply):
                self.activity.withLock { $0.inTransaction = true }
                self.resumeFramer(messageMode: true)
                try await outbound.write(Self.buffer(reply))
            case .lookUpRecipient(let address):
                try await outbound.write(Self.buffer(await self.lookUp(address, machine: &machine)))
            }
        case .commandTooLong:
            switch machine.lineTooLong() {
            case .reply(let reply): try await outbound.write(Self.buffer(reply))
            case .close(let reply):
                try await outbound.write(Self.buffer(reply))
                return false
            case .startData, .lookUpRecipient: break
            }
        case .message(let bytes):
            defer { self.activity.withLock { $0.inTransaction = false } }
            guard let envelope = machine.messageReceived() else {
                try await outbound.write(Self.buffer(SMTPReply(503, "5.5.1", "No transaction in progress")))
                return true
            }
            try await outbound.write(Self.buffer(await self.store(bytes, envelope: envelope)))
        case .messageTooLarge:
            self.activity.withLock { $0.inTransaction = false }
            try await outbound.write(Self.buffer(machine.messageTooLarge()))
        }
        return !machine.isClosed
    }

    private func lookUp(_ address: String, machine: inout SMTPSessionMachine<Builder>) async -> SMTPReply {
        guard let intake = IntakeAddress(address) else {
            return SMTPReply(501, "5.1.3", "Bad recipient address syntax")
        }
        do {
            return machine.recipientResolved(address, to: try await self.acceptor.resolve(intake))
        } catch {
            self.acceptor.metrics.increment(.smtpTemporaryFailures)
            return machine.recipientLookupFailed()
        }
    }

    /// Commits the message for every builder among its recipients; 250 only after commit.
    private func store(_ bytes: ByteBuffer, envelope: SMTPSessionMachine<Builder>.Envelope) async -> SMTPReply {
        var groups: [(builder: Builder, addresses: [String])] = []
        for (address, builder) in envelope.recipients {
            if let index = groups.firstIndex(where: { $0.builder.id == builder.id }) {
                groups[index].addresses.append(address)
            } else {
                groups.append((builder, [address]))
            }
        }
        let message = InboundMessage(
            channel: .smtp, raw: Array(bytes.readableBytesView), mailFrom: envelope.mailFrom,
            clientAddress: self.connection.channel.remoteAddress?.ipAddress, helo: envelope.helo)
        do {
            let items = try await self.acceptor.accept(message, for: groups)
            return SMTPReply(250, "2.0.0", "OK queued as \(items.map { $0.id.uuidString.lowercased() }.joined(separator: ","))")
        } catch {
            self.acceptor.metrics.increment(.smtpTemporaryFailures)
            self.logger.error("message not stored", metadata: ["error": "\(error)"])
            return SMTPReply(451, "4.3.0", "Temporary failure storing message, try again later")
        }
    }

    private func resumeFramer(messageMode: Bool) {
        let framer = self.framer
        framer.eventLoop.execute { framer.value.resume(messageMode: messageMode) }
    }

    // MARK: - Shutdown coordination

    private func begin() -> Bool {
        self.activity.withLock { state in
            if state.shutdownRequested && !state.inTransaction { return false }
            state.busy = true
            return true
        }
    }

    /// Ends a unit of work; true when shutdown was requested and the session is between
    /// transactions, so it should say 421 and close.
    private func endAndCheckShutdown() -> Bool {
        self.activity.withLock { state in
            state.busy = false
            return state.shutdownRequested && !state.inTransaction
        }
    }

    private func requestShutdown() {
        let idle = self.activity.withLock { state in
            state.shutdownRequested = true
            return !state.busy && !state.inTransaction
        }
        guard idle else { return }
        // Waiting for the client's next line: answer 421 now and close.
        let channel = self.connection.channel
        let reply = SMTPReply(421, "4.3.2", "\(self.configuration.hostname) shutting down, try again later").rendered
        channel.writeAndFlush(channel.allocator.buffer(string: reply)).whenComplete { _ in channel.close(promise: nil) }
    }

    private static func buffer(_ reply: SMTPReply) -> ByteBuffer {
        ByteBuffer(string: reply.rendered)
    }
}
