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
        // "N.C." → "n c" → "nc".
        return codesByName[lookup.filter { $0 != " " }].flatMap { $0.count == 2 ? $0 : nil }
    }

    static func key(_ raw: some StringProtocol) -> String {
        // (Only text with a "." byte can hold a "." Character.)
        let text = String(raw)
        return TextScanning.words(text.utf8.contains(0x2E) ? text.replacing(".", with: " ") : text).joined(separator: " ")
    }
}
