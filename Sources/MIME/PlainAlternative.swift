/// Whether a message's text/plain alternative stands for the message, or its HTML says what
/// the plain part leaves out.
///
/// Mail clients write both alternatives, and the plain one is normally the HTML's words; but
/// some write an empty plain part, a stub ("This message contains HTML. Please use an
/// HTML-capable mail client"), or, forwarding from a phone, only the forwarder's own comment
/// while the HTML carries the forwarded original. Read as the message's text, each of those
/// loses the inquiry: the forward is never found and the forwarder becomes the prospect.
enum PlainAlternative {
    enum Verdict: Equatable {
        /// The plain part is the text.
        case plain
        /// The HTML rendered is the text.
        case html
        /// A possible stub: the HTML rendered is the text when it says clearly more.
        case htmlIfLonger
    }

    /// A stub is short; a person's short message mentioning HTML has an HTML alternative
    /// with the same words, so it stays plain (``prefersRendering(_:over:)``).
    static let stubMaximumBytes = 400

    /// What to read for a message with both alternatives (`subject` tells a forward).
    static func verdict(plain: String, html: String, subject: String?) -> Verdict {
        var plain = plain
        var html = html
        return plain.withUTF8 { plainBytes in
            if isBlank(plainBytes) { return .html }
            if plainBytes.count <= stubMaximumBytes, contains(plainBytes, folded: "html") { return .htmlIfLonger }
            // A forward whose header block ("From: ...") is only in the HTML. Every client's
            // plain forward writes a "From:" line, so a plain part without one has none.
            if ForwardSubjectPrefix.classify(subject) == .forward, !contains(plainBytes, folded: "from:") {
                return html.withUTF8 { contains($0, folded: "from:") } ? .html : .plain
            }
            return .plain
        }
    }

    /// For ``Verdict/htmlIfLonger``: whether `rendering` says clearly more than `plain`
    /// (over twice its letters and digits).
    static func prefersRendering(_ rendering: String, over plain: String) -> Bool {
        func weight(_ text: String) -> Int {
            text.utf8.reduce(0) { count, byte in
                let lower = byte | 0x20
                return count + ((lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80 ? 1 : 0)
            }
        }
        return weight(rendering) > 2 * weight(plain)
    }

    private static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }

    /// Whether `bytes` hold `needle` (lowercase ASCII), ASCII letters compared without case.
    private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, folded needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        guard count > 0, bytes.count >= count else { return false }
        let first = needle.utf8Start[0]
        var start = 0
        while start <= bytes.count - count {
            if foldASCII(bytes[start]) == first {
                var offset = 1
                while offset < count, foldASCII(bytes[start + offset]) == needle.utf8Start[offset] { offset += 1 }
                if offset == count { return true }
            }
            start += 1
        }
        return false
    }

    @inline(__always)
    private static func foldASCII(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
