import LeadModel

/// How two given names or two family names compare.
public enum NameAgreement: String, Sendable, Hashable, Codable {
    /// Equal after folding (case, accents, punctuation).
    case exact
    /// Nickname and formal name, or two nicknames of one formal name (``NicknameTable``).
    case nickname
    /// Close spelling: Jaro-Winkler ≥ ``NameComparison/typoSimilarity``, one edit apart
    /// (names of 5 letters or more: `Mutthew` / `Matthew`; given names of 3 or more: two
    /// neighbouring letters swapped, `Dno` / `Don`), or one a prefix of the other
    /// (`Gonzalez` / `Gonzalez Ruiz`).
    case typo
    /// Given names only: not a known variant and not close enough for a typo, but similar
    /// (Jaro-Winkler ≥ ``NameComparison/similarGivenSimilarity``, `Brace` / `Bruce`): neither
    /// evidence for nor a sign of another household member.
    case similar
    /// One is an initial of the other (`J` / `John`).
    case initial
    /// Both known and different.
    case mismatch
    /// At least one side unknown.
    case missing

    /// Whether this level says "same name" (exact, nickname, typo or initial).
    public var isAgreement: Bool { self == .exact || self == .nickname || self == .typo || self == .initial }
}

/// The comparison of two records' names: given and family names compared straight and
/// transposed (a form that swapped the fields), the better reading kept.
struct NameComparison: Sendable {
    /// Jaro-Winkler similarity at or above which two spellings count as a typo of each other.
    static let typoSimilarity = 0.90
    /// Given names are short and many are close (`Mary`/`Marilyn` 0.90): a stricter bar.
    static let givenTypoSimilarity = 0.92
    /// Below this, two given names are different names (a spouse's); above it, maybe a typo.
    static let similarGivenSimilarity = 0.80

    var first: NameAgreement
    var last: NameAgreement
    /// The names agree only when read transposed (first ↔ last).
    var isSwapped: Bool
    /// Jaro-Winkler of the given names as compared (for the explanation).
    var firstSimilarity: Double
    var lastSimilarity: Double

    init(_ a: PersonRecord.Normalized, _ b: PersonRecord.Normalized) {
        let straightFirst = Self.compareGiven(a, b)
        let straightLast = Self.compareFamily(a.lastBytes, b.lastBytes)
        self.first = straightFirst.0
        self.firstSimilarity = straightFirst.1
        self.last = straightLast.0
        self.lastSimilarity = straightLast.1
        self.isSwapped = false
        let straightScore = Self.rank(self.first) + Self.rank(self.last)
        // Transposed: a's first against b's last and a's last against b's first.
        if !a.first.isEmpty, !a.last.isEmpty, !b.first.isEmpty, !b.last.isEmpty,
           !(self.first.isAgreement && self.last.isAgreement) {
            let crossFirst = Self.compareFamily(a.firstBytes, b.lastBytes)
            let crossLast = Self.compareFamily(a.lastBytes, b.firstBytes)
            // Nicknames count in either position (Smith Bob / Robert Smith).
            var crossFirstLevel = crossFirst.0
            if crossFirstLevel == .mismatch, NicknameTable.areCompatible(a.first, b.last) { crossFirstLevel = .nickname }
            var crossLastLevel = crossLast.0
            if crossLastLevel == .mismatch, NicknameTable.areCompatible(a.last, b.first) { crossLastLevel = .nickname }
            if crossFirstLevel.isAgreement, crossLastLevel.isAgreement,
               Self.rank(crossFirstLevel) + Self.rank(crossLastLevel) > straightScore {
                self.first = crossFirstLevel
                self.firstSimilarity = crossFirst.1
                self.last = crossLastLevel
                self.lastSimilarity = crossLast.1
                self.isSwapped = true
            }
        }
    }

    static func rank(_ level: NameAgreement) -> Int {
        switch level {
        case .exact: 4
        case .nickname: 3
        case .typo: 2
        case .initial: 1
        case .missing, .similar: 0
        case .mismatch: -4
        }
    }

