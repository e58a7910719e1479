import Foundation
import Testing

@testable import Extraction

/// NSRegularExpression searches at most ``SpecPattern/maximumICUBytes`` of any text, ASCII
/// too: a pattern with syntax ``SpecRegex`` does not take (here a look-behind) runs on ICU,
/// which has no step budget.
@Suite("SpecPattern: ICU's bounded search of ASCII text")
struct SpecPatternICUBoundTests {
    static let limit = SpecPattern.maximumICUBytes

    @Test func aLookBehindPatternOnASCIITextIsSearchedOnlyToTheLimit() throws {
        let pattern = try SpecPattern(#"(?<=Lead ID: )(?<value>\d{5})"#)
        #expect(pattern.asciiRegex == nil)
        let padding = String(repeating: "word ", count: Self.limit / 5)
        #expect(pattern.firstValue(in: "Lead ID: 12345\n" + padding + padding)?.value == "12345")
        #expect(pattern.firstValue(in: padding + "Lead ID: 12345\n") == nil)
        #expect(!pattern.matches(padding + "Lead ID: 12345\n"))
        // Windowed, as rules search: a line past the limit inside a part is not searched either.
        #expect(pattern.firstValue(in: padding + "Lead ID: 12345\n", presence: nil, isASCII: true) == nil)
        #expect(pattern.firstValue(in: String(padding.dropLast(40)) + "Lead ID: 12345\n", presence: nil, isASCII: true)?.value == "12345")
    }

    /// A search the matcher hands back (its stack too deep) goes to ICU, bounded too.
    @Test func aDeepSearchHandedBackIsBounded() throws {
        let source = "(?i)new (?<value>(?:\\w+ )*)lead"
        let pattern = try SpecPattern(source)
        let text = "new " + String(repeating: "word ", count: SpecPattern.maximumInputBytes / 5 - 10) + "lead"
        var copy = text
        let regex = try #require(pattern.asciiRegex)
        #expect(copy.withUTF8 { regex.firstMatch(in: $0) } == .tooDeep)
        // The match ends past the limit: ICU, searching only the first 32 KiB, finds none.
        #expect(pattern.firstValue(in: text) == nil)
    }

    /// Which shipped spec patterns run on ICU even on ASCII text (syntax the matcher does
    /// not take): printed for the record, and few.
    @Test func shippedPatternsOnICU() throws {
        let patterns = try SpecTestSupport.repositoryPatterns()
        let icuOnly = Set(patterns.filter { $0.asciiRegex == nil }.map(\.source)).sorted()
        print("spec patterns on ICU for ASCII text (\(icuOnly.count) of \(patterns.count)):")
        for source in icuOnly { print("  \(source)") }
        #expect(icuOnly.count * 10 <= patterns.count)
    }
}
