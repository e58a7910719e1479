// (No Foundation here: its `contains` would change what the reference's `contains("@")`
// means on a name whose `@` is part of a grapheme, unlike the splitter's own file.)
import Testing
@testable import Extraction

/// A spec rule can hand ``PersonNameSplitter`` a whole hostile line as a name (`Name: ` and a
/// megabyte of words). The splitter used to walk it as Characters six times with a Unicode
/// property lookup each (~230 ns a byte in release, 110 ms a MiB); ASCII names now take
/// two byte passes. These tests hold the fast paths to the old code's answers and bound the
/// time.
@Suite("Name splitting: long and odd names")
struct PersonNameSplitterScalingTests {
    /// The splitter before the fast paths, verbatim.
    enum Reference {
        static let honorifics: Set<String> = ["mr", "mrs", "ms", "miss", "mx", "dr"]
        static let suffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"]

        static func split(_ displayName: String?) -> (first: String?, last: String?) {
            guard let displayName else { return (nil, nil) }
            let cleaned = collapse(displayName.filter { $0 != "\"" && $0 != "*" })
            guard !cleaned.isEmpty, !cleaned.contains("@") else { return (nil, nil) }
            let commaParts = cleaned.split(separator: ",", maxSplits: 1).map { collapse(String($0)) }
            if commaParts.count == 2, !commaParts[0].isEmpty, !commaParts[1].isEmpty,
               !suffixes.contains(normalizedToken(commaParts[1])) {
                return (commaParts[1], commaParts[0])
            }
            var tokens = cleaned.split(separator: " ").map(String.init)
            while tokens.count > 1, honorifics.contains(normalizedToken(tokens[0])) {
                tokens.removeFirst()
            }
            guard let first = tokens.first else { return (nil, nil) }
            let rest = tokens.dropFirst().joined(separator: " ")
            return (first, rest.isEmpty ? nil : rest)
        }

        static func normalizedToken(_ token: String) -> String {
            token.lowercased().filter { $0 != "." && $0 != "," }
        }

        static func collapse(_ text: String) -> String {
            text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
    }

    @Test func whitespaceTableIsTheWhiteSpaceProperty() {
        var differing: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let character = Character(scalar)
            if PersonNameSplitter.isWhitespace(character) != character.isWhitespace { differing.append(value) }
        }
        #expect(differing.isEmpty, "\(differing.map { String($0, radix: 16) })")
        // A Character is whitespace by its first scalar, marks and CR LF included.
        for text in [" \u{301}", "\r\n", "a\u{301}", "\u{3000}\u{308}"] {
            let character = Character(text)
            #expect(PersonNameSplitter.isWhitespace(character) == character.isWhitespace)
        }
    }

    @Test func generatedNamesSplitAsBefore() {
        var random = SplitMix64(seed: 0x5EED_2026)
        let ascii = ["Jane", "Doe", "mr", "Mr.", "DR", "Miss", "jr", "J.R.", "Esq", "iii", "a", "Q.",
                     ",", ", ", " ,", ",,", "\"", "*", "@", " ", "  ", "\t", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}",
                     "\u{1C}", "\u{1F}", "\u{7F}", "\u{00}", ".", "-", "'"]
        let unicode = ["José", "\u{A0}", "\u{3000}", "\u{85}", "\u{2028}", "\u{301}", "Ångström", "台所",
                       "\u{1F1FA}", "\u{1F1F8}", "\u{200D}", "\u{1F468}", "\u{1100}", "\u{1161}", "\u{600}"]
        for round in 0..<20_000 {
            let pieces = round % 2 == 0 ? ascii : ascii + unicode
            let name = (0..<random.below(9)).map { _ in random.pick(pieces) }.joined()
            let got = PersonNameSplitter.split(name), want = Reference.split(name)
            #expect(got.first == want.first && got.last == want.last, "\(name.debugDescription)")
        }
    }

    /// A megabyte of words as a name: the old code (``Reference``) walks it as Characters
    /// six times; the byte path must take well under half its time (in release ~2 ms
    /// against ~110 ms; a debug build narrows the gap, as its byte loop is unoptimised).
    @Test func longASCIINameTakesAFractionOfTheOldTime() {
        let name = "Karen " + String(repeating: "we would like a quote for a kitchen remodel ", count: 24_000)
        let clock = ContinuousClock()
        var best = Duration.seconds(1_000)
        for _ in 0..<3 {
            var result: (first: String?, last: String?) = (nil, nil)
            best = min(best, clock.measure { result = PersonNameSplitter.split(name) })
            #expect(result.first == "Karen" && result.last?.utf8.count == name.utf8.count - 7)
        }
        var reference: (first: String?, last: String?) = (nil, nil)
        let old = clock.measure { reference = Reference.split(name) }
        #expect(reference.first == "Karen")
        #expect(best * 2 < old, "split \(best), the old code \(old)")
    }
}
