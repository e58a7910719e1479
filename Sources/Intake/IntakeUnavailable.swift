/// Storage could not take or answer a request in time: the peer should retry later
/// (SMTP 451 4.3.0, HTTP 503). Nothing was acknowledged.
public struct IntakeUnavailable: Error, CustomStringConvertible {
    /// Safe to log; the underlying error may carry a query, never lead data.
    public let reason: String
    public let underlying: (any Error)?

    public init(reason: String, underlying: (any Error)? = nil) {
        self.reason = reason
        self.underlying = underlying
    }

    public var description: String { "storage unavailable: \(self.reason)" }
}
