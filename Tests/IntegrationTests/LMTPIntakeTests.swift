import Foundation
import Intake
import PostgresNIO
import SMTPServer
import Storage
import Testing

@Suite("LMTP intake")
struct LMTPIntakeTests {
    @Test("three recipients, one unknown, two builders: 550 at RCPT, one 250 per accepted recipient, one item per builder")
    func perRecipientReplies() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                _ = try await Seed.builder(client)
                _ = try await Seed.builder(client, slug: "birch-builders", address: "inquiries@birch.example")
                let file = try temporaryFile(makeMessage(index: 1, tag: "lmtp"))
                let lines = try await SMTPTestServer.with(
                    SMTPTestServer.acceptor(builders: client, inbox: client), configure: { $0.dialect = .lmtp }
                ) { port in
                    try await smtpClient(["lmtp", "127.0.0.1", String(port), "sender@example.org",
                                          "leads@acme.example,nobody@acme.example,inquiries@birch.example", file])
                }
                #expect(lines.count == 5, "got: \(lines)")
                #expect(lines[0].hasPrefix("RCPT leads@acme.example 250 2.1.5"))
                #expect(lines[1].hasPrefix("RCPT nobody@acme.example 550 5.1.1"))
                #expect(lines[2].hasPrefix("RCPT inquiries@birch.example 250 2.1.5"))
                #expect(lines[3].hasPrefix("DATA leads@acme.example 250 2.0.0 OK queued as "), "got: \(lines)")
                #expect(lines[4].hasPrefix("DATA inquiries@birch.example 250 2.0.0 OK queued as "), "got: \(lines)")
                let ids = [queuedIDs(lines[3]), queuedIDs(lines[4])].flatMap { $0 }
                #expect(Set(ids).count == 2, "each recipient names its builder's item")
                #expect(try await client.scalar("SELECT count(*)::int8 FROM inbound_items WHERE channel = 'lmtp'") == 2)
                let stored = try #require(try await InboxStore(client: client, logger: TestDatabase.logger).raw(id: ids[0]))
                let trace = String(decoding: stored.prefix(200), as: UTF8.self)
                #expect(trace.hasPrefix("Received: from relay.example ([127.0.0.1])\r\n\tby intake.test (lead-intake) with LMTP\r\n"), "got: \(trace)")
            }
        }
    }

    @Test("Postgres down at the end of data: 451 4.3.0 for every accepted recipient")
    func failurePerRecipient() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                _ = try await Seed.builder(client)
                try await SMTPTestServer.withUnreachableDatabase { dead in
                    let file = try temporaryFile(makeMessage(index: 2, tag: "lmtp-down"))
                    // (The live recipient lookups share the deadline: 1 s let one of them time out
                    // with the suite running on two cores.)
                    let lines = try await SMTPTestServer.with(
                        SMTPTestServer.acceptor(builders: client, inbox: dead, deadline: .seconds(5)), configure: { $0.dialect = .lmtp }
                    ) { port in
                        try await smtpClient(["lmtp", "127.0.0.1", String(port), "sender@example.org",
                                              "leads@acme.example,leads+acme-homes@intake.test", file])
                    }
                    #expect(lines.filter { $0.hasPrefix("DATA ") }.map { $0.split(separator: " ")[2] } == ["451", "451"], "got: \(lines)")
                }
                #expect(try await client.scalar("SELECT count(*)::int8 FROM inbound_items") == 0)
            }
        }
    }

    @Test("serve: --lmtp on a Unix socket, and a self-signed STARTTLS certificate made under --data-dir")
    func gatewayUnixSocketAndSelfSigned() async throws {
        try await TestDatabase.with { db in
            let add = try await TestProcess.run([Repository.binary, "builders", "add", "acme-homes", "--address", "leads@acme.example",
                                                 "--database-url", db.urlString])
            #expect(add.status == 0, "\(add.stderr)")
            let dataDir = FileManager.default.temporaryDirectory.appendingPathComponent("li-lmtp-\(UUID().uuidString.prefix(8))").path
            let socket = "\(dataDir)/lmtp.sock"
            try FileManager.default.createDirectory(atPath: dataDir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: dataDir) }
            let gateway = try await Gateway.start(
                databaseURL: db.urlString, workers: 0, extra: ["--lmtp", "unix:\(socket)", "--data-dir", dataDir, "--hostname", "intake.test"])
            let file = try temporaryFile(makeMessage(index: 3, tag: "lmtp-unix"))
            try await eventually("LMTP socket") { FileManager.default.fileExists(atPath: socket) }
            let lmtp = try await smtpClient(["lmtp", socket, "0", "sender@example.org", "leads@acme.example", file])
            #expect(lmtp.last?.hasPrefix("DATA leads@acme.example 250 2.0.0 OK queued as ") == true, "got: \(lmtp)")
            let tls = try await smtpClient(["starttls", "127.0.0.1", String(gateway.smtpPort), "sender@example.org", "leads@acme.example", file])
            #expect(tls.first?.hasPrefix("TLS TLSv1.") == true, "got: \(tls)")
            #expect(FileManager.default.fileExists(atPath: "\(dataDir)/tls/selfsigned-cert.pem"))
            let keyMode = try FileManager.default.attributesOfItem(atPath: "\(dataDir)/tls/selfsigned-key.pem")[.posixPermissions] as? Int
            #expect(keyMode == 0o600)
            #expect(await gateway.stop() == 0)
            // The LMTP item has no client IP (Unix socket); the STARTTLS one is a re-delivery of it.
            let lmtpItems = try await db.withClient { client in
                try await client.scalar("SELECT count(*)::int8 FROM inbound_items WHERE channel = 'lmtp' AND client_ip IS NULL")
            }
            #expect(lmtpItems == 1)
        }
    }
}
