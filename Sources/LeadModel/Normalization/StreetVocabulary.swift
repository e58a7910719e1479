/// USPS Publication 28 abbreviations for street suffixes (Appendix C1), directionals and
/// secondary unit designators (Appendix C2): the common ones, enough for residential leads.
public enum StreetVocabulary {
    /// Written form (lowercase, full or abbreviated) → USPS abbreviation (uppercase).
    public static let suffixes: [String: String] = {
        let groups: [String: [String]] = [
            "ALY": ["alley", "ally", "aly"], "ANX": ["annex", "anx"], "AVE": ["avenue", "ave", "av", "aven", "avn"],
            "BCH": ["beach", "bch"], "BND": ["bend", "bnd"], "BLF": ["bluff", "blf"], "BLVD": ["boulevard", "blvd", "boul"],
            "BR": ["branch", "br"], "BRG": ["bridge", "brg"], "BRK": ["brook", "brk"], "BYP": ["bypass", "byp"],
            "CSWY": ["causeway", "cswy"], "CTR": ["center", "centre", "ctr"], "CIR": ["circle", "cir", "circ"],
            "CLF": ["cliff", "clf"], "CMN": ["common", "cmn"], "COR": ["corner", "cor"], "CV": ["cove", "cv"],
            "CRK": ["creek", "crk"], "CRES": ["crescent", "cres"], "XING": ["crossing", "xing"], "CT": ["court", "ct"],
            "CTS": ["courts", "cts"], "DL": ["dale", "dl"], "DM": ["dam", "dm"], "DR": ["drive", "dr", "drv"],
            "EST": ["estate", "est"], "ESTS": ["estates", "ests"], "EXPY": ["expressway", "expy"], "EXT": ["extension", "ext"],
            "FLS": ["falls", "fls"], "FRY": ["ferry", "fry"], "FLD": ["field", "fld"], "FLDS": ["fields", "flds"],
            "FLT": ["flat", "flt"], "FRD": ["ford", "frd"], "FRST": ["forest", "frst"], "FRG": ["forge", "frg"],
            "FRK": ["fork", "frk"], "FT": ["fort", "ft"], "FWY": ["freeway", "fwy"], "GDN": ["garden", "gdn"],
            "GDNS": ["gardens", "gdns"], "GTWY": ["gateway", "gtwy"], "GLN": ["glen", "gln"], "GRN": ["green", "grn"],
            "GRV": ["grove", "grv"], "HBR": ["harbor", "hbr"], "HVN": ["haven", "hvn"], "HTS": ["heights", "hts"],
            "HWY": ["highway", "hwy"], "HL": ["hill", "hl"], "HLS": ["hills", "hls"], "HOLW": ["hollow", "holw"],
            "IS": ["island", "is"], "JCT": ["junction", "jct"], "KY": ["key", "ky"], "KNL": ["knoll", "knl"],
            "LK": ["lake", "lk"], "LNDG": ["landing", "lndg"], "LN": ["lane", "ln"], "LOOP": ["loop"],
            "MNR": ["manor", "mnr"], "MDW": ["meadow", "mdw"], "MDWS": ["meadows", "mdws"], "ML": ["mill", "ml"],
            "MTN": ["mountain", "mtn"], "MT": ["mount", "mt"], "OVAL": ["oval"], "PARK": ["park", "pk"],
            "PKWY": ["parkway", "pkwy", "pky"], "PASS": ["pass"], "PATH": ["path"], "PIKE": ["pike"],
            "PNES": ["pines", "pnes"], "PL": ["place", "pl"], "PLN": ["plain", "pln"], "PLZ": ["plaza", "plz"],
            "PT": ["point", "pt"], "PRT": ["port", "prt"], "PR": ["prairie", "pr"], "RDG": ["ridge", "rdg"],
            "RIV": ["river", "riv"], "RD": ["road", "rd"], "RDS": ["roads", "rds"], "RTE": ["route", "rte"],
            "ROW": ["row"], "RUN": ["run"], "SHR": ["shore", "shr"], "SPG": ["spring", "spg"], "SPGS": ["springs", "spgs"],
            "SQ": ["square", "sq"], "STA": ["station", "sta"], "ST": ["street", "st", "str"], "SMT": ["summit", "smt"],
            "TER": ["terrace", "ter"], "TRCE": ["trace", "trce"], "TRL": ["trail", "trl"], "TPKE": ["turnpike", "tpke"],
            "VLY": ["valley", "vly"], "VW": ["view", "vw"], "VLG": ["village", "vlg"], "VIS": ["vista", "vis"],
            "WALK": ["walk"], "WAY": ["way", "wy"], "WLS": ["wells", "wls"],
        ]
        var table: [String: String] = [:]
        for (abbreviation, forms) in groups { for form in forms { table[form] = abbreviation } }
        return table
    }()

