import Foundation
import Intake
import Logging
import NIOCore
import NIOSSL
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

    func run(refusal: SMTPReply?) async {
        var machine = SMTPSessionMachine<Builder>(
            hostname: self.configuration.hostname,
            limits: .init(maximumMessageSize: self.configuration.maximumMessageSize,
                          maximumRecipients: self.configuration.maximumRecipients,
                          maximumErrors: self.configuration.maximumErrors),
            dialect: self.configuration.dialect == .lmtp ? .lmtp : .smtp,
            startTLSAvailable: self.configuration.startTLS != nil)
        // The message (DATA) or BDAT chunks received so far in this transaction.
        var body = MessageSpooler(acceptor: self.acceptor, threshold: self.configuration.streamingThreshold)
        // A connection that ends mid-message stores nothing: drop what was spooled.
        defer { if !body.isEmpty { Task { [body] in var body = body; await body.discard() } } }
        do {
            try await self.connection.executeThenClose { inbound, outbound in
                if let refusal {
                    try await outbound.write(Self.buffer(refusal))
                    return
                }
                try await outbound.write(Self.buffer(machine.greeting))
                try await withGracefulShutdownHandler {
                    for try await frame in inbound {
                        guard self.begin() else { break }
                        let keepOpen = try await self.handle(frame, machine: &machine, body: &body, outbound: outbound)
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
        _ frame: SMTPFrame, machine: inout SMTPSessionMachine<Builder>, body: inout MessageSpooler,
        outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    ) async throws -> Bool {
        if case .command = frame, !machine.isChunking, !body.isEmpty {
            await body.discard()  // RSET (or an error) ended a BDAT transaction
            self.activity.withLock { $0.inTransaction = false }
        }
        switch frame {
        case .command(let line):
            if machine.needsTLSDetails {
                // A decrypted line arrived, so the handshake is over.
                machine.tlsNegotiated(try await self.negotiatedTLS())
            }
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
            case .startTLS(let reply):
                try await self.startTLS(reply)
                machine.tlsStarted()
            }
        case .commandTooLong:
            switch machine.lineTooLong() {
            case .reply(let reply): try await outbound.write(Self.buffer(reply))
            case .close(let reply):
                try await outbound.write(Self.buffer(reply))
                return false
            case .startData, .lookUpRecipient, .startTLS: break
            }
        case .messagePart(let bytes):
            await body.append(bytes)
        case .message(let bytes):
            defer { self.activity.withLock { $0.inTransaction = false } }
            guard let envelope = machine.messageReceived() else {
                await body.discard()
                try await outbound.write(Self.buffer(SMTPReply(503, "5.5.1", "No transaction in progress")))
                return true
            }
            await body.append(bytes)
            let itemIDs = await self.store(&body, envelope: envelope)
            try await outbound.write(Self.buffer(machine.deliveryReplies(for: envelope, itemIDs: itemIDs)))
        case .messageTooLarge:
            await body.discard()
            self.activity.withLock { $0.inTransaction = false }
            try await outbound.write(Self.buffer(machine.messageTooLarge()))
        case .chunkPart(let bytes):
            // Kept only inside a transaction that can take data; otherwise the chunk's end
            // gets an error reply and its bytes must not have cost a database write.
            if machine.acceptsChunkData {
                self.activity.withLock { $0.inTransaction = true }
                await body.append(bytes)
            }
        case .chunk(let bytes, let size, let last):
            switch machine.chunkReceived(size: size, fits: bytes != nil, last: last) {
            case .reply(let reply):
                if machine.isChunking, let bytes {
                    await body.append(bytes)
                    self.activity.withLock { $0.inTransaction = true }
                } else {
                    await body.discard()
                    self.activity.withLock { $0.inTransaction = false }
                }
                try await outbound.write(Self.buffer(reply))
            case .tooLarge(let replies):
                await body.discard()
                self.activity.withLock { $0.inTransaction = false }
                try await outbound.write(Self.buffer(replies))
            case .close(let reply):
                await body.discard()
                try await outbound.write(Self.buffer(reply))
                return false
            case .store(let envelope):
                if let bytes { await body.append(bytes) }
                defer { self.activity.withLock { $0.inTransaction = false } }
                let itemIDs = await self.store(&body, envelope: envelope)
                try await outbound.write(Self.buffer(machine.deliveryReplies(for: envelope, itemIDs: itemIDs)))
            }
        }
        return !machine.isClosed
    }

    /// Answers 220 and installs TLS in one event-loop task. Were they two tasks, the
    /// client's ClientHello (answering the 220) could reach the framer as plaintext; and
    /// anything the client sent behind STARTTLS in plaintext is dropped by the framer in
    /// the same task, before TLS can deliver a byte.
    private func startTLS(_ reply: SMTPReply) async throws {
        guard let tls = self.configuration.startTLS else { return }
        let channel = self.connection.channel
        let framer = self.framer
        try await channel.eventLoop.submit {
            channel.writeAndFlush(Self.buffer(reply), promise: nil)
            let operations = channel.pipeline.syncOperations
            try operations.addHandler(NIOSSLServerHandler(context: tls.context), position: .first)
            // Below TLS, so it sees the ServerHello in the clear.
            try operations.addHandler(TLSServerHelloObserver(), position: .first)
            framer.value.tlsInstalled()
        }.get()
        self.logger.debug("STARTTLS: TLS installed")
    }

    /// The version NIOSSL reports and the cipher suite the ServerHello carried.
    private func negotiatedTLS() async throws -> TLSDetails {
        let channel = self.connection.channel
        return try await channel.eventLoop.submit {
            let operations = channel.pipeline.syncOperations
            let version: String
            switch try operations.nioSSL_tlsVersion() {
            case .tlsv13: version = "TLSv1.3"
            case .tlsv12: version = "TLSv1.2"
            case .tlsv11: version = "TLSv1.1"
            case .tlsv1: version = "TLSv1"
            case nil: version = "unknown"
            }
            let cipher = try operations.handler(type: TLSServerHelloObserver.self).cipher ?? "unknown"
            return TLSDetails(protocolVersion: version, cipher: cipher)
        }.get()
    }

    private func lookUp(_ address: String, machine: inout SMTPSessionMachine<Builder>) async -> SMTPReply {
        guard let intake = IntakeAddress(address) ?? IntakeAddress(barePostmaster: address) else {
            return SMTPReply(501, "5.1.3", "Bad recipient address syntax")
        }
        do {
            return machine.recipientResolved(address, to: try await self.acceptor.resolve(intake))
        } catch {
            self.acceptor.metrics.increment(.smtpTemporaryFailures)
            return machine.recipientLookupFailed()
        }
    }

    /// Commits the message for every builder among its recipients, with our `Received:`
    /// header in front. Returns the stored item of each envelope recipient (RCPT order),
    /// or nil when nothing was committed; the caller answers only after this returned.
    private func store(_ body: inout MessageSpooler, envelope: SMTPSessionMachine<Builder>.Envelope) async -> [String]? {
        var groups: [(builder: Builder, addresses: [String])] = []
        for (address, builder) in envelope.recipients {
            if let index = groups.firstIndex(where: { $0.builder.id == builder.id }) {
                groups[index].addresses.append(address)
            } else {
                groups.append((builder, [address]))
            }
        }
        let clientAddress = self.connection.channel.remoteAddress?.ipAddress
        let deliveryID = UUID.v7().uuidString.lowercased()
        let trace = ReceivedHeader(
            helo: envelope.helo, clientAddress: clientAddress, hostname: self.configuration.hostname,
            protocolName: envelope.protocolName, tls: envelope.tls, id: deliveryID,
            recipient: envelope.recipients.count == 1 ? envelope.recipients[0].address : nil, date: Date())
        var message = InboundMessage(
            channel: self.configuration.dialect == .lmtp ? .lmtp : .smtp, raw: [],
            mailFrom: envelope.mailFrom, clientAddress: clientAddress, helo: envelope.helo,
            traceHeader: Array(trace.rendered.utf8),
            tlsProtocol: envelope.tls?.protocolVersion, tlsCipher: envelope.tls?.cipher)
        do {
            switch try await body.finish() {
            case .inMemory(let raw): message.raw = raw
            case .spooled(let spooled): message.spooled = spooled
            }
            let items = try await self.acceptor.accept(message, for: groups)
            var itemOfBuilder: [UUID: String] = [:]
            for item in items { itemOfBuilder[item.builderID] = item.id.uuidString.lowercased() }
            self.logger.info("message stored", metadata: [
                "delivery_id": "\(deliveryID)", "item_ids": "\(items.map { $0.id.uuidString.lowercased() }.joined(separator: ","))",
                "duplicates": "\(items.filter(\.isDuplicate).count)", "size": "\(message.size)",
            ])
            return envelope.recipients.map { itemOfBuilder[$0.recipient.id] ?? "" }
        } catch {
            self.acceptor.metrics.increment(.smtpTemporaryFailures)
            self.logger.error("message not stored", metadata: ["delivery_id": "\(deliveryID)", "error": "\(error)"])
            // The failed transaction kept its chunks; nothing will claim them now.
            if let spooled = message.spooled { try? await self.acceptor.discardSpool(spooled.spoolID) }
            return nil
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

    /// Several replies in one write (LMTP's per-recipient answers).
    private static func buffer(_ replies: [SMTPReply]) -> ByteBuffer {
        ByteBuffer(string: replies.map(\.rendered).joined())
    }
}
