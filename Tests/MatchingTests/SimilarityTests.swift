import Matching
import Testing

@Suite("Similarity and phonetic codes")
struct SimilarityTests {
    @Test("Jaro-Winkler reference values", arguments: [
        ("MARTHA", "MARHTA", 0.961), ("DWAYNE", "DUANE", 0.840), ("DIXON", "DICKSONX", 0.813),
        ("JELLYFISH", "SMELLYFISH", 0.896), ("same", "same", 1.0), ("abc", "xyz", 0.0),
    ])
    func jaroWinkler(a: String, b: String, expected: Double) {
        #expect(abs(JaroWinkler.similarity(a, b) - expected) < 0.001)
        #expect(abs(JaroWinkler.similarity(b, a) - expected) < 0.001)
    }

    @Test("Metaphone: spellings that sound alike share a code", arguments: [
        ("Smith", "Smyth"), ("Catherine", "Kathryn"), ("Philips", "Filips"), ("Knight", "Nite"),
        ("Stephen", "Steven"), ("McDonald", "MacDonald"), ("Núñez", "Nunez"),
    ])
    func metaphoneAlike(a: String, b: String) {
        #expect(Metaphone.code(a) == Metaphone.code(b), "\(a) \(Metaphone.code(a)) vs \(b) \(Metaphone.code(b))")
    }

    @Test("Metaphone: different names differ", arguments: [("Smith", "Jones"), ("Hale", "Kale"), ("Garcia", "Gordon")])
    func metaphoneDifferent(a: String, b: String) {
        #expect(Metaphone.code(a) != Metaphone.code(b))
    }

    @Test("Metaphone codes", arguments: [("Smith", "SM0"), ("Knight", "NT"), ("Xavier", "SFR"), ("Wright", "RT"), ("", "")])
    func metaphoneCodes(name: String, code: String) {
        #expect(Metaphone.code(name) == code)
    }
}
