import ArgumentParser
import Foundation
import Intake
import Storage

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring a builder's existing leads in from a CSV, through the same normalisation, deduplication and routing.",
        discussion: """
            Columns are mapped by header name: first_name/last_name or name, email, phone, street or \
            address, city, state, zip or postal_code, source, created_at or received_at (also project_type, \
            budget, timeline, notes). Other columns are ignored and named in a warning. A file without a \
            name, email or phone column is refused before anything is written. Nothing is acknowledged \
            to anyone. --report writes one line per row: row, lead_id, action (created, merged, review, \
            related, skipped), matched_lead_id, score.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var matching: MatchingOptions

    @Option(help: "The builder's slug.")
    var builder: String

    @Option(help: "The CSV file.")
    var csv: String

    @Option(help: "Write the per-row report (CSV) here.")
    var report: String?

    @Option(help: "Rows per transaction (default 500).")
    var batch = 500

    func validate() throws {
        guard (1...10_000).contains(self.batch) else { throw ValidationError("--batch \(self.batch): use 1 to 10000") }
    }

    func run() async throws {
        let started = ContinuousClock.now
        guard let data = FileManager.default.contents(atPath: self.csv) else {
            throw CLIError("--csv \(self.csv): cannot read the file")
        }
        let records: [CSVReader.Record]
        do {
            records = try CSVReader.records(Array(data))
        } catch {
            throw CLIError("\(self.csv): \(error)")
        }
        guard let header = records.first else { throw CLIError("\(self.csv): the file is empty") }
        let columns: ImportColumns
        do {
            columns = try ImportColumns(header: header.fields)
        } catch {
            throw CLIError("\(self.csv): \(error)")
        }
        if !columns.ignored.isEmpty {
            Self.warn("\(self.csv): columns ignored (not known): \(columns.ignored.joined(separator: ", "))")
        }
        var rows: [ImportRow] = []
        var warnings = 0
        for (position, record) in records.dropFirst().enumerated() {
            let row = ImportRow(row: position + 1, line: record.line, fields: record.fields, columns: columns)
            for warning in row.warnings {
                warnings += 1
                if warnings <= 20 { Self.warn("\(self.csv):\(row.line): \(warning)") }
            }
            rows.append(row)
        }
        if warnings > 20 { Self.warn("\(self.csv): \(warnings - 20) more warnings") }
        var reportHandle: FileHandle?
        if let report = self.report {
            guard FileManager.default.createFile(atPath: report, contents: Data("row,lead_id,action,matched_lead_id,score\n".utf8)),
                  let handle = FileHandle(forWritingAtPath: report)
            else { throw CLIError("--report \(report): cannot write the file") }
            handle.seekToEndOfFile()
            reportHandle = handle
        }

        let settings = try self.global.resolver()
        let logger = try self.global.makeLogger(settings)
        let thresholds = try self.matching.thresholds(settings)
        let (slug, batchSize, total) = (self.builder, self.batch, rows.count)
        let allRows = rows
        let handle = reportHandle
        let counts = try await DatabaseSession.with(try self.global.databaseLocation(settings), logger: logger) { client in
            guard let builder = try await BuilderStore(client: client, logger: logger).find(slug: slug) else {
                throw CLIError("--builder \(slug): no such builder")
            }
            let importer = BulkImporter(client: client, logger: logger, thresholds: thresholds)
            var counts: [String: Int] = [:]
            var done = 0
            var lastProgress = ContinuousClock.now
            var index = 0
            while index < allRows.count {
                let slice = allRows[index..<min(index + batchSize, allRows.count)]
                index += slice.count
                var lines: [(row: Int, text: String)] = []
                let usable = slice.filter(\.hasIdentity)
                for row in slice where !row.hasIdentity {
                    counts["skipped", default: 0] += 1
                    lines.append((row.row, "\(row.row),,skipped,,\n"))
                }
                let outcomes = try await importer.importBatch(
                    usable.map { BulkImporter.Input(row: $0.row, lead: $0.lead, createdAt: $0.createdAt) }, builderID: builder.id)
                for outcome in outcomes {
                    counts[outcome.action, default: 0] += 1
                    lines.append((outcome.row, "\(outcome.row),\(outcome.leadID.uuidString.lowercased()),\(outcome.action),"
                        + "\(outcome.matchedLeadID?.uuidString.lowercased() ?? ""),\(outcome.score.map { String(format: "%.3f", $0) } ?? "")\n"))
                }
                handle?.write(Data(lines.sorted { $0.row < $1.row }.map(\.text).joined().utf8))
                done += slice.count
                if ContinuousClock.now - lastProgress > .seconds(2) || done == total {
                    lastProgress = ContinuousClock.now
                    let seconds = Self.seconds(ContinuousClock.now - started)
                    Self.warn(String(format: "imported %d of %d rows (%.0f rows/s)", done, total, Double(done) / max(seconds, 0.001)), label: "progress")
                }
            }
            return counts
        }
        try reportHandle?.close()
        let seconds = Self.seconds(ContinuousClock.now - started)
        let summary = ["created", "merged", "review", "related", "skipped"].map { "\(counts[$0] ?? 0) \($0)" }.joined(separator: ", ")
        print(String(format: "%d rows in %.1f s (%.0f rows/s): %@", total, seconds, Double(total) / max(seconds, 0.001), summary))
    }

    static func warn(_ text: String, label: String = "warning") {
        FileHandle.standardError.write(Data("\(label): \(text)\n".utf8))
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
