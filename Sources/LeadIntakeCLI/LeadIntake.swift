import ArgumentParser
import Foundation
import PostgresNIO
import Storage

@main
struct LeadIntake: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lead-intake",
        abstract: "Turns every inquiry a home builder receives into a lead in PostgreSQL.",
        subcommands: [
            Serve.self, Migrate.self, Builders.self, Parse.self, Parsers.self, RoutingCommand.self, Merges.self, Import.self, Leads.self, Inbox.self, Reprocess.self,
        ])

    /// Errors of our own are one line naming what is wrong; never a stack trace.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as CLIError {
            Self.fail(error.description)
        } catch let error as StorageError {
            Self.fail(error.message)
        } catch let error as DeadlineExceeded {
            Self.fail("the database did not answer in time (\(error.limit))")
        } catch let error as PostgresTransactionError {
            Self.fail("database error: \(DatabaseSession.reason(error.closureError ?? error.commitError ?? error.beginError ?? error))")
        } catch let error as PSQLError {
            Self.fail("database error: \(DatabaseSession.reason(error))")
        } catch {
            exit(withError: error)
        }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("lead-intake: error: \(message)\n".utf8))
        Foundation.exit(1)
    }
}
