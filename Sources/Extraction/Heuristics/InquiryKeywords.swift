import LeadModel

/// The words the finders' prefilters look for, in one table that ``InquiryLines`` looks
/// every word of a line up in once: what each finder needs to find anything, so a line (or
/// a text) without it is not read at all.
///
/// Each table value holds ``Flags`` (low 32 bits) and, for a vocabulary string
/// (``VocabularyIndex/strings``), its index + 1 (high 32 bits). A line's presence set has
/// bit `2 × index` for each stemmed word and `2 × index + 1` for each word as written.
enum InquiryKeywords {
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt32
        /// A word every ``TimelinePhrase`` match needs one of (apostrophes removed, as
        /// TimelinePhrase compares words); a year (`20xx`) counts too.
        static let timeline = Flags(rawValue: 1 << 0)
        /// ``BudgetPhraseFinder/cues``, as a run of letters.
        static let budgetCue = Flags(rawValue: 1 << 1)
        /// ``BudgetPhraseFinder/strongCues``, as a run of letters.
        static let budgetStrongCue = Flags(rawValue: 1 << 2)
        /// `budget`, as a run of letters.
        static let budgetWord = Flags(rawValue: 1 << 3)
        /// A capitalised street suffix or designator road (``AddressFinder/streetHeadWords``),
        /// apostrophes removed: an address word trimmed of punctuation that is one is such a
        /// word between apostrophes.
        static let streetHead = Flags(rawValue: 1 << 4)
        /// `in`, `near`, `outside`, `at`, `from`: what ``AddressFinder/cityState(words:)`` starts at.
        static let cityStateLead = Flags(rawValue: 1 << 5)
        /// The first word of a ``TimelinePhraseFinder`` future, past or timing cue.
        static let futureCue = Flags(rawValue: 1 << 6)
        static let pastCue = Flags(rawValue: 1 << 7)
        static let timingCue = Flags(rawValue: 1 << 8)
        /// `area`: what ``PhoneNumberScanner/areaCodeJoinedPhone(in:)`` needs (`area code 512`).
        static let areaWord = Flags(rawValue: 1 << 9)
        /// A word a ``TimelinePhrase`` match may start at (``TimelinePhrase/startWords``;
        /// all-digit words may too).
        static let timelineStart = Flags(rawValue: 1 << 10)
        /// A word before `in` that ``AddressFinder/placeCity(in:)`` reads a city after
        /// (``AddressFinder/placeCueWords``: `lot`, `acres`, `build`, `live`, ...).
        static let placeCue = Flags(rawValue: 1 << 11)
        /// `figures`, `figure`: what a budget said in figures needs (`mid-six figures`:
        /// ``BudgetPhraseFinder``).
        static let figuresWord = Flags(rawValue: 1 << 20)
        /// A unit ``BudgetPhraseFinder/mayHoldExplicitMoney(_:)`` looks for after a digit
        /// (`k`, `m`, `mm`, `mil`, `mill`, `grand`, `hundred`, `thousand`, `million`,
        /// `millions`), as a run of letters: a line without one and without `$` holds no
        /// explicit money.
        static let moneyUnit = Flags(rawValue: 1 << 21)
        /// `all`: "650k all in" is a budget, which the budget finder reads on a line with it.
        static let allWord = Flags(rawValue: 1 << 22)

