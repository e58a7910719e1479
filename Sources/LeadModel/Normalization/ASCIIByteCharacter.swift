/// Whether a space or tab byte of UTF-8 text is a Character of its own, so that text
/// split or collapsed at those bytes gives what a split at Characters gives.
public enum ASCIIByteCharacter {
    /// Whether the space or tab byte at `index` of UTF-8 `bytes` is a Character of its own.
    /// Only its neighbouring scalars decide (a Prepend one before it, an Extend, ZWJ or
    /// SpacingMark one after it joins it; CR joins only LF): ASCII ones never join it, and
    /// others are asked of the three scalars as a String (rare: a space beside a letter
    /// that is not ASCII, or a no-break space).
    @inlinable
    public static func standsAlone(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let before = index > 0 && bytes[index - 1] >= 0x80
        let after = index + 1 < bytes.count && bytes[index + 1] >= 0x80
        guard before || after else { return true }
        var start = index
        if index > 0 {
            start -= 1
            while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        }
        var end = index + 1
        if end < bytes.count {
            end += 1
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        }
        let scalars = (index > start ? 1 : 0) + 1 + (end > index + 1 ? 1 : 0)
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).count == scalars
    }
}
