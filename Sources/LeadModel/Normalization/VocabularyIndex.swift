/// The free-text vocabularies (project type, lot status, financing) read from word indices
/// instead of words: every string those readings compare a word with gets an index, and a
/// text's words become the indices of the strings they equal (as written and after plural
/// folding), -1 for words equal to none. The readings compare words only with those
/// strings, never with each other, so comparing indices gives their answers exactly.
///
/// An ASCII word equals a string exactly when their bytes do; a word holding a non-ASCII
/// scalar equals no ASCII string (every vocabulary string is ASCII) unless each of its
/// non-ASCII scalars decomposes to ASCII (``mayEqualASCII(_:)``): such words are not
/// indexed, their texts are read as words.
package struct VocabularyWords: Sendable {
    /// Per word, the index of the string it equals, or -1.
    package var raw: [Int32] = []
    /// Per word, the index of the string its ``PhraseVocabulary/stem(_:)`` equals, or -1.
    package var stem: [Int32] = []
    /// Per word, whether every Character of it is a number (`Character.isNumber`).
    package var numeric: [Bool] = []

    package init() {}

    /// Room for `capacity` words.
    package init(capacity: Int) {
        raw.reserveCapacity(capacity)
        stem.reserveCapacity(capacity)
        numeric.reserveCapacity(capacity)
    }

    package var count: Int { raw.count }

    package mutating func append(raw: Int32, stem: Int32, numeric: Bool) {
        self.raw.append(raw)
        self.stem.append(stem)
        self.numeric.append(numeric)
    }

    package mutating func append(contentsOf other: VocabularyWords) {
        raw += other.raw
        stem += other.stem
        numeric += other.numeric
    }
}

