/// Thrown by ``withDeadline(_:operation:)`` when the operation did not finish in time.
public struct DeadlineExceeded: Error, CustomStringConvertible {
    public let limit: Duration
    public var description: String { "operation did not finish within \(self.limit)" }
}

/// Runs `operation`, cancelling it and throwing ``DeadlineExceeded`` after `limit`.
///
/// The pool waits indefinitely for a connection while Postgres is down; callers that owe a
/// peer an answer (an SMTP reply, a health check) bound that wait with this.
public func withDeadline<T: Sendable>(
    _ limit: Duration,
    operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: limit)
            throw DeadlineExceeded(limit: limit)
        }
        defer { group.cancelAll() }
        guard let first = try await group.next() else { throw DeadlineExceeded(limit: limit) }
        return first
    }
}
