import Foundation
import PostgresNIO
import Storage
import Testing

/// The built `lead-intake` binary as a user runs it.
@Suite("lead-intake serve, end to end")
struct GatewayProcessTests {
    @Test("an inquiry sent over SMTP by a real client becomes a lead row; health and metrics say so")
    func smtpToLead() async throws {
        try await TestDatabase.with(migrated: false) { db in
            let gateway = try await Gateway.start(databaseURL: db.urlString, extra: ["--demo"])
            #expect(gateway.process.stdout.contains("demo builder intake addresses: demo@intake.test, leads+demo@intake.test"))
            let lines = try await smtpSend(
                port: gateway.smtpPort, to: ["leads+demo@intake.test"],
                files: [Repository.root.appendingPathComponent("fixtures/email/gmail-forward.eml").path])
            #expect(lines.first?.hasPrefix("OK 0 250 2.0.0 OK queued as") == true, "got \(lines)")

            try await db.withClient { client in
                try await eventually("lead written") {
                    try await client.scalar("SELECT count(*)::int8 FROM leads") == 1
                }
                for try await (first, last, email, phone, source) in try await client.query(
                    "SELECT first_name, last_name, email, phone, source FROM leads"
                ).decode((String?, String?, String?, String?, String).self) {
                    // The forwarded original's sender, never the builder who forwarded it.
                    #expect(first == "David")
                    #expect(last == "Chen")
                    #expect(email == "dchen@example.org")
                    #expect(phone == "+17375550188")
                    #expect(source == "direct_inquiry")
                }
                #expect(try await client.scalar("SELECT count(*)::int8 FROM lead_activities WHERE kind = 'inbound_email'") == 1)
            }

            let health = try await gateway.get("/healthz")
            #expect(health.status == 200)
            #expect(health.body.contains(#""database":"reachable""#))
            let metrics = try await gateway.get("/metrics")
            #expect(metrics.status == 200)
            #expect(metrics.body.contains(#"lead_intake_items_accepted_total{channel="smtp"} 1"#))
            #expect(metrics.body.contains(#"lead_intake_items_processed_total{outcome="lead"} 1"#))
            #expect(metrics.body.contains(#"lead_intake_queue_depth{status="queued"} 0"#))

            let list = try await TestProcess.run([Repository.binary, "leads", "list", "--database-url", db.urlString, "--json"])
            #expect(list.status == 0)
            #expect(list.stdout.contains(#""email" : "dchen@example.org""#))
            #expect(await gateway.stop() == 0, "graceful stop failed: \(gateway.process.stderr)")
        }
    }

