import Foundation
import MIME
import Testing

@testable import Extraction

/// A spec pattern run on part of a text (``PatternWindow``) must find exactly what the whole
/// text gives: the same value at the same offset, or no match.
@Suite struct PatternWindowTests {
    /// The first match's value (trimmed) and UTF-8 offset, the way ``SpecPattern`` read it
    /// before windowing: NSRegularExpression over the whole text, the group by name.
    static func reference(_ regex: NSRegularExpression, _ text: String) -> (match: Bool, value: String?, offset: Int?) {
        let source = regex.pattern
        guard let match = regex.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) else {
            return (false, nil, nil)
        }
        var range = match.range
        if source.contains("(?<value>") {
            let group = match.range(withName: "value")
            if group.location != NSNotFound { range = group }
        }
        guard let swiftRange = Range(range, in: text) else { return (true, nil, nil) }
        let value = ValueNormalizer.trimmingWhitespace(String(text[swiftRange]))
        guard !value.isEmpty else { return (true, nil, nil) }
        return (true, value, text.utf8.distance(from: text.startIndex, to: swiftRange.lowerBound))
    }

    /// Expects the windowed evaluation of `pattern` on `text` to equal the reference.
    static func expectSame(_ pattern: SpecPattern, _ text: String, presence: [Bool]? = nil, regex: NSRegularExpression? = nil,
                           sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = reference(try regex ?? NSRegularExpression(pattern: pattern.source), text)
        let found = pattern.firstValue(in: text, presence: presence)
        #expect(found?.value == expected.value, "value of \(pattern.source) in \(text.debugDescription.prefix(200))", sourceLocation: sourceLocation)
        #expect(found?.utf8Offset == expected.offset, "offset of \(pattern.source) in \(text.debugDescription.prefix(200))", sourceLocation: sourceLocation)
        #expect(pattern.matches(text, presence: presence) == expected.match, "match of \(pattern.source) in \(text.debugDescription.prefix(200))", sourceLocation: sourceLocation)
    }

    enum Shape { case lines, fromLine, whole }

    static func shape(_ pattern: SpecPattern) -> Shape {
        switch pattern.window?.kind {
        case .lines: .lines
        case .fromLineOf: .fromLine
        case nil: .whole
        }
    }

    @Test func windowShapesOfCorpusPatterns() throws {
        let cases: [(String, Shape)] = [
            ("(?m)^From:[ \\t]*(?<value>[^<\\n]+?)[ \\t]*<[^>\\n]+@[^>\\n]+>", .lines),
            ("(?m)^(?<value>[A-Z][^\\n]{1,60}?) (?:is interested in working with you|sent you a message)", .lines),
            (" · (?<value>[^\\n·]+, [A-Z]{2} \\d{5})", .lines),
            ("[?&]lid=(?<value>\\d{6,})", .lines),
            ("(?m)^(?<value>[^\\n\"]{2,60}) says:", .lines),
            ("(?m)\\bCity:[ \\t]*(?<value>[^\\n]+)", .lines),
            ("New Facebook Lead:\\s*(?<value>.+)", .fromLine),
            ("Lead ID:\\s*(?<value>\\d{6,})", .fromLine),
            ("(?s)\\nMessage:\\s*\\n(?<value>.+?)\\n\\s*\\n", .fromLine),
            ("City/State/Zip:?\\s+(?<value>[^,\\n]+),", .fromLine),
            ("(?i)What is your budget[^\\n]*\\?\\s*\\n\\s*(?<value>[^\\n]+)", .fromLine),
            ("(?m)^When do you need this work done\\?[ \\t]*\\n[ \\t]*(?<value>[^\\n]+)", .fromLine),
            // A line feed can be part of a match (`\s`, `[^@]`, `(?s).`), `^`/`$` without
            // (?m), `\A`, look-behind: not line-local, and no leading literal.
            ("(?m)^(?<value>[A-Z][\\w'-]+ [A-Z]\\.)\\s*$", .whole),
            ("^(?<value>.+?) sent .+ a message$", .whole),
            ("(?i)^(?:[^@]*[._+-])?(?:no-?reply|web)(?:[._+-][^@]*)?@", .whole),
            ("(?im)\\A(?=[\\s\\S]*?^[ \\t*]*name[ \\t*]*:)", .whole),
            ("(?<=Name: )(?<value>[^\\n]+)", .whole),
            ("(?s)(?:^|\\n)(?:Message|Project Details)[ \\t]*\\n(?<value>.+?)(?=\\n[ \\t]*\\n|\\z)", .whole),
            ("\\p{L}+ lead", .whole),
            ("(\\w+) \\1 lead", .whole),
        ]
        for (source, expected) in cases {
            let pattern = try SpecPattern(source)
            #expect(Self.shape(pattern) == expected, "\(source)")
        }
    }

    @Test func lineLocalPatternsOnTrickyTexts() throws {
        let patterns = [
            "(?m)^From:[ \\t]*(?<value>[^<\\n]+?)[ \\t]*<[^>\\n]+@[^>\\n]+>",
            "(?m)^(?<value>[A-Z][^\\n]{1,60}?) (?:is interested in working with you|sent you a message)",
            " · (?<value>[^\\n·]+, [A-Z]{2} \\d{5})",
            "(?m)\\bCity:[ \\t]*(?<value>[^\\n]+)",
            "(?m)^Name:[ \\t]*+(?!Homeowner\\b)(?<value>[^\\n]+)",
            "(?i)lead id:[ \\t]*(?<value>\\d+)$",
            "(?im)^lead id:[ \\t]*(?<value>\\d*)$",
            "(?m)^[ \\t]*(?<value>\\d*)[ \\t]*lead id\\b",
            "(?m)(?<value>x*)$ lead",
            "(?m)lead\\b",
            "(?m)^$lead|(?<value>Lead ID)",
            "ID:(?=[ \\t]*\\d)(?<value>[ \\t]*\\d+)",
            // `$` does not hold between CR and LF: a window must keep the line feed.
            "(?m)(?<value>lead\\r)$",
        ]
        let texts = [
            "",
            "From: Ann Lee <ann@example.com>",
            "header\nFrom: Ann Lee <ann@example.com>",  // the last line, no line feed
            "From: nobody\nFrom: Ann Lee <ann@example.com>\n",  // the literal, no match, then a match
            "From: Ann Lee <ann@example.com>\r\nFrom: Bob <bob@example.com>\r\n",  // CRLF
            "Éric Ünal sent you a message\nJoe Doe sent you a message",  // non-ASCII before the match
            "naïve text — ünïcode\nÅsa Berg is interested in working with you\n",
            "Jobs · Plumbing\nAnn · Austin, TX 78701\n",
            "résumé · Café, QC 12345",
            "MyCity: no\nCity: Austin\n",  // `\b` at a line's start
            "xCity: a\r\nCity:\r\nCity: b",
            "Name: Homeowner\nName: Ann\n",
            "Name: Homeowner\r\nName:\r\n",
            "lead id: 12\r\nLead ID: 34\nLEAD ID: 56",
            "Lead ID:\r\n Lead ID: \n",
            "lead id\n 7 lead id\n",
            "x lead\nlead\n",
            "lead\r\n\r\nlead",
            "\nLead ID\n",
            "ID: 12\nID:x ID: 34",
            "\u{2028}Lead ID: 9\u{2028}\nlead\u{85}lead ID: 3",
            "lead id: 1\u{0B}\nlead id: 2\u{0C}",
            "a\rlead\r\rlead id: 5\r",
        ]
        for source in patterns {
            let pattern = try SpecPattern(source)
            for text in texts {
                try Self.expectSame(pattern, text)
                try Self.expectSame(pattern, text.replacingOccurrences(of: "\n", with: "\r\n"))
            }
        }
    }

    @Test func manyLinesWithTheLiteralFallBackToOneSearch() throws {
        let pattern = try SpecPattern("(?m)^Lead ID:[ \\t]*(?<value>\\d+)$")
        #expect(Self.shape(pattern) == .lines)
        for matchLine in [0, 3, PatternWindow.maximumLines - 1, PatternWindow.maximumLines, PatternWindow.maximumLines + 5, 100] {
            var lines = (0..<40).map { "Lead ID: n/a \($0)" }
            if matchLine < lines.count { lines[matchLine] = "Lead ID: \(1000 + matchLine)" }
            let text = lines.joined(separator: "\n")
            try Self.expectSame(pattern, text)
        }
    }

    @Test func leadingLiteralPatternsOnTrickyTexts() throws {
        let patterns = [
            "Lead ID:\\s*(?<value>\\d{6,})",
            "(?s)\\nMessage:\\s*\\n(?<value>.+?)\\n\\s*\\n",
            "(?i)What is your budget[^\\n]*\\?\\s*\\n\\s*(?<value>[^\\n]+)",
            "(?m)^When do you need this work done\\?[ \\t]*\\n[ \\t]*(?<value>[^\\n]+)",
            "(?m)\\bLead ID\\b:\\s*(?<value>\\d+)",
            "(?i)\\blead id:\\s*(?<value>\\d+)\\z",
            "Lead ID:\\s*(?<value>\\d+)$",
        ]
        let texts = [
            "Lead ID: 1234567",
            "Ünïcode first\nLead ID:\n  7654321\n",
            "x Lead ID: 12\nLead ID: 1234567",
            "xLead ID: 1234567",
            "intro\nMessage:\nhello there\n\nbye",
            "Message:\nnot after a line feed\n\n\nMessage:\nsecond\n\n",
            "WHAT IS YOUR BUDGET for this?\n  $5,000\n",
            "So, what is your budget? \r\n\r\n 4k\r\n",
            "When do you need this work done? soon\nWhen do you need this work done?\n ASAP\n",
            "é When do you need this work done?\nnow\n",
            "lead id: 5\nlead id: 6",
            "Lead ID: 1\nLead ID: 2\n",
        ]
        for source in patterns {
            let pattern = try SpecPattern(source)
            #expect(Self.shape(pattern) == .fromLine, "\(source)")
            for text in texts {
                try Self.expectSame(pattern, text)
                try Self.expectSame(pattern, text.replacingOccurrences(of: "\n", with: "\r\n"))
            }
        }
    }

    /// Under `(?i)` ICU equates `ſ` with `s` and the Kelvin sign with `k`: a text holding
    /// them is searched whole, and still matches.
    @Test func caseFoldingHazardsAreSearchedWhole() throws {
        let pattern = try SpecPattern("(?im)^lead source:[ \\t]*(?<value>\\w+)")
        let text = "intro\nLead ſource: web\nlead source: mail"
        try Self.expectSame(pattern, text)
        #expect(pattern.firstValue(in: text, presence: nil)?.value == "web")
        let kelvin = try SpecPattern("(?im)^bookings:[ \\t]*(?<value>\\d+)")
        try Self.expectSame(kelvin, "x\nBoo\u{212A}ings: 4\nbookings: 5")
    }

    /// Every pattern of the repository's specs, on every fixture message's text (as
    /// detection and rules see it) and raw source: the windowed search finds what the whole
    /// text gives, with no presence and with the spec set's real presence.
    @Test func everySpecPatternOnEveryFixture() throws {
        let set = try SpecTestSupport.repositorySpecs()
        let patterns = try SpecTestSupport.repositoryPatterns()
        let regexes = try patterns.map { try NSRegularExpression(pattern: $0.source) }
        let windowed = patterns.filter { $0.window != nil }.count
        #expect(windowed >= 20, "\(windowed) of \(patterns.count) patterns are windowed")

        let root = SpecTestSupport.parsersDirectory.deletingLastPathComponent()
        var files: [URL] = []
        for directory in ["parsers/fixtures", "fixtures/email", "fixtures/mime"] {
            let base = root.appendingPathComponent(directory)
            guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where url.pathExtension == "eml" { files.append(url) }
        }
        #expect(files.count >= 150)
        var comparisons = 0
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: file))
            let view = InquiryView(message: MIMEMessage.parse(bytes))
            // The raw source too (headers, CRLF, encoded parts). Texts are cut short: run on
            // any text, not the scope it was written for, a pattern such as
            // `(?<value>[^:]+?) (?:needs |sent you a message)` takes time quadratic in the
            // distance between colons, in both runs.
            let raw = String(decoding: bytes, as: UTF8.self)
            for text in [view.text, view.subject, raw].map({ SpecPattern.bounded($0, maxBytes: 12 * 1024) }) {
                let presence = set.detectionLiterals.presence(in: text)
                for (pattern, regex) in zip(patterns, regexes) {
                    try Self.expectSame(pattern, text, regex: regex)
                    if pattern.literalIndices != nil { try Self.expectSame(pattern, text, presence: presence, regex: regex) }
                    comparisons += 1
                }
            }
        }
        #expect(comparisons > 10_000)
    }
}
