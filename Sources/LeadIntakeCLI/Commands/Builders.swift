import ArgumentParser
import Foundation
import LeadModel
import Storage

struct Builders: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage builders and their intake addresses.", subcommands: [Add.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a builder (if new) and attach an intake address to it.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "Builder slug: lowercase letters, digits and inner hyphens.")
        var slug: String

        @Option(help: "An address inquiries for this builder arrive at, e.g. leads@acme-homes.example.")
        var address: String?

        @Option(help: "Display name (default: the slug).")
        var name: String?

        @Option(help: ArgumentHelp(
            "One of the builder's own addresses (local@domain), or @domain for all of their staff; repeatable.",
            discussion: "Mail from these is the builder's: a reply-all or an outgoing message copied to the intake address is recorded for the person it went to, and none of them is ever taken as a prospect's email."))
        var mailbox: [String] = []

        func validate() throws {
            guard Builder.isValidSlug(self.slug) else {
                throw ValidationError("SLUG '\(self.slug)': use lowercase letters, digits and inner hyphens (1-64 characters)")
            }
            if let address, IntakeAddress(address) == nil {
                throw ValidationError("--address '\(address)': expected local@domain")
            }
            for mailbox in self.mailbox where !BuilderIdentity.isMailbox(mailbox.lowercased()) {
                throw ValidationError("--mailbox '\(mailbox)': expected local@domain or @domain")
            }
        }

        func run() async throws {
            let settings = try self.global.resolver()
            let logger = try self.global.makeLogger(settings)
            let (slug, name, address, mailboxes) = (self.slug, self.name, self.address, self.mailbox)
            let (builder, addresses, own) = try await DatabaseSession.with(try self.global.databaseLocation(settings), logger: logger) {
                client in
                let store = BuilderStore(client: client, logger: logger)
                let builder = try await store.add(slug: slug, name: name, address: address)
                try await store.addMailboxes(mailboxes, to: builder)
                return (builder, try await store.addresses(of: builder), try await store.mailboxes(of: builder.id))
            }
            print("builder \(builder.slug) (\(builder.id.uuidString.lowercased())): \(addresses.joined(separator: ", "))")
            if !own.isEmpty { print("own mailboxes: \(own.joined(separator: ", "))") }
        }
    }
}