    /// Written directional → USPS abbreviation.
    public static let directionals: [String: String] = [
        "north": "N", "n": "N", "south": "S", "s": "S", "east": "E", "e": "E", "west": "W", "w": "W",
        "northeast": "NE", "ne": "NE", "northwest": "NW", "nw": "NW", "southeast": "SE", "se": "SE",
        "southwest": "SW", "sw": "SW",
    ]

    /// Written secondary unit designator → USPS abbreviation (`#` stays `#`).
    public static let unitDesignators: [String: String] = [
        "apartment": "APT", "apt": "APT", "suite": "STE", "ste": "STE", "unit": "UNIT", "building": "BLDG",
        "bldg": "BLDG", "floor": "FL", "fl": "FL", "room": "RM", "rm": "RM", "lot": "LOT", "space": "SPC",
        "spc": "SPC", "trailer": "TRLR", "trlr": "TRLR", "#": "#", "no": "#", "number": "#",
        "department": "DEPT", "dept": "DEPT", "office": "OFC", "ofc": "OFC", "penthouse": "PH", "ph": "PH",
        "basement": "BSMT", "bsmt": "BSMT", "front": "FRNT", "rear": "REAR", "upper": "UPPR", "lower": "LOWR",
    ]

    /// Whether a word (any case, trailing period ignored) is a street suffix.
    public static func isSuffix(_ word: some StringProtocol) -> Bool {
        asciiKeyIn(word, suffixTable) ?? (suffixes[key(word)] != nil)
    }

    /// Whether a word is a unit designator (`Apt`, `Suite`, `#`).
    public static func isUnitDesignator(_ word: some StringProtocol) -> Bool {
        asciiKeyIn(word, unitDesignatorTable) ?? (unitDesignators[key(word)] != nil)
    }

    /// The keys of ``suffixes``, ``directionals`` and ``unitDesignators`` by their bytes (all
    /// lowercase ASCII), so an ASCII word is looked up without making its key.
    package static let suffixTable = ASCIIWordTable(suffixes.keys.map { ($0, 1) })
    package static let directionalTable = ASCIIWordTable(directionals.keys.map { ($0, 1) })
    package static let unitDesignatorTable = ASCIIWordTable(unitDesignators.keys.map { ($0, 1) })

    /// Whether ``key(_:)`` of `word` is in `table`, read from the bytes of an ASCII word
    /// without CR (where the key is its bytes lowercased, trailing `.` and `,` dropped but
    /// the first); nil for another word.
    private static func asciiKeyIn(_ word: some StringProtocol, _ table: ASCIIWordTable) -> Bool? {
        word.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard !bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return nil }
            var end = bytes.count
            while end > 1, bytes[end - 1] == UInt8(ascii: ".") || bytes[end - 1] == UInt8(ascii: ",") { end -= 1 }
            return table.value(foldingCaseOf: UnsafeBufferPointer(rebasing: bytes[0..<end]), 0..<end) != 0
        } ?? nil
    }

    static func key(_ word: some StringProtocol) -> String {
        // ASCII: lowercase bytes, then drop trailing "." and "," bytes but the first.
        if let key = word.utf8.withContiguousStorageIfAvailable({ bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return nil }
            var end = bytes.count
            while end > 1, bytes[end - 1] == UInt8(ascii: ".") || bytes[end - 1] == UInt8(ascii: ",") { end -= 1 }
            return ASCIIWordTable.lowercasing(UnsafeBufferPointer(rebasing: bytes[0..<end])) { String(decoding: $0, as: UTF8.self) }
        }), let key {
            return key
        }
        var lower = word.lowercased()
        while lower.count > 1, let last = lower.last, last == "." || last == "," { lower.removeLast() }
        return lower
    }
}
