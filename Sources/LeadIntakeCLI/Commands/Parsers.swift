import ArgumentParser
import Extraction
import Foundation
import Storage
import YAMLFiles

struct Parsers: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Work with the source specs in parsers/.",
        subcommands: [Test.self, Suggestions.self])

    struct Test: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run every spec against its fixtures and print a pass/fail table.",
            discussion: """
                Each parsers/fixtures/SPEC/NAME.eml goes through the whole extractor (detection \
                included) and must give exactly NAME.expected.json. Exits 1 when any fixture fails.
                """)

        @OptionGroup var specs: ParserSpecsOption

        @Option(help: "Only these specs (comma-separated file stems).")
        var only: String?

        @Flag(help: "Rewrite every expected file with the actual output (review the diff before committing).")
        var update = false

        func run() async throws {
            let directory = try self.specs.resolve(nil)
            let only = self.only.map { Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) }
            let results: [SpecFixtureResult]
            do {
                results = try SpecFixtureRunner.run(directory: directory, update: self.update, only: only)
            } catch let error as SpecError {
                throw CLIError("invalid parser spec: \(error.description)")
            }
            // (Every spec has a row, fixtures or not.)
            guard !results.isEmpty else { throw ParserSpecsOption.noSpec(in: directory) }
            var rows: [[String]] = []
            for result in results {
                let detail: String
                if result.passed {
                    detail = ""
                } else if let problem = result.problem {
                    detail = problem
                } else {
                    detail = "\(result.differingKey ?? "?"): expected \(result.expected ?? "null"), got \(result.actual ?? "null")"
                }
                rows.append([result.spec, result.fixture, result.passed ? "pass" : "FAIL", String(detail.prefix(160))])
            }
            print(TextTable.render(header: ["spec", "fixture", "result", "difference"], rows: rows))
            let failed = results.filter { !$0.passed }.count
            let specCount = Set(results.map(\.spec)).count
            print("\(results.count - failed) of \(results.count) fixtures pass across \(specCount) specs (\(directory.path))")
            if failed > 0 { throw ExitCode(1) }
        }
    }

    struct Suggestions: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Unknown ('other') sources seen often enough to deserve a spec, most leads first.",
            discussion: """
                A source is suggested when one builder has had --suggest-source-after leads (default 3) \
                of the same unknown sender domain or lead_source meta value. The latest item's message \
                (lead-intake inbox show ID --raw) is the first fixture of the spec to write.
                """)

        @OptionGroup var global: GlobalOptions

        @Option(help: "Only this builder's (slug).")
        var builder: String?

        @Flag(help: "Print a JSON array instead of a table.")
        var json = false

        func run() async throws {
            let settings = try self.global.resolver()
            let logger = try self.global.makeLogger(settings)
            let builder = self.builder
            let suggestions = try await DatabaseSession.with(try self.global.databaseLocation(settings), logger: logger) { client in
                try await LeadStore(client: client, logger: logger).sourceSuggestions(builderSlug: builder)
            }
            if self.json {
                try JSONOutput.write(suggestions)
                return
            }
            print(TextTable.render(
                header: ["suggested", "builder", "source detail", "leads", "latest item id"],
                rows: suggestions.map {
                    [TextTable.timestamp($0.suggestedAt), $0.builder, $0.sourceDetail, String($0.leadCount),
                     $0.latestItemID?.uuidString.lowercased() ?? ""]
                }))
        }
    }
}
