public import Logging
public import PostgresNIO

/// Applies ``Migration``s in order, each in its own transaction, under a Postgres advisory
/// lock so that two processes starting at once apply each migration exactly once.
public struct Migrator: Sendable {
    /// Arbitrary but fixed: every lead-intake process takes the same lock.
    static let advisoryLockKey: Int64 = 0x4C49_4D49_4752  // "LIMIGR"

    let client: PostgresClient
    let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Applies every migration not yet recorded in `schema_migrations`.
    /// - Returns: the versions applied by this call (empty when the schema was current).
    @discardableResult
    public func migrate(_ migrations: [Migration] = Migration.all) async throws -> [Int] {
        let logger = self.logger
        return try await self.client.withConnection { connection in
            try await connection.query("SELECT pg_advisory_lock(\(Self.advisoryLockKey))", logger: logger)
            do {
                let applied = try await Self.applyPending(migrations, on: connection, logger: logger)
                try await connection.query("SELECT pg_advisory_unlock(\(Self.advisoryLockKey))", logger: logger)
                return applied
            } catch {
                // The lock is session-scoped; release it so the pooled connection is clean.
                _ = try? await connection.query("SELECT pg_advisory_unlock(\(Self.advisoryLockKey))", logger: logger)
                throw error
            }
        }
    }

    private static func applyPending(
        _ migrations: [Migration], on connection: PostgresConnection, logger: Logger
    ) async throws -> [Int] {
        try await connection.query(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version integer PRIMARY KEY,
                name text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """, logger: logger)
        var done = Set<Int>()
        for try await version in try await connection.query("SELECT version FROM schema_migrations", logger: logger)
            .decode(Int.self)
        {
            done.insert(version)
        }
        if let newest = done.max(), let known = migrations.map(\.version).max(), newest > known {
            logger.warning("database schema is newer than this binary", metadata: ["db_version": "\(newest)", "known_version": "\(known)"])
        }
        var applied: [Int] = []
        for migration in migrations.sorted(by: { $0.version < $1.version }) where !done.contains(migration.version) {
            try await connection.withTransaction(logger: logger) { tx in
                for statement in migration.statements {
                    try await tx.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await tx.query(
                    "INSERT INTO schema_migrations (version, name) VALUES (\(migration.version), \(migration.name))",
                    logger: logger)
            }
            logger.info("applied migration", metadata: ["version": "\(migration.version)", "name": "\(migration.name)"])
            applied.append(migration.version)
        }
        return applied
    }
}
