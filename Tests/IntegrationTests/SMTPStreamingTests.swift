import Foundation
import PostgresNIO
import SMTPServer
import Storage
import Testing

@Suite("SMTP streaming: large messages go to the store as they arrive, never whole in memory")
struct SMTPStreamingTests {
    static let envelope = [
        #"send:EHLO client.example\r\n"#, "reply", #"send:MAIL FROM:<a@example.org>\r\n"#, "reply",
        #"send:RCPT TO:<leads@acme.example>\r\n"#, "reply", #"send:DATA\r\n"#, "reply",
    ]
    static let header = #"From: jane@example.org\r\nMessage-ID: <big-1@example.org>\r\nSubject: Plans\r\n\r\n"#
    /// 100-octet lines; the leading dot is stuffing and must be removed exactly.
    static let line = #"..plan "# + String(repeating: "z", count: 91) + #"\r\n"#

    @Test("a 1 MB message streamed through a 4 KiB spool is stored byte for byte, the spool is emptied, and the same message sent whole is a duplicate of it")
    func streamedAndDeduplicated() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                _ = try await Seed.builder(client)
                let steps = Self.envelope + ["send:" + Self.header, "repeat:10000:" + Self.line, #"send:.\r\n"#, "reply",
                                             #"send:QUIT\r\n"#, "reply"]
                let acceptor = SMTPTestServer.acceptor(builders: client, inbox: client)
                let streamed = try await SMTPTestServer.with(acceptor, configure: { $0.streamingThreshold = 4096 }) { port in
                    try await smtpRaw(port: port, steps)
                }
                let whole = try await SMTPTestServer.with(acceptor) { port in try await smtpRaw(port: port, steps) }
                #expect(replyCodes(streamed) == ["220", "250", "250", "250", "354", "250", "221"], "got \(streamed)")
                let first = queuedIDs(streamed.first { $0.hasPrefix("REPLY 250 2.0.0 OK queued") } ?? "")
                let second = queuedIDs(whole.first { $0.hasPrefix("REPLY 250 2.0.0 OK queued") } ?? "")
                #expect(first.count == 1 && first == second, "re-delivery of a streamed message is recognised: \(first) \(second)")

                let raw = try await SMTPHardeningTests.onlyRaw(client)
                let expectedBody = String(repeating: ".plan " + String(repeating: "z", count: 91) + "\r\n", count: 10_000)
                #expect(raw.hasSuffix("Subject: Plans\r\n\r\n" + expectedBody), "stored size \(raw.utf8.count)")
                #expect(raw.hasPrefix("Received: from client.example"))
                #expect(try await client.scalar("SELECT count(*)::int8 FROM inbound_spool") == 0)
                #expect(try await client.scalar("SELECT size::int8 FROM inbound_items") == raw.utf8.count)
            }
        }
    }

    @Test("a connection dropped mid-DATA after chunks were spooled stores nothing and leaves no chunk behind")
    func droppedMidData() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                _ = try await Seed.builder(client)
                let acceptor = SMTPTestServer.acceptor(builders: client, inbox: client)
                try await SMTPTestServer.with(acceptor, configure: { $0.streamingThreshold = 4096 }) { port in
                    async let output = smtpRaw(port: port, Self.envelope + [
                        "send:" + Self.header, "repeat:3000:" + Self.line, "sleep:3", "close",
                    ])
                    // While the client is still mid-message, its chunks are already in the store.
                    var spooled = 0
                    for _ in 0..<60 where spooled == 0 {
                        spooled = try await client.scalar("SELECT count(*)::int8 FROM inbound_spool")
                        if spooled == 0 { try await Task.sleep(for: .milliseconds(50)) }
                    }
                    #expect(spooled > 0, "chunks are written while the message arrives")
                    _ = try await output
                    var left = spooled
                    for _ in 0..<100 where left > 0 {
                        try await Task.sleep(for: .milliseconds(50))
                        left = try await client.scalar("SELECT count(*)::int8 FROM inbound_spool")
                    }
                    #expect(left == 0, "the dropped session's chunks are discarded")
                }
                #expect(try await client.scalar("SELECT count(*)::int8 FROM inbound_items") == 0)
            }
        }
    }

    @Test("a spool write that fails mid-message: the rest is read, the client gets 451 4.3.0, nothing is stored; then a retry succeeds")
    func spoolFailure() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                _ = try await Seed.builder(client)
                let acceptor = SMTPTestServer.acceptor(builders: client, inbox: client)
                let steps = Self.envelope + ["send:" + Self.header, "repeat:500:" + Self.line, #"send:.\r\n"#, "reply",
                                             #"send:NOOP\r\n"#, "reply", #"send:QUIT\r\n"#, "reply"]
                try await client.query("ALTER TABLE inbound_spool RENAME TO inbound_spool_away")
                let failed = try await SMTPTestServer.with(acceptor, configure: { $0.streamingThreshold = 4096 }) { port in
                    try await smtpRaw(port: port, steps)
                }
                try await client.query("ALTER TABLE inbound_spool_away RENAME TO inbound_spool")
                #expect(replyCodes(failed) == ["220", "250", "250", "250", "354", "451", "250", "221"], "got \(failed)")
                #expect(failed.contains { $0.hasPrefix("REPLY 451 4.3.0 ") })
                #expect(try await client.scalar("SELECT count(*)::int8 FROM inbound_items") == 0)

                let retried = try await SMTPTestServer.with(acceptor, configure: { $0.streamingThreshold = 4096 }) { port in
                    try await smtpRaw(port: port, steps)
                }
                #expect(replyCodes(retried) == ["220", "250", "250", "250", "354", "250", "250", "221"], "got \(retried)")
                #expect(try await client.scalar("SELECT count(*)::int8 FROM inbound_items") == 1)
                #expect(try await client.scalar("SELECT count(*)::int8 FROM inbound_spool") == 0)
            }
        }
    }
}
