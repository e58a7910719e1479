/// The original Metaphone code (Lawrence Philips, 1990) of a name, for blocking keys.
///
/// Chosen over Double Metaphone for its size: the 1990 rules fit in one screen and are
/// enough for a blocking key, which only needs `Smith`/`Smyth`, `Catherine`/`Kathryn`,
/// `Philips`/`Filips`, `Knight`/`Nite` to meet; the scorer then compares the spelled names
/// with Jaro-Winkler. What Double Metaphone adds (alternate codes for Germanic, Slavic,
/// Spanish and Chinese spellings: `Schmidt`/`Smith`, `Jose`/`Hose`) is not covered; a name
/// pair that needs it still meets through the email, phone, sorted-name or address key.
///
/// Input is folded first (ASCII letters only, diacritics removed); the code is uppercase,
/// at most ``maximumLength`` characters, `0` standing for `TH`.
public enum Metaphone {
    /// Codes are cut to this length (Salesforce-style keys use the first few sounds).
    public static let maximumLength = 6

    /// The Metaphone code of `name`; empty when it has no letters.
    public static func code(_ name: String) -> String {
        let letters = Array(NameFolding.letters(name).uppercased().utf8)
        return code(letters: letters)
    }

    static func code(letters input: [UInt8]) -> String {
        guard !input.isEmpty else { return "" }
        var w = input
        // Initial exceptions.
        if w.count >= 2 {
            let a = w[0], b = w[1]
            if (a == c("A") && b == c("E")) || (a == c("G") && b == c("N")) || (a == c("K") && b == c("N"))
                || (a == c("P") && b == c("N")) || (a == c("W") && b == c("R")) {
                w.removeFirst()
            } else if a == c("W") && b == c("H") {
                w.remove(at: 1)
            }
        }
        if w.first == c("X") { w[0] = c("S") }
        var out: [UInt8] = []
        let n = w.count
        func at(_ i: Int) -> UInt8 { i >= 0 && i < n ? w[i] : 0 }
        func isVowel(_ x: UInt8) -> Bool { x == c("A") || x == c("E") || x == c("I") || x == c("O") || x == c("U") }
        func isFrontVowel(_ x: UInt8) -> Bool { x == c("E") || x == c("I") || x == c("Y") }
        var i = 0
        while i < n && out.count < maximumLength {
            let ch = w[i]
            defer { i += 1 }
            // Doubled letters count once, except C.
            if i > 0, ch == w[i - 1], ch != c("C") { continue }
            switch ch {
            case c("A"), c("E"), c("I"), c("O"), c("U"):
                if i == 0 { out.append(ch) }
            case c("B"):
                if !(i == n - 1 && at(i - 1) == c("M")) { out.append(c("B")) }
            case c("C"):
                if at(i + 1) == c("I") && at(i + 2) == c("A") {
                    out.append(c("X"))
                } else if at(i + 1) == c("H") {
                    out.append(at(i - 1) == c("S") ? c("K") : c("X"))
                    i += 1
                } else if isFrontVowel(at(i + 1)) {
                    if at(i - 1) != c("S") { out.append(c("S")) }
                } else {
                    out.append(c("K"))
                }
            case c("D"):
                if at(i + 1) == c("G") && isFrontVowel(at(i + 2)) {
                    out.append(c("J"))
                    i += 1
                } else {
                    out.append(c("T"))
                }
            case c("G"):
                if at(i + 1) == c("H") && !(i + 2 >= n || isVowel(at(i + 2))) {
                    // "GH" before a consonant or at the end is silent (Knight, Hugh).
                    i += 1
                } else if at(i + 1) == c("H") {
                    out.append(c("K"))
                    i += 1
                } else if at(i + 1) == c("N") && (i + 2 == n || (at(i + 2) == c("E") && at(i + 3) == c("D") && i + 4 == n)) {
                    // Silent in "-GN", "-GNED".
                } else if isFrontVowel(at(i + 1)) {
                    out.append(c("J"))
                } else {
                    out.append(c("K"))
                }
            case c("H"):
                let afterSilencer = [c("C"), c("S"), c("P"), c("T"), c("G")].contains(at(i - 1))
                if !afterSilencer && !(i > 0 && isVowel(at(i - 1)) && !isVowel(at(i + 1))) && (i == 0 || isVowel(at(i + 1))) {
                    out.append(c("H"))
                }
            case c("K"):
                if at(i - 1) != c("C") { out.append(c("K")) }
            case c("P"):
                if at(i + 1) == c("H") {
                    out.append(c("F"))
                    i += 1
                } else {
                    out.append(c("P"))
                }
            case c("Q"):
                out.append(c("K"))
            case c("S"):
                if at(i + 1) == c("H") {
                    out.append(c("X"))
                    i += 1
                } else if at(i + 1) == c("I") && (at(i + 2) == c("O") || at(i + 2) == c("A")) {
                    out.append(c("X"))
                } else {
                    out.append(c("S"))
                }
            case c("T"):
                if at(i + 1) == c("I") && (at(i + 2) == c("O") || at(i + 2) == c("A")) {
                    out.append(c("X"))
                } else if at(i + 1) == c("H") {
                    out.append(c("0"))
                    i += 1
                } else if !(at(i + 1) == c("C") && at(i + 2) == c("H")) {
                    out.append(c("T"))
                }
            case c("V"):
                out.append(c("F"))
            case c("W"), c("Y"):
                if isVowel(at(i + 1)) { out.append(ch) }
            case c("X"):
                out.append(c("K"))
                if out.count < maximumLength { out.append(c("S")) }
            case c("Z"):
                out.append(c("S"))
            default:
                // F J L M N R
                out.append(ch)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    @inline(__always)
    private static func c(_ s: Unicode.Scalar) -> UInt8 { UInt8(s.value) }
}
