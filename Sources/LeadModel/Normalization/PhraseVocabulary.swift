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

    /// Creates a vocabulary from `(slug, phrases)` groups in priority order.
    init(_ groups: [(String, [String])], negations: Set<String> = []) {
        var entries: [Entry] = []
        for (slug, phrases) in groups {
            for phrase in phrases {
                // "addition|!in": the phrase, then words that must not precede it.
                let parts = phrase.split(separator: "|")
                let notAfter = Set(parts.dropFirst().map { String($0.dropFirst()) })
                let words = parts[0].split(separator: " ").flatMap { $0 == "*" ? ["*"] : TextScanning.words($0) }
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

    /// Checked before a ``byHead`` lookup, which hashes the word.
    private let headFilter: WordLookupFilter

    /// Entry ranks by the first word of their phrase: a text is scanned once, and only the
    /// entries whose phrase starts with the word at hand are tried there.
    private let byHead: [String: [Int]]

    /// One (stemmed) word of each phrase: every word of a phrase must be in a text for a
    /// hit, so a text none of whose words is one of these, or one of these plus `s`, has no
    /// hit. Callers build prefilters from them, so the word chosen is the longest that is
    /// not a common word of lead messages (any word would be correct; a rare one filters more).
    package var requiredWords: [String] {
        Set(entries.compactMap { entry in
            let words = entry.words.filter { $0 != "*" }
            let rare = words.filter { !Self.commonWords.contains($0) }
            return (rare.isEmpty ? words : rare).max { $0.utf8.count < $1.utf8.count }
        }).sorted()
    }

    private static let commonWords: Set<String> = [
        "a", "an", "the", "to", "for", "of", "on", "in", "at", "our", "my", "we", "i", "us", "have", "need", "do", "not",
        "don't", "dont", "no", "find", "help", "still", "looking", "look", "own", "pay", "paying", "construction", "home",
        "house", "build", "building", "new", "current", "sell", "get", "will", "would", "be", "is", "are", "can", "with",
        "and", "or", "all", "yet", "project",
    ]

    /// Every phrase occurrence in `text` that is not negated by the two words before it,
    /// ordered by position; overlapping weaker entries at the same position are dropped.
    public func hits(in text: String) -> [Hit] {
        hits(inWords: TextScanning.words(text))
    }

    /// ``hits(in:)`` over words already split by ``words(in:)`` (a caller joining several
    /// lines keeps its own word → line map).
    public func hits(inWords rawWords: [String]) -> [Hit] {
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
        // Where two phrases overlap, the one that ends later names the thing (English puts
        // the head noun last): "build a home addition" is an addition, not a new build.
        let kept = hits.filter { hit in
            !hits.contains { other in
                other.wordIndex < hit.wordIndex + hit.length && hit.wordIndex < other.wordIndex + other.length
                    && other.wordIndex + other.length > hit.wordIndex + hit.length
            }
        }
        return kept.sorted { ($0.wordIndex, $0.rank) < ($1.wordIndex, $1.rank) }
    }

    /// The slug of the highest-priority phrase in `text`.
    public func bestSlug(in text: String) -> String? {
        bestSlug(inWords: TextScanning.words(text))
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
