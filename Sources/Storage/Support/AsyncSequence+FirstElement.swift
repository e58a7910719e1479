extension AsyncSequence {
    /// The first element, reading the sequence to its end (a query's rows must be consumed).
    func firstElement() async throws -> Element? {
        var first: Element?
        for try await element in self where first == nil {
            first = element
        }
        return first
    }
}
