import Foundation
import Testing

@testable import Extraction

/// ``SpecPatternSyntax`` replaced two parsers of the same ICU subset (one for
/// ``PatternWindow`` and ``SpecPattern``, one for ``SpecRegex``). Both readings of its one
/// tree were checked equal to what those parsers gave, on every spec pattern and the
/// hand-written ones below, when they were merged (commit d62fd1e, with the old parsers as
/// oracles); the readings of the hand-written ones are recorded in a golden file, so a
/// change in what either reader takes or sees shows as a diff. What the readings do is
/// tested against ICU and whole-text searches elsewhere (`SpecRegexTests`, `PatternWindowTests`).
@Suite struct SpecPatternSyntaxTests {
    /// Hand-written patterns at the edges of what either old parser took.
    static let handWritten: [String] = [
        // Leading flags, and groups at the start (the window reader took no `(?:`, `(?<`).
        "(?i)new lead|sent you a message", "(?ims)a.b", "(?m)^a$", "(?s).+", "(?:a)b", "(?<value>x)y", "(?=a)\\w",
        "(?)a", "(?i", "(?x)a", "(?m)(?i)a", "(?i)ab|cd", "a|b|cd", "(?i)AB", "(?i)Lead ID:",
        // Look-around, anchors, escapes the matcher does not take.
        "(?<=a)b", "(?<!a)b", "(?<=Name: )(?<value>[^\\n]+)", "\\Gx", "\\Aa\\z", "a\\Z", "\\bab\\B", "\\p{L}+ lead",
        "(\\w+) \\1 lead", "\\Qa\\E", "\\x41", "\\h", "\\R", "(?im)\\A(?=[\\s\\S]*?^[ \\t*]*name[ \\t*]*:)",
        // Quantifiers: bounds, digits, what they apply to.
        "a{0}", "a{0,0}", "a{2}", "a{2,}", "a{2,3}", "a{3,2}", "a{2,3}+", "a{2,3}?", "a{1234}", "a{12345}", "a{123456}",
        "a{1234567}", "a{1,12345}", "a{,3}", "a{1,a}", "a{", "a{1", "x*?", "x++", "x**", "x?+", "\\b+", "(?=a)*", "(?!a)+",
        "(?<=a)*", "(a?)*", "(a*)*", "(?:)+", "^*", "(?>ab|a)c", "(?>a+)a",
        // Classes.
        "[\\w-x]", "[a-c-e]", "[a-c-]", "[z-a]", "[--x]", "[-a]", "[a-]", "[^-a]", "[\\--x]", "[a-\\n]", "[\\n-\\r]", "[ -\\n]",
        "[\\s\\S]", "[^\\s]", "[^\\S]", "[\\D]", "[^\\W]", "[^]", "[]a]", "[[:alpha:]]", "[a&&b]", "[a-[b]]", "[\\d-]", "[a",
        "[\\q]", "(?i)[a-z]", "(?i)[^a-c]+", "(?i)[\\\\a]+", "[é-ü]", "[a-é]", "[^\\n·]+", "(?s)[^\\n]",
        // Non-ASCII, names.
        "café", "(?i)café", "(?i)caf[é]", "(?<é>x)", "(?<a1>x)", "(?<1a>x)", "(?<>x)", "(?<a-b>x)", "(a)|(?<value>b)",
        "(?<value>a)(?<value>b)", "((a)(?<value>b))", "(?<=(a))(?<value>b)",
        // Window shapes.
        "(?m)^From:[ \\t]*(?<value>[^<\\n]+?)[ \\t]*<[^>\\n]+@[^>\\n]+>", "New Facebook Lead:\\s*(?<value>.+)",
        "(?s)\\nMessage:\\s*\\n(?<value>.+?)\\n\\s*\\n", "(?i)^(?:[^@]*[._+-])?(?:no-?reply|web)(?:[._+-][^@]*)?@",
        "(?s)(?:^|\\n)(?:Message|Project Details)[ \\t]*\\n(?<value>.+?)(?=\\n[ \\t]*\\n|\\z)", "ab(?=cd)ef", "(?=abc)ab",
        "(?!xy)ab", "\\bab\\b", "ab\\b", "(?i)é lead", "é lead", "(?:abc|abd)x", "(?:ab|c)", "(?:ab)+cd", "(?:ab)*cd",
        "(?m)(?:^|x)y", "(?m)^\\n", "(?m)x|^", "a\\n", "(?s)a.", ".", "\\n", "a\\.b\\-c",
    ]

