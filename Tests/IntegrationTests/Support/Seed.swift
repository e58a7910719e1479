import Foundation
import Logging
import PostgresNIO
import Storage

/// Builders and items for queue tests, written through the real stores.
enum Seed {
    static func builder(_ client: PostgresClient, slug: String = "acme-homes", address: String? = "leads@acme.example") async throws -> Builder {
        try await BuilderStore(client: client, logger: TestDatabase.logger).add(slug: slug, name: nil, address: address)
    }

    static func items(_ client: PostgresClient, builder: Builder, count: Int, tag: String = UUID().uuidString) async throws -> [UUID] {
        let inbox = InboxStore(client: client, logger: TestDatabase.logger)
        var ids: [UUID] = []
        for index in 0..<count {
            let accepted = try await inbox.accept(
                InboundMessage(channel: .smtp, raw: makeMessage(index: index, tag: tag), mailFrom: "jane@example.org"),
                for: [(builder, ["leads@acme.example"])])
            ids.append(accepted[0].id)
        }
        return ids
    }
}