        /// The flags a word's runs of letters give (not the word as written when it holds
        /// a digit or an apostrophe).
        static let letterRun: Flags = [.budgetCue, .budgetStrongCue, .budgetWord, .moneyUnit]
    }

    /// Words a timeline phrase needs one of: `match(_:at:)` of ``TimelinePhrase`` succeeds
    /// only through one of these (or a year), whatever word it starts at.
    static let timelineWords: [String] = [
        "asap", "immediately", "urgent", "soon", "away", "rush", "hurry", "timeline", "flexible", "whenever",
        "researching", "exploring", "browsing", "starting", "quarter", "q1", "q2", "q3", "q4",
        "spring", "summer", "fall", "autumn", "winter",
        "january", "jan", "february", "feb", "march", "april", "apr", "may", "june", "jun", "july", "jul", "august", "aug",
        "september", "sept", "sep", "october", "oct", "november", "nov", "december", "dec",
        "month", "months", "mo", "mos", "year", "years", "yr", "yrs", "week", "weeks", "wk", "wks",
        "christmas", "thanksgiving", "holidays",
        // Spanish ("lo antes posible", "primavera de 2027", "marzo de 2027").
        "antes", "inmediatamente", "urgente", "primavera", "verano", "otono", "invierno",
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "setiembre", "octubre",
        "noviembre", "diciembre",
    ]

    /// The vocabularies' requirements, as presence bits.
    static let lotStatus = Requirements(LotStatusVocabulary.requirements)
    static let financing = Requirements(FinancingVocabulary.requirements)
    static let projectType = Requirements(ProjectTypeVocabulary.vocabulary.requirements)

    /// A requirement word's presence bit.
    static func bit(_ word: FreeTextRequirements.Word) -> Int {
        2 * Int(VocabularyIndex.index(word.text)) + (word.stemmed ? 0 : 1)
    }

    static let table: ASCIIWordTable = {
        precondition(VocabularyIndex.strings.count * 2 <= PresenceSet.capacity, "more vocabulary strings than a presence set holds")
        var entries: [(word: String, value: UInt64)] = []
        // (Only an ASCII line's words are looked up here: a non-ASCII word, `otoño`, never is.)
        func add(_ words: some Sequence<String>, _ flags: Flags) {
            for word in words where word.utf8.allSatisfy({ $0 < 0x80 }) { entries.append((word, UInt64(flags.rawValue))) }
        }
        add(timelineWords, .timeline)
        add(BudgetPhraseFinder.cues, .budgetCue)
        add(BudgetPhraseFinder.strongCues, .budgetStrongCue)
        add(["budget"], .budgetWord)
        add(["area"], .areaWord)
        add(["figures", "figure"], .figuresWord)
        add(["k", "m", "mm", "mil", "mill", "grand", "hundred", "thousand", "million", "millions"], .moneyUnit)
        add(TimelinePhrase.startWords, .timelineStart)
        add(AddressFinder.streetHeadWords, .streetHead)
        add(["in", "near", "outside", "at", "from"], .cityStateLead)
        add(["all"], .allWord)
        add(AddressFinder.placeCueWords, .placeCue)
        func firstWords(_ cues: [String]) -> [String] { cues.compactMap { $0.split(separator: " ").first.map(String.init) } }
        add(firstWords(TimelinePhraseFinder.futureCues), .futureCue)
        add(firstWords(TimelinePhraseFinder.pastCues), .pastCue)
        add(firstWords(TimelinePhraseFinder.timingCues), .timingCue)
        for (index, word) in VocabularyIndex.strings.enumerated() { entries.append((word, UInt64(index + 1) << 32)) }
        return ASCIIWordTable(entries)
    }()

    @inline(__always) static func flags(_ value: UInt64) -> Flags { Flags(rawValue: UInt32(truncatingIfNeeded: value)) }
    /// The vocabulary string index of a table value's word, or -1.
    @inline(__always) static func vocabularyIndex(_ value: UInt64) -> Int32 { Int32(truncatingIfNeeded: value >> 32) - 1 }

    /// Requirements as presence bits: alternatives indexed by one of their bits, so a check
    /// looks only at alternatives one of whose words is there. (A class: passing one around
    /// retains one object, not each of its arrays.)
    final class Requirements: Sendable {
        /// Every alternative's bits, one after another: alternative `a`'s are
        /// `bits[bitStarts[a]..<bitStarts[a + 1]]` (flat, so a check walks no nested arrays).
        private let bits: [Int32]
        private let bitStarts: [Int32]
        /// The alternatives by anchor bit (their first word's): bit `b`'s are
        /// `byAnchor[anchorStarts[b]..<anchorStarts[b + 1]]`.
        private let byAnchor: [Int32]
        private let anchorStarts: [Int32]
        /// The anchor bits, for a quick test.
        private let anchors: [UInt64]
        /// The indices of the words of ``anchors`` that hold a bit, in order: the others
        /// anchor nothing.
        private let anchorWords: [Int]

        init(_ requirements: FreeTextRequirements) {
            // Each alternative's bits, its anchor first: its longest word, as a rule a rarer
            // one than a short word ("own" before "we", "the"), so that fewer alternatives
            // are looked at for a line. (Which word anchors changes no answer: every word of
            // an alternative is needed.)
            let alternatives = requirements.alternatives.map { words -> [Int] in
                var bits = words.map(InquiryKeywords.bit)
                if let longest = words.indices.max(by: { words[$0].text.utf8.count < words[$1].text.utf8.count || (
                    words[$0].text.utf8.count == words[$1].text.utf8.count && $0 > $1) }) {
                    bits.swapAt(0, longest)
                }
                return bits
            }
            var bits: [Int32] = []
            var bitStarts: [Int32] = [0]
            for alternative in alternatives {
                bits += alternative.map(Int32.init)
                bitStarts.append(Int32(bits.count))
            }
            self.bits = bits
            self.bitStarts = bitStarts
            var anchors = [UInt64](repeating: 0, count: PresenceSet.capacity / 64)
            // An alternative without words would need nothing: anchor it nowhere, and let
            // ``mayMatch(_:)`` answer true for every text.
            var anchored: [(bit: Int32, alternative: Int32)] = []
            for (index, alternative) in alternatives.enumerated() {
                guard let anchor = alternative.first else { continue }
                anchored.append((Int32(anchor), Int32(index)))
                anchors[anchor >> 6] |= 1 << UInt64(anchor & 63)
            }
            anchored.sort { ($0.bit, $0.alternative) < ($1.bit, $1.alternative) }
            var anchorStarts = [Int32](repeating: 0, count: PresenceSet.capacity + 1)
            for entry in anchored { anchorStarts[Int(entry.bit) + 1] += 1 }
            for bit in 0..<PresenceSet.capacity { anchorStarts[bit + 1] += anchorStarts[bit] }
            byAnchor = anchored.map(\.alternative)
            self.anchorStarts = anchorStarts
            self.anchors = anchors
            anchorWords = anchors.indices.filter { anchors[$0] != 0 }
            hasEmptyAlternative = alternatives.contains(where: \.isEmpty)
        }

        private let hasEmptyAlternative: Bool

        /// Whether every word of some alternative is in `presence`.
        func mayMatch(_ presence: PresenceSet) -> Bool {
            if hasEmptyAlternative { return true }
            return presence.withWords { words in
                anchors.withUnsafeBufferPointer { anchors in
                    for word in anchorWords where word < words.count {
                        var candidates = anchors[word] & words[word]
                        while candidates != 0 {
                            let bit = word << 6 | candidates.trailingZeroBitCount
                            candidates &= candidates - 1
                            for slot in Int(anchorStarts[bit])..<Int(anchorStarts[bit + 1]) {
                                let alternative = Int(byAnchor[slot])
                                // (The anchor is the alternative's first bit: present.)
                                var index = Int(bitStarts[alternative]) + 1
                                let end = Int(bitStarts[alternative + 1])
                                while index < end {
                                    let needed = Int(bits[index])
                                    guard words[needed >> 6] & (1 << UInt64(needed & 63)) != 0 else { break }
                                    index += 1
                                }
                                if index >= end { return true }
                            }
                        }
                    }
                    return false
                }
            }
        }
    }

    /// The presence bits of some words. Fixed storage (``capacity`` bits), so a line's set
    /// costs no allocation.
    struct PresenceSet: Sendable {
        static let capacity = 1_024
        private var storage: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                              UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)

        /// The `index`th 64 bits.
        subscript(word index: Int) -> UInt64 {
            get { withUnsafeBytes(of: storage) { $0.load(fromByteOffset: index * 8, as: UInt64.self) } }
            set { withUnsafeMutableBytes(of: &storage) { $0.storeBytes(of: newValue, toByteOffset: index * 8, as: UInt64.self) } }
        }

        /// The set's 64-bit words, in order.
        @inline(__always) func withWords<Result>(_ body: (UnsafeBufferPointer<UInt64>) -> Result) -> Result {
            // (A homogeneous tuple's memory is bound to its element type.)
            withUnsafeBytes(of: storage) { body($0.assumingMemoryBound(to: UInt64.self)) }
        }

        @inline(__always) func contains(_ bit: Int) -> Bool { self[word: bit >> 6] & (1 << UInt64(bit & 63)) != 0 }
        @inline(__always) mutating func insert(_ bit: Int) {
            withUnsafeMutableBytes(of: &storage) { bytes in
                let offset = (bit >> 6) * 8
                bytes.storeBytes(of: bytes.load(fromByteOffset: offset, as: UInt64.self) | 1 << UInt64(bit & 63), toByteOffset: offset, as: UInt64.self)
            }
        }

        /// Inserts the bits of a word's vocabulary indices (-1: none).
        @inline(__always) mutating func insert(raw: Int32, stem: Int32) {
            if raw >= 0 { insert(2 * Int(raw) + 1) }
            if stem >= 0 { insert(2 * Int(stem)) }
        }

        mutating func formUnion(_ other: PresenceSet) {
            withUnsafeMutableBytes(of: &storage) { mine in
                withUnsafeBytes(of: other.storage) { theirs in
                    for offset in stride(from: 0, to: mine.count, by: 8) {
                        let value = mine.load(fromByteOffset: offset, as: UInt64.self) | theirs.load(fromByteOffset: offset, as: UInt64.self)
                        mine.storeBytes(of: value, toByteOffset: offset, as: UInt64.self)
                    }
                }
            }
        }
    }
}
