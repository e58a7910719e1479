public import Logging
public import ServiceLifecycle
public import Storage

/// Removes spooled chunks that no session will ever commit: left behind when the gateway
/// process died mid-message (a live session discards its own). Runs at start and then
/// every `interval`; a chunk is only removed once it is older than `age`, far longer than a
/// message may take to arrive, so a message still streaming is never touched.
public struct SpoolSweeper: Service {
    let spool: MessageSpool
    let age: Duration
    let interval: Duration
    let logger: Logger

    public init(spool: MessageSpool, age: Duration = .seconds(3600), interval: Duration = .seconds(600), logger: Logger) {
        self.spool = spool
        self.age = age
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                let removed = try await self.spool.sweep(olderThan: self.age)
                if removed > 0 { self.logger.info("abandoned spool chunks removed", metadata: ["chunks": "\(removed)"]) }
            } catch {
                self.logger.warning("spool sweep failed", metadata: ["error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: self.interval) }
        }
    }
}
