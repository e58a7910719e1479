import Foundation
import MIME
import Testing

@testable import Extraction

/// ``SpecRegex`` must find on ASCII text exactly the match and groups NSRegularExpression
/// (ICU) finds: every test here runs both and compares the ranges.
@Suite struct SpecRegexTests {
    /// A first match as ranges: the whole match, then each group (nil: took no part).
    struct Ranges: Equatable, CustomStringConvertible {
        var match: Range<Int>
        var groups: [Range<Int>?]
        var description: String { "\(match) \(groups)" }
    }

    /// NSRegularExpression's first match in `text` (whole-text search, as SpecPattern runs it).
    static func reference(_ regex: NSRegularExpression, _ text: String) -> Ranges? {
        guard let match = regex.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) else { return nil }
        func range(_ range: NSRange) -> Range<Int>? {
            range.location == NSNotFound ? nil : range.location..<(range.location + range.length)
        }
        return Ranges(match: range(match.range) ?? 0..<0, groups: (1..<match.numberOfRanges).map { range(match.range(at: $0)) })
    }

    static func found(_ regex: SpecRegex, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Ranges? {
        var copy = text
        let outcome = copy.withUTF8 { regex.firstMatch(in: $0) }
        #expect(outcome != .tooDeep && outcome != .gaveUp, "gave up on \(text.debugDescription.prefix(100))", sourceLocation: sourceLocation)
        return outcome.match.map { match in
            Ranges(match: match.start..<match.end, groups: (0..<regex.groupCount).map { match.group($0 + 1) })
        }
    }

    /// Expects both matchers to agree on ASCII `text`; returns false when `source` is not
    /// compiled by ``SpecRegex``.
    @discardableResult
    static func expectSame(_ source: String, _ text: String, regex: NSRegularExpression? = nil, compiled: SpecRegex? = nil,
                           sourceLocation: SourceLocation = #_sourceLocation) throws -> Bool {
        precondition(text.utf8.allSatisfy { $0 < 0x80 }, "ASCII texts only")
        guard let compiled = compiled ?? SpecRegex(source: source) else { return false }
        let expected = reference(try regex ?? NSRegularExpression(pattern: source), text)
        let actual = found(compiled, text)
        #expect(actual == expected, "\(source.debugDescription) on \(text.debugDescription.prefix(300))", sourceLocation: sourceLocation)
        return true
    }

    /// `text` with every non-ASCII scalar replaced by one of a few ASCII characters, so a
    /// fixture with a few typographic characters still tests the matcher on its layout.
    static func asciified(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                result.unicodeScalars.append(scalar)
            } else {
                result.unicodeScalars.append(["?", " ", "-", "\n"][Int(scalar.value % 4)])
            }
        }
        return result
    }

    // MARK: The ASCII classes, checked against ICU

    @Test func predefinedClassesAndDotOnEveryASCIICharacter() throws {
        let all = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self)
        for source in ["\\s", "\\S", "\\w", "\\W", "\\d", "\\D", ".", "(?s).", "\\b", "\\B", "(?m)$", "$", "\\Z",
                       "[\\s]", "[^\\s]", "[\\W\\d]", "(?i)[^\\W]", "(?i)[\\S]"] {
            // Each character alone, and inside the whole table: the first match at each start.
            for byte in 0..<128 {
                let single = String(decoding: [UInt8(byte)], as: UTF8.self)
                #expect(try Self.expectSame(source, single), "\(source) not compiled")
                try Self.expectSame(source, "a" + single + "b")
                try Self.expectSame(source, String(all.dropFirst(byte)))
            }
        }
    }

    @Test func caseInsensitiveClassesAndRanges() throws {
        let all = String(decoding: (0x20..<0x7F).map { UInt8($0) }, as: UTF8.self)
        for source in ["(?i)[a-c]", "(?i)[Z-a]", "(?i)[^Z-a]", "(?i)[^a]", "(?i)[^A-Z]", "[Z-a]", "[^Z-a]", "(?i)[_`]",
                       "(?i)[@-\\[]", "(?i)k", "(?i)S", "(?i)[k-m]+", "(?i)[^k-m]+", "[\\^-]+", "[.$()|*+?{}]+", "[-a]", "[a-]+"] {
            for start in 0..<all.utf8.count {
                #expect(try Self.expectSame(source, String(all.dropFirst(start))), "\(source) not compiled")
            }
        }
    }

    // MARK: Hand-written cases for each construct

    static let constructCases: [(patterns: [String], texts: [String])] = [
        // Anchors at LF, CR, CR LF, VT, FF, and at the ends.
        (["^", "$", "(?m)^", "(?m)$", "\\A", "\\z", "\\Z", "(?m)\\Z", "(?m)\\A", "a$", "a\\Z", "(?m)a$", "(?m)^a", "a$\\n", "a$\\r\\n",
          "(?m)$\\n", "(?m)^\\n?b", "(?m)(?:^|x)b", "(?m)x?^b", "(?m)\\r^\\nb", "\\r\\n\\z", "(?m)(?<value>a\\r)$", "(?m)a$\\r",
          "(?m)^[^\\n]+$", "(?m)^.*$", "^.*$", "(?s)^.*$", "(?m)^$", "(?m)^a|b$", "(?m)\\A(?=[\\s\\S]*?^b)",
          "(?m)\\A(?=[\\s\\S]*?^\\n)(?<value>[\\s\\S]*?)$", "(?im)\\A(?=[\\s\\S]*?^[ \\t*]*b[ \\t]*$)"],
         ["", "a", "a\n", "a\r\n", "a\r", "a\n\n", "a\r\n\r\n", "\n", "\r\n", "a\rb", "a\r\nb", "a\nb\n", "a\u{0B}b", "a\u{0C}b\r",
          "x\r\nb", "ab\r\n", "\r\nb", "b\r\n\r\nb\n"]),
        // Lazy and greedy, bounded and not, and `.` under (?s) taking CR LF as one.
        (["a.*b", "a.*?b", "a.+b", "a.+?b", "a.{1,3}b", "a.{1,3}?b", "(?s)a.*b", "(?s)a.*?b", "(?s)a.+b", "(?s)a.+?b",
          "(?s)a.{1,3}b", "(?s)a.{1,3}?b", "(?s)a.b", "(?s)a..b", "(?s).\\n", "(?s)(?<value>.+?)\\n", "(?s)(?<value>.*)\\n",
          "(?s)(?<value>.+)\\n", "(?s)(?<value>.*)\\r", "(?s)(?<value>.+?)\\r?\\n", "(?s).{2}", "(?s)a.{2,}?\\n", "(?s)a.{2,}\\n",
          "[\\s\\S]+?\\n", "[\\s\\S]*\\n", "\\d{2,4}", "\\d{2,4}?", "\\d{2,}", "\\d{3}", "x*", "x+?", "(?:ab)+", "(?:ab)+?b",
          "(?:ab){2}", "(?:ab){1,2}?a", "(?:a|ab)(?:c|bcd)", "(?:a|ab){2,3}d", "(?:\\w+ )*lead"],
         ["ab", "a\nb", "a\rb", "a\r\nb", "a\r\n\r\nb", "aab", "axxbxxb", "a12345b", "a\r\n\n", "\r\n", "\r\r\n",
          "abababab", "abcd", "ababd", "12 345 6789", "new big lead", "a\r\nxx\r\n", "aa\n\nb\r\n"]),
        // Alternation order, atomic groups, possessive loops, look-ahead, empty matches.
        (["a|ab", "ab|a", "(?:a|ab)c", "(?>a|ab)c", "(?>a+)a", "a++a", "a*+b", "(?>(a)|b)+c", "(?:(a)|b)+", "(a)|b", "(a)?b",
          "(?=(a))", "(?=a)\\w+", "(?!a)\\w+", "\\w+(?!\\d)", "(?!(a))b", "(?=(ab))(a)", "(?=a|ab)(?<value>\\w+)", "x*",
          "(?:)", "()", "(|a)b", "a(?=b|$)", "(?>\\s*)\\n", "\\s*+\\n", "(?:a|b)*?c", "(a|b)*c", "(a)(b)?(c)?"],
         ["", "a", "ab", "abc", "aab", "aaa", "aaab", "ba", "abab", "bc", "ac", "a1", "1a", "a \n", "a\n", "abbc"]),
        // Word boundaries and case folding.
        (["\\bab\\b", "\\Bb", "b\\B", "(?i)\\bAB", "(?i)ab|cd", "(?i)AB", "(?i)a[b-d]e", "(?i)(?<value>[^a-c]+)", "(?i)k\\b",
          "(?i)lead id:\\s*(?<value>\\d+)", "_\\b", "\\b_", "(?i)[\\\\a]+"],
         ["ab", "xab", "ab_", "a b", "AB", "aB cd", "ABE aCe", "CDEFab", "LEAD ID: 77", "k K", "_a", "a_ _", "\\A\\a"]),
    ]

    @Test func constructs() throws {
        var compiled = 0
        var total = 0
        for group in Self.constructCases {
            for source in group.patterns {
                total += 1
                let regex = try NSRegularExpression(pattern: source)
                guard let matcher = SpecRegex(source: source) else { continue }
                compiled += 1
                for text in group.texts {
                    try Self.expectSame(source, text, regex: regex, compiled: matcher)
                    try Self.expectSame(source, "zz " + text + " zz", regex: regex, compiled: matcher)
                    try Self.expectSame(source, text.replacingOccurrences(of: "\n", with: "\r\n"), regex: regex, compiled: matcher)
                }
            }
        }
        // `(?m)^` and the like may start with LF (or match nothing) at a line start: not compiled.
        #expect(total - compiled <= 6, "\(total - compiled) of \(total) construct patterns not compiled")
    }

    /// Exact results, so a change in ICU or here shows as what it is.
    @Test func exactResults() throws {
        func range(_ source: String, _ text: String) -> Range<Int>? {
            SpecRegex(source: source).flatMap { Self.found($0, text)?.match }
        }
        #expect(range("(?s)a.b", "a\r\nb") == 0..<4)  // CR LF is one character for `.` under (?s)
        #expect(range("(?s)a.\\nb", "a\r\nb") == nil)
        #expect(range("(?s)a.*\\n", "a\r\n") == nil)  // `.*` gives CR LF back at once
        #expect(range("(?s)a[\\s\\S]*\\n", "a\r\n") == 0..<3)
        #expect(range("a$", "a\r\n") == 0..<1)
        #expect(range("(?m)a$", "a\r\nb") == 0..<1)
        #expect(range("(?m)\\r$", "a\r\nb") == nil)  // not between CR and LF
        #expect(range("\\x", "x") == nil)  // not compiled
        #expect(range(".", "\u{0C}") == nil)  // FF is a line terminator for `.`
        #expect(range("(?i)[^a]", "A") == nil)  // case closure before negation
        #expect(range("(?i)[Z-a]+", "AZza`_[") == 0..<7)
        #expect(SpecRegex(source: "(?<=a)b") == nil)
        #expect(SpecRegex(source: "(?i)caf\u{E9}") == nil)
        #expect(SpecRegex(source: "(a*)*") == nil)
    }

    // MARK: Every spec pattern, on the corpus and on generated texts

    static func corpusTexts() throws -> [String] {
        let root = SpecTestSupport.parsersDirectory.deletingLastPathComponent()
        var files: [URL] = []
        for directory in ["parsers/fixtures", "fixtures/email", "fixtures/mime"] {
            let base = root.appendingPathComponent(directory)
            guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where url.pathExtension == "eml" { files.append(url) }
        }
        var texts: [String] = []
        for file in files.sorted(by: { $0.path < $1.path }) {
            let bytes = try [UInt8](Data(contentsOf: file))
            let view = InquiryView(message: MIMEMessage.parse(bytes))
            let raw = String(decoding: bytes, as: UTF8.self)
            // Texts are cut short: run on any text, not the scope it was written for, some
            // patterns take time quadratic in the distance between colons, in both matchers.
            for text in [view.text, view.subject, view.boundedHTML, raw] {
                texts.append(asciified(SpecPattern.bounded(text, maxBytes: 12 * 1024)))
            }
        }
        return texts
    }

    @Test func everySpecPatternOnEveryCorpusText() throws {
        let patterns = try SpecTestSupport.repositoryPatterns()
        let compiled = patterns.filter { $0.asciiRegex != nil }
        #expect(compiled.count * 10 >= patterns.count * 9, "\(compiled.count) of \(patterns.count) spec patterns compiled")
        let texts = try Self.corpusTexts()
        #expect(texts.count >= 600)
        var comparisons = 0
        for pattern in compiled {
            guard let matcher = pattern.asciiRegex else { continue }
            let regex = try NSRegularExpression(pattern: pattern.source)
            for text in texts {
                try Self.expectSame(pattern.source, text, regex: regex, compiled: matcher)
                comparisons += 1
            }
        }
        #expect(comparisons > 50_000)
    }


    /// Random texts over the pattern's own characters and words, CR, LF, spaces and digits.
    static func generatedTexts(for source: String, count: Int, seed: UInt64) -> [String] {
        var generator = SplitMix64(seed: seed)
        // The pattern's literal words (runs of letters, digits and a few punctuation marks).
        var words: [String] = []
        var word = ""
        for scalar in source.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || " :#/.-,@'\"".unicodeScalars.contains(scalar) {
                word.unicodeScalars.append(scalar)
            } else {
                if word.count >= 2 { words.append(word) }
                word = ""
            }
        }
        if word.count >= 2 { words.append(word) }
        let characters = Set(source.unicodeScalars.filter { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F }).map { String($0) }.sorted()
        var pieces = characters + words + ["\r\n", "\n", "\r", " ", "  ", "\t", "0", "7", "12345", "1234567", "A", "z", "_", "\n\n", "\r\n\r\n"]
        pieces += words.map { $0.uppercased() } + words.map { $0.lowercased() }
        var texts: [String] = []
        for _ in 0..<count {
            let length = Int.random(in: 0...24, using: &generator)
            var text = ""
            for _ in 0..<length { text += pieces.randomElement(using: &generator) ?? "" }
            texts.append(text)
        }
        return texts
    }

    @Test func everySpecPatternOnGeneratedTexts() throws {
        let patterns = try SpecTestSupport.repositoryPatterns()
        var comparisons = 0
        for (index, pattern) in patterns.enumerated() {
            guard let matcher = pattern.asciiRegex else { continue }
            let regex = try NSRegularExpression(pattern: pattern.source)
            for text in Self.generatedTexts(for: pattern.source, count: 300, seed: UInt64(index) &* 7919 &+ 17) {
                try Self.expectSame(pattern.source, text, regex: regex, compiled: matcher)
                comparisons += 1
            }
        }
        #expect(comparisons > 30_000)
    }

    @Test func constructPatternsOnGeneratedTexts() throws {
        var seed: UInt64 = 1
        for group in Self.constructCases {
            for source in group.patterns {
                guard let matcher = SpecRegex(source: source) else { continue }
                let regex = try NSRegularExpression(pattern: source)
                seed += 1
                for text in Self.generatedTexts(for: source + "ab", count: 200, seed: seed) {
                    try Self.expectSame(source, text, regex: regex, compiled: matcher)
                }
            }
        }
    }

    // MARK: Through SpecPattern, and hostile input

    /// ``SpecPattern``'s public results on ASCII text (now from ``SpecRegex``) equal the
    /// NSRegularExpression reading it had before.
    @Test func specPatternValuesOnASCIIText() throws {
        let patterns = try SpecTestSupport.repositoryPatterns()
        let texts = try Self.corpusTexts().enumerated().filter { $0.offset % 3 == 0 }.map(\.element)
        for pattern in patterns where pattern.asciiRegex != nil {
            let regex = try NSRegularExpression(pattern: pattern.source)
            for text in texts {
                try PatternWindowTests.expectSame(pattern, text, regex: regex)
            }
        }
    }

    /// A value range that starts or ends between CR and LF is no value (Swift cannot cut a
    /// String there), as before.
    @Test func valuesInsideCRLF() throws {
        for source in ["(?<value>a\\r)", "a\\r(?<value>\\n?b)", "(?s)(?<value>a.*?)\\n", "(?<value>\\S+\\r)\\n", "a\\r"] {
            let pattern = try SpecPattern(source)
            #expect(pattern.asciiRegex != nil, "\(source) not compiled")
            for text in ["a\r\nb", "a\rb", "xa\r\n", "a\r\r\nb", "a\r", "\r\na\r\nb\r\n"] {
                try PatternWindowTests.expectSame(pattern, text)
            }
        }
    }

    /// A search whose backtracking stack outgrows ``SpecRegex/maximumStackBytes`` is handed
    /// to ICU (which may give up on it: NSRegularExpression then reports no match).
    @Test func deepSearchesGoBackToICU() throws {
        let text = "new " + String(repeating: "word ", count: SpecPattern.maximumInputBytes / 5 - 10) + "lead"
        let source = "(?i)new (?<value>(?:\\w+ )*)lead"
        let regex = try #require(SpecRegex(source: source))
        var copy = text
        #expect(copy.withUTF8 { regex.firstMatch(in: $0) } == .tooDeep)
        let pattern = try SpecPattern(source)
        // ICU searches only its first ``SpecPattern/maximumICUBytes``; the match ends after.
        #expect(pattern.firstValue(in: text) == nil)
        // A small one is decided here.
        let small = "new " + String(repeating: "word ", count: 100) + "lead"
        var smallCopy = small
        #expect(smallCopy.withUTF8 { regex.firstMatch(in: $0) }.match?.end == small.utf8.count)
        try PatternWindowTests.expectSame(pattern, small)
    }

    /// 256 KiB of text (the most a pattern sees): no stack overflow, ICU's answer.
    @Test func largeTextsNeedNoDeepStack() throws {
        let line = "Message:\r\nsome words of a long message that goes on\r\n"
        let body = String(repeating: line, count: SpecPattern.maximumInputBytes / line.utf8.count)
        let text = "Start\n" + body + "\n\nEnd"
        for source in ["(?s)Start\\n(?<value>.+?)\\n\\s*\\n", "(?s)Start\\n(?<value>.+)\\n", "(?s)(?<value>[\\s\\S]*?)End",
                       "(?s)(?:^|\\n)(?:Message|Start)[ \\t]*\\n(?<value>.+?)(?=\\n[ \\t]*\\n|\\z)", "(?:\\w+\\s)*?End", "(?:(?:a|s)\\w*\\s+)+End"] {
            #expect(SpecRegex(source: source) != nil, "\(source) not compiled")
            try Self.expectSame(source, text)
        }
    }
}
