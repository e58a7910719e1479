import Synchronization

/// Where a part's encoded body lives.
///
/// Usually the buffer itself (the input, shared with the caller, or a decoded copy). A
/// transfer-encoded embedded message that was the last entity of its level is instead
/// described by how to decode it again: its decoded buffer was released after parsing, so
/// a forward of a forward of base64 `message/rfc822` parts does not keep one decoded copy
/// per level alive (Fuzz/findings/README.md).
enum PartSource: Sendable {
    /// The bytes, kept alive.
    case bytes([UInt8])
    /// Bytes decoded from another source, released after parsing.
    case decoded(DecodedSource)

    /// The bytes, decoded again from the parent when they were released.
    func materialized() -> [UInt8] {
        switch self {
        case .bytes(let bytes): return bytes
        case .decoded(let source): return source.materialized()
        }
    }
}

/// `range` of `parent`, transfer-decoded as `encoding`, decoded again when first read.
///
/// The first `decodedBody()` of a part inside decodes the chain of levels above it (bounded
/// by `MIMELimits.maximumDepth`) and keeps the result, so reading every part of a nested
/// forward costs one decoding per level, not one per part; a caller that reads nested
/// bodies gets back the memory that parsing alone avoids.
final class DecodedSource: Sendable {
    let parent: PartSource
    let range: Range<Int>
    let encoding: String
    private let cache = Mutex<[UInt8]?>(nil)

    init(parent: PartSource, range: Range<Int>, encoding: String) {
        self.parent = parent
        self.range = range
        self.encoding = encoding
    }

    func materialized() -> [UInt8] {
        if let cached = cache.withLock({ $0 }) { return cached }
        let bytes = TransferDecoder.decode(parent.materialized(), range: range, encoding: encoding).bytes
        cache.withLock { $0 = bytes }
        return bytes
    }
}
