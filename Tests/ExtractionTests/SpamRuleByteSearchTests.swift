import Testing

@testable import Extraction

/// The spam rule reads ASCII text on its bytes; it must answer what the Character search of
/// the lowercased text answers.
@Suite struct SpamRuleByteSearchTests {
    /// Every sequence of up to three pieces that sit at word edges: letters, digits,
    /// punctuation, CR LF, capitals, and the phrases themselves (10,649 texts).
    static let texts: [String] = {
        let pieces = ["seo", "SEO", "nft", "iNFantry", "crypto", "cryptocurrency", "9", "x", " ", "-", "\r\n", "\n",
                      "_", "'", "bitcoin", "Bitcoin.", "guest post", "bedroom", "Sq Ft", "our home", "myhome", "my home"]
        var texts = [""]
        var last = [""]
        for _ in 1...3 {
            last = last.flatMap { prefix in pieces.map { prefix + $0 } }
            texts += last
        }
        return texts
    }()

    @Test func wordSearchOnBytesEqualsTheCharacterSearch() {
        let phrases = SpamRule.pitchPhrases.flatMap(\.phrases)
        for var text in Self.texts {
            let lower = text.lowercased()
            for phrase in phrases {
                let bytes = text.withUTF8 { SpamRule.containsWord(asciiBytes: $0, phrase) }
                #expect(bytes == SpamRule.containsWord(lower, phrase), "\(phrase) in \(text.debugDescription)")
            }
        }
    }

    @Test func projectWordsOnBytesEqualTheCharacterSearch() {
        for text in Self.texts {
            #expect(SpamRule.mentionsProject(text, isASCII: true) == SpamRule.mentionsProject(text), "\(text.debugDescription)")
        }
    }

    @Test func wordEdges() {
        var text = "Get to the first page of Google with SEO, and NFT drops"
        #expect(text.withUTF8 { SpamRule.containsWord(asciiBytes: $0, "seo") })
        #expect(text.withUTF8 { SpamRule.containsWord(asciiBytes: $0, "nft") })
        text = "infantry 1seo seos"
        #expect(!text.withUTF8 { SpamRule.containsWord(asciiBytes: $0, "nft") })
        #expect(!text.withUTF8 { SpamRule.containsWord(asciiBytes: $0, "seo") })
    }
}
