import Testing

@testable import Extraction

/// NSRegularExpression searches at most ``SpecPattern/maximumICUBytes`` of a text, ASCII or
/// not: ICU backtracks quadratically on some patterns
/// (angi's budget question repeated on one line with one `ſ` in it took 13 s), and on a
/// text that is not ASCII the byte matcher cannot always stand in.
@Suite("SpecPattern: ICU's bounded search")
struct SpecPatternICULimitTests {
    static let limit = SpecPattern.maximumICUBytes

    /// `\d` tells non-ASCII digits apart, so on non-ASCII text this pattern runs on ICU.
    @Test func aDigitPatternOnNonASCIITextIsSearchedOnlyToTheLimit() throws {
        let pattern = try SpecPattern(#"Lead ID: (?<value>\d{5})"#)
        let padding = String(repeating: "word ", count: Self.limit / 5)
        #expect(pattern.firstValue(in: "José\n" + "Lead ID: 12345\n" + padding)?.value == "12345")
        #expect(pattern.firstValue(in: "José\n" + padding + "Lead ID: 12345\n") == nil)
        // ASCII text is searched by the byte matcher (``SpecRegex``), to its end.
        #expect(pattern.firstValue(in: "Jose\n" + padding + padding + "Lead ID: 12345\n")?.value == "12345")
    }

    /// A case-insensitive pattern on text with `ſ` (which folds to "s") goes to ICU too;
    /// inside the limit ICU still finds what the byte matcher could not.
    @Test func aCaseFoldingHazardGoesToICUWithinTheLimit() throws {
        let pattern = try SpecPattern(#"(?i)budget: (?<value>[a-z0-9$]+)"#)
        #expect(pattern.firstValue(in: "Buſineſs lead\nBUDGET: $500k\n")?.value == "$500k")
        #expect(pattern.firstValue(in: "Buſineſs lead\nbudget: ſmall\n")?.value == "ſmall")
        let padding = String(repeating: "ſome words ", count: Self.limit / 10)
        #expect(pattern.firstValue(in: padding + "budget: $500k\n") == nil)
    }

    /// A limit that falls inside a 3-byte scalar: what comes before it is searched, what
    /// follows is not. (Whether the end moves back to the scalar's start cannot be seen
    /// from outside: Swift rounds a mid-scalar index down too.)
    @Test func aLimitInsideAMultiByteScalar() throws {
        let pattern = try SpecPattern(#"(?<value>\d+)台"#)
        let text = "1台" + String(repeating: "台", count: Self.limit / 3 + 7)
        #expect(pattern.firstValue(in: text)?.value == "1")
        #expect(pattern.firstValue(in: String(repeating: "台", count: Self.limit / 3 + 7) + "2台") == nil)
    }

    // ASCII text: a pattern with syntax the byte matcher does not take (here a look-behind),
    // and searches it hands back, run on ICU, which has no step budget.

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
