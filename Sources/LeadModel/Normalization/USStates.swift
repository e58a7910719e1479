/// US state, district and territory names and their two-letter USPS codes.
public enum USStates {
    /// USPS code → name.
    public static let names: [String: String] = [
        "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
        "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia",
        "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa",
        "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland",
        "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri",
        "MT": "Montana", "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey",
        "NM": "New Mexico", "NY": "New York", "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio",
        "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina",
        "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont",
        "VA": "Virginia", "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
        "DC": "District of Columbia", "PR": "Puerto Rico", "GU": "Guam", "VI": "U.S. Virgin Islands",
        "AS": "American Samoa", "MP": "Northern Mariana Islands",
    ]

    /// Lowercased names and common abbreviations (`tex`, `calif`, `wash dc`) → code.
    static let codesByName: [String: String] = {
        var table: [String: String] = [:]
        for (code, name) in names {
            table[key(name)] = code
            table[code.lowercased()] = code
        }
        let extra: [String: String] = [
            "washington dc": "DC", "washington d c": "DC", "d c": "DC", "virgin islands": "VI",
            "us virgin islands": "VI", "ala": "AL", "ariz": "AZ", "ark": "AR", "calif": "CA", "cal": "CA",
            "colo": "CO", "conn": "CT", "del": "DE", "fla": "FL", "ill": "IL", "ind": "IN", "kan": "KS",
            "kans": "KS", "mass": "MA", "mich": "MI", "minn": "MN", "miss": "MS", "mont": "MT",
            "nebr": "NE", "neb": "NE", "nev": "NV", "okla": "OK", "ore": "OR", "oreg": "OR", "penn": "PA",
            "penna": "PA", "tenn": "TN", "tex": "TX", "wash": "WA", "wis": "WI", "wisc": "WI", "wyo": "WY",
            "n mex": "NM", "n dak": "ND", "s dak": "SD", "w va": "WV", "n carolina": "NC", "s carolina": "SC",
        ]
        table.merge(extra) { current, _ in current }
        return table
    }()

    /// Longest name in words (`district of columbia`, `northern mariana islands`).
    static let longestNameWords = 3

    /// The USPS code for a state code or name, any case, periods ignored (`tx`, `Texas`,
    /// `N.C.`, `Calif.`); nil when unknown.
    public static func code(for raw: String) -> String? {
        let lookup = key(raw)
        guard !lookup.isEmpty else { return nil }
        if let code = codesByName[lookup] { return code }
        // "N.C." → "n c" → "nc". (The key is lowercase ASCII words or not: its " " bytes are
        // its " " Characters when it is ASCII.)
        let packed = lookup.utf8.allSatisfy { $0 < 0x80 } ? String(decoding: lookup.utf8.filter { $0 != 0x20 }, as: UTF8.self)
            : lookup.filter { $0 != " " }
        return codesByName[packed].flatMap { $0.count == 2 ? $0 : nil }
    }

    static func key(_ raw: some StringProtocol) -> String {
        // ASCII: the words (runs of letters, digits and "'", lowercased; "." separates like
        // any other byte) joined by spaces, from the bytes.
        if let key = raw.utf8.withContiguousStorageIfAvailable({ asciiKey($0) }), let key { return key }
        // (Only text with a "." byte can hold a "." Character.)
        let text = String(raw)
        return TextScanning.words(text.utf8.contains(0x2E) ? text.replacing(".", with: " ") : text).joined(separator: " ")
    }

    private static func asciiKey(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count + 1) { key in
            var length = 0
            var inWord = false
            for byte in bytes {
                let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) || lower == 0x27 {
                    if !inWord, length > 0 {
                        key[length] = 0x20
                        length += 1
                    }
                    key[length] = lower
                    length += 1
                    inWord = true
                } else {
                    inWord = false
                }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: key[0..<length]), as: UTF8.self)
        }
    }
}
