import Foundation
import MIME
import Testing

/// Every `fixtures/mime/NAME.eml` is parsed and its `mimeJSON()` compared with
/// `NAME.expected.json` (the `lead-intake parse --mime-json` contract).
///
/// To create or refresh expected files, run
/// `UPDATE_GOLDEN=1 swift test --filter MIMEGoldenTests` (or `UPDATE_GOLDEN=forward-` to touch
/// only fixtures whose names start with `forward-`) and read every changed file by eye before
/// committing: the golden files are the specification.
@Suite("MIME golden fixtures")
struct MIMEGoldenTests {
    /// `<repo>/fixtures/mime`, found from this file's path (symlinks resolved so a scratch
    /// package that links the test directory still finds the repository's fixtures).
    static let fixturesDirectory: URL = URL(fileURLWithPath: #filePath)
        .resolvingSymlinksInPath()
        .deletingLastPathComponent()  // MIMETests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repo root
        .appendingPathComponent("fixtures/mime", isDirectory: true)

    static func fixtureNames() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: fixturesDirectory.path)) ?? []
        return files.filter { $0.hasSuffix(".eml") }.map { String($0.dropLast(4)) }.sorted()
    }

    @Test func atLeastSixtyFixtures() {
        let names = Self.fixtureNames()
        #expect(names.count >= 60, "found \(names.count) fixtures in \(Self.fixturesDirectory.path)")
    }

    @Test(arguments: fixtureNames())
    func matchesExpectedJSON(_ name: String) throws {
        let emlURL = Self.fixturesDirectory.appendingPathComponent("\(name).eml")
        let expectedURL = Self.fixturesDirectory.appendingPathComponent("\(name).expected.json")
        let bytes = [UInt8](try Data(contentsOf: emlURL))
        let actualData = try MIMEMessage.parse(bytes).mimeJSON()
        let actual = String(decoding: actualData, as: UTF8.self)

        if Self.shouldUpdate(name) {
            let existing = try? Data(contentsOf: expectedURL)
            if existing != actualData { try actualData.write(to: expectedURL) }
            return
        }
        let expectedData = try #require(
            try? Data(contentsOf: expectedURL),
            "missing \(name).expected.json; run with UPDATE_GOLDEN=1 and review it"
        )
        let expected = String(decoding: expectedData, as: UTF8.self)
        // Compared as a Bool so a failure prints the short diff, not two whole documents.
        let matches = actual == expected
        #expect(matches, "\(name): output differs from expected\n\(Self.lineDiff(expected: expected, actual: actual))")

        // The contract: one JSON object with exactly these keys.
        let object = try #require(try JSONSerialization.jsonObject(with: actualData) as? [String: Any])
        #expect(Set(object.keys) == [
            "message_id", "subject", "from", "to", "cc", "reply_to", "date", "text", "html",
            "attachments", "parts", "defects", "forwarded",
        ])
    }

    /// `UPDATE_GOLDEN=1` rewrites every expected file; `UPDATE_GOLDEN=forward-,charset-`
    /// only those whose fixture name starts with one of the comma-separated prefixes.
    static func shouldUpdate(_ name: String) -> Bool {
        guard let value = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"], !value.isEmpty else { return false }
        if value == "1" { return true }
        return value.split(separator: ",").contains { name.hasPrefix($0) }
    }

    /// A minimal line diff: each differing line as `-expected` / `+actual`, long lines cut.
    static func lineDiff(expected: String, actual: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var lines: [String] = []
        for index in 0..<max(old.count, new.count) {
            let left = index < old.count ? String(old[index].prefix(300)) : nil
            let right = index < new.count ? String(new[index].prefix(300)) : nil
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
