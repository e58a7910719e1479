import ArgumentParser
import Foundation
import Storage

struct Merges: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The review queue of possible duplicates: list, accept, reject, undo.",
        subcommands: [List.self, Accept.self, Reject.self, Undo.self])

    /// Runs `body` with the merge store of the configured database.
    static func withStore<T: Sendable>(_ global: GlobalOptions, _ body: @escaping @Sendable (MergeStore) async throws -> T) async throws -> T {
        let settings = try global.resolver()
        let logger = try global.makeLogger(settings)
        return try await DatabaseSession.with(try global.databaseLocation(settings), logger: logger) { client in
            try await body(MergeStore(client: client, logger: logger))
        }
    }

    /// A candidate or merge id given on the command line.
    static func id(_ text: String, _ what: String) throws -> UUID {
        guard let id = UUID(uuidString: text) else { throw ValidationError("\(what) '\(text)': expected a UUID") }
        return id
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Possible duplicates waiting for a decision, oldest first.")

        @OptionGroup var global: GlobalOptions

        @Option(help: "Only this builder's (slug).")
        var builder: String?

        @Option(help: "pending (default), accepted, rejected, undone, or all.")
        var status = "pending"

        @Option(help: "At most this many (default 50).")
        var limit = 50

        func validate() throws {
            guard ["pending", "accepted", "rejected", "undone", "all"].contains(self.status) else {
                throw ValidationError("--status '\(self.status)': expected pending, accepted, rejected, undone or all")
            }
        }

        func run() async throws {
            let (builder, status, limit) = (self.builder, self.status == "all" ? nil : self.status, self.limit)
            let rows = try await Merges.withStore(self.global) { try await $0.list(builderSlug: builder, status: status, limit: limit) }
            print(TextTable.render(
                header: ["candidate id", "builder", "new lead", "may be", "score", "status", "why"],
                rows: rows.map {
                    [$0.id.uuidString.lowercased(), $0.builder, "\($0.leadName) (\($0.leadID.uuidString.lowercased().prefix(8)))",
                     "\($0.candidateName) (\($0.candidateLeadID.uuidString.lowercased().prefix(8)))",
                     String(format: "%.2f", $0.score), $0.status, String($0.explanation.prefix(120))]
                }))
        }
    }

    struct Accept: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge a candidate: the newer lead is absorbed into the older one (undoable).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The candidate id from `merges list`.") var id: String

        func run() async throws {
            let id = try Merges.id(self.id, "ID")
            let mergeID = try await Merges.withStore(self.global) { try await $0.accept(id) }
            print("merged (merge \(mergeID.uuidString.lowercased()); `lead-intake merges undo \(self.id)` reverses it)")
        }
    }

    struct Reject: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Keep the two leads apart.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The candidate id from `merges list`.") var id: String

        func run() async throws {
            let id = try Merges.id(self.id, "ID")
            try await Merges.withStore(self.global) { try await $0.reject(id) }
            print("rejected: the leads stay apart")
        }
    }

    struct Undo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Undo an accepted merge: the absorbed lead comes back with everything that moved.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The candidate id (or the merge id) of an accepted merge.") var id: String

        func run() async throws {
            let id = try Merges.id(self.id, "ID")
            try await Merges.withStore(self.global) { try await $0.undo(id) }
            print("undone: both leads are separate again")
        }
    }
}
