import ArgumentParser
import Foundation
import Storage

struct Leads: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Look at leads.", subcommands: [List.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List leads, newest first.")

        @OptionGroup var global: GlobalOptions

        @Option(help: "Only this builder's leads (slug).")
        var builder: String?

        @Option(help: "At most this many (default 50).")
        var limit = 50

        @Flag(help: "Print a JSON array instead of a table.")
        var json = false

        func run() async throws {
            let settings = try self.global.resolver()
            let logger = try self.global.makeLogger(settings)
            let (builder, limit) = (self.builder, self.limit)
            let leads = try await DatabaseSession.with(try self.global.databaseLocation(settings), logger: logger) { client in
                try await LeadStore(client: client, logger: logger).list(builderSlug: builder, limit: limit)
            }
            if self.json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                encoder.dateEncodingStrategy = .iso8601
                FileHandle.standardOutput.write(try encoder.encode(leads))
                FileHandle.standardOutput.write(Data("\n".utf8))
                return
            }
            print(TextTable.render(
                header: ["created", "builder", "source", "name", "email", "phone", "lead id"],
                rows: leads.map { lead in
                    [TextTable.timestamp(lead.createdAt), lead.builder, lead.source,
                     [lead.firstName, lead.lastName].compactMap { $0 }.joined(separator: " "),
                     lead.email ?? "", lead.phone.map { p in lead.phoneExtension.map { "\(p) x\($0)" } ?? p } ?? "",
                     lead.id.uuidString.lowercased()]
                }))
        }
    }
}