    /// Every spec pattern runs on the byte matcher (ASCII text never goes to ICU).
    @Test func specPatternsRunOnTheMatcher() throws {
        let patterns = try SpecTestSupport.repositoryPatterns()
        #expect(patterns.count >= 123)
        for pattern in patterns { #expect(pattern.asciiRegex != nil, "\(pattern.source)") }
    }

    /// Both readings of every hand-written pattern, as recorded in
    /// `fixtures/patterns/pattern-readings.expected.json` (first written when the two old
    /// parsers were merged, from readings checked equal to theirs). `UPDATE_GOLDEN=1`
    /// rewrites it: review the diff by eye, a changed line is a pattern read differently.
    @Test func readingsAreTheRecordedOnes() throws {
        let url = SpecTestSupport.parsersDirectory.deletingLastPathComponent()
            .appendingPathComponent("fixtures/patterns/pattern-readings.expected.json")
        let actual = Self.readingsJSON(Self.handWritten)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        let (old, new) = (expected.split(separator: "\n"), actual.split(separator: "\n"))
        #expect(old.count == new.count, "reading lines: \(old.count) recorded, \(new.count) now")
        for (recorded, now) in zip(old, new) where recorded != now {
            Issue.record("read differently:\n-\(recorded)\n+\(now)")
        }
    }

    /// One JSON object per line, one line per pattern (so a diff names the pattern).
    static func readingsJSON(_ sources: [String]) -> String {
        func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
        let lines = sources.map { source -> String in
            var reading: [String: Any] = ["source": source]
            let syntax = SpecPatternSyntax(source: source)
            if let window = syntax.flatMap({ $0.isWindowReadable ? $0 : nil }) {
                reading["window"] = [
                    "case_insensitive": window.caseInsensitive,
                    "line_local": window.isLineLocal,
                    "start_independent": window.isStartIndependent,
                    "required_literals": window.requiredLiterals.map { $0.map(text) } as Any,
                    "leading_literal": window.leadingLiteral.map(text) as Any,
                    "literal_alternatives": window.literalAlternatives as Any,
                    "group_names": window.groupNames.map { $0 as Any },
                ] as [String: Any]
            } else {
                reading["window"] = NSNull()
            }
            if let matcher = syntax.flatMap({ $0.runsOnMatcher ? $0 : nil }) {
                let first = matcher.firstBytes
                reading["matcher"] = [
                    "tree": describe(matcher.alternatives),
                    "group_names": matcher.groupNames.map { $0 as Any },
                    "first_bytes": "\(first.set.low),\(first.set.high)\(first.nullable ? " nullable" : "")",
                    "text_start": matcher.isAnchoredAtTextStart,
                    "line_start": matcher.isAnchoredAtLineStart,
                    "may_start_at_line_start": matcher.mayStartAtLineStart,
                ] as [String: Any]
            } else {
                reading["matcher"] = NSNull()
            }
            let data = (try? JSONSerialization.data(withJSONObject: reading, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
            return String(decoding: data, as: UTF8.self)
        }
        return "[\n" + lines.joined(separator: ",\n") + "\n]\n"
    }

    // MARK: Trees as text

    static func describe(_ alternatives: [[SpecPatternSyntax.Node]]) -> String {
        alternatives.map { $0.map(describe).joined(separator: " ") }.joined(separator: " | ")
    }

    static func describe(_ node: SpecPatternSyntax.Node) -> String {
        switch node {
        case .byte(let byte, let folded): "b\(byte)\(folded ? "f" : "")"
        case .nonASCII: "never"
        case .set(let set): "set\(set.low),\(set.high)"
        case .anyUnit: "any"
        case .assertion(let assertion): "\(assertion)"
        case .group(let kind, let alternatives): "(\(kind): \(describe(alternatives)))"
        case .repetition(let inner, let min, let max, let mode): "\(describe(inner)){\(min),\(max.map(String.init) ?? "")}\(mode)"
        }
    }
}
