import Foundation
import Intake
import Logging
import PostgresNIO
import SMTPServer
import Storage

/// Runs the real SMTP listener in-process on an ephemeral loopback port.
enum SMTPTestServer {
    static func acceptor(builders: PostgresClient, inbox: PostgresClient, deadline: Duration = .seconds(10)) -> MessageAcceptor {
        MessageAcceptor(
            builders: BuilderStore(client: builders, logger: TestDatabase.logger),
            inbox: InboxStore(client: inbox, logger: TestDatabase.logger),
            intakeDomains: ["intake.test"], deadline: deadline, metrics: IntakeMetrics(), logger: TestDatabase.logger)
    }

    static func with<T: Sendable>(
        _ acceptor: MessageAcceptor, configure: (inout SMTPServer.Configuration) -> Void = { _ in },
        _ body: (Int) async throws -> T
    ) async throws -> T {
        var configuration = SMTPServer.Configuration(host: "127.0.0.1", port: 0)
        configuration.hostname = "intake.test"
        configure(&configuration)
        let server = SMTPServer(configuration: configuration, acceptor: acceptor, logger: TestDatabase.logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            defer { group.cancelAll() }
            return try await body(try await server.listeningPort())
        }
    }

    /// A pool pointed at a port where nothing listens: Postgres "down".
    static func withUnreachableDatabase<T: Sendable>(_ body: (PostgresClient) async throws -> T) async throws -> T {
        var configuration = try DatabaseURL("postgres://postgres@127.0.0.1:\(freePort())/none?sslmode=disable").configuration
        configuration.options.connectTimeout = .milliseconds(500)
        let client = PostgresClient(configuration: configuration, backgroundLogger: TestDatabase.logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            return try await body(client)
        }
    }
}

/// The item ids in a `250 2.0.0 OK queued as ID[,ID]` line of the test client.
func queuedIDs(_ line: String) -> [UUID] {
    guard let range = line.range(of: "queued as ") else { return [] }
    return line[range.upperBound...].split(separator: ",").compactMap { UUID(uuidString: String($0)) }
}
