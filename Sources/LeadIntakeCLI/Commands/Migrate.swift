import ArgumentParser
import Storage

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply pending schema migrations (serve also does this at start).")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let settings = try self.global.resolver()
        let logger = try self.global.makeLogger(settings)
        let applied = try await DatabaseSession.with(try self.global.databaseLocation(settings), logger: logger, migrate: false) {
            client in
            try await Migrator(client: client, logger: logger).migrate()
        }
        print(applied.isEmpty ? "schema is up to date" : "applied migrations: \(applied.map(String.init).joined(separator: ", "))")
    }
}
