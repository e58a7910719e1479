import Testing

@testable import Extraction

/// The two byte scanners (``ASCIIPhraseScanner``, ``FoldedLiteralScanner``) against a naive
/// reference: for every phrase, does its byte sequence occur in the text (A-Z folded to a-z
/// when folding). Texts are built from the phrases' own fragments, case variants, non-ASCII
/// bytes and separators, so phrases sit at the very start and end, overlap, and are cut.
@Suite struct PhraseScannerReferenceTests {
    static let pitchPhrases = SpamRule.pitchPhrases.flatMap(\.phrases)

    /// Literals like spec detection's: many sharing a start, short ones (2 and 3 bytes),
    /// punctuation, digits and spaces.
    static let literals = ["ne", "new lead", "new project", "new message", "name", "name:", "zip", "zip code", "@", "ft",
                           "sq ft", "a.m", "re:", "fw", "lead from", "from:", "phone", "e-mail", "email", "budget", "\u{7f}x",
                           "houzz", "thumbtack", "angi", "angie's list", "1-800", "10 x", "  ", "nft", "seo", "@a", "_1"]

    /// A-Z folded to a-z.
    static func fold(_ bytes: [UInt8]) -> [UInt8] {
        bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    }

    static func contains(_ text: [UInt8], _ phrase: [UInt8]) -> Bool {
        guard phrase.count <= text.count else { return false }
        for start in 0...(text.count - phrase.count) where text[start..<(start + phrase.count)].elementsEqual(phrase) {
            return true
        }
        return false
    }

    /// Deterministic pseudo-random texts from `phrases`: whole phrases, their prefixes and
    /// suffixes, case variants, non-ASCII bytes and separators; plus every text of 0-2 bytes
    /// over a small alphabet.
    static func texts(for phrases: [String], count: Int) -> [[UInt8]] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func random(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let phraseBytes = phrases.map { Array($0.utf8) }
        let extras: [[UInt8]] = [[0x20], [0x0A], [0x0D, 0x0A], [0xC3, 0xA9], [0xE2, 0x80, 0x99], [0xFF], [0x00], [0x40],
                                 [0x60], [0x5B], [0x7B], Array("x".utf8), Array("E".utf8), Array("-".utf8)]
        func piece() -> [UInt8] {
            switch random(6) {
            case 0: return extras[random(extras.count)]
            default:
                var bytes = phraseBytes[random(phraseBytes.count)]
                switch random(4) {
                case 0: bytes = Array(bytes.prefix(1 + random(bytes.count)))
                case 1: bytes = Array(bytes.suffix(1 + random(bytes.count)))
                default: break
                }
                switch random(3) {
                case 0: bytes = bytes.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }
                case 1: bytes = bytes.map { $0 >= 0x61 && $0 <= 0x7A && random(2) == 0 ? $0 - 0x20 : $0 }
                default: break
                }
                return bytes
            }
        }
        var texts: [[UInt8]] = [[]]
        let alphabet: [UInt8] = Array(Set(phraseBytes.flatMap { $0 } + [0x20, 0xC3, 0x41, 0x53]))
        for first in alphabet {
            texts.append([first])
            for second in alphabet { texts.append([first, second]) }
        }
        for _ in 0..<count {
            var text: [UInt8] = []
            for _ in 0..<(1 + random(6)) { text += piece() }
            texts.append(text)
        }
        return texts
    }

    static func checkPhraseScanner(_ phrases: [String], count: Int) {
        let scanner = ASCIIPhraseScanner(phrases)
        let phraseBytes = phrases.map { Array($0.utf8) }
        for text in texts(for: phrases, count: count) {
            for folding in [false, true] {
                let subject = folding ? fold(text) : text
                let expected = phraseBytes.map { contains(subject, $0) }
                let actual = text.withUnsafeBufferPointer { scanner.occurrences(inBytes: $0, foldingCase: folding) }
                #expect(actual == expected, "\(phrases.count) phrases, folding \(folding), text \(text)")
                if actual != expected { return }
            }
        }
    }

    @Test func pitchPhrasesMatchReference() {
        Self.checkPhraseScanner(Self.pitchPhrases, count: 6_000)
    }

    /// With a two-byte phrase the scan cannot step two positions at once: the plain loop.
    @Test func twoBytePhrasesMatchReference() {
        Self.checkPhraseScanner(Self.pitchPhrases + ["ft", "q", "Se"], count: 3_000)
    }

    @Test func mixedCasePhrasesMatchReference() {
        Self.checkPhraseScanner(["SEO", "Nft", "abc", "a b", "é!", "x", "xyz", "zzz"], count: 3_000)
    }

    @Test func markingAcrossBuffersAccumulates() {
        let scanner = ASCIIPhraseScanner(Self.pitchPhrases)
        var found = [Bool](repeating: false, count: Self.pitchPhrases.count)
        for part in ["I do SEO", "and NFTs", ""] {
            var part = part
            part.withUTF8 { scanner.markOccurrences(inBytes: $0, foldingCase: true, into: &found) }
        }
        #expect(found.indices.filter { found[$0] }.map { Self.pitchPhrases[$0] } == ["seo", "nft"])
    }

    static func checkLiteralScanner(_ literals: [String], count: Int) {
        let scanner = FoldedLiteralScanner(literals)
        let literalBytes = literals.map { Array($0.utf8) }
        for text in texts(for: literals, count: count) {
            let folded = fold(text)
            let expected = literalBytes.map { contains(folded, $0) }
            let actual = text.withUnsafeBufferPointer { scanner.occurrences(in: $0) }
            #expect(actual == expected, "\(literals.count) literals, text \(text)")
            if actual != expected { return }
        }
    }

    @Test func detectionLikeLiteralsMatchReference() {
        Self.checkLiteralScanner(Self.literals, count: 6_000)
    }

    @Test func longLiteralsOnlyMatchReference() {
        Self.checkLiteralScanner(Self.literals.filter { $0.utf8.count >= 4 }, count: 3_000)
    }

    @Test func pitchPhrasesAsLiteralsMatchReference() {
        Self.checkLiteralScanner(Self.pitchPhrases + ["q", "-"], count: 3_000)
    }
}
