import Logging
import PostgresNIO

extension PostgresClient {
    /// `withTransaction`, but a ``StorageError`` thrown by `body` (a decision such as "not
    /// found" or "not pending") comes out as itself, not wrapped in `PostgresTransactionError`.
    func transaction<T: Sendable>(
        logger: Logger, _ body: (PostgresConnection) async throws -> sending T
    ) async throws -> T {
        do {
            return try await self.withTransaction(logger: logger, body)
        } catch let error as PostgresTransactionError {
            if let decided = error.closureError as? StorageError, error.rollbackError == nil { throw decided }
            throw error
        }
    }
}
