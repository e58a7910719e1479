@testable import Extraction
import Foundation
import HTMLText
import MIME
import Testing

/// The per-spec label lookups (``TextLabelValues``, ``InquiryView/tableRowValues(for:)``,
/// ``LabelKeyTable``) against what they replace: ``LabelIndex`` over the whole text and the
/// label → value dictionary of every table row, on every corpus message and on made-up text.
@Suite struct SpecLabelLookupTests {
    // MARK: References

    /// The table-row dictionary rules used to read: every innermost row keyed by
    /// `LabelIndex.key` of its label, the first row winning.
    static func referenceTableRows(_ document: HTMLDocument?) -> [String: String] {
        guard let document else { return [:] }
        var rows: [String: String] = [:]
        for row in document.innermostTableRows() {
            let key = LabelIndex.key(row.label)
            if !key.isEmpty, rows[key] == nil { rows[key] = row.value }
        }
        return rows
    }

    /// Every key a line of `text` could be indexed under (a bare line's, a colon label's).
    static func candidateKeys(_ text: String) -> [String] {
        var keys: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = LabelIndex.trimmed(line)
            keys.append(LabelIndex.key(trimmed))
            if let (label, _) = LabelIndex.colonSplit(trimmed) { keys.append(LabelIndex.key(label)) }
        }
        return keys
    }

    /// Checks the lookups for `keys` (one label each, then all of them as one rule) and
    /// multi-line values with `keys` as the known labels.
    static func checkText(_ text: String, keys: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let reference = LabelIndex(text: text)
        let table = LabelKeyTable(keys: keys)
        let values = TextLabelValues(text: text, table: table)
        let known = Set(keys)
        var rules = keys.map { SpecLabels([$0]) }
        rules.append(SpecLabels(keys))
        rules.append(SpecLabels(keys.reversed()))
        for labels in rules {
            let expected = reference.value(for: labels)
            let found = values.value(for: labels.withSlots(in: table))
            #expect(found?.labelIndex == expected?.labelIndex, "\(labels.keys) in \(text.debugDescription)", sourceLocation: sourceLocation)
            #expect(found?.entry.line == expected?.entry.line, "\(labels.keys) in \(text.debugDescription)", sourceLocation: sourceLocation)
            #expect(found?.entry.value == expected?.entry.value, "\(labels.keys) in \(text.debugDescription)", sourceLocation: sourceLocation)
            if let found, let expected {
                #expect(values.multilineValue(from: found.entry) == reference.multilineValue(from: expected.entry, knownLabels: known),
                        "\(labels.keys) in \(text.debugDescription)", sourceLocation: sourceLocation)
            }
        }
    }

    // MARK: The corpus

    static let repositoryRoot: URL = SpecTestSupport.parsersDirectory.deletingLastPathComponent()

    /// Every message of the benchmark's lead corpus (spec fixtures and project fixtures).
    static func corpus() -> [(path: String, bytes: [UInt8])] {
        var messages: [(String, [UInt8])] = []
        for relative in ["parsers/fixtures", "fixtures/email", "fixtures/mime"] {
            let base = repositoryRoot.appendingPathComponent(relative)
            guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where url.pathExtension == "eml" {
                if let data = FileManager.default.contents(atPath: url.path) { messages.append((url.path, Array(data))) }
            }
        }
        return messages.sorted { $0.0 < $1.0 }
    }

    @Test func everyCorpusMessageGivesTheSameLabelValues() throws {
        let specs = try SpecTestSupport.repositorySpecs().specs
        let messages = Self.corpus()
        #expect(messages.count > 150)
        var labelled = 0
        for (path, bytes) in messages {
            let view = InquiryView(message: MIMEMessage.parse(bytes))
            // Every label the text holds, plus each spec's own keys (as its rules ask them).
            Self.checkText(view.text, keys: Array(Set(Self.candidateKeys(view.text))).sorted())
            let reference = LabelIndex(text: view.text)
            for spec in specs {
                let values = view.labelValues(for: spec.textLabelTable)
                for (_, rules) in spec.fields {
                    for rule in rules {
                        guard case .label(let labels, _) = rule.kind else { continue }
                        #expect(labels.hasSlots)
                        let expected = reference.value(for: labels)
                        let found = values.value(for: labels)
                        #expect(found?.labelIndex == expected?.labelIndex, "\(spec.name) \(labels.names) \(path)")
                        #expect(found?.entry.line == expected?.entry.line, "\(spec.name) \(labels.names) \(path)")
                        #expect(found?.entry.value == expected?.entry.value, "\(spec.name) \(labels.names) \(path)")
                        if let found, let expected {
                            labelled += 1
                            #expect(values.multilineValue(from: found.entry)
                                == reference.multilineValue(from: expected.entry, knownLabels: spec.labelKeys), "\(spec.name) \(path)")
                        }
                    }
                }
            }
        }
        #expect(labelled > 100)
    }

    @Test func everyCorpusMessageGivesTheSameTableRows() throws {
        let specs = try SpecTestSupport.repositorySpecs().specs
        var withRows = 0
        for (path, bytes) in Self.corpus() {
            let view = InquiryView(message: MIMEMessage.parse(bytes))
            let reference = Self.referenceTableRows(view.htmlDocument)
            #expect(view.tableRows == reference, "\(path)")
            if !reference.isEmpty { withRows += 1 }
            // Every row's key and every spec's, with some no row has.
            var keys = Array(reference.keys).sorted()
            for spec in specs { keys += spec.tableRowTable.keys }
            keys += ["missing", "name", ""]
            let table = LabelKeyTable(keys: keys)
            let values = view.tableRowValues(for: table)
            for (slot, key) in table.keys.enumerated() {
                #expect(values[slot] == reference[key], "\(key) in \(path)")
            }
            for spec in specs {
                let values = view.tableRowValues(for: spec.tableRowTable)
                for (slot, key) in spec.tableRowTable.keys.enumerated() {
                    #expect(values[slot] == reference[key], "\(spec.name) \(key) in \(path)")
                }
            }
        }
        #expect(withRows > 10)
    }

    // MARK: Made-up text

    @Test(arguments: FieldRuleFastPathTests.trickyTexts + [
        "Name:\n--\nmore\n",
        "Message: first\nsecond line\nPhone: 555\n",
        "Message:\nfirst\n  * second\n**Phone**\n",
        "Message: one\r\ntwo\nthree\n\nfour",
        "Message: un\nNom complet : x\nTéléphone\n",
        "Message: a\n\u{A0}b\u{A0}\nc",
    ])
    func trickyTextsMatchTheFullIndex(text: String) {
        let keys = Array(Set(Self.candidateKeys(text) + ["name", "missing", "message", "phone", "téléphone"])).sorted()
        Self.checkText(text, keys: keys)
        // A short key list, as a spec has, so multi-line values run on.
        Self.checkText(text, keys: ["message", "phone", "name"])
        // A label that keys to "" stops a multi-line value at a decoration-only line.
        Self.checkText(text, keys: ["message", "", "name"])
    }

    @Test(arguments: 0..<6)
    func randomTextsMatchTheFullIndex(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let pieces = ["Name", "name", "Phone", "E-mail", "Message", ":", "::", " ", "  ", "*", "**", "- ", "-", "•", "#",
                      "\n", "\n", "\n", "\n", "\r\n", "\r", "\t", "Jane Doe", "555-0100", "é", "\u{A0}", "http://x", "|",
                      "a b c d e f g", "Zip Code", "[x]", "_"]
        for _ in 0..<60 {
            var text = ""
            for _ in 0..<Int(random.next() % 60) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
            let keys = Array(Set(Self.candidateKeys(text))).sorted()
            Self.checkText(text, keys: keys)
            Self.checkText(text, keys: ["name", "message", "phone", "e mail"])
        }
    }

    // MARK: The key table

    @Test func tableFindsKeysFromLabelBytes() {
        let table = LabelKeyTable(keys: ["phone", "e mail", "name", "phone", "", "téléphone", "zip code"])
        #expect(table.keys == ["phone", "e mail", "name", "téléphone", "zip code"])
        #expect(table.hasEmptyKey)
        let labels = ["Phone", "PHONE:", "** Phone **", "E-mail", "e_mail", "E - Mail:", "Name", "Names", "", "---",
                      "Téléphone", "TÉLÉPHONE :", "Zip   Code", "zip\tcode", "zipcode", "phone number", "Ph one"]
        for label in labels {
            let key = LabelIndex.key(label)
            #expect(table.slot(ofLabel: label) == table.keys.firstIndex(of: key), "\(label)")
            #expect(table.slot(ofKey: key) == table.keys.firstIndex(of: key), "\(label)")
            #expect(table.contains(key: key) == (key.isEmpty || table.keys.contains(key)), "\(label)")
            if label.utf8.allSatisfy({ $0 < 0x80 }) {
                var bytes = label
                let (slot, contains) = bytes.withUTF8 { (table.slot(ofASCIILabel: $0), table.containsKey(ofASCIILabel: $0)) }
                #expect(slot == table.keys.firstIndex(of: key), "\(label)")
                #expect(contains == (key.isEmpty || table.keys.contains(key)), "\(label)")
            }
        }
        // A label longer than every key is no key of the table.
        #expect(table.slot(ofLabel: String(repeating: "phone ", count: 20)) == nil)
        #expect(LabelKeyTable(keys: []).slot(ofLabel: "phone") == nil)
        #expect(LabelKeyTable(keys: [""]).slot(ofLabel: "--") == nil)
    }

    @Test(arguments: 0..<4)
    func lineSlotsMatchLabelSlots(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let table = LabelKeyTable(keys: ["name", "phone", "e mail", "zip code", "n"])
        let pieces = ["Name", "name", "N", "Phone", "E", "mail", "-", ":", " ", " ", "*", "zip", "Code", "x", "::", "http", "a b c d e f g"]
        for _ in 0..<2_000 {
            var line = ""
            for _ in 0..<Int(random.next() % 30) { line += pieces[Int(random.next() % UInt64(pieces.count))] }
            var bytes = line
            let (found, expectedColon, expectedLine) = bytes.withUTF8 { bytes in
                let found = table.slots(ofLine: bytes, from: 0, to: bytes.count)
                let colon = bytes.firstIndex(of: UInt8(ascii: ":"))
                let colonSlot = colon.flatMap { $0 <= 60 ? table.slot(ofASCIILabel: UnsafeBufferPointer(rebasing: bytes[..<$0])) : nil }
                let isColonLine = LabelIndex.colonSplit(String(decoding: bytes, as: UTF8.self)) != nil
                let lineSlot = bytes.count <= 60 && !isColonLine ? table.slot(ofASCIILabel: bytes) : nil
                return (found, colonSlot, lineSlot)
            }
            #expect(found.colon == expectedColon, "\(line.debugDescription)")
            #expect(found.line == expectedLine, "\(line.debugDescription)")
        }
    }

    @Test func manyKeysAllFound() {
        let keys = (0..<300).map { "label number \($0)" }
        let table = LabelKeyTable(keys: keys)
        for (index, key) in keys.enumerated() {
            #expect(table.slot(ofKey: key) == index)
            #expect(table.slot(ofLabel: key.uppercased() + ":") == index)
        }
        #expect(table.slot(ofKey: "label number 300") == nil)
    }

    @Test func loadedSpecsHaveSlotsForEveryLabelRule() throws {
        for spec in try SpecTestSupport.repositorySpecs().specs {
            for (_, rules) in spec.fields {
                for rule in rules {
                    switch rule.kind {
                    case .label(let labels, _):
                        #expect(labels.slots == labels.keys.map { spec.textLabelTable.slot(ofKey: $0) ?? -1 })
                        #expect(Set(spec.textLabelTable.keys).isSuperset(of: labels.keys.filter { !$0.isEmpty }))
                    case .tableRow(let labels):
                        #expect(labels.slots == labels.keys.map { spec.tableRowTable.slot(ofKey: $0) ?? -1 })
                    default:
                        break
                    }
                }
            }
            #expect(Set(spec.textLabelTable.keys) == spec.labelKeys.subtracting([""]), "\(spec.name)")
        }
    }

    // MARK: The String paths of LabelIndex

    /// ``LabelIndex/key(_:)``, ``LabelIndex/isShortLabel(_:)`` and the label test of
    /// ``LabelIndex/colonSplit(_:)`` as they were before their bounded fast paths.
    private static let referenceDecoration: Set<Character> = ["*", "-", "=", "_", "#", ":", "•", "|", "[", "]"]

    static func referenceKey(_ label: String) -> String {
        label.lowercased().split { $0.isWhitespace || referenceDecoration.contains($0) }.joined(separator: " ")
    }

    /// The space-separated pieces of `text` that hold more than whitespace and decoration.
    static func referenceWords(_ text: some StringProtocol) -> Int {
        text.split(separator: " ").filter { $0.contains { !$0.isWhitespace && !LabelIndex.isKeyDecoration($0) } }.count
    }

    static func referenceIsShortLabel(_ line: String) -> Bool {
        line.count <= 60 && referenceWords(line) <= 6
    }

    static func referenceColonLabel(_ line: String) -> String? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let label = String(line[..<colon])
        guard !label.isEmpty, label.count <= 60, referenceWords(label) <= 6, !label.contains("http") else { return nil }
        return label
    }

    @Test(arguments: 0..<4)
    func stringPathsMatchTheirReferences(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let pieces = ["Té", "l", "É", "\u{212A}", "K", "*", "*\u{301}", " \u{301}", "•", "•\u{301}", ":", ":\u{301}", "\u{37E}",
                      "-", "=", "_", "#", "|", "[", "]", "\u{A0}", "\u{2028}", "\r\n", "\t", " ", "İ", "ß", "x", "http",
                      "\u{FF1A}", "\u{2D}\u{300}", "e\u{301}", "名", "\u{1F600}"]
        for _ in 0..<1_500 {
            var text = ""
            for _ in 0..<Int(random.next() % 90) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
            #expect(LabelIndex.key(text) == Self.referenceKey(text), "\(text.debugDescription)")
            #expect(LabelIndex.isShortLabel(text) == Self.referenceIsShortLabel(text), "\(text.debugDescription)")
            #expect(LabelIndex.colonSplit(text)?.label == Self.referenceColonLabel(text), "\(text.debugDescription)")
        }
        for limit in [0, 1, 5] {
            for text in ["", "a", "abcde", "abcdef", "e\u{301}e\u{301}", "\r\n\r\n"] {
                #expect(LabelIndex.hasAtMost(limit, charactersIn: text) == (text.count <= limit))
            }
        }
    }

    // MARK: Locations

    @Test func locationEqualsConcatenation() {
        for prefix in ["body", "forwarded original body", "attached original message body", "", "é prefix"] {
            for line in [0, 1, 9, 10, 11, 99, 100, 12_345, Int.max, -1, -42, Int.min] {
                #expect(InquiryView.location(prefix, line: line) == prefix + " line " + String(line))
            }
        }
    }
}
