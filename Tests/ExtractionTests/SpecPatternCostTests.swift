import Foundation
import Testing

@testable import Extraction

/// No spec pattern may take time quadratic in its input: a hostile message can fill a
/// subject or text up to ``SpecPattern/maximumInputBytes``, and one backtracking pattern
/// would then hold a worker for minutes (`[^:]+?` before a literal, on a text with no colon,
/// retries from every start position to the end).
@Suite struct SpecPatternCostTests {
    /// Texts that make a careless pattern scan far from every start position: words without
    /// colons or line breaks, one long line of a letter, label lines, blank lines.
    static func hostileTexts(bytes: Int) -> [(name: String, text: String)] {
        func repeated(_ unit: String) -> String { String(repeating: unit, count: bytes / unit.utf8.count) }
        return [
            ("words without colons or newlines", repeated("word ")),
            ("one letter", repeated("a")),
            ("capitalised words", repeated("Jane Doe ")),
            ("label lines", repeated("Name: Jane\n")),
            ("blank lines", repeated("\n")),
            ("separators", repeated(" · x, TX 7870")),
        ]
    }

    /// 32 KiB is where a quadratic pattern takes seconds (half a billion steps) while a
    /// linear one takes a millisecond; the bound sits far from both. A pattern over it is
    /// reported once and not run on the other texts.
    @Test func everySpecPatternIsLinearOnHostileTexts() throws {
        let patterns = try SpecTestSupport.repositoryPatterns()
        #expect(patterns.count > 100)
        let texts = Self.hostileTexts(bytes: 32 * 1024)
        let clock = ContinuousClock()
        for pattern in patterns {
            for (name, text) in texts {
                let elapsed = clock.measure {
                    _ = pattern.firstValue(in: text, presence: nil)
                    _ = pattern.matches(text)
                }
                if elapsed > .seconds(1) {
                    Issue.record("\(pattern.source) on \(name): \(elapsed)")
                    break
                }
            }
        }
    }
}