    @Test("kill -9 during a stream of messages: every message that got a 250 is stored once and processed once")
    func crashSafety() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in _ = try await Seed.builder(client) }
            let total = 400
            let first = try await Gateway.start(databaseURL: db.urlString, extra: ["--lease-seconds", "2"])
            let sender = try TestProcess.start([
                "python3", Repository.smtpClientScript, "stream", "127.0.0.1", String(first.smtpPort),
                "sender@example.org", "leads@acme.example", String(total), "crash", "60",
            ])
            // Let some messages through and some be processed, then pull the plug.
            try await eventually("some messages acknowledged") {
                sender.stdout.split(separator: "\n").filter { $0.hasPrefix("OK") }.count >= 60
            }
            first.process.signal(SIGKILL)
            #expect(await first.process.wait(timeout: .seconds(10)) == 128 + SIGKILL)

            let second = try await Gateway.start(
                databaseURL: db.urlString, smtpPort: first.smtpPort, extra: ["--lease-seconds", "2"])
            #expect(await sender.wait(timeout: .seconds(120)) == 0, "sender failed: \(sender.stderr)")

            let results = sender.stdout.split(separator: "\n")
            let acknowledged = results.filter { $0.hasPrefix("OK") }.compactMap { line -> (Int, UUID)? in
                let parts = line.split(separator: " ")
                guard let index = Int(parts[1]), let id = queuedIDs(String(line)).first else { return nil }
                return (index, id)
            }
            #expect(!results.contains { $0.hasPrefix("GAVEUP") })
            #expect(acknowledged.count >= total - 5, "most messages must be acknowledged: \(acknowledged.count)")

            try await db.withClient { client in
                try await eventually(timeout: .seconds(60), "queue drained after restart") {
                    try await client.scalar(
                        "SELECT count(*)::int8 FROM inbound_items WHERE status IN ('queued', 'processing')") == 0
                }
                for (index, id) in acknowledged {
                    let stored = try await client.scalar(
                        "SELECT count(*)::int8 FROM inbound_items WHERE message_id = \("crash-\(index)@test.example")")
                    #expect(stored == 1, "message \(index) stored \(stored) times")
                    let done = try await client.scalar(
                        "SELECT count(*)::int8 FROM inbound_items WHERE id = \(id) AND status = 'done' AND lead_id IS NOT NULL")
                    #expect(done == 1, "message \(index) not processed")
                }
                // Processed exactly once: one lead and one activity per stored item.
                let items = try await client.scalar("SELECT count(*)::int8 FROM inbound_items")
                #expect(try await client.scalar("SELECT count(*)::int8 FROM leads") == items)
                #expect(try await client.scalar("SELECT count(*)::int8 FROM lead_activities") == items)
                #expect(try await client.scalar("SELECT count(*)::int8 FROM inbound_items WHERE status <> 'done'") == 0)
            }
            #expect(await second.stop() == 0)
        }
    }

    @Test("SIGTERM: an idle SMTP session is told 421 4.3.2, the process exits cleanly")
    func gracefulShutdown() async throws {
        try await TestDatabase.with { db in
            let gateway = try await Gateway.start(databaseURL: db.urlString)
            let client = try TestProcess.start(["python3", Repository.smtpClientScript, "hold", "127.0.0.1", String(gateway.smtpPort)])
            try await eventually("session open") { client.stdout.contains("READY") }
            let started = ContinuousClock.now
            #expect(await gateway.stop() == 0, "stderr: \(gateway.process.stderr)")
            #expect(ContinuousClock.now - started < .seconds(10), "an idle session must not hold up shutdown")
            #expect(await client.wait(timeout: .seconds(10)) == 0)
            #expect(client.stdout.contains("GOT 421 4.3.2"), "client saw: \(client.stdout) \(client.stderr)")
            #expect(!Gateway.canConnect(port: gateway.smtpPort), "the listener must be closed")
        }
    }

    @Test("bad options and files fail with one line naming the culprit and a non-zero exit")
    func clearErrors() async throws {
        let cases: [([String], String)] = [
            (["serve", "--smtp", "nonsense"], "--smtp: expected HOST:PORT"),
            (["serve", "--workers", "1000", "--database-url", "postgres://u@127.0.0.1:1/x"], "--workers: expected a whole number"),
            (["leads", "list", "--database-url", "mysql://x"], "--database-url: expected postgres://"),
            (["parse", "/nonexistent/file.eml"], "cannot read /nonexistent/file.eml"),
            (["reprocess", "--database-url", "postgres://u@127.0.0.1:1/x"], "exactly one of --id ID or --status STATUS"),
            (["leads", "list", "--database-url", "postgres://u@127.0.0.1:\(freePort())/x?sslmode=disable"], "cannot connect to PostgreSQL"),
        ]
        for (arguments, expected) in cases {
            let result = try await TestProcess.run([Repository.binary] + arguments)
            #expect(result.status != 0, "\(arguments) should fail")
            #expect(result.stderr.contains(expected), "\(arguments): stderr was \(result.stderr)")
            #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack dump"))
        }
        let config = try temporaryFile(Array("smtp = 127.0.0.1:2525\nlisten = 1\n".utf8), suffix: ".conf")
        let result = try await TestProcess.run([Repository.binary, "serve", "--config", config])
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(config):2: unknown setting 'listen'"), "stderr was \(result.stderr)")
        let env = try await TestProcess.run([Repository.binary, "serve"], environment: ["LEAD_INTAKE_HTTP": "8080"])
        #expect(env.stderr.contains("LEAD_INTAKE_HTTP: expected HOST:PORT"), "stderr was \(env.stderr)")
    }

    @Test("operator commands: builders add, inbox list, inbox search, inbox show --raw, reprocess")
    func operatorCommands() async throws {
        try await TestDatabase.with { db in
            let url = db.urlString
            let add = try await TestProcess.run([Repository.binary, "builders", "add", "acme-homes", "--address", "Leads@Acme.example", "--database-url", url])
            #expect(add.status == 0, "\(add.stderr)")
            #expect(add.stdout.contains("builder acme-homes"))
            let taken = try await TestProcess.run([Repository.binary, "builders", "add", "other", "--address", "leads@acme.example", "--database-url", url])
            #expect(taken.status != 0)
            #expect(taken.stderr.contains("already belongs to another builder"))

            let gateway = try await Gateway.start(databaseURL: url, workers: 0)
            let message = makeMessage(index: 1, tag: "ops", from: "Maria Alvarez <maria.alvarez@example.net>")
            let lines = try await smtpSend(port: gateway.smtpPort, to: ["leads@acme.example"], files: [try temporaryFile(message)])
            let line = try #require(lines.first)
            let id = try #require(queuedIDs(line).first).uuidString.lowercased()

            let count = try await TestProcess.run([Repository.binary, "inbox", "search", "maria.ALVAREZ@", "--count", "--database-url", url])
            #expect(count.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
            let none = try await TestProcess.run([Repository.binary, "inbox", "search", "Mrs. Alvarez", "--count", "--database-url", url])
            #expect(none.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
            let found = try await TestProcess.run([Repository.binary, "inbox", "search", "ALVAREZ", "--database-url", url])
            #expect(found.stdout.contains(id))
            let raw = try await TestProcess.run([Repository.binary, "inbox", "show", id, "--raw", "--database-url", url])
            // The trace header the gateway prepends, then the bytes as received.
            #expect(raw.stdout.hasPrefix("Received: from tests.example ([127.0.0.1])\r\n"))
            #expect(Array(raw.stdout.utf8.suffix(message.count)) == message)
            let queued = try await TestProcess.run([Repository.binary, "inbox", "list", "--status", "queued", "--database-url", url])
            #expect(queued.stdout.contains(id))
            let requeue = try await TestProcess.run([Repository.binary, "reprocess", "--id", id, "--database-url", url])
            #expect(requeue.stdout.contains("requeued 1 item"))
            let missing = try await TestProcess.run([Repository.binary, "reprocess", "--id", UUID().uuidString, "--database-url", url])
            #expect(missing.status != 0)
            #expect(missing.stderr.contains("no inbound item"))
            #expect(await gateway.stop() == 0)
        }
    }
}