    static func compareGiven(_ a: PersonRecord.Normalized, _ b: PersonRecord.Normalized) -> (NameAgreement, Double) {
        if a.first.isEmpty || b.first.isEmpty { return (.missing, 0) }
        if a.first == b.first { return (.exact, 1) }
        if a.first.utf8.count == 1 || b.first.utf8.count == 1 {
            return a.first.utf8.first == b.first.utf8.first ? (.initial, 0) : (.mismatch, 0)
        }
        let similarity = JaroWinkler.similarity(a.firstBytes, b.firstBytes)
        if !Set(a.firstFormalNames).isDisjoint(with: b.firstFormalNames) { return (.nickname, similarity) }
        if similarity >= givenTypoSimilarity || isOneEditApart(a.firstBytes, b.firstBytes) || isTransposition(a.firstBytes, b.firstBytes) { return (.typo, similarity) }
        // A typo of a nickname or formal name of the other (`Jeoy` / `Joseph` through `Joey`,
        // `Michale` / `Mike` through `Michael`): the same bar as a typo, against each variant.
        if let variant = typoOfVariant(a.firstBytes, b.firstVariants) ?? typoOfVariant(b.firstBytes, a.firstVariants) {
            return (.typo, variant)
        }
        return similarity >= similarGivenSimilarity ? (.similar, similarity) : (.mismatch, similarity)
    }

    static func compareFamily(_ a: [UInt8], _ b: [UInt8]) -> (NameAgreement, Double) {
        if a.isEmpty || b.isEmpty { return (.missing, 0) }
        if a == b { return (.exact, 1) }
        if a.count == 1 || b.count == 1 {
            return a[0] == b[0] ? (.initial, 0) : (.mismatch, 0)
        }
        let similarity = JaroWinkler.similarity(a, b)
        if similarity >= typoSimilarity || isOneEditApart(a, b) { return (.typo, similarity) }
        // Double surnames: one a prefix or suffix of the other, at least 4 letters.
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        if short.count >= 4, long.starts(with: short) || long.reversed().starts(with: short.reversed()) {
            return (.typo, similarity)
        }
        return (.mismatch, similarity)
    }

    /// The best similarity of `name` to one of `variants` that it is a typo of, or nil.
    static func typoOfVariant(_ name: [UInt8], _ variants: [[UInt8]]) -> Double? {
        guard name.count >= 3 else { return nil }
        var best: Double?
        for variant in variants where variant.count >= 3 && variant != name {
            let similarity = JaroWinkler.similarity(name, variant)
            if similarity >= givenTypoSimilarity || isOneEditApart(name, variant) || isTransposition(name, variant) {
                best = max(best ?? 0, similarity)
            }
        }
        return best
    }

    /// Whether two names of at least 3 letters differ only by two neighbouring letters swapped
    /// (`Dno` / `Don`, `Jaems` / `James`): a slip of the keyboard. Jaro-Winkler misses it in
    /// short names, and unlike a substitution (`Mark` / `Mary`) it rarely makes another name.
    static func isTransposition(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count, a.count >= 3, a != b else { return false }
        var i = 0
        while a[i] == b[i] { i += 1 }
        return i + 1 < a.count && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)...] == b[(i + 2)...]
    }

    /// Whether two names of at least 5 letters differ by one insertion, deletion, substitution
    /// or transposition of neighbours (Damerau). Shorter names are left to Jaro-Winkler:
    /// `Mark` / `Mary` are one edit apart and often a couple.
    static func isOneEditApart(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard min(a.count, b.count) >= 5, abs(a.count - b.count) <= 1, a != b else { return false }
        var i = 0
        while i < a.count, i < b.count, a[i] == b[i] { i += 1 }
        if a.count == b.count {
            if a[(i + 1)...] == b[(i + 1)...] { return true }  // substitution
            return i + 1 < a.count && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)...] == b[(i + 2)...]
        }
        let (long, short) = a.count > b.count ? (a, b) : (b, a)
        return long[(i + 1)...].elementsEqual(short[i...])
    }
}
