public import ArgumentParser
import Foundation
import Storage

struct Inbox: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Look at stored inbound items.", subcommands: [List.self, Search.self, Show.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List inbound items, newest first.")

        @OptionGroup var global: GlobalOptions

        @Option(help: "Only items in this status: queued, processing, done, ignored or failed.")
        var status: ItemStatus?

        @Option(help: "At most this many (default 50).")
        var limit = 50

        func run() async throws {
            let settings = try self.global.resolver()
            let logger = try self.global.makeLogger(settings)
            let (status, limit) = (self.status, self.limit)
            let items = try await DatabaseSession.with(try self.global.databaseLocation(settings), logger: logger) { client in
                try await InboxStore(client: client, logger: logger).list(status: status, limit: limit)
            }
            print(Inbox.table(items))
        }
    }

    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find items whose raw message contains TEXT (ASCII case-insensitive).")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "Text to look for, e.g. a sender's name or address.")
        var text: String

        @Flag(help: "Print only the number of matching items.")
        var count = false

        @Option(help: "At most this many (default 50).")
        var limit = 50

        func validate() throws {
            guard !self.text.isEmpty else { throw ValidationError("TEXT must not be empty") }
        }

        func run() async throws {
            let settings = try self.global.resolver()
            let logger = try self.global.makeLogger(settings)
            let (text, count, limit) = (self.text, self.count, self.limit)
            let output = try await DatabaseSession.with(try self.global.databaseLocation(settings), logger: logger) { client in
                let inbox = InboxStore(client: client, logger: logger)
                if count { return String(try await inbox.count(matching: text)) }
                return Inbox.table(try await inbox.search(text, limit: limit))
            }
            print(output)
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one stored item.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The item id (as in '250 2.0.0 OK queued as ID').")
        var id: String

        @Flag(help: "Write the stored message bytes to stdout exactly as received.")
        var raw = false

        func run() async throws {
            guard let uuid = UUID(uuidString: self.id) else { throw CLIError("ID '\(self.id)' is not an item id (a UUID)") }
            let settings = try self.global.resolver()
            let logger = try self.global.makeLogger(settings)
            let bytes = try await DatabaseSession.with(try self.global.databaseLocation(settings), logger: logger) { client in
                try await InboxStore(client: client, logger: logger).raw(id: uuid)
            }
            guard let bytes else { throw CLIError("no inbound item \(self.id)") }
            if self.raw {
                FileHandle.standardOutput.write(Data(bytes))
            } else {
                print("item \(self.id): \(bytes.count) bytes; use --raw to print them")
            }
        }
    }

    static func table(_ items: [InboxSummary]) -> String {
        TextTable.render(
            header: ["received", "builder", "channel", "status", "tries", "bytes", "item id", "lead id", "note"],
            rows: items.map { item in
                [TextTable.timestamp(item.receivedAt), item.builderSlug, item.channel, item.status.rawValue,
                 String(item.attempts), String(item.size), item.id.uuidString.lowercased(),
                 item.leadID?.uuidString.lowercased() ?? "", String((item.note ?? "").prefix(80))]
            })
    }
}

extension ItemStatus: ExpressibleByArgument {}
