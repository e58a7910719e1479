/// One versioned schema change, applied once in its own transaction and recorded in
/// `schema_migrations`.
///
/// Migrations are Swift values rather than files so the binary carries its schema with it:
/// `lead-intake migrate` works from any directory, with no resource bundle to lose.
public struct Migration: Sendable {
    /// Strictly increasing; never reuse or renumber a version that has shipped.
    public let version: Int
    /// Short snake_case description, recorded beside the version.
    public let name: String
    /// The SQL, run as one simple-protocol statement batch inside a transaction.
    public let sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }

    /// Every migration the gateway knows, in order.
    public static let all: [Migration] = [
        .coreSchema
    ]
}
