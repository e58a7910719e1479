/// A list of word phrases mapped to slugs, matched on word boundaries, case-insensitively,
/// with simple plural folding (`additions` matches `addition`). A `*` in a phrase stands
/// for up to three words (`build * home` matches `build a 3 bedroom home`).
public struct PhraseVocabulary: Sendable {
    /// One phrase: its words and its slug.
    struct Entry: Sendable {
        var words: [String]
        var slug: String
        /// Words that must not come right before the phrase (`in` for `addition`).
        var notAfter: Set<String> = []
    }

    /// A phrase found in text.
    public struct Hit: Sendable, Equatable {
        /// The slug of the entry.
        public var slug: String
        /// Index of the first matched word in the text's word list.
        public var wordIndex: Int
        /// Number of words matched.
        public var length: Int
        /// The entry's rank in the vocabulary (lower = more specific, listed first).
        public var rank: Int
    }

    let entries: [Entry]
    /// Words that, right before a phrase, cancel it (`not`, `don't`): checked by ``hits(in:)``.
    let negations: Set<String>
    /// Which of the vocabularies ``VocabularyIndex`` compiles this is.
    let key: Key

    enum Key: Sendable {
        case projectType, looking, underContract, ownership, financing
    }

    /// Creates a vocabulary from `(slug, phrases)` groups in priority order.
    init(_ groups: [(String, [String])], negations: Set<String> = [], key: Key) {
        self.key = key
        var entries: [Entry] = []
        for (slug, phrases) in groups {
            for phrase in phrases {
                let (words, notAfter) = Self.parse(phrase)
                entries.append(Entry(words: words.map(Self.stem), slug: slug, notAfter: notAfter))
            }
        }
        self.entries = entries
        self.negations = negations
        var byHead: [String: [Int]] = [:]
        for (rank, entry) in entries.enumerated() {
            guard let head = entry.words.first else { continue }
            byHead[head, default: []].append(rank)
        }
        self.byHead = byHead
        headFilter = WordLookupFilter(byHead.keys)
    }

    /// "addition|!in": the phrase's words (`*` kept), then words that must not precede it.
    /// The phrases are ASCII, where the "|" and " " bytes are those Characters: the parts
    /// and pieces are split from the bytes, each piece read as ``TextScanning/words(_:)``
    /// reads it (a piece `*` stays one).
    private static func parse(_ phrase: String) -> (words: [String], notAfter: Set<String>) {
        precondition(phrase.utf8.allSatisfy { $0 < 0x80 }, "phrases are ASCII")
        var copy = phrase
        return copy.withUTF8 { bytes in
            let bar = bytes.firstIndex(of: UInt8(ascii: "|")) ?? bytes.count
            var words: [String] = []
            words.reserveCapacity(8)
            var pieceStart = 0
            for index in 0...bar where index == bar || bytes[index] == UInt8(ascii: " ") {
                let piece = UnsafeBufferPointer(rebasing: bytes[pieceStart..<index])
                if piece.count == 1, piece[0] == UInt8(ascii: "*") {
                    words.append("*")
                } else if !piece.isEmpty, let pieceWords = TextScanning.asciiWords(piece) {
                    words += pieceWords
                }
                pieceStart = index + 1
            }
            var notAfter: Set<String> = []
            if bar < bytes.count {
                for part in bytes[(bar + 1)...].split(separator: UInt8(ascii: "|")) {
                    notAfter.insert(String(decoding: part.dropFirst(), as: UTF8.self))
                }
            }
            return (words, notAfter)
        }
    }

    /// Checked before a ``byHead`` lookup, which hashes the word.
    private let headFilter: WordLookupFilter

    /// Entry ranks by the first word of their phrase: a text is scanned once, and only the
    /// entries whose phrase starts with the word at hand are tried there.
    private let byHead: [String: [Int]]

    /// Every phrase occurrence in `text` that is not negated by the two words before it,
    /// ordered by position; overlapping weaker entries at the same position are dropped.
    public func hits(in text: String) -> [Hit] {
        hits(inWords: TextScanning.words(text))
    }

    /// ``hits(in:)`` over words already split by ``words(in:)`` (a caller joining several
    /// lines keeps its own word → line map).
    public func hits(inWords rawWords: [String]) -> [Hit] {
        if let indexed = VocabularyIndex.words(rawWords) { return VocabularyIndex.compiled(key).hits(indexed) }
        let words = rawWords.map(Self.stem)
        var hits: [Hit] = []
        // Every (entry, position) where the entry's phrase matches, as a scan of each entry
        // over the whole text would find them (the order does not matter: hits are
        // filtered as a set and sorted below).
        for index in words.indices {
            guard headFilter.mayContain(words[index]), let ranks = byHead[words[index]] else { continue }
            for rank in ranks {
                let entry = entries[rank]
                guard let length = Self.match(entry.words, in: words, at: index) else { continue }
                let before = words[max(0, index - 3)..<index]
                if !negations.isEmpty, before.contains(where: negations.contains) { continue }
                if let previous = before.last, entry.notAfter.contains(previous) { continue }
                hits.append(Hit(slug: entry.slug, wordIndex: index, length: length, rank: rank))
            }
        }
        return Self.keepingLongest(hits)
    }

