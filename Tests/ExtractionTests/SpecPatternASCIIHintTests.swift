@testable import Extraction
import Foundation
import Testing

/// The ASCII knowledge patterns are handed (from the literal-presence scan, once per text)
/// against working it out per call, and the boxed pattern a field rule runs in place
/// against its `kind`.
@Suite struct SpecPatternASCIIHintTests {
    static let texts: [String] = [
        "",
        "a",
        "Name: Jane Doe\nPhone: 555-123-4567\nNew lead from Houzz",
        String(repeating: "plain ascii text ", count: 20) + "é",
        "é" + String(repeating: "x", count: 40),
        "Straße 12, new lead",
        "\u{212A}elvin NEW LEAD",
        "ﬁle a new lead",
        "Caf\u{E9} phone: 555 0100\r\nEmail: jane@example.com",
        "emoji 🏠 new project: kitchen",
        String(repeating: "1234567", count: 9),
    ]

    @Test(arguments: texts) func caseFoldingScanAgreesWithHazardAndUTF16Count(_ text: String) {
        var copy = text
        let scan = copy.withUTF8 { DetectionLiterals.caseFoldingScan($0) }
        let hazard = copy.withUTF8 { DetectionLiterals.hasCaseFoldingHazard($0) }
        #expect(scan.hasHazard == hazard)
        // Without a hazard every byte was seen: the answer is the UTF-16 count's.
        if !scan.hasHazard { #expect(scan.isASCII == (text.utf8.count == text.utf16.count)) }
        if scan.hasHazard { #expect(!scan.isASCII) }
        #expect(SpecPattern.isASCII(text) == (text.utf8.count == text.utf16.count))
    }

    @Test(arguments: texts) func presenceWithASCIIMatchesPresence(_ text: String) {
        let literals = DetectionLiterals(folded: ["new lead", "phone", "kelvin"], exact: ["Email", "Jane"])
        var isASCII: Bool?
        let withASCII = literals.presence(in: text, isASCII: &isASCII)
        #expect(withASCII == literals.presence(in: text))
        if withASCII != nil {
            #expect(isASCII == SpecPattern.isASCII(text))
        } else {
            #expect(isASCII == false)
        }
    }

    static let sources = [
        #"(?i)phone:\s*(?<value>[0-9 ()+-]{7,})"#,
        #"Email:\s*(?<value>\S+@\S+)"#,
        #"(?i)new (?:lead|project)"#,
        #"(?<value>[A-Z][a-z]+)\s+Doe"#,
        #"(?i)kitchen|bath"#,
    ]

    @Test(arguments: sources) func firstValueWithTheHintMatchesWithout(_ source: String) throws {
        let pattern = try SpecPattern(source)
        for text in Self.texts {
            let hinted = pattern.firstValue(in: text, presence: nil, isASCII: SpecPattern.isASCII(text))
            let plain = pattern.firstValue(in: text, presence: nil)
            let whole = pattern.firstValue(in: text)
            #expect(hinted?.value == plain?.value && hinted?.utf8Offset == plain?.utf8Offset, "\(source) on \(text)")
            #expect(hinted?.value == whole?.value && hinted?.utf8Offset == whole?.utf8Offset, "\(source) on \(text)")
            #expect(pattern.matches(text, presence: nil, isASCII: SpecPattern.isASCII(text)) == pattern.matches(text),
                    "\(source) on \(text)")
        }
    }

    @Test func boxedPatternFollowsTheKind() throws {
        var rule = ParserSpec.FieldRule(kind: .header("From"), hint: nil)
        #expect(rule.pattern == nil)
        let pattern = try SpecPattern(#"Phone: (?<value>\d+)"#)
        rule.kind = .pattern(pattern, scope: .text)
        #expect(rule.pattern?.pattern.source == pattern.source)
        rule.kind = .value("x")
        #expect(rule.pattern == nil)
        let made = ParserSpec.FieldRule(kind: .pattern(pattern, scope: .subject), hint: nil)
        #expect(made.pattern?.pattern.source == pattern.source)
    }
}
