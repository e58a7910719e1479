import Extraction
import Foundation
import Testing

/// Every spec's fixtures under `parsers/fixtures/<spec>/` must extract to their
/// `NAME.expected.json`. `UPDATE_GOLDEN=1` rewrites the expected files (review the diff by
/// eye before committing); `SPECS=houzz,zillow` limits the run (and the rewrite) to those specs.
@Suite("Spec fixtures")
struct SpecFixtureTests {
    @Test func everyFixtureMatchesItsExpectedJSON() throws {
        let update = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1"
        let only = ProcessInfo.processInfo.environment["SPECS"].map { Set($0.split(separator: ",").map(String.init)) }
        let results = try SpecFixtureRunner.run(directory: SpecTestSupport.parsersDirectory, update: update, only: only)
        #expect(!results.isEmpty)
        for result in results where !result.passed {
            let detail = result.problem
                ?? "\(result.differingKey ?? "?"): expected \(result.expected ?? "?"), got \(result.actual ?? "?")"
            Issue.record("\(result.spec)/\(result.fixture): \(detail)")
        }
    }

    @Test func theGenericFormSpecHasItsThreeFixtures() throws {
        let results = try SpecFixtureRunner.run(directory: SpecTestSupport.parsersDirectory)
        #expect(results.filter { $0.spec == "website-form-generic" && !$0.fixture.isEmpty }.count >= 3)
    }

    @Test func firstDifferenceIsReported() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("spec-fixture-\(UUID().uuidString)", isDirectory: true)
        let fixtures = directory.appendingPathComponent("fixtures/acme", isDirectory: true)
        try FileManager.default.createDirectory(at: fixtures, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("""
            source: other
            name: Acme
            version: "1"
            detect:
              sender_domains: [acme.example]
            fields:
              phone:
                - label: Phone
            """.utf8).write(to: directory.appendingPathComponent("acme.yaml"))
        try Data("From: Acme <leads@acme.example>\r\nSubject: Lead\r\n\r\nPhone: 512-555-0143\r\n".utf8)
            .write(to: fixtures.appendingPathComponent("one.eml"))

        let created = try SpecFixtureRunner.run(directory: directory, update: true)
        #expect(created.map(\.passed) == [true])
        #expect(try SpecFixtureRunner.run(directory: directory).map(\.passed) == [true])

        let expectedURL = fixtures.appendingPathComponent("one.expected.json")
        let edited = try String(contentsOf: expectedURL, encoding: .utf8)
            .replacingOccurrences(of: "+15125550143", with: "+15125550199")
        try Data(edited.utf8).write(to: expectedURL)
        let result = try #require(try SpecFixtureRunner.run(directory: directory).first)
        #expect(!result.passed)
        #expect(result.spec == "acme")
        #expect(result.fixture == "one")
        // Keys are compared in sorted order: contact_channels comes before phone.
        #expect(result.differingKey == "contact_channels[0].value")
        #expect(result.expected == "\"+15125550199\"")
        #expect(result.actual == "\"+15125550143\"")
    }
}
