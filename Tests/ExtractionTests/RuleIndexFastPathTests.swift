@testable import Extraction
import Foundation
import Testing

/// The spec field rules' cheaper paths against what they stand for: the byte test for key
/// separators, the first-bytes filter of lines that are not plain ASCII, and the rules'
/// payload-free plans.
@Suite struct RuleIndexFastPathTests {
    /// The separator set as `LabelIndex.key` has it, for ASCII bytes.
    static func referenceIsSeparator(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x09...0x0D, 0x20, UInt8(ascii: "*"), UInt8(ascii: "-"), UInt8(ascii: "="), UInt8(ascii: "_"),
             UInt8(ascii: "#"), UInt8(ascii: ":"), UInt8(ascii: "?"), UInt8(ascii: "|"), UInt8(ascii: "["), UInt8(ascii: "]"):
            true
        default:
            false
        }
    }

    @Test func separatorBitsMatchTheKeyRules() {
        for byte in UInt8.min...UInt8.max {
            #expect(LabelKeyTable.isSeparator(byte) == Self.referenceIsSeparator(byte), "byte \(byte)")
            if byte < 0x80 {
                // What `LabelIndex.key` drops around words.
                let key = LabelIndex.key("a" + String(UnicodeScalar(byte)) + "b")
                #expect((key == "a b") == Self.referenceIsSeparator(byte), "byte \(byte): \(key.debugDescription)")
            }
        }
    }

    /// Lines that are not plain ASCII but start with ASCII: combining marks, the Kelvin sign
    /// (which lowercases to ASCII "k"), CR LF, no-break spaces, bullets.
    static let nonASCIILines = [
        "Name: Zoë", "Nam\u{301}e: x", "N\u{301}ame: x", "N:\u{301} x", "Na:\u{301}me", "\u{212A}ey: v", "K\u{212A}: v",
        "Name\r\nJane", "Na\r\nme: x", "N\u{A0}ame: v", "Name\u{A0}: v", "•Name: v", "Phone: 555 – 0100", "Ph\u{2019}one: v",
        "E-mail: é", "Email: é", "Zip Code: 7870é", "zip code\u{2003}: é", "Message — hello", "Message: a’b", "1é: x",
        "9a: é", "Timeline:é", "T:é", "Té", "Budget\u{0301}: x", "B: é", "Bé: x", "e\u{301}mail: x",
    ]

    @Test func nonASCIILinesMatchTheFullIndex() {
        let keys = ["name", "phone", "e mail", "email", "zip code", "message", "timeline", "key", "k", "t", "b",
                    "budget", "1é", "ph’one", "na me"]
        for line in Self.nonASCIILines {
            for text in [line, line + "\nvalue line", "x\n" + line + "\n\nnext", line + "\n" + line] {
                SpecLabelLookupTests.checkText(text, keys: keys)
                SpecLabelLookupTests.checkText(text, keys: Array(Set(SpecLabelLookupTests.candidateKeys(text))).sorted())
            }
        }
    }

    @Test(arguments: 0..<4)
    func randomNonASCIITextsMatchTheFullIndex(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let pieces = ["Name", "Na", "N", "me", "Phone", "K", "\u{212A}", "\u{301}", "é", "’", "–", "\u{A0}", ":", " ",
                      "\n", "\n", "\r\n", "\t", "Jane", "1", "x", "*", "-", "•", "Zip Code"]
        for _ in 0..<80 {
            var text = ""
            for _ in 0..<Int(random.next() % 50) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
            SpecLabelLookupTests.checkText(text, keys: Array(Set(SpecLabelLookupTests.candidateKeys(text))).sorted())
            SpecLabelLookupTests.checkText(text, keys: ["name", "phone", "k", "na", "zip code", "me"])
        }
    }

    @Test func offsetMatchesAreShiftedMatches() throws {
        let patterns = ["Lead ID:\\s*(?<value>\\d{6,})", "(?m)^Name:[ \\t]*(?<value>[^\\n]+)", "(a)|(b)(c)?", "(?i)x(y)?z"]
        let texts = ["Lead ID: 1234567\nName: Jane\n", "b", "bc", "xZ xyz", "", "Name:\n", "a"]
        for source in patterns {
            let regex = try #require(SpecRegex(source: source))
            for text in texts {
                var copy = text
                for offset in [0, 1, 17] {
                    let plain = copy.withUTF8 { regex.firstMatch(in: $0) }
                    let moved = copy.withUTF8 { regex.firstMatch(in: $0, offset: offset) }
                    switch (plain, moved) {
                    case (.match(let match), .match(let shifted)): #expect(shifted == match.shifted(by: offset), "\(source) in \(text)")
                    default: #expect(plain == moved, "\(source) in \(text)")
                    }
                }
            }
        }
    }

    @Test func plansFollowTheRuleKinds() throws {
        var slotted = 0
        for spec in try SpecTestSupport.repositorySpecs().specs {
            for (_, rules) in spec.fields {
                for rule in rules {
                    switch (rule.kind, rule.plan) {
                    case (.label(let labels, let multiline), .slottedLabel(let planned)):
                        #expect(labels.hasSlots && planned == multiline && rule.slots == labels.slots, "\(spec.name)")
                        slotted += 1
                    case (.tableRow(let labels), .slottedTableRow):
                        #expect(labels.hasSlots && rule.slots == labels.slots, "\(spec.name)")
                        slotted += 1
                    case (.pattern(_, let scope), .pattern(let planned)):
                        #expect(scope == planned && rule.pattern != nil, "\(spec.name)")
                    case (.label, _), (.tableRow, _), (.pattern, _):
                        Issue.record("\(spec.name): \(rule.describe()) has plan \(rule.plan)")
                    case (_, .general):
                        break
                    default:
                        Issue.record("\(spec.name): \(rule.describe()) has plan \(rule.plan)")
                    }
                }
            }
        }
        #expect(slotted > 100)
        // A kind set later (a tuned pattern, slots given) re-plans the rule.
        var rule = ParserSpec.FieldRule(kind: .label(SpecLabels(["Name"]), multiline: true), hint: nil)
        guard case .general = rule.plan else {
            Issue.record("labels without slots must take the general path")
            return
        }
        rule.kind = .label(SpecLabels(["Name"]).withSlots(in: LabelKeyTable(keys: ["name"])), multiline: true)
        guard case .slottedLabel(multiline: true) = rule.plan else {
            Issue.record("slotted labels must be planned")
            return
        }
        #expect(rule.slots == [0])
        rule.kind = .header("From")
        guard case .general = rule.plan else {
            Issue.record("a header rule is general")
            return
        }
        #expect(rule.slots.isEmpty)
    }
}
