import Foundation
import PostgresNIO
import Storage
import Testing

/// The real `lead-intake serve` process: shutdown and a database that goes away mid-session.
@Suite("SMTP hardening: the gateway process under shutdown and database loss")
struct SMTPHardeningGatewayTests {
    @Test("SIGTERM while a session is mid-DATA: the message completes with 250 and is stored, then 421 4.3.2")
    func shutdownMidData() async throws {
        try await TestDatabase.with { db in
            let gateway = try await Gateway.start(databaseURL: db.urlString, extra: ["--demo"])
            let go = FileManager.default.temporaryDirectory.appendingPathComponent("li-go-\(UUID().uuidString)").path
            let client = try TestProcess.start(
                ["python3", Repository.smtpRawScript, "127.0.0.1", String(gateway.smtpPort)]
                    + SMTPHardeningTests.transaction(to: "leads+demo@intake.test")
                    + ["send:" + rawInquiryHeader + #"first half\r\n"#, "waitfile:" + go, "sleep:1",
                       #"send:second half\r\n.\r\n"#, "reply", #"trickle:NOOP\r\n"#, "eof"])
            try await eventually("354 received") { client.stdout.contains("REPLY 354") }
            gateway.process.signal(SIGTERM)
            _ = FileManager.default.createFile(atPath: go, contents: nil)
            #expect(await client.wait(timeout: .seconds(30)) == 0)
            #expect(await gateway.process.wait(timeout: .seconds(40)) == 0, "stderr: \(gateway.process.stderr)")
            let lines = client.stdout.split(separator: "\n").map(String.init)
            #expect(replyCodes(lines) == ["220", "250", "250", "250", "354", "250", "421", "EOF"], "got: \(lines)")
            #expect(lines.count > 6 && lines[6].hasPrefix("REPLY 421 4.3.2 "))
            try await db.withClient { client in
                #expect(try await client.scalar("SELECT count(*)::int8 FROM inbound_items") == 1)
                let raw = try await SMTPHardeningTests.onlyRaw(client)
                #expect(raw.contains("first half\r\nsecond half\r\n"))
            }
        }
    }

    @Test("database stopped mid-session: 451 4.3.0, nothing half-stored; after a restart 250, and the retry is no duplicate")
    func databaseStoppedMidSession() async throws {
        try await EmbeddedPostgresTests.withCluster { cluster, root in
            try await cluster.start()
            let url = cluster.databaseURL.description
            let gateway = try await Gateway.start(databaseURL: url, workers: 0, extra: ["--demo"])
            let stopped = root + "/go-stopped", restarted = root + "/go-restarted"
            let client = try TestProcess.start(
                ["python3", Repository.smtpRawScript, "127.0.0.1", String(gateway.smtpPort)]
                    + SMTPHardeningTests.transaction(to: "leads+demo@intake.test")
                    + ["send:" + rawInquiryHeader + #"message one\r\n.\r\n"#, "reply",
                       #"send:MAIL FROM:<a@example.org>\r\n"#, "reply", #"send:RCPT TO:<leads+demo@intake.test>\r\n"#, "reply",
                       "waitfile:" + stopped,
                       #"send:DATA\r\n"#, "reply", "send:" + rawInquiryHeader + #"message two\r\n.\r\n"#, "reply",
                       "waitfile:" + restarted,
                       #"send:MAIL FROM:<a@example.org>\r\n"#, "reply", #"send:RCPT TO:<leads+demo@intake.test>\r\n"#, "reply",
                       #"send:DATA\r\n"#, "reply", "send:" + rawInquiryHeader + #"message three\r\n.\r\n"#, "reply",
                       // The sender retries the message that got 451.
                       #"send:MAIL FROM:<a@example.org>\r\n"#, "reply", #"send:RCPT TO:<leads+demo@intake.test>\r\n"#, "reply",
                       #"send:DATA\r\n"#, "reply", "send:" + rawInquiryHeader + #"message two\r\n.\r\n"#, "reply",
                       #"send:QUIT\r\n"#, "eof"])
            try await eventually(timeout: .seconds(30), "first message and the next RCPT answered") {
                client.stdout.split(separator: "\n").count >= 8
            }
            await cluster.stop()
            _ = FileManager.default.createFile(atPath: stopped, contents: nil)
            try await eventually(timeout: .seconds(30), "second message answered") {
                client.stdout.split(separator: "\n").count >= 10
            }
            try await cluster.start()
            _ = FileManager.default.createFile(atPath: restarted, contents: nil)
            #expect(await client.wait(timeout: .seconds(60)) == 0)
            let lines = client.stdout.split(separator: "\n").map(String.init)
            #expect(replyCodes(lines) == ["220", "250", "250", "250", "354", "250", "250", "250", "354", "451",
                                          "250", "250", "354", "250", "250", "250", "354", "250", "221", "EOF"], "got: \(lines)")
            #expect(lines.count > 9 && lines[9].hasPrefix("REPLY 451 4.3.0 "))
            #expect(await gateway.stop() == 0, "stderr: \(gateway.process.stderr)")
            try await TestDatabase.withClient(cluster.databaseURL) { (client: PostgresClient) async throws in
                // Messages one and three, and message two exactly once: either its retry stored it, or
                // (the store outlived the 451 deadline and committed once the database was back) the
                // retry was recognised as a re-delivery. Never half of it, never twice.
                let stored = try await client.scalar("SELECT count(*)::int8 FROM inbound_items")
                #expect(stored == 3)
                let second = try await client.scalar(
                    "SELECT count(*)::int8 FROM inbound_items WHERE position('message two\r\n'::bytea in raw) > 0")
                #expect(second == 1, "the message answered 451 is stored once, whole, after its retry")
            }
        }
    }
}
