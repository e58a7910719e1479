import Extraction
import Foundation
import Testing
import YAMLFiles

@Suite("Spec loading")
struct SpecLoaderTests {
    static let header = """
        source: houzz
        name: Houzz lead notification
        version: "2026-11"
        detect:
          sender_domains: [houzz.com]

        """

    /// The error a spec gives, checked for file, line, column and reason.
    private func expectError(
        _ yaml: String, line: Int, column: Int, _ reason: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        do {
            _ = try SpecSet.parse(yaml: yaml, name: "houzz", file: "parsers/houzz.yaml")
            Issue.record("expected a SpecError containing \"\(reason)\"", sourceLocation: sourceLocation)
        } catch let error as SpecError {
            #expect(error.file == "parsers/houzz.yaml", sourceLocation: sourceLocation)
            #expect("\(error.line):\(error.column)" == "\(line):\(column)", "\(error)", sourceLocation: sourceLocation)
            #expect(error.reason.contains(reason), "\(error)", sourceLocation: sourceLocation)
            #expect(error.description.hasPrefix("parsers/houzz.yaml:\(line):\(column): "), sourceLocation: sourceLocation)
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func validSpecLoads() throws {
        let spec = try SpecSet.parse(yaml: Self.header + """
            priority: 60
            relays:
              email_domains: [convo.zillow.com]
              phones_are_proxied: true
            ignore:
              - subject: '(?i)newsletter'
                reason: Houzz newsletter
            fields:
              name:
                - label: [Name, Customer Name]
                - table_row: Name
              message:
                - label: Message
                  multiline: true
              source_lead_id:
                - pattern: 'Lead #:\\s*(?<value>\\d{6,})'
                  in: subject
              city:
                - xpath: '//td[@class="city"]'
                  normalize: trim
                - value: Austin
              email:
                - header: Reply-To
            """, name: "houzz")
        #expect(spec.name == "houzz")
        #expect(spec.detail == "houzz")
        #expect(spec.priority == 60)
        #expect(spec.isMarketplace)
    }

    @Test func unknownTopLevelKey() {
        expectError(Self.header + "lables: oops\n", line: 6, column: 1, "unknown key 'lables'")
    }

    @Test func unknownKeyInFieldRule() {
        expectError(Self.header + "fields:\n  phone:\n    - lable: Phone\n", line: 8, column: 7, "unknown key 'lable' in a field rule")
    }

    @Test func unknownField() {
        expectError(Self.header + "fields:\n  phne:\n    - label: Phone\n", line: 7, column: 3, "unknown field 'phne'")
    }

    @Test func wrongType() {
        expectError(Self.header + "priority: high\n", line: 6, column: 11, "priority must be a whole number")
        expectError(Self.header + "fields:\n  phone:\n    - label: {a: b}\n", line: 8, column: 14, "label must be a value or a list")
    }

    @Test func badRegex() {
        expectError(Self.header.replacingOccurrences(of: "  sender_domains: [houzz.com]\n", with: "  subjects:\n    - '(unclosed'\n"),
                    line: 6, column: 7, "is not a valid regular expression")
    }

    @Test func badXPath() {
        expectError(Self.header + "fields:\n  city:\n    - xpath: '//td[@class='\n", line: 8, column: 14, "is not a valid XPath")
    }

    @Test func unknownNormalizeHint() {
        expectError(Self.header + "fields:\n  phone:\n    - label: Phone\n      normalize: telephone\n",
                    line: 9, column: 18, "unknown normalize hint 'telephone'")
        expectError(Self.header + "fields:\n  message:\n    - label: Message\n      normalize: budget\n",
                    line: 9, column: 18, "does not apply to field 'message'")
    }

    @Test func missingRequiredKey() {
        expectError(Self.header.replacingOccurrences(of: "version: \"2026-11\"\n", with: ""),
                    line: 1, column: 1, "missing required key 'version'")
    }

    @Test func unknownSourceSlug() {
        expectError(Self.header.replacingOccurrences(of: "source: houzz", with: "source: hozz"),
                    line: 1, column: 9, "unknown source 'hozz'")
    }

    @Test func emptyDetect() {
        expectError(Self.header.replacingOccurrences(of: "  sender_domains: [houzz.com]\n", with: "  subjects: []\n"),
                    line: 5, column: 3, "detect needs at least one non-empty list")
    }

    @Test func ruleWithTwoKinds() {
        expectError(Self.header + "fields:\n  phone:\n    - label: Phone\n      table_row: Phone\n",
                    line: 8, column: 7, "exactly one of")
    }

    @Test func invalidYAMLAndDuplicateKeys() {
        expectError(Self.header + "fields: [unclosed\n", line: 7, column: 1, "invalid YAML")
        expectError(Self.header + "name: again\n", line: 2, column: 1, "duplicate key 'name'")
    }

    @Test func duplicateStemsInADirectory() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("spec-dup-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(Self.header.utf8).write(to: directory.appendingPathComponent("houzz.yaml"))
        try Data(Self.header.utf8).write(to: directory.appendingPathComponent("houzz.yml"))
        #expect {
            _ = try SpecSet.load(directory: directory)
        } throws: { error in
            let specError = try #require(error as? SpecError)
            return specError.code == .duplicateSpec && specError.description.hasSuffix("houzz.yml:1:1: spec name 'houzz' is already used by houzz.yaml")
        }
    }

    @Test func invalidFileInADirectoryNamesTheFile() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("spec-bad-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data((Self.header + "fields:\n  phone:\n    - label: Phone\n      normalize: nope\n").utf8)
            .write(to: directory.appendingPathComponent("angi.yaml"))
        #expect {
            _ = try SpecSet.load(directory: directory)
        } throws: { error in
            "\(error)".hasSuffix("/angi.yaml:9:18: unknown normalize hint 'nope' (known: phone, email, name, state, postal_code, address, budget, project_type, timeline, lot_status, financing, trim, lowercase)")
        }
    }

    @Test func repositorySpecsLoad() throws {
        let specs = try SpecTestSupport.repositorySpecs()
        #expect(!specs.specs.isEmpty)
        #expect(specs.spec(named: "website-form-generic") != nil)
    }
}
