import ArgumentParser
import Foundation
import LeadModel
import Storage

struct Builders: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage builders and their intake addresses.", subcommands: [Add.self, List.self, RemoveMailbox.self])

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

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Every builder with its intake addresses and own mailboxes.")

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let settings = try self.global.resolver()
            let logger = try self.global.makeLogger(settings)
            let all = try await DatabaseSession.with(try self.global.databaseLocation(settings), logger: logger) { client in
                try await BuilderStore(client: client, logger: logger).all()
            }
            for (builder, addresses, mailboxes) in all {
                var line = "\(builder.slug)\t\(builder.name)\t\(builder.id.uuidString.lowercased())"
                line += "\tintake: " + (addresses.isEmpty ? "-" : addresses.joined(separator: ", "))
                line += "\town mailboxes: " + (mailboxes.isEmpty ? "-" : mailboxes.joined(separator: ", "))
                print(line)
            }
        }
    }

    struct RemoveMailbox: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove-mailbox",
            abstract: "Forget some of a builder's own mailboxes (added with builders add --mailbox).",
            discussion: "Nothing is removed unless every one named is recorded for the builder.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "Builder slug.")
        var slug: String

        @Argument(help: "Mailboxes to remove: local@domain or @domain, as added.")
        var mailboxes: [String]

        func validate() throws {
            guard Builder.isValidSlug(self.slug) else {
                throw ValidationError("SLUG '\(self.slug)': use lowercase letters, digits and inner hyphens (1-64 characters)")
            }
            guard !self.mailboxes.isEmpty else { throw ValidationError("name at least one mailbox to remove") }
        }

        func run() async throws {
            let settings = try self.global.resolver()
            let logger = try self.global.makeLogger(settings)
            let (slug, mailboxes) = (self.slug, self.mailboxes)
            let left = try await DatabaseSession.with(try self.global.databaseLocation(settings), logger: logger) { client in
                let store = BuilderStore(client: client, logger: logger)
                guard let builder = try await store.find(slug: slug) else {
                    throw StorageError(.notFound, "no builder '\(slug)' (lead-intake builders list)")
                }
                try await store.removeMailboxes(mailboxes, from: builder)
                return try await store.mailboxes(of: builder.id)
            }
            print("own mailboxes of \(slug): \(left.isEmpty ? "none" : left.joined(separator: ", "))")
        }
    }
}
