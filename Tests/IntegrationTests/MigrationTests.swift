import Logging
import PostgresNIO
import Storage
import Testing

@Suite("Migrations")
struct MigrationTests {
    @Test("an empty database gets every table, recorded in schema_migrations")
    func fromEmpty() async throws {
        try await TestDatabase.with(migrated: false) { db in
            try await db.withClient { client in
                let applied = try await Migrator(client: client, logger: TestDatabase.logger).migrate()
                #expect(applied == Migration.all.map(\.version))
                for table in ["builders", "intake_addresses", "inbound_items", "leads", "lead_activities", "schema_migrations"] {
                    let exists = try await client.scalar("SELECT count(*)::int8 FROM pg_tables WHERE tablename = \(table)")
                    #expect(exists == 1, "table \(table) missing")
                }
                let recorded = try await client.scalar("SELECT count(*)::int8 FROM schema_migrations")
                #expect(recorded == Migration.all.count)
            }
        }
    }

    @Test("running migrations again applies nothing and changes nothing")
    func idempotentRerun() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                let second = try await Migrator(client: client, logger: TestDatabase.logger).migrate()
                #expect(second.isEmpty)
                #expect(try await client.scalar("SELECT count(*)::int8 FROM schema_migrations") == Migration.all.count)
            }
        }
    }

    @Test("two processes migrating at once apply each migration exactly once")
    func concurrentMigrate() async throws {
        try await TestDatabase.with(migrated: false) { db in
            // Two separate pools: two sessions racing for the advisory lock, like two
            // gateway processes starting together.
            async let first = db.withClient { try await Migrator(client: $0, logger: TestDatabase.logger).migrate() }
            async let second = db.withClient { try await Migrator(client: $0, logger: TestDatabase.logger).migrate() }
            let results = try await [first, second]
            #expect(results.flatMap { $0 }.sorted() == Migration.all.map(\.version))
            let recorded = try await db.withClient { try await $0.scalar("SELECT count(*)::int8 FROM schema_migrations") }
            #expect(recorded == Migration.all.count)
        }
    }

    @Test("two `lead-intake migrate` processes started together both succeed")
    func concurrentMigrateProcesses() async throws {
        try await TestDatabase.with(migrated: false) { db in
            let a = try TestProcess.start([Repository.binary, "migrate", "--database-url", db.urlString])
            let b = try TestProcess.start([Repository.binary, "migrate", "--database-url", db.urlString])
            #expect(await a.wait(timeout: .seconds(60)) == 0, "first migrate failed: \(a.stderr)")
            #expect(await b.wait(timeout: .seconds(60)) == 0, "second migrate failed: \(b.stderr)")
            let outputs = [a.stdout, b.stdout].sorted()
            #expect(outputs.contains { $0.contains("applied migrations: 1") })
            #expect(outputs.contains { $0.contains("schema is up to date") })
        }
    }
}
