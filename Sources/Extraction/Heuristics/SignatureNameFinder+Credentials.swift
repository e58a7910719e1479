import LeadModel

/// Letters a person signs after their name with a comma: a profession's (`Dana Whitfield,
/// PE`, `Dana Whitfield, P.E., LEED AP`, `Sam Ortiz, AIA`, `Lee Park, MD`) or a
/// generation's (`Sam Ortiz, Jr.`, `Sam Ortiz, III`). The name is what comes before the
/// first comma; a generational or a known suffix is kept in the name's `suffix`, out of its
/// last name, as ``PersonNameNormalizer`` keeps it for `Sam Ortiz Jr.`.
///
/// Only the closed list ``credentials`` is read after the comma, one to three of them: a
/// company's (`Smith Homes, LLC`, `Hill Country Realty, Inc.`), a place's (`Austin, TX`)
/// or anything else after a comma is no credential, and the text stays no name.
extension SignatureNameFinder {
    /// Credentials and generational suffixes, as keys: lowercase letters, without `.`, `-`
    /// and spaces (`P.E.` → `pe`, `LEED AP` → `leedap`, `PA-C` → `pac`). A state's code
    /// (`PA`, `MA`) is none of them but `MD`, taken only where a place cannot follow a
    /// name (``withoutCredentials(_:allowingStateCodes:)``).
    static let credentials: Set<String> = [
        "jr", "sr", "ii", "iii", "iv",
        "pe", "se", "aia", "ncarb", "leedap", "leedga", "cpa", "cfp", "cfa", "pmp", "esq", "jd",
        "md", "phd", "edd", "dds", "dmd", "dvm", "rn", "bsn", "msn", "np", "fnp", "aprn", "pac", "lcsw", "lpc",
    ]

    /// The keys of ``credentials`` that are a generation's: kept as the name's suffix over
    /// a profession's.
    private static let generations: Set<String> = ["jr", "sr", "ii", "iii", "iv"]

    /// `text` before the comma that starts one to three ``credentials`` (each after a
    /// comma), trimmed, and the suffix the name keeps: the first generation's, else the
    /// first profession's ``PersonNameNormalizer`` knows (`PE`, `PhD`, `Esq.`). Nil when
    /// `text` has no comma (a byte test first), nothing before it, or anything after it
    /// that is not a credential. `allowingStateCodes`: whether `MD` without its periods
    /// counts (`Columbia, MD` above a phone is a place).
    static func withoutCredentials(_ text: String, allowingStateCodes: Bool) -> (name: String, suffix: String?)? {
        var copy = text
        return copy.withUTF8 { bytes -> (name: String, suffix: String?)? in
            guard bytes.count <= 80, let comma = bytes.firstIndex(of: UInt8(ascii: ",")) else { return nil }
            var cut = comma
            while cut > 0, bytes[cut - 1] == 0x20 || bytes[cut - 1] == 0x09 { cut -= 1 }
            guard cut > 0 else { return nil }
            var suffix: String?
            var parts = 0
            var start = comma + 1
            while true {
                let end = bytes[start...].firstIndex(of: UInt8(ascii: ",")) ?? bytes.count
                // The part's key: its letters lowercased (at most 8), `.`, `-` and spaces dropped.
                var key: [UInt8] = []
                var hasPeriod = false
                for byte in bytes[start..<end] {
                    switch byte {
                    case 0x20, 0x09, 0x0D, UInt8(ascii: "-"):
                        continue
                    case UInt8(ascii: "."):
                        hasPeriod = true
                    case 0x41...0x5A, 0x61...0x7A:
                        guard key.count < 8 else { return nil }
                        key.append(byte | 0x20)
                    default:
                        return nil
                    }
                }
                let word = String(decoding: key, as: UTF8.self)
                guard credentials.contains(word), allowingStateCodes || hasPeriod || USStates.names[word.uppercased()] == nil else { return nil }
                parts += 1
                guard parts <= 3 else { return nil }
                if let known = PersonNameNormalizer.suffix(for: word), suffix == nil || generations.contains(word) {
                    suffix = known
                }
                guard end < bytes.count else { break }
                start = end + 1
            }
            return (String(decoding: UnsafeBufferPointer(rebasing: bytes[..<cut]), as: UTF8.self), suffix)
        }
    }
}
