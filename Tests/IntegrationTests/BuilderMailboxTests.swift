import Foundation
import Intake
import LeadModel
import PostgresNIO
import Storage
import Testing

/// A builder's own mailboxes, stored and handed to extraction by the workers: the builder's
/// outgoing mail copied to the intake address is recorded for its recipient.
@Suite("Builder mailboxes")
struct BuilderMailboxTests {
    @Test("stored lowercase, refused without a domain, and read back with the intake addresses")
    func storedAndRead() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                let store = BuilderStore(client: client, logger: TestDatabase.logger)
                let builder = try await Seed.builder(client)
                try await store.addMailboxes(["Tom@SummitRidgeHomes.example", "@summitridge.example", "tom@summitridgehomes.example"], to: builder)
                await #expect(throws: StorageError.self) { try await store.addMailboxes(["summitridge"], to: builder) }
                #expect(try await store.mailboxes(of: builder.id) == ["@summitridge.example", "tom@summitridgehomes.example"])
                let identity = try await store.identity(of: builder.id, intakeDomains: ["intake.localhost"])
                #expect(identity.isOwn("someone@summitridge.example") && identity.isIntake("leads@acme.example")
                        && identity.isIntake("leads+acme-homes@intake.localhost"))
            }
        }
    }

    @Test("a worker reads the item's builder's mailboxes: the builder's copied outgoing mail is a lead for its recipient")
    func workerUsesTheBuildersMailboxes() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                let store = BuilderStore(client: client, logger: TestDatabase.logger)
                let builder = try await Seed.builder(client)
                try await store.addMailboxes(["tom@summitridgehomes.example"], to: builder)
                let raw = """
                    From: Tom Bradley <tom@summitridgehomes.example>\r
                    To: Jessica Moreno <jmoreno.atx@example.com>\r
                    Subject: Great meeting you at the home show\r
                    Message-ID: <outgoing-1@summitridgehomes.example>\r
                    Content-Type: text/plain; charset=utf-8\r
                    \r
                    Jessica, here is our brochure.\r
                    \r
                    Tom Bradley, Summit Ridge Homes, (512) 555-0199\r

                    """
                _ = try await InboxStore(client: client, logger: TestDatabase.logger).accept(
                    InboundMessage(channel: .smtp, raw: Array(raw.utf8), mailFrom: "tom@summitridgehomes.example"),
                    for: [(builder, ["leads@acme.example"])])
                var configuration = WorkerPool.Configuration()
                configuration.workers = 1
                let pool = WorkerPool(
                    configuration: configuration, queue: InboxQueue(client: client, logger: TestDatabase.logger),
                    leads: LeadStore(client: client, logger: TestDatabase.logger), processor: Repository.processor,
                    metrics: IntakeMetrics(), logger: TestDatabase.logger,
                    identity: { id in try await store.identity(of: id, intakeDomains: []) })
                #expect(try await pool.drain() == 1)
                for try await (email, phone, reviewReasons) in try await client.query(
                    "SELECT email, phone, review_reasons FROM leads").decode((String?, String?, [String]).self)
                {
                    #expect(email == "jmoreno.atx@example.com")
                    #expect(phone == nil, "the builder's own phone is not hers")
                    #expect(reviewReasons.first?.hasPrefix("the builder's own message") == true)
                }
                #expect(try await client.scalar("SELECT count(*)::int8 FROM leads") == 1)
                #expect(try await client.scalar(
                    "SELECT count(*)::int8 FROM lead_contact_channels WHERE value = 'tom@summitridgehomes.example'") == 0)
            }
        }
    }
}
