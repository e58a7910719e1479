import ArgumentParser
import Foundation
import Storage

struct Leads: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Look at leads.", subcommands: [List.self, Reviewed.self])

    struct Reviewed: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take leads off the review queue once a person has looked at them (the reasons are kept).")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "Lead ids, as `leads list --needs-review` prints them.")
        var ids: [String]

        func validate() throws {
            guard !self.ids.isEmpty else { throw ValidationError("give at least one lead id") }
            for id in self.ids where UUID(uuidString: id) == nil {
                throw ValidationError("lead id '\(id)': expected a UUID")
            }
        }

        func run() async throws {
            let settings = try self.global.resolver()
            let logger = try self.global.makeLogger(settings)
            let ids = self.ids.compactMap { UUID(uuidString: $0) }
            let cleared = try await DatabaseSession.with(try self.global.databaseLocation(settings), logger: logger) { client in
                try await LeadStore(client: client, logger: logger).markReviewed(ids)
            }
            for id in ids {
                let text = id.uuidString.lowercased()
                print(cleared.contains(id) ? "\(text): reviewed" : "\(text): not on the review queue (no such lead, or not flagged)")
            }
            if cleared.count < Set(ids).count { throw ExitCode(1) }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List leads, newest first.")

        @OptionGroup var global: GlobalOptions

        @Option(help: "Only this builder's leads (slug).")
        var builder: String?

        @Flag(help: "Only leads flagged for a person's review, with the reasons why.")
        var needsReview = false

        @Option(help: "At most this many (default 50).")
        var limit = 50

        @Flag(help: "Print a JSON array instead of a table.")
        var json = false

        func run() async throws {
            let settings = try self.global.resolver()
            let logger = try self.global.makeLogger(settings)
            let (builder, needsReview, limit) = (self.builder, self.needsReview, self.limit)
            let leads = try await DatabaseSession.with(try self.global.databaseLocation(settings), logger: logger) { client in
                try await LeadStore(client: client, logger: logger).list(builderSlug: builder, needingReview: needsReview, limit: limit)
            }
            if self.json {
                try JSONOutput.write(leads)
                return
            }
            print(TextTable.render(
                header: ["created", "builder", "source", "name", "email", "phone", "lead id", "review"],
                rows: leads.map { lead in
                    [TextTable.timestamp(lead.createdAt), lead.builder, lead.source,
                     [lead.firstName, lead.lastName].compactMap { $0 }.joined(separator: " "),
                     lead.email ?? "", lead.phone.map { p in lead.phoneExtension.map { "\(p) x\($0)" } ?? p } ?? "",
                     lead.id.uuidString.lowercased(),
                     lead.needsReview ? (lead.reviewReasons.isEmpty ? "yes" : lead.reviewReasons.joined(separator: "; ")) : ""]
                }))
        }
    }
}
