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
    }

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
        for (rank, entry) in entries.enumerated() {
            var start = 0
            while let (index, length) = Self.firstMatch(of: entry.words, in: words, from: start) {
                start = index + 1
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
        hits(in: text).min { $0.rank < $1.rank }?.slug
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
        if word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us"), !word.hasSuffix("is") {
            return String(word.dropLast())
        }
        return word
    }
}
