/// Byte-level fast paths for the common case of `AddressListParser`: addresses and
/// display names that are plain ASCII.
///
/// For ASCII text without CR every Character is one byte, so working on bytes gives
/// exactly what the Character-based general code gives, without its String and Substring
/// allocations (address parsing ran for every From/To/Cc/Reply-To of every message). CR is
/// left to the general code because "\r\n" is a single Character there.
extension AddressListParser {
    /// `normalizedAddress` for ASCII input without CR; nil result means "no address",
    /// and `isApplicable` false means "use the general code".
    static func normalizedASCIIAddress(_ text: String) -> (isApplicable: Bool, address: String?) {
        var text = text
        return text.withUTF8 { input -> (Bool, String?) in
            guard isPlainASCII(input) else { return (false, nil) }
            var start = 0
            var end = input.count
            while start < end, input[start] == UInt8(ascii: "<") || input[start] == 0x20 || input[start] == 0x09 {
                start += 1  // "<<<a@b" from a hostile or broken header
            }
            if let angle = firstIndex(of: UInt8(ascii: "<"), in: input, start..<end) {
                end = angle
            }
            var address: [UInt8] = []
            address.reserveCapacity(end - start)
            for byte in input[start..<end] where byte != 0x20 && byte != 0x09 && byte != 0x0A {
                address.append(byte)
            }
            var first = 0
            var last = address.count
            if hasMailtoPrefix(address) { first = 7 }
            if first < last, address[first] == UInt8(ascii: "@"),
               let colon = firstIndex(of: UInt8(ascii: ":"), in: address, first..<last) {
                first = colon + 1
            }
            while last > first, [UInt8(ascii: "."), UInt8(ascii: ">"), UInt8(ascii: "]"), UInt8(ascii: ";"),
                                 UInt8(ascii: ",")].contains(address[last - 1]) {
                last -= 1
            }
            guard let at = address[first..<last].lastIndex(of: UInt8(ascii: "@")), at > first, at + 1 < last else {
                return (true, nil)
            }
            var result = address[first...at]
            for byte in address[(at + 1)..<last] {
                result.append(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte)
            }
            return (true, String(decoding: result, as: UTF8.self))
        }
    }

    /// The whitespace-collapsing and unquoting of `cleanName` for ASCII input without CR;
    /// `isApplicable` false means "use the general code".
    static func cleanASCIIName(_ decoded: String) -> (isApplicable: Bool, name: String?) {
        var decoded = decoded
        return decoded.withUTF8 { input -> (Bool, String?) in
            guard isPlainASCII(input) else { return (false, nil) }
            var collapsed: [UInt8] = []
            collapsed.reserveCapacity(input.count)
            var lastWasSpace = true
            for byte in input {
                // Character.isWhitespace on ASCII: tab, LF, VT, FF, CR and space.
                if (byte >= 0x09 && byte <= 0x0D) || byte == 0x20 {
                    if !lastWasSpace { collapsed.append(0x20) }
                    lastWasSpace = true
                } else {
                    collapsed.append(byte)
                    lastWasSpace = false
                }
            }
            var start = 0
            var end = collapsed.count
            while end > start, collapsed[end - 1] == 0x20 { end -= 1 }
            while end - start >= 2,
                  (collapsed[start] == UInt8(ascii: "'") && collapsed[end - 1] == UInt8(ascii: "'"))
                    || (collapsed[start] == UInt8(ascii: "\"") && collapsed[end - 1] == UInt8(ascii: "\"")) {
                start += 1
                end -= 1
            }
            // What `HeaderBlockParser.trimmed` would still remove (only spaces can be left).
            while start < end, collapsed[start] == 0x20 { start += 1 }
            while end > start, collapsed[end - 1] == 0x20 { end -= 1 }
            guard start < end else { return (true, nil) }
            return (true, String(decoding: collapsed[start..<end], as: UTF8.self))
        }
    }

    /// ASCII without CR: the inputs on which bytes and Characters coincide.
    private static func isPlainASCII(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in input where byte >= 0x80 || byte == 0x0D {
            return false
        }
        return true
    }

    private static func firstIndex<Bytes: RandomAccessCollection<UInt8>>(
        of byte: UInt8, in input: Bytes, _ range: Range<Int>
    ) -> Int? where Bytes.Index == Int {
        for index in range where input[index] == byte {
            return index
        }
        return nil
    }

    /// Whether `bytes` starts with `mailto:`, ignoring ASCII case.
    private static func hasMailtoPrefix(_ bytes: [UInt8]) -> Bool {
        let mailto: [UInt8] = Array("mailto:".utf8)
        guard bytes.count >= mailto.count else { return false }
        for offset in 0..<mailto.count {
            let byte = bytes[offset]
            if (byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte) != mailto[offset] { return false }
        }
        return true
    }
}
