import Testing

@testable import Extraction

/// NSRegularExpression searches at most ``SpecPattern/maximumICUBytes`` of a text (of ASCII
/// text too: see `SpecPatternICUBoundTests`): ICU backtracks quadratically on some patterns
/// (angi's budget question repeated on one line with one `ſ` in it took 13 s), and on a
/// text that is not ASCII the byte matcher cannot always stand in.
@Suite("SpecPattern: ICU's bounded search of non-ASCII text")
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
}
