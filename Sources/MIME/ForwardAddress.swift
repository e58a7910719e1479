/// `AddressListParser.normalizedAddress` for the addresses of forward header blocks, with
/// its ASCII case done in place on the bytes (one String for the result, no intermediate
/// arrays): a forward's `From`, `To` and `Cc` hold one or more addresses each.
enum ForwardAddress {
    /// The cleaned address in `text` (`mailto:` and routes stripped, whitespace removed, the
    /// domain lowercased), or nil when there is none; exactly what
    /// `AddressListParser.normalizedAddress(text)` returns.
    static func normalized(_ text: String) -> String? {
        var text = text
        let ascii = text.withUTF8 { bytes -> (isApplicable: Bool, address: String?) in
            // ASCII without CR: the inputs on which bytes and Characters coincide.
            for byte in bytes where byte >= 0x80 || byte == 0x0D { return (false, nil) }
            return (true, normalized(ascii: bytes))
        }
        return ascii.isApplicable ? ascii.address : AddressListParser.normalizedAddress(text)
    }

    /// ``normalized(_:)`` for ASCII bytes without CR.
    private static func normalized(ascii input: UnsafeBufferPointer<UInt8>) -> String? {
        var start = 0
        var end = input.count
        while start < end, input[start] == UInt8(ascii: "<") || input[start] == 0x20 || input[start] == 0x09 {
            start += 1  // "<<<a@b" from a hostile or broken header
        }
        if let angle = (start..<end).first(where: { input[$0] == UInt8(ascii: "<") }) { end = angle }
        // Whitespace is dropped wherever it is: usually there is none, and the bytes are
        // read in place; otherwise the rest is copied once.
        let range = start..<end
        guard range.contains(where: { isDropped(input[$0]) }) else {
            return normalized(compact: UnsafeBufferPointer(rebasing: input[range]))
        }
        let kept = range.compactMap { isDropped(input[$0]) ? nil : input[$0] }
        return kept.withUnsafeBufferPointer { normalized(compact: $0) }
    }

    /// The rest of ``normalized(ascii:)`` once the address has no whitespace.
    private static func normalized(compact address: UnsafeBufferPointer<UInt8>) -> String? {
        let kept = address.count
        @inline(__always) func at(_ offset: Int) -> UInt8 { address[offset] }
        var first = 0
        var last = kept
        if kept >= 7 {
            var isMailto = true
            for (offset, expected) in "mailto:".utf8.enumerated() {
                let value = at(offset)
                if (value >= 0x41 && value <= 0x5A ? value + 32 : value) != expected {
                    isMailto = false
                    break
                }
            }
            if isMailto { first = 7 }
        }
        if first < last, at(first) == UInt8(ascii: "@") {
            var colon = first
            while colon < last, at(colon) != UInt8(ascii: ":") { colon += 1 }
            if colon < last { first = colon + 1 }
        }
        while last > first, isTrailingPunctuation(at(last - 1)) { last -= 1 }
        var atSign = last - 1
        while atSign >= first, at(atSign) != UInt8(ascii: "@") { atSign -= 1 }
        guard atSign > first, atSign + 1 < last else { return nil }
        return String(unsafeUninitializedCapacity: last - first) { output in
            var written = 0
            for offset in first..<last {
                let value = at(offset)
                output[written] = offset > atSign && value >= 0x41 && value <= 0x5A ? value + 32 : value
                written += 1
            }
            return written
        }
    }

    /// Whitespace the address loses (CR never reaches here).
    @inline(__always)
    private static func isDropped(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A
    }

    @inline(__always)
    private static func isTrailingPunctuation(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ".") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "]")
            || byte == UInt8(ascii: ";") || byte == UInt8(ascii: ",")
    }
}
