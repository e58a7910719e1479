import Extraction
import Foundation
import LeadModel
import MIME
import Testing

/// Every `fixtures/email/NAME.eml` is parsed and extracted, and the JSON compared with
/// `NAME.expected.json`. Run with `UPDATE_GOLDEN=1` to rewrite the expected files
/// (then review the diff by eye before committing).
@Suite("Golden fixtures")
struct GoldenFixtureTests {
    /// `<repo>/fixtures/email`, found from this file's path (symlinks resolved so a scratch
    /// package that links the test directory still finds the repository's fixtures).
    static let fixturesDirectory: URL = URL(fileURLWithPath: #filePath)
        .resolvingSymlinksInPath()
        .deletingLastPathComponent()  // ExtractionTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repo root
        .appendingPathComponent("fixtures/email", isDirectory: true)

    static func fixtureNames() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: fixturesDirectory.path)) ?? []
        return files.filter { $0.hasSuffix(".eml") }.map { String($0.dropLast(4)) }.sorted()
    }

    @Test func fixturesArePresent() {
        let names = Self.fixtureNames()
        #expect(names.count >= 8, "found \(names.count) fixtures in \(Self.fixturesDirectory.path)")
        for required in ["direct-inquiry", "gmail-forward", "outlook-forward", "apple-mail-forward",
                         "html-only-inquiry", "rfc822-attached-forward", "forward-of-forward", "auto-reply"] {
            #expect(names.contains(required), "missing fixture \(required).eml")
        }
    }

    @Test(arguments: fixtureNames())
    func matchesExpectedJSON(_ name: String) throws {
        let emlURL = Self.fixturesDirectory.appendingPathComponent("\(name).eml")
        let expectedURL = Self.fixturesDirectory.appendingPathComponent("\(name).expected.json")
        let bytes = [UInt8](try Data(contentsOf: emlURL))
        let outcome = LeadExtractor(specs: try SpecTestSupport.repositorySpecs()).extract(from: MIMEMessage.parse(bytes))
        let actual = String(decoding: try outcome.jsonData(), as: UTF8.self)

        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try Data(actual.utf8).write(to: expectedURL)
            return
        }
        let expectedData = try #require(
            try? Data(contentsOf: expectedURL),
            "missing \(name).expected.json; run with UPDATE_GOLDEN=1 and review it"
        )
        let expected = String(decoding: expectedData, as: UTF8.self)
        #expect(actual == expected, "\(name): output differs from expected\n\(Self.lineDiff(expected: expected, actual: actual))")

        // What the CLI prints must also decode back to the same outcome.
        let decoded = try JSONDecoder().decode(ExtractionOutcome.self, from: Data(actual.utf8))
        #expect(decoded == outcome)
    }

    /// A minimal line diff: each differing line as `-expected` / `+actual`.
    static func lineDiff(expected: String, actual: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var lines: [String] = []
        for index in 0..<max(old.count, new.count) {
            let left = index < old.count ? String(old[index]) : nil
            let right = index < new.count ? String(new[index]) : nil
            if left != right {
                if let left { lines.append("-\(index + 1): \(left)") }
                if let right { lines.append("+\(index + 1): \(right)") }
            }
            if lines.count > 60 {
                lines.append("...")
                break
            }
        }
        return lines.joined(separator: "\n")
    }
}
