/// US ZIP codes: ZIP5 or ZIP+4.
public enum PostalCodeNormalizer {
    /// `78704`, `78704-1234`; nine bare digits become ZIP+4 (`787041234` → `78704-1234`);
    /// `78704 1234` too. Nil for anything else (a Canadian or UK postcode, a 4-digit number).
    public static func normalize(_ raw: String) -> String? {
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

    /// The first five digits of a ZIP or ZIP+4 (the matching key).
    public static func zip5(_ raw: String) -> String? {
        normalize(raw).map { String($0.prefix(5)) }
    }
}
