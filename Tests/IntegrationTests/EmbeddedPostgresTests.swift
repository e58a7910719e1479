import Foundation
import Logging
import PostgresNIO
import Storage
import Testing

@Suite("Embedded PostgreSQL")
struct EmbeddedPostgresTests {
    static func withCluster(_ body: (EmbeddedPostgres, String) async throws -> Void) async throws {
        // Under /tmp: every parent must be enterable by the postgres user when we are root.
        let root = "/tmp/li-embedded-\(UUID().uuidString.prefix(8))"
        let cluster = EmbeddedPostgres(
            configuration: .init(root: root, binDirectory: ProcessInfo.processInfo.environment["LEAD_INTAKE_TEST_PG_BIN"]),
            logger: TestDatabase.logger)
        do {
            try await body(cluster, root)
        } catch {
            await cluster.stop()
            try? FileManager.default.removeItem(atPath: root)
            throw error
        }
        await cluster.stop()
        try? FileManager.default.removeItem(atPath: root)
    }

    static func canQuery(_ cluster: EmbeddedPostgres) async throws -> Bool {
        try await TestDatabase.withClient(cluster.databaseURL) { client in
            try await client.scalar("SELECT 1::int8") == 1
        }
    }

    @Test("creates the cluster once, listens only on its private socket, and restarts on the same data")
    func createAndRestart() async throws {
        try await Self.withCluster { cluster, root in
            #expect(try await cluster.start() == .started)
            #expect(try await Self.canQuery(cluster))
            try await TestDatabase.withClient(cluster.databaseURL) { client in
                try await client.query("CREATE TABLE kept (id int)")
                #expect(try await client.scalar("SELECT count(*)::int8 FROM pg_settings WHERE name = 'listen_addresses' AND setting = ''") == 1)
            }
            let mode = try FileManager.default.attributesOfItem(atPath: root + "/run")[.posixPermissions] as? Int
            #expect(mode == 0o700, "the socket directory must be private")
            #expect(try await cluster.start() == .alreadyRunning(pid: try #require(cluster.runningPostmaster())))
            await cluster.stop()
            #expect(cluster.runningPostmaster() == nil)
            #expect(try await cluster.start() == .started)
            let kept = try await TestDatabase.withClient(cluster.databaseURL) { client in
                try await client.scalar("SELECT count(*)::int8 FROM pg_tables WHERE tablename = 'kept'")
            }
            #expect(kept == 1, "data must survive a restart")
        }
    }

    @Test("recovers from a stale postmaster.pid left by a crash, also when its PID now belongs to another program")
    func stalePidFile() async throws {
        try await Self.withCluster { cluster, root in
            try await cluster.start()
            let pid = try #require(cluster.runningPostmaster())
            // A crash of the whole server: the postmaster dies without cleaning up.
            kill(pid, SIGKILL)
            try await eventually("postmaster gone") { kill(pid, 0) != 0 }
            let pidFile = root + "/pg/postmaster.pid"
            #expect(FileManager.default.fileExists(atPath: pidFile), "kill -9 leaves the lock file behind")
            // Children of the killed postmaster exit shortly after it.
            try await Task.sleep(for: .milliseconds(500))

            // Worse: the PID in the file is now some other live program (this test process).
            var text = try String(contentsOfFile: pidFile, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            text[0] = Substring(String(getpid()))
            try text.joined(separator: "\n").write(toFile: pidFile, atomically: false, encoding: .utf8)

            #expect(try await cluster.start() == .started)
            #expect(try await Self.canQuery(cluster))
        }
    }
}
