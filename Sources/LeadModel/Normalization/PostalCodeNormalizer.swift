/// US ZIP codes: ZIP5 or ZIP+4.
public enum PostalCodeNormalizer {
    /// `78704`, `78704-1234`; nine bare digits become ZIP+4 (`787041234` → `78704-1234`);
    /// `78704 1234` too. Nil for anything else (a Canadian or UK postcode, a 4-digit number).
    public static func normalize(_ raw: String) -> String? {
        var copy = raw
        if let zip = copy.withUTF8({ bytes -> String?? in
            bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) ? nil : .some(asciiZIP(bytes))
        }) {
            return zip
        }
        return generalNormalize(raw)
    }

    /// ``normalize(_:)`` step by step on Strings: any text (``asciiZIP(_:)`` must agree).
    static func generalNormalize(_ raw: String) -> String? {
        var text = TextScanning.trimmed(raw)
        if text.lowercased().hasPrefix("zip") {
            text = TextScanning.trimmed(text.drop { $0.isLetter || $0 == ":" || $0 == "#" || $0 == " " })
        }
        let digits = text.filter { !($0 == "-" || $0 == " " || $0 == "\u{2013}") }
        guard TextScanning.allDigits(digits) else { return nil }
        let separators = text.count - digits.count
        switch digits.count {
        case 5 where separators == 0:
            return digits
        case 9 where separators <= 1:
            if separators == 1, text.firstIndex(where: { !TextScanning.isASCIIDigit($0) }).map({ text.distance(from: text.startIndex, to: $0) }) != 5 {
                return nil
            }
            return String(digits.prefix(5)) + "-" + String(digits.suffix(4))
        default:
            return nil
        }
    }

    /// ``normalize(_:)`` of ASCII bytes without CR (a Character per byte; whitespace is
    /// 0x09-0x0D and space), step for step.
    static func asciiZIP(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
        @inline(__always) func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        @inline(__always) func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        @inline(__always) func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        var start = 0
        var end = raw.count
        while start < end, isSpace(raw[start]) { start += 1 }
        while end > start, isSpace(raw[end - 1]) { end -= 1 }
        if end - start >= 3, raw[start] | 0x20 == 0x7A, raw[start + 1] | 0x20 == 0x69, raw[start + 2] | 0x20 == 0x70 {
            // "zip" in any case: drop letters, ":", "#" and spaces, then trim again.
            while start < end, isLetter(raw[start]) || raw[start] == UInt8(ascii: ":") || raw[start] == UInt8(ascii: "#") || raw[start] == 0x20 {
                start += 1
            }
            while start < end, isSpace(raw[start]) { start += 1 }
        }
        // Counted, not collected: a ZIP's digits are the text's bytes but the one separator.
        var digitCount = 0
        var firstOther = -1
        for index in start..<end {
            let byte = raw[index]
            if byte == UInt8(ascii: "-") || byte == 0x20 {
                if firstOther < 0 { firstOther = index - start }
                continue
            }
            guard isDigit(byte) else { return nil }
            digitCount += 1
        }
        let separators = (end - start) - digitCount
        switch digitCount {
        case 5 where separators == 0:
            return String(decoding: UnsafeBufferPointer(rebasing: raw[start..<end]), as: UTF8.self)
        case 9 where separators <= 1:
            if separators == 1, firstOther != 5 { return nil }
            // Five digits, "-", the last four (after the separator, if one was written).
            return String(unsafeUninitializedCapacity: 10) { output in
                for offset in 0..<5 { output[offset] = raw[start + offset] }
                output[5] = UInt8(ascii: "-")
                for offset in 0..<4 { output[6 + offset] = raw[end - 4 + offset] }
                return 10
            }
        default:
            return nil
        }
    }

    /// The first five digits of a ZIP or ZIP+4 (the matching key).
    public static func zip5(_ raw: String) -> String? {
        normalize(raw).map { String($0.prefix(5)) }
    }
}
