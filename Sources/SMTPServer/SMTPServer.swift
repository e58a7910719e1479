import Foundation
public import Intake
public import Logging
import NIOCore
import NIOPosix
public import ServiceLifecycle
import Storage
import Synchronization

/// The SMTP (or LMTP) intake listener: accepts mail for known intake addresses and
/// commits it to the inbox before answering 250. It stores; it never relays.
public final class SMTPServer: Service, Sendable {
    /// SMTP for senders and relays, LMTP (RFC 2033) for a local MTA in front.
    public enum Dialect: Sendable {
        case smtp
        case lmtp
    }

    /// Listener settings. Defaults follow RFC 5321 where it gives values.
    public struct Configuration: Sendable {
        public var host: String
        public var port: Int
        /// Listen on this Unix socket instead of `host:port` (an existing socket file is replaced).
        public var unixSocketPath: String?
        public var dialect: Dialect = .smtp
        /// Certificate for STARTTLS; nil: STARTTLS is not offered. Never offered over LMTP.
        public var startTLS: STARTTLSContext?
        /// Name used in the greeting and replies (default: this machine's host name).
        public var hostname: String = LocalHost.name
        /// Largest message accepted, in bytes (default 25 MiB); larger ones get 552 5.3.4.
        public var maximumMessageSize: Int = 25 * 1024 * 1024
        /// Recipients per message (default 100); more get 452 4.5.3.
        public var maximumRecipients: Int = 100
        /// Protocol errors tolerated per session before 421 and disconnect (default 10).
        public var maximumErrors: Int = 10
        /// Concurrent sessions (default 500); more get 421 4.3.2 at connect.
        public var maximumConnections: Int = 500
        /// Concurrent sessions from one client IP address (default 20); more get 421 4.7.0
        /// at connect. Unix-socket clients share one count.
        public var maximumConnectionsPerClient: Int = 20
        /// Silence allowed while waiting for a command (default 5 min, RFC 5321 4.5.3.2.7);
        /// then 421 4.4.2 and disconnect.
        public var commandTimeout: Duration = .seconds(300)
        /// Silence allowed inside a message (default 3 min, RFC 5321 4.5.3.2.5, DATA block).
        public var dataBlockTimeout: Duration = .seconds(180)
        /// Time from the 354 to the final dot (default 10 min, RFC 5321 4.5.3.2.6).
        public var dataTerminationTimeout: Duration = .seconds(600)
        /// A message larger than this is streamed into the store's spool while it arrives
        /// instead of being held in memory (default 256 KiB; lead emails are 2-50 KB).
        public var streamingThreshold: Int = 256 * 1024
        /// How long sessions in the middle of a message may go on after shutdown starts.
        public var shutdownGrace: Duration = .seconds(30)

        public init(host: String = "127.0.0.1", port: Int = 2525) {
            self.host = host
            self.port = port
        }
    }

    let configuration: Configuration
    let acceptor: MessageAcceptor
    let logger: Logger
    private let boundPort = Mutex<(port: Result<Int, any Error>?, waiters: [CheckedContinuation<Int, any Error>])>((nil, []))
    private let openSessions = Atomic<Int>(0)
    private let sessionsPerClient = Mutex<[String: Int]>([:])

    public init(configuration: Configuration, acceptor: MessageAcceptor, logger: Logger) {
        self.configuration = configuration
        self.acceptor = acceptor
        self.logger = logger
    }

    /// The port the listener is bound to, once it is (useful with port 0); the error when
    /// ``run()`` could not bind, so that a caller waiting for the port is never left waiting.
    public func listeningPort() async throws -> Int {
        try await withCheckedThrowingContinuation { continuation in
            let ready: Result<Int, any Error>? = self.boundPort.withLock { state in
                if let port = state.port { return port }
                state.waiters.append(continuation)
                return nil
            }
            if let ready { continuation.resume(with: ready) }
        }
    }

    private func settleListeningPort(_ port: Result<Int, any Error>) {
        let waiters = self.boundPort.withLock { state in
            state.port = port
            defer { state.waiters = [] }
            return state.waiters
        }
        waiters.forEach { $0.resume(with: port) }
    }

