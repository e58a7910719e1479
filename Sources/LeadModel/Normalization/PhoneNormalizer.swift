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