    /// `hits` without those an overlapping hit outlasts, ordered by position then rank.
    static func keepingLongest(_ hits: [Hit]) -> [Hit] {
        // No hit outlasts itself, and one hit is in order: most texts have none or one.
        guard hits.count > 1 else { return hits }
        // Where two phrases overlap, the one that ends later names the thing (English puts
        // the head noun last): "build a home addition" is an addition, not a new build.
        let kept = hits.filter { !isOutlasted($0, among: hits) }
        return kept.sorted { ($0.wordIndex, $0.rank) < ($1.wordIndex, $1.rank) }
    }

    /// Whether another of `hits` overlaps `hit` and ends later (``keepingLongest(_:)`` drops it).
    private static func isOutlasted(_ hit: Hit, among hits: [Hit]) -> Bool {
        hits.contains { other in
            other.wordIndex < hit.wordIndex + hit.length && hit.wordIndex < other.wordIndex + other.length
                && other.wordIndex + other.length > hit.wordIndex + hit.length
        }
    }

    /// The least of ``keepingLongest(_:)``'s hits by rank, then word index, without keeping
    /// them in order (no two hits share both). (The hit ending last is kept: nil only
    /// without hits.)
    static func bestKept(_ hits: [Hit]) -> Hit? {
        var best: Hit?
        for hit in hits where !isOutlasted(hit, among: hits) {
            if let best, (best.rank, best.wordIndex) < (hit.rank, hit.wordIndex) { continue }
            best = hit
        }
        return best
    }

    /// The slug of the highest-priority phrase in `text`.
    public func bestSlug(in text: String) -> String? {
        // ASCII text: its words' indices straight from the bytes.
        if let stems = VocabularyIndex.stems(ascii: text) {
            return VocabularyIndex.compiled(key).best(stems: stems)?.slug
        }
        return bestSlug(inWords: TextScanning.words(text))
    }

    /// ``bestSlug(in:)`` over words already split by ``words(in:)``.
    package func bestSlug(inWords words: [String]) -> String? {
        hits(inWords: words).min { $0.rank < $1.rank }?.slug
    }

    /// The lowercase words of `text` as the vocabularies see them (letters, digits,
    /// apostrophes; `pre-approved` is two words).
    public static func words(in text: String) -> [String] {
        TextScanning.words(text)
    }

    /// The first match of `phrase` (with `*` gaps) at or after `start`: its index and length.
    static func firstMatch(of phrase: [String], in words: [String], from start: Int) -> (Int, Int)? {
        guard let head = phrase.first, start < words.count else { return nil }
        guard phrase.contains("*") else {
            return TextScanning.firstIndex(of: phrase, in: words, from: start).map { ($0, phrase.count) }
        }
        for index in start..<words.count where words[index] == head {
            if let end = matchRest(phrase, 1, words, index + 1) { return (index, end - index) }
        }
        return nil
    }

    /// The length of `phrase` (with `*` gaps) matched at `index` (whose word is the
    /// phrase's head), or nil: the match ``firstMatch(of:in:from:)`` reports at that index.
    private static func match(_ phrase: [String], in words: [String], at index: Int) -> Int? {
        guard !phrase.contains("*") else {
            return matchRest(phrase, 1, words, index + 1).map { $0 - index }
        }
        guard index + phrase.count <= words.count else { return nil }
        for offset in 1..<phrase.count where words[index + offset] != phrase[offset] { return nil }
        return phrase.count
    }

    private static func matchRest(_ phrase: [String], _ p: Int, _ words: [String], _ w: Int) -> Int? {
        if p == phrase.count { return w }
        if phrase[p] == "*" {
            for skip in 0...3 where w + skip <= words.count {
                if let end = matchRest(phrase, p + 1, words, w + skip) { return end }
            }
            return nil
        }
        guard w < words.count, words[w] == phrase[p] else { return nil }
        return matchRest(phrase, p + 1, words, w + 1)
    }

    static func stem(_ word: String) -> String {
        // Most words do not end in "s" (as a last byte, so not as a last Character either).
        guard word.utf8.last == 0x73 else { return word }
        if word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us"), !word.hasSuffix("is") {
            return String(word.dropLast())
        }
        return word
    }
}
