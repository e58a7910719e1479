/// Whether text holds a lowercase ASCII phrase with A-Z folded, on its bytes: no lowercased
/// copy and no Character walk (the cue checks of a message run on every message).
enum FoldedSearch {
    /// Whether `bytes` hold `needle` (lowercase ASCII), A-Z in `bytes` folded.
    static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        guard count > 0, bytes.count >= count else { return count == 0 }
        @inline(__always) func folded(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        let first = needle.utf8Start[0]
        var start = 0
        while start + count <= bytes.count {
            if folded(bytes[start]) == first {
                var offset = 1
                while offset < count, folded(bytes[start + offset]) == needle.utf8Start[offset] { offset += 1 }
                if offset == count { return true }
            }
            start += 1
        }
        return false
    }

    /// The first of `needles` (lowercase ASCII) found in `bytes`, by position in `bytes`, A-Z
    /// folded: one pass, each position tried only against the needles starting with its byte.
    static func firstOf(_ bytes: UnsafeBufferPointer<UInt8>, _ needles: [StaticString]) -> Int? {
        @inline(__always) func folded(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        var firstBytes = [Bool](repeating: false, count: 256)
        for needle in needles where needle.utf8CodeUnitCount > 0 { firstBytes[Int(needle.utf8Start[0])] = true }
        for start in 0..<bytes.count where firstBytes[Int(folded(bytes[start]))] {
            for (index, needle) in needles.enumerated() {
                let count = needle.utf8CodeUnitCount
                guard count > 0, start + count <= bytes.count, folded(bytes[start]) == needle.utf8Start[0] else { continue }
                var offset = 1
                while offset < count, folded(bytes[start + offset]) == needle.utf8Start[offset] { offset += 1 }
                if offset == count { return index }
            }
        }
        return nil
    }

    /// Whether `bytes` hold `needle` (lowercase bytes), A-Z in `bytes` folded.
    static func contains(_ bytes: UnsafeBufferPointer<UInt8>, bytes needle: [UInt8]) -> Bool {
        guard let first = needle.first, bytes.count >= needle.count else { return needle.isEmpty }
        @inline(__always) func folded(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        var start = 0
        while start + needle.count <= bytes.count {
            if folded(bytes[start]) == first {
                var offset = 1
                while offset < needle.count, folded(bytes[start + offset]) == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            start += 1
        }
        return false
    }

    /// ``contains(_:_:)-(UnsafeBufferPointer<UInt8>,_)`` of a String's UTF-8.
    static func contains(_ text: String, _ needle: StaticString) -> Bool {
        var copy = text
        return copy.withUTF8 { contains($0, needle) }
    }
}
