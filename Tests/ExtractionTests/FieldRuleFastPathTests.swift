@testable import Extraction
import Foundation
import MIME
import Testing

/// The field-rule fast paths against the general code they replace: provenance names made
/// at load, the one-lookup label index and the memchr line count.
@Suite struct FieldRuleFastPathTests {
    // MARK: Provenance names made at load

    @Test func provenanceNamesMatchDescribeForEveryRepositoryRule() throws {
        var checked = 0
        for spec in try SpecTestSupport.repositorySpecs().specs {
            for (_, rules) in spec.fields {
                for rule in rules {
                    switch rule.kind {
                    case .label(let labels, _), .tableRow(let labels):
                        for (index, label) in labels.names.enumerated() {
                            #expect(rule.provenanceName(labelAt: index) == rule.describe(matched: label), "\(spec.name)")
                            checked += 1
                        }
                    default:
                        #expect(rule.provenanceName() == rule.describe(), "\(spec.name)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 100)
    }

    @Test func provenanceNameFollowsAChangedKind() {
        var rule = ParserSpec.FieldRule(kind: .header("From"), hint: nil)
        #expect(rule.provenanceName() == "header From")
        rule.kind = .tableRow(SpecLabels(["Name:", "Full name"]))
        #expect(rule.provenanceName(labelAt: 1) == "table_row 'Full name'")
        #expect(rule.provenanceName(labelAt: 0) == rule.describe(matched: "Name:"))
    }

    // MARK: Label index against a plain reference

    /// The index as documented, from the public static helpers, line by line.
    private struct ReferenceIndex {
        var colon: [String: (line: Int, value: String)] = [:]
        var bare: [String: (line: Int, value: String)] = [:]

        init(_ text: String) {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { LabelIndex.trimmed($0) }
            func next(after index: Int) -> Int? {
                var next = index + 1
                while next < lines.count, next <= index + 2 {
                    if !lines[next].isEmpty { return next }
                    next += 1
                }
                return nil
            }
            for (index, line) in lines.enumerated() where !line.isEmpty {
                if let (label, value) = LabelIndex.colonSplit(line) {
                    let key = LabelIndex.key(label)
                    guard !key.isEmpty, colon[key] == nil else { continue }
                    if !value.isEmpty {
                        colon[key] = (index + 1, value)
                    } else if let next = next(after: index), LabelIndex.colonSplit(lines[next]) == nil {
                        colon[key] = (next + 1, lines[next])
                    }
                } else {
                    guard line.count <= 60, line.split(separator: " ").count <= 6 else { continue }
                    let key = LabelIndex.key(line)
                    guard !key.isEmpty, bare[key] == nil, let next = next(after: index) else { continue }
                    bare[key] = (next + 1, lines[next])
                }
            }
        }

        func value(for key: String) -> (line: Int, value: String)? { colon[key] ?? bare[key] }
    }

    static let trickyTexts: [String] = [
        "Name: Jane Doe\nPhone: 555-0100\nName: John Smith\nEmail:\n\njane@example.com\n",
        "Name: Jane\r\nPhone: 555\r\n\r\nMessage\r\nHello there\r\n",
        "Nom complet : Zoë Brontë\nTéléphone: +33 1 23 45 67 89\n• Adresse •\n12 rue de la Paix\n",
        "**Name**: Jane\n- Email -: jane@example.com\n* Phone *\n555-0100\nEmpty:\nNext: value\n",
        "Name:\nEmail:\nPhone:: 555\nhttp://x.example/a: not a label\n:\n::\n",
        "Full   Name\n\n\nJane\nFull name: later\nZip Code\n\n98101\n",
        "名前: 山田\nお問い合わせ内容\n見積もりをお願いします\nNAME: upper\n",
        "A very long line that is certainly not a label because it has far too many words in it\nvalue\n",
        "Name: *Jane*\nCity:   **   \nState\n\nWA",
        "",
        "\n\n\n",
        "Label only at the end:",
    ]

    @Test(arguments: trickyTexts)
    func labelIndexMatchesReference(text: String) {
        let index = LabelIndex(text: text)
        let reference = ReferenceIndex(text)
        let keys = Set(reference.colon.keys).union(reference.bare.keys).union(["name", "missing", "phone", "email"])
        for key in keys {
            let found = index.value(for: SpecLabels([key]))
            let expected = reference.value(for: key)
            #expect(found?.entry.line == expected?.line, "\(key) in \(text.debugDescription)")
            #expect(found?.entry.value == expected?.value, "\(key) in \(text.debugDescription)")
        }
    }

    @Test func labelIndexReportsWhichLabelMatched() {
        let index = LabelIndex(text: "Phone number: 555\nTelephone\n666\n")
        let colon = index.value(for: SpecLabels(["Telephone", "Phone Number"]))
        #expect(colon?.labelIndex == 1)  // colon forms first, whatever the label order
        #expect(colon?.entry.value == "555")
        let bare = index.value(for: SpecLabels(["Missing", "Telephone"]))
        #expect(bare?.labelIndex == 1)
        #expect(bare?.entry.value == "666")
    }

    // MARK: Line of a byte offset

    @Test func lineOfOffsetMatchesCountingNewlines() {
        let body = "first\nsecond line\n\nfourth é\r\nfifth\n"
        let raw = "From: a@example.com\r\nSubject: x\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body
        let view = InquiryView(message: MIMEMessage.parse(Array(raw.utf8)))
        let bytes = Array(view.text.utf8)
        for offset in 0...bytes.count + 3 {
            let expected = 1 + bytes.prefix(offset).filter { $0 == 0x0A }.count
            #expect(view.line(ofUTF8Offset: offset) == expected, "offset \(offset)")
        }
        #expect(bytes.filter { $0 == 0x0A }.count >= 4)
    }
}
