/// Comparable forms of a US address for deduplication (issue 6): USPS abbreviations,
/// uppercase, punctuation removed, ZIP5.
///
/// `"1420 Oak Hollow Drive, Apt. 4"` and `"1420 oak hollow dr #4"` →
/// `"1420 OAK HOLLOW DR # 4"` (every unit designator becomes `#`, since people write `Apt`,
/// `Unit` and `#` for the same door); `"200 North Main Street"` → `"200 N MAIN ST"`.
public enum USAddressKey {
    /// The street line in USPS form with units folded to `#`; nil when empty.
    public static func street(_ raw: String) -> String? {
        var words = raw.split(whereSeparator: { $0.isWhitespace || $0 == "," })
            .flatMap { splitHash(String($0)) }
            .map { StreetVocabulary.key($0).filter { $0 != "." } }
            .filter { !$0.isEmpty }
        guard !words.isEmpty else { return nil }
        // Unit: the first designator after the street name; everything after it is the unit.
        var unit: [String] = []
        if let index = words.indices.dropFirst(2).first(where: { StreetVocabulary.unitDesignators[words[$0]] != nil && $0 + 1 < words.count }) {
            unit = ["#"] + words[(index + 1)...].filter { StreetVocabulary.unitDesignators[$0] == nil }
            words.removeSubrange(index...)
        }
        var output = words.map { $0.uppercased() }
        let nameStart = output.first.map { $0.contains(where: TextScanning.isASCIIDigit) } == true ? 1 : 0
        // Suffix: the last word of the street name (`Park Ave` → `PARK AVE`).
        var suffixIndex = words.count - 1
        if suffixIndex > nameStart, StreetVocabulary.directionals[words[suffixIndex]] != nil,
           StreetVocabulary.suffixes[words[suffixIndex - 1]] != nil {
            output[suffixIndex] = StreetVocabulary.directionals[words[suffixIndex]]!
            suffixIndex -= 1
        }
        if suffixIndex > nameStart, let abbreviation = StreetVocabulary.suffixes[words[suffixIndex]] {
            output[suffixIndex] = abbreviation
        }
        // Leading directional, unless it is the street's only name word (`100 North St`).
        if nameStart < suffixIndex - 1, let abbreviation = StreetVocabulary.directionals[words[nameStart]] {
            output[nameStart] = abbreviation
        }
        return (output + unit).joined(separator: " ")
    }

    /// `street key|ZIP5`, or `street key|CITY|ST` without a ZIP; nil without a street.
    public static func address(_ address: PostalAddress) -> String? {
        guard let street = address.street.flatMap(street) else { return nil }
        if let zip = address.postalCode.flatMap(PostalCodeNormalizer.zip5) { return street + "|" + zip }
        let city = address.city.map { TextScanning.collapsed($0).uppercased() } ?? ""
        return street + "|" + city + "|" + (address.state ?? "")
    }

    private static func splitHash(_ word: String) -> [String] {
        guard word.hasPrefix("#"), word.count > 1 else { return [word] }
        return ["#", String(word.dropFirst())]
    }
}
