/// The state of a US ZIP code, by its first three digits.
///
/// Source: the USPS 3-digit ZIP Code prefix assignments, as listed in the Domestic Mail
/// Manual's labeling list L002 (3-Digit ZIP Code Prefix Matrix): `005` New York (Holtsville),
/// `006`-`009` Puerto Rico and the Virgin Islands, `010`-`027` Massachusetts, and so on,
/// written here by hand as compact ranges (check L002 when a prefix is in doubt).
/// A prefix belongs to one state, with these exceptions, which give nothing:
/// - unassigned prefixes (`000`-`004`, `213`, `269`, `343`, `694`-`699`, ...): a mistyped
///   ZIP, not a place;
/// - military mail (APO/FPO/DPO: `090`-`099` AE, `340` AA, `962`-`966` AP): an overseas
///   mailing address, never a build site, and no state a builder routes by;
/// - `969`, shared by Guam, the Northern Mariana Islands and the freely associated states.
/// One 5-digit exception is kept: `96799` is American Samoa's, inside Hawaii's `967`.
///
/// Checked (session 19) prefix by prefix against a public list adapted from Wikipedia's
/// "List of ZIP Code prefixes" (a `zip3state.csv` of ranges): every prefix both give a
/// state agrees, except `471` and `567`, where that list names the state of the serving
/// facility (Louisville, KY; Fargo, ND) while the addresses are in Indiana (New Albany
/// 47150) and Minnesota (Thief River Falls 56701), as here. That list also runs its ranges
/// over `419`, `517`-`519` and `771`, which this table leaves unassigned, and gives the
/// military and `969` prefixes their codes, which this table gives nothing on purpose.
public enum ZIPCodePrefixes {
    /// (first prefix, last prefix, USPS state code), ascending and disjoint.
    static let ranges: [(low: UInt16, high: UInt16, state: String)] = [
        (5, 5, "NY"), (6, 7, "PR"), (8, 8, "VI"), (9, 9, "PR"),
        (10, 27, "MA"), (28, 29, "RI"), (30, 38, "NH"), (39, 49, "ME"),
        (50, 54, "VT"), (55, 55, "MA"), (56, 59, "VT"), (60, 69, "CT"), (70, 89, "NJ"),
        (100, 149, "NY"), (150, 196, "PA"), (197, 199, "DE"),
        (200, 200, "DC"), (201, 201, "VA"), (202, 205, "DC"), (206, 212, "MD"), (214, 219, "MD"),
        (220, 246, "VA"), (247, 268, "WV"), (270, 289, "NC"), (290, 299, "SC"),
        (300, 319, "GA"), (320, 339, "FL"), (341, 342, "FL"), (344, 344, "FL"), (346, 347, "FL"), (349, 349, "FL"),
        (350, 352, "AL"), (354, 369, "AL"), (370, 385, "TN"), (386, 397, "MS"), (398, 399, "GA"),
        (400, 418, "KY"), (420, 427, "KY"), (430, 459, "OH"), (460, 479, "IN"), (480, 499, "MI"),
        (500, 516, "IA"), (520, 528, "IA"), (530, 532, "WI"), (534, 535, "WI"), (537, 549, "WI"),
        (550, 551, "MN"), (553, 567, "MN"), (569, 569, "DC"), (570, 577, "SD"), (580, 588, "ND"), (590, 599, "MT"),
        (600, 620, "IL"), (622, 629, "IL"), (630, 631, "MO"), (633, 641, "MO"), (644, 658, "MO"),
        (660, 662, "KS"), (664, 679, "KS"), (680, 681, "NE"), (683, 693, "NE"),
        (700, 701, "LA"), (703, 708, "LA"), (710, 714, "LA"), (716, 729, "AR"),
        (730, 731, "OK"), (733, 733, "TX"), (734, 741, "OK"), (743, 749, "OK"),
        (750, 770, "TX"), (772, 799, "TX"), (800, 816, "CO"), (820, 831, "WY"), (832, 838, "ID"), (840, 847, "UT"),
        (850, 850, "AZ"), (852, 853, "AZ"), (855, 857, "AZ"), (859, 860, "AZ"), (863, 865, "AZ"),
        (870, 875, "NM"), (877, 884, "NM"), (885, 885, "TX"), (889, 891, "NV"), (893, 895, "NV"), (897, 898, "NV"),
        (900, 908, "CA"), (910, 928, "CA"), (930, 961, "CA"), (967, 968, "HI"),
        (970, 979, "OR"), (980, 986, "WA"), (988, 994, "WA"), (995, 999, "AK"),
    ]

    /// The USPS code of the state (or DC, PR, VI) a US ZIP or ZIP+4 (`78620`,
    /// `78620-1234`) is in; nil for anything else (a Canadian postcode, a partial ZIP) and
    /// for a prefix that names no state (unassigned, military, `969`).
    public static func state(forZIP zip: String) -> String? {
        var digits: UInt16 = 0
        var count = 0
        var fiveDigits = 0
        for byte in zip.utf8 {
            count += 1
            switch count {
            case 1...5:
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                if count <= 3 { digits = digits * 10 + UInt16(byte - 0x30) }
                fiveDigits = fiveDigits * 10 + Int(byte - 0x30)
            case 6:
                guard byte == UInt8(ascii: "-") else { return nil }
            default:
                guard byte >= 0x30, byte <= 0x39, count <= 10 else { return nil }
            }
        }
        guard count == 5 || count == 10 else { return nil }
        if fiveDigits == 96799 { return "AS" }
        // (A hundred ranges, read once per lead with a ZIP and no state.)
        for range in ranges where digits <= range.high {
            return digits >= range.low ? range.state : nil
        }
        return nil
    }
}
