import Storage
import Synchronization

/// Recipients that resolved to a builder recently, so a sender delivering many messages
/// (a marketplace, a relay) costs one lookup per address and `ttl`, not one per RCPT.
///
/// Only positive answers are kept: an address added to `intake_addresses` works at once,
/// while a removed one may still be accepted (and stored for its builder) for up to `ttl`.
final class RecipientCache: Sendable {
    private struct Entry {
        let builder: Builder
        let expires: ContinuousClock.Instant
    }

    let ttl: Duration
    let capacity: Int
    private let entries = Mutex<[String: Entry]>([:])

    init(ttl: Duration = .seconds(30), capacity: Int = 10_000) {
        self.ttl = ttl
        self.capacity = capacity
    }

    func builder(for address: String) -> Builder? {
        let now = ContinuousClock.now
        return self.entries.withLock { entries in
            guard let entry = entries[address] else { return nil }
            if entry.expires <= now {
                entries[address] = nil
                return nil
            }
            return entry.builder
        }
    }

    func remember(_ builder: Builder, for address: String) {
        let expires = ContinuousClock.now + self.ttl
        self.entries.withLock { entries in
            if entries.count >= self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[address] = Entry(builder: builder, expires: expires)
        }
    }
}
