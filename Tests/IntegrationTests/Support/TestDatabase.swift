import Foundation
import Logging
import PostgresNIO
import Storage
import Testing

/// A fresh database on the throwaway server `make test` starts
/// (`LEAD_INTAKE_TEST_DATABASE_URL`), so tests run in parallel without seeing each
/// other's rows. Dropped when the test ends.
struct TestDatabase: Sendable {
    static let logger: Logger = {
        var logger = Logger(label: "test")
        logger.logLevel = ProcessInfo.processInfo.environment["TEST_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .critical
        return logger
    }()

    let name: String
    let urlString: String
    var url: DatabaseURL { try! DatabaseURL(self.urlString) }

    static var adminURL: String {
        get throws {
            try #require(
                ProcessInfo.processInfo.environment["LEAD_INTAKE_TEST_DATABASE_URL"],
                "LEAD_INTAKE_TEST_DATABASE_URL is not set: run the tests with `make test`, which starts a throwaway PostgreSQL")
        }
    }

    /// Creates a database, runs `body` with it (migrated unless `migrated` is false), drops it.
    static func with<T: Sendable>(
        migrated: Bool = true, _ body: @Sendable (TestDatabase) async throws -> T
    ) async throws -> T {
        let admin = try DatabaseURL(try self.adminURL)
        let name = "li_test_\(UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: ""))"
        try await self.withClient(admin) { client in
            try await client.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"))
        }
        var components = URLComponents(string: try self.adminURL)!
        components.path = "/\(name)"
        let database = TestDatabase(name: name, urlString: components.string!)
        if migrated {
            try await self.withClient(database.url) { client in
                try await Migrator(client: client, logger: self.logger).migrate()
            }
        }
        do {
            let result = try await body(database)
            try? await self.drop(name, admin: admin)
            return result
        } catch {
            try? await self.drop(name, admin: admin)
            throw error
        }
    }

    private static func drop(_ name: String, admin: DatabaseURL) async throws {
        try await self.withClient(admin) { client in
            try await client.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"))
        }
    }

    /// Runs `body` with a running pool on `url`.
    @discardableResult
    static func withClient<T: Sendable>(
        _ url: DatabaseURL, maximumConnections: Int = 8, _ body: (PostgresClient) async throws -> T
    ) async throws -> T {
        var configuration = url.configuration
        configuration.options.maximumConnections = maximumConnections
        let client = PostgresClient(configuration: configuration, backgroundLogger: self.logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            return try await body(client)
        }
    }

    func withClient<T: Sendable>(maximumConnections: Int = 8, _ body: (PostgresClient) async throws -> T) async throws -> T {
        try await Self.withClient(self.url, maximumConnections: maximumConnections, body)
    }
}

extension PostgresClient {
    /// The single integer a `SELECT count(*) ...`-style query returns.
    func scalar(_ query: PostgresQuery) async throws -> Int {
        for try await value in try await self.query(query).decode(Int.self) { return value }
        Issue.record("query returned no row")
        return -1
    }
}
