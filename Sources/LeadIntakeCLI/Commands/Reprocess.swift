import ArgumentParser
import Foundation
import Storage

struct Reprocess: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Put items back in the queue (after a parser fix, or once a failure's cause is gone).",
        discussion: "A reprocessed item updates the lead it made before; it never makes a second one.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "One item, by id.")
    var id: String?

    @Option(help: "Every item in this status (usually failed).")
    var status: ItemStatus?

    func validate() throws {
        guard (self.id == nil) != (self.status == nil) else {
            throw ValidationError("give exactly one of --id ID or --status STATUS")
        }
        if let id, UUID(uuidString: id) == nil { throw ValidationError("--id '\(id)' is not an item id (a UUID)") }
    }

    func run() async throws {
        let settings = try self.global.resolver()
        let logger = try self.global.makeLogger(settings)
        let (id, status) = (self.id.flatMap(UUID.init(uuidString:)), self.status)
        let count = try await DatabaseSession.with(try self.global.databaseLocation(settings), logger: logger) { client in
            let queue = InboxQueue(client: client, logger: logger)
            if let id { return try await queue.reprocess(id: id) ? 1 : 0 }
            return try await queue.reprocess(status: status!)
        }
        if let id, count == 0 { throw CLIError("--id: no inbound item \(id.uuidString.lowercased())") }
        print("requeued \(count) item\(count == 1 ? "" : "s")")
    }
}
