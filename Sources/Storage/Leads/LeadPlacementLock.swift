import Foundation
import Logging
import PostgresNIO

/// One builder's leads are placed (looked up, matched, inserted or merged, routed) one
/// transaction at a time: a transaction-scoped Postgres advisory lock on the builder, held
/// to commit. Every lookup of a later transaction then sees the leads of the earlier ones.
/// Without it, one person's forward and the marketplace's own copy recorded at once by two
/// workers missed each other and made two leads, and a third lead of an ad-hoc source
/// counted only two. Other builders are not held up.
///
/// Taken by recording a lead (``LeadStore/record(_:thread:for:)``), an import batch, and
/// `merges accept` / `undo`, each before any row lock of its own, so they never deadlock.
enum LeadPlacementLock {
    /// The first of the two-int keys (the second is the builder's hash): a space of its own.
    static let space: Int32 = 0x4C50_4C41  // "LPLA"

    static func acquire(builderID: UUID, on tx: PostgresConnection, logger: Logger) async throws {
        try await tx.query("SELECT pg_advisory_xact_lock(\(Self.space), hashtext(\(builderID)::text))", logger: logger)
    }
}
