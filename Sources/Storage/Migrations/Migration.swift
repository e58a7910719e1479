import Foundation

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
    /// The SQL, run inside one transaction.
    public let sql: String

    /// `sql` cut into single statements: the extended query protocol runs one at a time.
    /// Statements end with a semicolon at the end of a line; a function body that needs
    /// such a line inside it must be written with the semicolon elsewhere.
    public var statements: [String] {
        self.sql.components(separatedBy: ";\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .map { $0.hasSuffix(";") ? String($0.dropLast()) : $0 }
            .filter { !$0.isEmpty && !$0.split(separator: "\n").allSatisfy { $0.trimmingCharacters(in: .whitespaces).hasPrefix("--") } }
    }

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }

    /// Every migration the gateway knows, in order.
    public static let all: [Migration] = [
        .coreSchema,
        .envelopeTLS,
        .messageSpool,
        .leadExtraction,
        .identity,
        .reviewReasons,
        .reviewedAt,
        .builderMailboxes,
        .postmaster,
    ]
}
