import Foundation
import Logging
import PostgresNIO
import Storage

/// Opens the database a command needs, runs `body`, and closes everything again.
///
/// With the embedded cluster: starts it when it is not running and stops it afterwards
/// only if this command started it, so `lead-intake leads list` next to a running
/// `serve` leaves the server's cluster alone.
enum DatabaseSession {
    static func with<T: Sendable>(
        _ location: DatabaseLocation, logger: Logger, migrate: Bool = true,
        _ body: @escaping @Sendable (PostgresClient) async throws -> T
    ) async throws -> T {
        var embedded: EmbeddedPostgres?
        var startedHere = false
        let url: DatabaseURL
        switch location {
        case .server(let server):
            url = server
        case .embedded(let configuration):
            let cluster = EmbeddedPostgres(configuration: configuration, logger: logger)
            startedHere = try await cluster.start() == .started
            embedded = cluster
            url = cluster.databaseURL
        }
        do {
            let result = try await self.withClient(url, logger: logger, migrate: migrate, body)
            if startedHere { await embedded?.stop() }
            return result
        } catch {
            if startedHere { await embedded?.stop() }
            throw error
        }
    }

    /// Runs `body` with a running pool on `url`, after checking the server answers (and
    /// applying migrations when asked).
    static func withClient<T: Sendable>(
        _ url: DatabaseURL, logger: Logger, migrate: Bool,
        _ body: @escaping @Sendable (PostgresClient) async throws -> T
    ) async throws -> T {
        var configuration = url.configuration
        configuration.options.connectTimeout = .seconds(5)
        // The pool's own chatter at warning and above: a one-shot command that closes its pool
        // while a spare connection is still opening logged "Connection creation failed" at
        // info after a successful run. (`--log-level debug` or trace still shows all of it.)
        var poolLogger = logger
        if poolLogger.logLevel >= .info { poolLogger.logLevel = .warning }
        let client = PostgresClient(configuration: configuration, backgroundLogger: poolLogger)
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                await client.run()
                return nil
            }
            defer { group.cancelAll() }
            do {
                _ = try await withDeadline(.seconds(5)) { try await client.query("SELECT 1") }
            } catch {
                throw CLIError("cannot connect to PostgreSQL at \(url): \(Self.reason(error))")
            }
            if migrate {
                try await Migrator(client: client, logger: logger).migrate()
            }
            return try await body(client)
        }!
    }

    /// A one-line reason for a connection failure, without the driver's generic text.
    static func reason(_ error: any Error) -> String {
        if error is DeadlineExceeded { return "no answer within 5 s" }
        if let psql = error as? PSQLError {
            if let message = psql.serverInfo?[.message] { return message }
            if let underlying = psql.underlying { return "\(underlying)" }
            return "\(psql.code)"
        }
        return "\(error)"
    }
}
