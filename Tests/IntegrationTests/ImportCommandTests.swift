import Foundation
import Intake
import PostgresNIO
import Testing

@Suite("lead-intake import: a CSV through normalisation, dedup and routing")
struct ImportCommandTests {
    static let csv = """
        First Name,Last Name,E-mail,Phone,Street,City,State,Zip,Lead Source,Created At,Favorite Color
        Robert,Smith,bob.smith@gmail.com,(512) 555-0143,1420 Oak Hollow Dr,Austin,TX,78704,Zillow,2025-03-14,blue
        Bob,Smith,,512.555.0143,,Austin,Texas,78704,Website,3/20/2025,green
        Mary,Smith,bob.smith@gmail.com,,,Austin,TX,78704,Referral,2025-04-01 10:30,red
        ,,,,12 Nowhere Rd,Austin,TX,78704,,,
        "Garcia, Ana",,not-an-email,,"500 Elm St, Apt 4",Round Rock,TX,78664,Houzz,2025-05-05,"multi
        line"

        """

    @Test("rows become leads, merges and household links; the report has a row per input row; unknown columns and bad values warn")
    func importsWithReport() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in _ = try await Seed.builder(client) }
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let file = dir.appendingPathComponent("leads.csv")
            try Data(Self.csv.utf8).write(to: file)
            let report = dir.appendingPathComponent("report.csv")
            let result = try await TestProcess.run([Repository.binary, "import", "--database-url", db.urlString,
                                                    "--builder", "acme-homes", "--csv", file.path, "--report", report.path])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("columns ignored (not known): Favorite Color"), "\(result.stderr)")
            #expect(result.stderr.contains("not-an-email"), "a bad email is named in a warning")
            #expect(result.stdout.contains("5 rows"), "\(result.stdout)")
            let lines = try String(contentsOf: report, encoding: .utf8).split(separator: "\n").map(String.init)
            #expect(lines.first == "row,lead_id,action,matched_lead_id,score")
            let actions = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[2] }
            #expect(actions == ["created", "merged", "related", "skipped", "created"], "\(lines)")
            let robert = lines[1].split(separator: ",")[1]
            #expect(lines[2].split(separator: ",")[3] == robert, "Bob is merged into Robert's lead")
            try await db.withClient { (client: PostgresClient) async throws in
                #expect(try await client.scalar("SELECT count(*)::int8 FROM leads") == 3)
                #expect(try await client.scalar("SELECT count(*)::int8 FROM lead_sources") == 4)
                #expect(try await client.scalar(
                    "SELECT count(*)::int8 FROM leads WHERE first_name = 'Ana' AND last_name = 'Garcia' AND email IS NULL AND city = 'Round Rock'") == 1,
                    "'Last, First' in the name column is swapped")
                #expect(try await client.scalar(
                    "SELECT count(*)::int8 FROM leads WHERE first_name = 'Robert' AND created_at = '2025-03-14T00:00:00Z'") == 1)
                #expect(try await client.scalar("SELECT count(*)::int8 FROM lead_relations") == 1)
            }
        }
    }

    @Test("a file without a name, email or phone column, or with an unclosed quote, is refused before anything is written")
    func refusals() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in _ = try await Seed.builder(client) }
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let noIdentity = dir.appendingPathComponent("addresses.csv")
            try Data("street,city,zip\n1 Main St,Austin,78704\n".utf8).write(to: noIdentity)
            let refused = try await TestProcess.run([Repository.binary, "import", "--database-url", db.urlString,
                                                     "--builder", "acme-homes", "--csv", noIdentity.path])
            #expect(refused.status != 0 && refused.stderr.contains("no identity column"), "\(refused.stderr)")
            let broken = dir.appendingPathComponent("broken.csv")
            try Data("name,email\nAna,ana@example.org\n\"Bob,bob@example.org\nCal,cal@example.org\n".utf8).write(to: broken)
            let malformed = try await TestProcess.run([Repository.binary, "import", "--database-url", db.urlString,
                                                       "--builder", "acme-homes", "--csv", broken.path])
            #expect(malformed.status != 0 && malformed.stderr.contains("broken.csv: line 3"), "\(malformed.stderr)")
            let good = dir.appendingPathComponent("good.csv")
            try Data("name,email\nAna Lee,ana@example.org\n".utf8).write(to: good)
            let badThreshold = try await TestProcess.run([Repository.binary, "import", "--database-url", db.urlString,
                                                          "--builder", "acme-homes", "--csv", good.path, "--merge-threshold", "1.5"])
            #expect(badThreshold.status != 0 && badThreshold.stderr.contains("--merge-threshold"), "\(badThreshold.stderr)")
            try await db.withClient { (client: PostgresClient) async throws in
                #expect(try await client.scalar("SELECT count(*)::int8 FROM leads") == 0)
            }
        }
    }

    @Test("CSV reading: quotes, doubled quotes, line breaks in quotes, CRLF, BOM, Windows-1252")
    func csvReader() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a,\"b \"\"q\"\"\",\"c\r\nd\"\r\n\r\nx,,z\r\n".utf8) + [0x4A, 0xE9, 0x2C, 0x31, 0x0A]
        let records = try CSVReader.records(bytes)
        #expect(records.map(\.fields) == [["a", "b \"q\"", "c\r\nd"], ["x", "", "z"], ["Jé", "1"]])
        #expect(records.map(\.line) == [1, 4, 5])
        #expect(throws: CSVReader.Failure.self) { try CSVReader.records(Array("a,b\"c\n".utf8)) }
    }
}