    public func run() async throws {
        let configuration = self.configuration
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .serverChannelOption(.backlog, value: 256)
        let initializer: @Sendable (any Channel) -> EventLoopFuture<(NIOAsyncChannel<SMTPFrame, ByteBuffer>, NIOLoopBound<SMTPFramingHandler>)> = { channel in
            channel.eventLoop.makeCompletedFuture {
                let framer = SMTPFramingHandler(
                    maximumMessageSize: configuration.maximumMessageSize,
                    partSize: min(64 * 1024, configuration.streamingThreshold),
                    timeouts: .init(command: configuration.commandTimeout, dataBlock: configuration.dataBlockTimeout,
                                    dataTermination: configuration.dataTerminationTimeout))
                try channel.pipeline.syncOperations.addHandler(framer)
                let connection = try NIOAsyncChannel<SMTPFrame, ByteBuffer>(wrappingChannelSynchronously: channel)
                return (connection, NIOLoopBound(framer, eventLoop: channel.eventLoop))
            }
        }
        let server: NIOAsyncChannel<(NIOAsyncChannel<SMTPFrame, ByteBuffer>, NIOLoopBound<SMTPFramingHandler>), Never>
        let listening: String
        do {
            if let path = configuration.unixSocketPath {
                server = try await bootstrap.bind(unixDomainSocketPath: path, cleanupExistingSocketFile: true, childChannelInitializer: initializer)
                listening = "unix:\(path)"
            } else {
                server = try await bootstrap.bind(host: configuration.host, port: configuration.port, childChannelInitializer: initializer)
                listening = "\(configuration.host):\(server.channel.localAddress?.port ?? configuration.port)"
            }
        } catch {
            self.settleListeningPort(.failure(error))
            throw error
        }
        self.settleListeningPort(.success(server.channel.localAddress?.port ?? configuration.port))
        self.logger.info(
            "\(configuration.dialect == .lmtp ? "LMTP" : "SMTP") listening",
            metadata: ["address": "\(listening)", "starttls": "\(configuration.startTLS != nil && configuration.dialect == .smtp)"])

        let serverChannel = server.channel
        try await withGracefulShutdownHandler {
            try await withThrowingDiscardingTaskGroup { group in
                try await server.executeThenClose { connections in
                    for try await (connection, framer) in connections {
                        group.addTask { await self.serve(connection, framer: framer) }
                    }
                }
                // No more connections; give open sessions a bounded time to finish. Cancelled,
                // the sessions are cancelled too: nothing to wait for (and a cancelled
                // `Task.sleep` returns at once, so polling on would spin a thread of the
                // cooperative pool until the deadline).
                group.addTask {
                    let deadline = ContinuousClock.now + configuration.shutdownGrace
                    while self.openSessions.load(ordering: .relaxed) > 0 {
                        guard ContinuousClock.now < deadline else { throw CancellationError() }
                        try await Task.sleep(for: .milliseconds(50))
                    }
                }
            }
        } onGracefulShutdown: {
            serverChannel.close(promise: nil)
        }
    }

    private func serve(_ connection: NIOAsyncChannel<SMTPFrame, ByteBuffer>, framer: NIOLoopBound<SMTPFramingHandler>) async {
        let session = SMTPSession(
            connection: connection, framer: framer, configuration: self.configuration,
            acceptor: self.acceptor, logger: self.logger)
        let open = self.openSessions.wrappingAdd(1, ordering: .relaxed).newValue
        defer { self.openSessions.wrappingSubtract(1, ordering: .relaxed) }
        let client = connection.channel.remoteAddress?.ipAddress ?? "local"
        let fromClient = self.sessionsPerClient.withLock { counts in
            counts[client, default: 0] += 1
            return counts[client]!
        }
        defer {
            self.sessionsPerClient.withLock { counts in
                counts[client, default: 1] -= 1
                if counts[client] == 0 { counts[client] = nil }
            }
        }
        self.acceptor.metrics.increment(.smtpSessions)
        let refusal: SMTPReply?
        if open > self.configuration.maximumConnections {
            refusal = SMTPReply(421, "4.3.2", "Too many connections, try again later")
        } else if fromClient > self.configuration.maximumConnectionsPerClient {
            refusal = SMTPReply(421, "4.7.0", "Too many connections from your address, try again later")
        } else {
            refusal = nil
        }
        await session.run(refusal: refusal)
    }
}
