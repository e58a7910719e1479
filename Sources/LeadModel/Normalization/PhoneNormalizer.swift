/// Turns one written phone number into E.164 with its extension apart.
///
/// NANP numbers are accepted in every US form: `(512) 555-0143`, `512.555.0143`,
/// `512-555-0143 x204`, `512 555 0143 ext. 12`, `+1 512 555 0143`, `1-512-555-0143`,
/// `tel:+15125550143`; area code and exchange must be valid (see ``NANPNumber``).
/// International numbers need their country code: `+44 20 7946 0958`, `0044 20 7946 0958`,
/// `011 44 20 7946 0958` → `+442079460958` (8 to 15 digits, the country code not starting
/// with 0). A national number without a country code that is not NANP is rejected: its
/// country cannot be known.
public enum PhoneNormalizer {
    /// The normalised number, or nil when `raw` is not one recognisable phone number.
    public static func normalize(_ raw: String) -> NormalizedPhone? {
        // ASCII without CR (nearly every value) is read from its bytes.
        var copy = raw
        if let phone = copy.withUTF8({ bytes -> NormalizedPhone?? in
            bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) ? nil : .some(asciiNumber(bytes))
        }) {
            return phone
        }
        var text = TextScanning.trimmed(raw)
        if text.lowercased().hasPrefix("tel:") { text = String(text.dropFirst(4)) }
        guard !text.isEmpty, text.count <= 60 else { return nil }
        let (numberPart, phoneExtension) = splitExtension(text)
        // Only phone punctuation may appear in the number part.
        var digits = ""
        var hasPlus = false
        for character in numberPart {
            if TextScanning.isASCIIDigit(character) {
                digits.append(character)
            } else if character == "+" {
                guard digits.isEmpty, !hasPlus else { return nil }
                hasPlus = true
            } else if !" -.()/\u{A0}\u{2013}\u{2011}".contains(character) && !character.isWhitespace {
                return nil
            }
        }
        if !hasPlus {
            if digits.hasPrefix("011") {
                digits.removeFirst(3)
                hasPlus = true
            } else if digits.hasPrefix("00") {
                digits.removeFirst(2)
                hasPlus = true
            }
        }
        if hasPlus {
            if digits.hasPrefix("1") {
                let national = String(digits.dropFirst())
                guard NANPNumber.isValid(tenDigits: national) else { return nil }
                return NormalizedPhone(e164: NANPNumber.e164(tenDigits: national), phoneExtension: phoneExtension, isNANP: true)
            }
            guard digits.count >= 8, digits.count <= 15, digits.first != "0" else { return nil }
            return NormalizedPhone(e164: "+" + digits, phoneExtension: phoneExtension, isNANP: false)
        }
        if digits.count == 11, digits.hasPrefix("1") { digits.removeFirst() }
        guard NANPNumber.isValid(tenDigits: digits) else { return nil }
        return NormalizedPhone(e164: NANPNumber.e164(tenDigits: digits), phoneExtension: phoneExtension, isNANP: true)
    }

    /// ``normalize(_:)`` of ASCII bytes without CR (a Character per byte; whitespace is
    /// 0x09-0x0D and space), step for step.
    private static func asciiNumber(_ raw: UnsafeBufferPointer<UInt8>) -> NormalizedPhone? {
        @inline(__always) func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        @inline(__always) func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        @inline(__always) func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        var start = 0
        var end = raw.count
        while start < end, isSpace(raw[start]) { start += 1 }
        while end > start, isSpace(raw[end - 1]) { end -= 1 }
        if end - start >= 4, lower(raw[start]) == 0x74, lower(raw[start + 1]) == 0x65, lower(raw[start + 2]) == 0x6C, raw[start + 3] == 0x3A {
            start += 4  // "tel:"
        }
        guard start < end, end - start <= 60 else { return nil }
        let text = UnsafeBufferPointer(rebasing: raw[start..<end])
        let (numberEnd, phoneExtension) = asciiExtension(text)
        // The digits in a stack buffer (at most 60 of them), not an array on the heap; the
        // one String made is the number.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { digits -> NormalizedPhone? in
            var count = 0
            var hasPlus = false
            for byte in text[0..<numberEnd] {
                if isDigit(byte) {
                    digits[count] = byte
                    count += 1
                } else if byte == UInt8(ascii: "+") {
                    guard count == 0, !hasPlus else { return nil }
                    hasPlus = true
                } else if !(byte == 0x20 || byte == 0x2D || byte == 0x2E || byte == 0x28 || byte == 0x29 || byte == 0x2F || isSpace(byte)) {
                    return nil
                }
            }
            /// "+" (and "1" when `withOne`) then `digits[from..<count]`, as one String.
            func e164(_ withOne: Bool, from: Int) -> String {
                String(unsafeUninitializedCapacity: count - from + 2) { output in
                    var length = 0
                    output[length] = UInt8(ascii: "+")
                    length += 1
                    if withOne {
                        output[length] = UInt8(ascii: "1")
                        length += 1
                    }
                    for index in from..<count {
                        output[length] = digits[index]
                        length += 1
                    }
                    return length
                }
            }
            let all = UnsafeBufferPointer(rebasing: digits[0..<count])
            var from = 0
            if !hasPlus {
                if count >= 3, digits[0] == 0x30, digits[1] == 0x31, digits[2] == 0x31 {
                    from = 3
                    hasPlus = true
                } else if count >= 2, digits[0] == 0x30, digits[1] == 0x30 {
                    from = 2
                    hasPlus = true
                }
            }
            let national = count - from
            if hasPlus {
                if national > 0, digits[from] == 0x31 {
                    guard national == 11, NANPNumber.isValid(all, from + 1) else { return nil }
                    return NormalizedPhone(e164: e164(true, from: from + 1), phoneExtension: phoneExtension, isNANP: true)
                }
                guard national >= 8, national <= 15, digits[from] != 0x30 else { return nil }
                return NormalizedPhone(e164: e164(false, from: from), phoneExtension: phoneExtension, isNANP: false)
            }
            if national == 11, digits[0] == 0x31 { from = 1 }
            guard count - from == 10, NANPNumber.isValid(all, from) else { return nil }
            return NormalizedPhone(e164: e164(true, from: from), phoneExtension: phoneExtension, isNANP: true)
        }
    }

    /// ``splitExtension(_:)`` of ASCII bytes without CR: where the number part ends, and the
    /// extension digits.
    private static func asciiExtension(_ text: UnsafeBufferPointer<UInt8>) -> (Int, String?) {
        @inline(__always) func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        @inline(__always) func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        @inline(__always) func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        @inline(__always) func isLetter(_ byte: UInt8) -> Bool { lower(byte) >= 0x61 && lower(byte) <= 0x7A }
        guard text.contains(where: { $0 == UInt8(ascii: "x") || $0 == UInt8(ascii: "X") || $0 == UInt8(ascii: "#") }) else {
            return (text.count, nil)
        }
        let keywords: [StaticString] = ["extension", "ext.", "ext", "x", "#"]
        for keyword in keywords {
            let length = keyword.utf8CodeUnitCount
            // The last occurrence (none of the keywords overlaps itself, so it is the last of
            // the non-overlapping ones `ranges(of:)` gives).
            var found = -1
            var position = text.count - length
            while position >= 0 {
                var offset = 0
                while offset < length, lower(text[position + offset]) == keyword.utf8Start[offset] { offset += 1 }
                if offset == length { found = position; break }
                position -= 1
            }
            guard found >= 0 else { continue }
            // The keyword must follow the number: "x" inside a word does not count.
            var last = found - 1
            while last >= 0, isSpace(text[last]) || text[last] == UInt8(ascii: ",") { last -= 1 }
            guard last >= 0, isDigit(text[last]) || text[last] == UInt8(ascii: ")") else { continue }
            if isLetter(keyword.utf8Start[0]), found > 0, isLetter(text[found - 1]) { continue }
            var rest = found + length
            while rest < text.count, text[rest] == 0x20 || text[rest] == 0x2E || text[rest] == 0x3A || text[rest] == 0x23 { rest += 1 }
            let digits = text[rest...]
            guard !digits.isEmpty, digits.allSatisfy(isDigit), digits.count <= 6 else { continue }
            var cut = found
            while cut > 0, text[cut - 1] == UInt8(ascii: ",") || isSpace(text[cut - 1]) { cut -= 1 }
            return (cut, String(decoding: digits, as: UTF8.self))
        }
        return (text.count, nil)
    }

    /// The number part and the extension digits of `x204`, `ext. 12`, `extension 5`, `#12`.
    static func splitExtension(_ text: String) -> (number: Substring, phoneExtension: String?) {
        // Every keyword holds an "x" or a "#", which only "x", "X" or "#" lowercase to.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "x") || $0 == UInt8(ascii: "X") || $0 == UInt8(ascii: "#") }) else {
            return (Substring(text), nil)
        }
        let lower = text.lowercased()
        guard lower.count == text.count else { return (Substring(text), nil) }
        for keyword in ["extension", "ext.", "ext", "x", "#"] {
            guard let range = lower.ranges(of: keyword).last else { continue }
            let before = lower[..<range.lowerBound]
            // The keyword must follow the number: "x" inside a word does not count.
            guard let last = before.last(where: { !$0.isWhitespace && $0 != "," }),
                  TextScanning.isASCIIDigit(last) || last == ")" else { continue }
            if keyword.first?.isLetter == true, let previous = before.last, previous.isLetter { continue }
            var rest = lower[range.upperBound...]
            rest = rest.drop { $0 == " " || $0 == "." || $0 == ":" || $0 == "#" }
            let digits = String(rest)
            guard TextScanning.allDigits(digits), digits.count <= 6 else { continue }
            let offset = lower.distance(from: lower.startIndex, to: range.lowerBound)
            let cut = text.index(text.startIndex, offsetBy: offset)
            var number = text[..<cut]
            while let end = number.last, end == "," || end.isWhitespace { number = number.dropLast() }
            return (number, digits)
        }
        return (Substring(text), nil)
    }
}
