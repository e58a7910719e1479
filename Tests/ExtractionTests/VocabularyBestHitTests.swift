@testable import LeadModel
import Testing

/// The one-hit readings of the vocabularies (``PhraseVocabulary/bestKept(_:)``,
/// ``VocabularyIndex/Compiled/best(stems:)``, ``VocabularyIndex/Compiled/hasHit(_:)``) agree
/// with reading every hit ``PhraseVocabulary/keepingLongest(_:)`` keeps.
@Suite("Vocabulary: the best hit agrees with the kept hits")
struct VocabularyBestHitTests {
    @Test func bestKeptIsTheLeastKeptHit() {
        var generator = SplitMix64(seed: 41)
        for _ in 0..<20_000 {
            var hits: [PhraseVocabulary.Hit] = []
            var seen: Set<[Int]> = []
            for _ in 0..<generator.below(7) {
                let wordIndex = generator.below(12), rank = generator.below(6)
                // (A rank matches once at a word: no two hits share both.)
                guard seen.insert([wordIndex, rank]).inserted else { continue }
                hits.append(PhraseVocabulary.Hit(slug: "s\(rank)", wordIndex: wordIndex, length: generator.below(4) + 1, rank: rank))
            }
            let kept = PhraseVocabulary.keepingLongest(hits)
            #expect(PhraseVocabulary.bestKept(hits) == kept.min { ($0.rank, $0.wordIndex) < ($1.rank, $1.wordIndex) }, "\(hits)")
            #expect((PhraseVocabulary.bestKept(hits) == nil) == hits.isEmpty)
        }
    }

    @Test func compiledReadingsAgreeWithTheKeptHits() {
        let texts = [
            "we want to build a custom home on our lot", "a 4 bed 3 bath home", "build a 3,000 sq ft home",
            "we own the lot and are pre-approved", "looking for a lot", "under contract on a lot", "cash",
            "building a new house with a casita", "an adu in the back", "nothing here",
        ]
        for text in texts {
            guard let stems = VocabularyIndex.stems(ascii: text) else { continue }
            var words = VocabularyWords()
            for stem in stems { words.append(raw: stem, stem: stem, numeric: false) }
            for compiled in [VocabularyIndex.projectType, VocabularyIndex.looking, VocabularyIndex.underContract,
                             VocabularyIndex.ownership, VocabularyIndex.financing] {
                let hits = compiled.hits(stems: stems)
                #expect(compiled.best(stems: stems) == hits.min { ($0.rank, $0.wordIndex) < ($1.rank, $1.wordIndex) }, "\(text)")
                #expect(compiled.hasHit(words) == !hits.isEmpty, "\(text)")
            }
        }
    }
}
