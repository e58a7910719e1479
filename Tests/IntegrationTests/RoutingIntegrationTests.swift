import Foundation
import Intake
import PostgresNIO
import Routing
import Storage
import Testing

@Suite("Routing in Postgres: rules stored per builder, turns shared by every worker, decisions explained")
struct RoutingIntegrationTests {
    static let roundRobin = """
        managers:
          - {key: ana, name: Ana Ruiz}
          - {key: ben, name: Ben Cho}
          - {key: cal, name: Cal Dunn}
          - {key: dee, name: Dee Park, active: false}
        rules:
          - name: texas
            when: {states: [TX]}
            managers: [ana, ben, cal, dee]
            strategy: round_robin
        fallback: {managers: [ana], strategy: fixed}
        """

    @Test("two worker pools (six workers) route 90 new leads round-robin: 30 each, the inactive manager none, every decision explained")
    func roundRobinUnderConcurrentWorkers() async throws {
        try await TestDatabase.with { db in
            let total = 90
            try await db.withClient { client in
                let builder = try await Seed.builder(client)
                try await RoutingStore(client: client, logger: TestDatabase.logger)
                    .load(try RoutingRules(yaml: Self.roundRobin, file: "test.yaml"), builderID: builder.id, sourceFile: "test.yaml")
                _ = try await Seed.items(client, builder: builder, count: total)
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for name in ["pool-a", "pool-b"] {
                    group.addTask {
                        try await db.withClient { client in
                            try await InboxQueueTests.pool(client, workers: 3, name: name).run()
                        }
                    }
                }
                try await db.withClient { client in
                    try await eventually("all items processed") {
                        try await client.scalar("SELECT count(*)::int8 FROM inbound_items WHERE status = 'done'") == total
                    }
                }
                group.cancelAll()
            }
            try await db.withClient { client in
                #expect(try await client.scalar("SELECT count(*)::int8 FROM leads") == total)
                var perManager: [String: Int] = [:]
                for try await (manager, count) in try await client.query(
                    "SELECT coalesce(assigned_manager, '-'), count(*)::int8 FROM leads GROUP BY 1"
                ).decode((String, Int).self) {
                    perManager[manager] = count
                }
                #expect(perManager == ["ana": 30, "ben": 30, "cal": 30], "got \(perManager)")
                #expect(try await client.scalar("SELECT value::int8 FROM routing_counters WHERE rule = 'texas'") == total)
                #expect(try await client.scalar(
                    "SELECT count(*)::int8 FROM routing_decisions WHERE rule = 'texas' AND explanation LIKE '%round-robin%'") == total)
                #expect(try await client.scalar(
                    "SELECT count(*)::int8 FROM leads l JOIN project_managers m ON m.id = l.assigned_to AND m.key = l.assigned_manager") == total,
                    "assigned_to points at the project manager row")
            }
        }
    }

    @Test("`routing load` rejects a bad file with its line; `routing explain` prints the decision and writes nothing")
    func loadAndExplainCommands() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in _ = try await Seed.builder(client) }
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("routing-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let bad = dir.appendingPathComponent("bad.yaml")
            try Data("managers:\n  - {key: ana, name: Ana}\nrules:\n  - name: x\n    managers: [zed]\n    strategy: fixed\nfallback: {managers: [ana], strategy: fixed}\n".utf8).write(to: bad)
            let refused = try await TestProcess.run([Repository.binary, "routing", "load", "--database-url", db.urlString,
                                                     "--builder", "acme-homes", bad.path])
            #expect(refused.status != 0 && refused.stderr.contains("bad.yaml:5:"), "\(refused.stderr)")

            let good = dir.appendingPathComponent("rules.yaml")
            try Data(Self.roundRobin.utf8).write(to: good)
            let loaded = try await TestProcess.run([Repository.binary, "routing", "load", "--database-url", db.urlString,
                                                    "--builder", "acme-homes", good.path])
            #expect(loaded.status == 0, "\(loaded.stderr)")
            let email = Repository.root.appendingPathComponent("parsers/fixtures/houzz/new-lead-custom-home.eml").path
            let explained = try await TestProcess.run([Repository.binary, "routing", "explain", "--database-url", db.urlString,
                                                       "--builder", "acme-homes", email])
            #expect(explained.status == 0, "\(explained.stderr)")
            #expect(explained.stdout.contains("manager: "), "\(explained.stdout)")
            try await db.withClient { (client: PostgresClient) async throws in
                #expect(try await client.scalar("SELECT count(*)::int8 FROM routing_decisions") == 0)
                #expect(try await client.scalar("SELECT count(*)::int8 FROM routing_counters") == 0)
                #expect(try await client.scalar("SELECT count(*)::int8 FROM project_managers WHERE active") == 3)
            }
        }
    }
}
