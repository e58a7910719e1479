import LeadModel
import Testing

/// `SimpleScalars` lets the word splitter work scalar by scalar: check every scalar it
/// names against Character's own answers.
@Suite("Simple scalars")
struct SimpleScalarsTests {
    /// `scalar` is a Character of its own next to letters and next to itself.
    private func standsAlone(_ scalar: Unicode.Scalar) -> Bool {
        var around = String.UnicodeScalarView()
        around.append("a")
        around.append(scalar)
        around.append("a")
        var twice = String.UnicodeScalarView()
        twice.append(scalar)
        twice.append(scalar)
        return String(around).count == 3 && String(twice).count == 2
    }

    @Test func everyScalarIsItsOwnCharacterAndLowercasesToOne() {
        for range in SimpleScalars.ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { Issue.record("\(value) is no scalar"); continue }
                #expect(standsAlone(scalar), "U+\(String(value, radix: 16))")
                let lowered = String(scalar).lowercased().unicodeScalars
                #expect(lowered.count == 1, "U+\(String(value, radix: 16)) lowercases to \(lowered.count) scalars")
                guard let lower = lowered.first, let (tableLower, isWord) = SimpleScalars.table.entry(scalar) else {
                    Issue.record("U+\(String(value, radix: 16)) has no entry")
                    continue
                }
                #expect(lower == tableLower)
                #expect(standsAlone(lower), "lowercase of U+\(String(value, radix: 16))")
                let character = Character(lower)
                #expect(isWord == (character.isLetter || character.isNumber || character == "'" || character == "\u{2019}"),
                        "U+\(String(value, radix: 16))")
                // What the budget reader asks of such a Character is its scalar's answer.
                let original = Character(scalar)
                #expect(original.isLetter == scalar.properties.isAlphabetic, "U+\(String(value, radix: 16))")
                #expect(original.isWhitespace == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
                #expect(character.isLetter == lower.properties.isAlphabetic, "lowercase of U+\(String(value, radix: 16))")
            }
        }
    }

    @Test func asciiButCRStandsAloneNextToSimpleScalars() {
        for value in UInt32(0)..<0x80 where value != 0x0D {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(standsAlone(scalar))
        }
    }

    @Test func wordsOfSimpleTextAreThoseOfCharacters() {
        let text = "Ÿes, we’re PRE-APPROVED ¡Olé! — façade ÀÉÎ 12½ naïve Œuvre ™ \u{FFFD}x ‘quoted’"
        #expect(PhraseVocabulary.words(in: text) == ["ÿes", "we're", "pre", "approved", "olé", "façade", "àéî", "12½", "naïve", "œuvre", "x", "quoted'"])
    }
}

extension SimpleScalarsTests {
    /// The Character-by-Character reading the scalar path stands in for.
    private func characterWords(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "'" || character == "\u{2019}" {
                current.append(character == "\u{2019}" ? "'" : character)
            } else if !current.isEmpty {
                result.append(current)
                current = ""
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    @Test func randomSimpleTextSplitsLikeCharacters() {
        var pool: [Unicode.Scalar] = (0x20..<0x7F).compactMap(Unicode.Scalar.init) + ["\n", "\t", "\r", "\r"]
        for range in SimpleScalars.ranges { pool += range.compactMap(Unicode.Scalar.init) }
        var state: UInt64 = 7
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        for _ in 0..<2_000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<(1 + next() % 40) { scalars.append(pool[next() % pool.count]) }
            let text = String(scalars)
            #expect(PhraseVocabulary.words(in: text) == characterWords(text), "\(text.debugDescription)")
        }
    }
}
