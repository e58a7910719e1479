/// The first bytes of a rule's phrases (ASCII) as 128 bits, asked of one byte per message,
/// where a `Set<UInt8>` hashed it.
struct FirstByteSet: Sendable {
    private let low: UInt64
    private let high: UInt64

    /// The first bytes of `words`, which are ASCII.
    init(firstBytesOf words: [[UInt8]]) {
        var low: UInt64 = 0
        var high: UInt64 = 0
        for case let first? in words.map(\.first) {
            precondition(first < 0x80, "an ASCII first byte")
            if first < 64 { low |= 1 << UInt64(first) } else { high |= 1 << UInt64(first - 64) }
        }
        self.low = low
        self.high = high
    }

    @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        byte < 64 ? low >> UInt64(byte) & 1 != 0 : byte < 128 && high >> UInt64(byte - 64) & 1 != 0
    }
}