package enum VocabularyIndex {
    /// Every string the readings compare a word with, in a fixed order: an index is a
    /// position here.
    package static let strings: [String] = {
        var strings: [String] = []
        var seen: Set<String> = []
        func add(_ words: some Sequence<String>) {
            for word in words where word != "*" && seen.insert(word).inserted { strings.append(word) }
        }
        for vocabulary in vocabularies {
            add(vocabulary.entries.flatMap(\.words))
            add(vocabulary.negations.sorted())
            add(vocabulary.entries.flatMap { $0.notAfter.sorted() })
        }
        add(["lot", "lots", "of", "plenty", "property", "have"])
        add(ProjectTypeVocabulary.describedHomeRequirements.alternatives.joined().map(\.text))
        add(LotStatusVocabulary.ownershipVerbs.sorted())
        add(LotStatusVocabulary.lotNouns.sorted())
        add(LotStatusVocabulary.lotFillers.sorted())
        add(LotStatusVocabulary.negations.sorted())
        add(FinancingVocabulary.approvalWords + FinancingVocabulary.approvalNegations)
        return strings
    }()

    private static var vocabularies: [PhraseVocabulary] {
        [ProjectTypeVocabulary.vocabulary, LotStatusVocabulary.looking, LotStatusVocabulary.underContract,
         LotStatusVocabulary.ownership, FinancingVocabulary.vocabulary]
    }

    /// The index of `string`, which must be one of ``strings``.
    package static func index(_ string: String) -> Int32 {
        let value = table.value(of: string)
        precondition(value != 0, "\(string) is no vocabulary string")
        return Int32(value) - 1
    }

    /// ``strings`` by their bytes: the value is the index + 1.
    private static let table = ASCIIWordTable(strings.enumerated().map { ($0.element, UInt64($0.offset + 1)) })

    /// The index of the lowercase ASCII word `word[range]`, or -1.
    @inline(__always)
    package static func index(ascii word: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int32 {
        Int32(table.value(of: word, range)) - 1
    }

    /// The indices of a lowercase ASCII word (a word ``TextScanning/words(_:)`` makes): as
    /// written and after plural folding (``PhraseVocabulary/stem(_:)``: a final `s` goes from
    /// words of four or more bytes not ending in `ss`, `us` or `is`).
    @inline(__always)
    package static func indices(ascii word: UnsafeBufferPointer<UInt8>, _ length: Int) -> (raw: Int32, stem: Int32) {
        let raw = index(ascii: word, 0..<length)
        let folds = length > 3 && word[length - 1] == 0x73 && word[length - 2] != 0x73 && word[length - 2] != 0x75 && word[length - 2] != 0x69
        return (raw, folds ? index(ascii: word, 0..<(length - 1)) : raw)
    }

    /// The indices of the words of ASCII text (runs of letters, digits and `'`, lowercased:
    /// ``TextScanning/words(_:)``), from its bytes; nil when a byte is not ASCII.
    package static func words(ascii text: String) -> VocabularyWords? {
        var copy = text
        return copy.withUTF8 { bytes -> VocabularyWords? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var result = VocabularyWords(capacity: bytes.count / 2 + 1)
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count + 1) { scratch in
                let word = UnsafeBufferPointer(scratch)
                var length = 0
                var numeric = true
                for byte in bytes {
                    let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    let isDigit = lower >= 0x30 && lower <= 0x39
                    if (lower >= 0x61 && lower <= 0x7A) || isDigit || lower == 0x27 {
                        scratch[length] = lower
                        length += 1
                        numeric = numeric && isDigit
                    } else if length > 0 {
                        let (raw, stem) = indices(ascii: word, length)
                        result.append(raw: raw, stem: stem, numeric: numeric)
                        length = 0
                        numeric = true
                    }
                }
                if length > 0 {
                    let (raw, stem) = indices(ascii: word, length)
                    result.append(raw: raw, stem: stem, numeric: numeric)
                }
                return result
            }
        }
    }

    /// ``words(ascii:)``'s `stem` indices alone (all ``Compiled/hits(_:)`` reads): a word
    /// that folds is looked up folded only; nil when a byte is not ASCII.
    package static func stems(ascii text: String) -> [Int32]? {
        var copy = text
        return copy.withUTF8 { bytes -> [Int32]? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var stems: [Int32] = []
            stems.reserveCapacity(bytes.count / 2 + 1)
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count + 1) { scratch in
                let word = UnsafeBufferPointer(scratch)
                var length = 0
                /// The index ``indices(ascii:_:)`` gives as `stem`.
                func appendStem() {
                    let folds = length > 3 && word[length - 1] == 0x73 && word[length - 2] != 0x73
                        && word[length - 2] != 0x75 && word[length - 2] != 0x69
                    stems.append(index(ascii: word, 0..<(folds ? length - 1 : length)))
                }
                for byte in bytes {
                    let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) || lower == 0x27 {
                        scratch[length] = lower
                        length += 1
                    } else if length > 0 {
                        appendStem()
                        length = 0
                    }
                }
                if length > 0 { appendStem() }
            }
            return stems
        }
    }

    /// Whether a String holding a non-ASCII scalar may equal an ASCII one: only if each of
    /// its non-ASCII scalars decomposes canonically to ASCII (GREEK QUESTION MARK, GREEK
    /// VARIA, KELVIN SIGN).
    package static func mayEqualASCII(_ word: String) -> Bool {
        word.unicodeScalars.allSatisfy { $0.isASCII || $0 == "\u{037E}" || $0 == "\u{1FEF}" || $0 == "\u{212A}" }
    }

    /// The indices of `words` (as ``TextScanning/words(_:)`` splits them), a Latin letter with
    /// an accent read as its base letter (``LatinLetterFolding``); nil when a word might equal
    /// a vocabulary string without having its bytes.
    package static func words(_ words: [String]) -> VocabularyWords? {
        var result = VocabularyWords()
        result.raw.reserveCapacity(words.count)
        result.stem.reserveCapacity(words.count)
        result.numeric.reserveCapacity(words.count)
        for word in words {
            var copy = word
            let ascii = copy.withUTF8 { bytes -> (Int32, Int32, Bool)? in
                guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
                let (raw, stem) = indices(ascii: bytes, bytes.count)
                return (raw, stem, !bytes.isEmpty && bytes.allSatisfy { $0 >= 0x30 && $0 <= 0x39 })
            }
            if let (raw, stem, numeric) = ascii {
                result.append(raw: raw, stem: stem, numeric: numeric)
            } else {
                guard !mayEqualASCII(word) else { return nil }
                // ("remodelación" is the vocabularies' "remodelacion".)
                if let (raw, stem) = LatinLetterFolding.withFolded(word, { indices(ascii: $0, $0.count) }) {
                    result.append(raw: raw, stem: stem, numeric: false)
                } else {
                    result.append(raw: -1, stem: -1, numeric: word.allSatisfy(\.isNumber))
                }
            }
        }
        return result
    }

    // MARK: - Compiled vocabularies

    /// A ``PhraseVocabulary`` with its strings as indices, in flat arrays (a match reads
    /// them without copying an entry, and a word that heads no phrase is passed over from a
    /// bitset without touching the rest).
    package struct Compiled: Sendable {
        /// Every entry's word indices, one entry after another (-2 for a `*` gap): entry
        /// `r`'s are `phraseWords[phraseStarts[r]..<phraseStarts[r + 1]]`.
        let phraseWords: [Int32]
        let phraseStarts: [Int32]
        /// Per entry, whether its phrase has a gap.
        let hasGap: [Bool]
        /// Per entry, the strings that must not come right before it, flat as above.
        let notAfterWords: [Int32]
        let notAfterStarts: [Int32]
        let slugs: [String]
        /// The ranks of the entries by the string their phrase starts with: string `i`'s
        /// are `byHead[headStarts[i]..<headStarts[i + 1]]`, in rank order.
        let byHead: [Int32]
        let headStarts: [Int32]
        /// Bit `i`: string `i` starts a phrase (`headStarts` gives it ranks).
        let isHead: [UInt64]
        /// Per string index, whether it is a negation.
        let isNegation: [Bool]
        let hasNegations: Bool
        /// Per entry, the ``signature(of:)`` of its words after the head (gaps left out): an
        /// entry whose words are not all in a text's signature cannot match in it, so its
        /// phrase is not walked (a gap phrase headed by `a` was tried, branch by branch, at
        /// every `a` of a text).
        let needs: [SIMD4<UInt64>]

        init(_ vocabulary: PhraseVocabulary) {
            let count = VocabularyIndex.strings.count
            var headStarts = [Int32](repeating: 0, count: count + 1)
            var phraseWords: [Int32] = []
            var phraseStarts: [Int32] = [0]
            var hasGap: [Bool] = []
            var notAfterWords: [Int32] = []
            var notAfterStarts: [Int32] = [0]
            var heads: [Int32?] = []
            for entry in vocabulary.entries {
                let words = entry.words.map { $0 == "*" ? -2 : VocabularyIndex.index($0) }
                phraseWords += words
                phraseStarts.append(Int32(phraseWords.count))
                hasGap.append(words.contains(-2))
                notAfterWords += entry.notAfter.map(VocabularyIndex.index)
                notAfterStarts.append(Int32(notAfterWords.count))
                heads.append(words.first)
                if let head = words.first, head >= 0 { headStarts[Int(head) + 1] += 1 }
            }
            for index in 0..<count { headStarts[index + 1] += headStarts[index] }
            var byHead = [Int32](repeating: 0, count: Int(headStarts[count]))
            var filled = headStarts
            var isHead = [UInt64](repeating: 0, count: count / 64 + 1)
            var needs: [SIMD4<UInt64>] = []
            for rank in heads.indices {
                let words = phraseWords[Int(phraseStarts[rank])..<Int(phraseStarts[rank + 1])]
                needs.append(Self.signature(of: words.dropFirst()))
            }
            self.needs = needs
            for (rank, head) in heads.enumerated() {
                guard let head, head >= 0 else { continue }
                byHead[Int(filled[Int(head)])] = Int32(rank)
                filled[Int(head)] += 1
                isHead[Int(head) >> 6] |= 1 << UInt64(head & 63)
            }
            self.phraseWords = phraseWords
            self.phraseStarts = phraseStarts
            self.hasGap = hasGap
            self.notAfterWords = notAfterWords
            self.notAfterStarts = notAfterStarts
            slugs = vocabulary.entries.map(\.slug)
            self.byHead = byHead
            self.headStarts = headStarts
            self.isHead = isHead
            var isNegation = [Bool](repeating: false, count: count)
            for negation in vocabulary.negations { isNegation[Int(VocabularyIndex.index(negation))] = true }
            self.isNegation = isNegation
            hasNegations = !vocabulary.negations.isEmpty
        }

        /// ``PhraseVocabulary/hits(inWords:)`` of the words `words` indexes, step for step.
        package func hits(_ words: VocabularyWords) -> [PhraseVocabulary.Hit] {
            hits(stems: words.stem)
        }

        /// ``hits(_:)`` of words given by their `stem` indices.
        package func hits(stems: [Int32]) -> [PhraseVocabulary.Hit] {
            PhraseVocabulary.keepingLongest(everyHit(stems: stems))
        }

        /// The least of ``hits(stems:)`` by rank, then word index (`min` of them so).
        package func best(stems: [Int32]) -> PhraseVocabulary.Hit? {
            PhraseVocabulary.bestKept(everyHit(stems: stems))
        }

        /// ``best(stems:)`` of the hits `keeps` keeps (the others are read as no phrase).
        package func best(stems: [Int32], keeping keeps: (PhraseVocabulary.Hit) -> Bool) -> PhraseVocabulary.Hit? {
            PhraseVocabulary.bestKept(everyHit(stems: stems).filter(keeps))
        }

        /// Whether ``hits(_:)`` has any (it keeps one of any hits: the one ending last).
        package func hasHit(_ words: VocabularyWords) -> Bool {
            !everyHit(stems: words.stem).isEmpty
        }

        /// Every phrase matched in words of `stems`, overlapping ones too.
        private func everyHit(stems: [Int32]) -> [PhraseVocabulary.Hit] {
            var hits: [PhraseVocabulary.Hit] = []
            let present = Self.signature(of: stems)
            for index in stems.indices {
                let head = stems[index]
                guard head >= 0, isHead[Int(head) >> 6] & (1 << UInt64(head & 63)) != 0 else { continue }
                for slot in Int(headStarts[Int(head)])..<Int(headStarts[Int(head) + 1]) {
                    let rank = Int(byHead[slot])
                    // (A phrase word is a string, index >= 0: it matches only a word of that index.)
                    guard needs[rank] & ~present == SIMD4(), let length = match(rank, in: stems, at: index) else { continue }
                    let before = stems[max(0, index - 3)..<index]
                    if hasNegations, before.contains(where: { $0 >= 0 && isNegation[Int($0)] }) { continue }
                    if let previous = before.last, previous >= 0, isNotAfter(previous, rank) { continue }
                    hits.append(PhraseVocabulary.Hit(slug: slugs[rank], wordIndex: index, length: length, rank: rank))
                }
            }
            return hits
        }

        /// Which strings `indices` holds, as bits `index % 256` (the -1 of a word that is no
        /// string left out): a superset test of two signatures can only err towards "may hold".
        private static func signature(of indices: some Sequence<Int32>) -> SIMD4<UInt64> {
            var lanes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
            for index in indices where index >= 0 {
                let bit: UInt64 = 1 << UInt64(index & 63)
                switch index >> 6 & 3 {
                case 0: lanes.0 |= bit
                case 1: lanes.1 |= bit
                case 2: lanes.2 |= bit
                default: lanes.3 |= bit
                }
            }
            return SIMD4(lanes.0, lanes.1, lanes.2, lanes.3)
        }

        /// Whether string `word` must not come right before entry `rank`.
        private func isNotAfter(_ word: Int32, _ rank: Int) -> Bool {
            for slot in Int(notAfterStarts[rank])..<Int(notAfterStarts[rank + 1]) where notAfterWords[slot] == word { return true }
            return false
        }

        /// The length of entry `rank`'s phrase matched at `index` (whose word is its head).
        private func match(_ rank: Int, in words: [Int32], at index: Int) -> Int? {
            let start = Int(phraseStarts[rank])
            let end = Int(phraseStarts[rank + 1])
            guard hasGap[rank] else {
                guard index + (end - start) <= words.count else { return nil }
                var offset = 1
                while start + offset < end {
                    if words[index + offset] != phraseWords[start + offset] { return nil }
                    offset += 1
                }
                return end - start
            }
            return matchRest(start + 1, end, words, index + 1).map { $0 - index }
        }

        /// Where the phrase words `phraseWords[p..<end]` matched from word `w` end.
        private func matchRest(_ p: Int, _ end: Int, _ words: [Int32], _ w: Int) -> Int? {
            if p == end { return w }
            if phraseWords[p] == -2 {
                for skip in 0...3 where w + skip <= words.count {
                    if let matched = matchRest(p + 1, end, words, w + skip) { return matched }
                }
                return nil
            }
            guard w < words.count, words[w] == phraseWords[p] else { return nil }
            return matchRest(p + 1, end, words, w + 1)
        }
    }

    package static let projectType = Compiled(ProjectTypeVocabulary.vocabulary)
    package static let looking = Compiled(LotStatusVocabulary.looking)
    package static let underContract = Compiled(LotStatusVocabulary.underContract)
    package static let ownership = Compiled(LotStatusVocabulary.ownership)
    package static let financing = Compiled(FinancingVocabulary.vocabulary)

    /// The compiled form of one of the five vocabularies.
    static func compiled(_ key: PhraseVocabulary.Key) -> Compiled {
        switch key {
        case .projectType: projectType
        case .looking: looking
        case .underContract: underContract
        case .ownership: ownership
        case .financing: financing
        }
    }
}
