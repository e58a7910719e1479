import Foundation
import Testing

@testable import Extraction

/// ``SpecPatternSyntax`` replaced two parsers of the same ICU subset (one for
/// ``PatternWindow`` and ``SpecPattern``, one for ``SpecRegex``); both readings of its one
/// tree must be what those parsers gave (their copies in ReferencePatternParsers.swift):
/// the same patterns taken, the same windows, literals and group names, the same byte tree.
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

    static func sources() throws -> [String] {
        try SpecTestSupport.repositoryPatterns().map(\.source) + handWritten
    }

    @Test func windowReadingIsTheOldOne() throws {
        for source in try Self.sources() {
            let old = ReferencePatternSyntax(source: source)
            let new = SpecPatternSyntax(source: source).flatMap { $0.isWindowReadable ? $0 : nil }
            #expect((old == nil) == (new == nil), "\(source): taken by the window reader")
            guard let old, let new else { continue }
            #expect(old.caseInsensitive == new.caseInsensitive, "\(source)")
            #expect(old.isLineLocal == new.isLineLocal, "\(source): line-local")
            #expect(old.isStartIndependent == new.isStartIndependent, "\(source): start-independent")
            #expect(old.requiredLiterals == new.requiredLiterals, "\(source): required literals")
            #expect(old.leadingLiteral == new.leadingLiteral, "\(source): leading literal")
            #expect(old.literalAlternatives == new.literalAlternatives, "\(source): literal alternatives")
            #expect(old.captureGroupNames == new.groupNames, "\(source): group names")
        }
    }

    @Test func matcherReadingIsTheOldOne() throws {
        var compiled = 0
        for source in try Self.sources() {
            let old = ReferenceRegexSyntax(source: source)
            let new = SpecPatternSyntax(source: source).flatMap { $0.runsOnMatcher ? $0 : nil }
            #expect((old == nil) == (new == nil), "\(source): taken by the matcher")
            if old == nil { #expect(SpecRegex(source: source) == nil, "\(source): compiled") }
            guard let old, let new else { continue }
            compiled += 1
            #expect(Self.describe(old.alternatives) == Self.describe(new.alternatives), "\(source): tree")
            #expect(old.groupNames == new.groupNames, "\(source): group names")
            let (oldFirst, newFirst) = (old.firstBytes, new.firstBytes)
            #expect(oldFirst.nullable == newFirst.nullable && oldFirst.set.low == newFirst.set.low
                && oldFirst.set.high == newFirst.set.high, "\(source): first bytes")
            #expect(old.isAnchoredAtTextStart == new.isAnchoredAtTextStart, "\(source): text start")
            #expect(old.isAnchoredAtLineStart == new.isAnchoredAtLineStart, "\(source): line start")
            #expect(old.mayStartAtLineStart == new.mayStartAtLineStart, "\(source): may start at a line start")
        }
        #expect(compiled >= 123)
    }

    /// Every spec pattern still compiles to the matcher and still gets its window.
    @Test func specPatternsKeepBothReadings() throws {
        let patterns = try SpecTestSupport.repositoryPatterns()
        #expect(patterns.allSatisfy { $0.asciiRegex != nil })
        for pattern in patterns {
            let old = ReferencePatternSyntax(source: pattern.source)
            #expect((pattern.window != nil) == (old.map { Self.oldWindowShape($0) } ?? false), "\(pattern.source)")
        }
    }

    /// Whether ``PatternWindow`` windowed a pattern the old reader read.
    static func oldWindowShape(_ syntax: ReferencePatternSyntax) -> Bool {
        (syntax.isLineLocal && syntax.requiredLiterals != nil) || (syntax.isStartIndependent && syntax.leadingLiteral != nil)
    }

    // MARK: Trees as text

    static func describe(_ alternatives: [[ReferenceRegexSyntax.Node]]) -> String {
        alternatives.map { $0.map(describe).joined(separator: " ") }.joined(separator: " | ")
    }

    static func describe(_ node: ReferenceRegexSyntax.Node) -> String {
        switch node {
        case .byte(let byte, let folded): "b\(byte)\(folded ? "f" : "")"
        case .never: "never"
        case .set(let set): "set\(set.low),\(set.high)"
        case .anyUnit: "any"
        case .assertion(let assertion): "\(assertion)"
        case .group(let kind, let alternatives): "(\(kind): \(describe(alternatives)))"
        case .repetition(let inner, let min, let max, let mode): "\(describe(inner)){\(min),\(max.map(String.init) ?? "")}\(mode)"
        }
    }

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
