import Foundation
import PostgresNIO
import SMTPServer
import Storage
import Testing

@Suite("SMTP hardening: pipelining, dropped connections, concurrency")
struct SMTPHardeningSessionTests {
    @Test("a pipelined batch (MAIL, RCPT x3, DATA in one write) is answered in order, then the message is stored per builder")
    func pipelinedBatch() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                _ = try await Seed.builder(client)
                _ = try await Seed.builder(client, slug: "victim-homes", address: "victim@acme.example")
                let lines = try await SMTPTestServer.with(SMTPTestServer.acceptor(builders: client, inbox: client)) { port in
                    try await smtpRaw(port: port, [
                        #"send:EHLO client.example\r\n"#, "reply",
                        #"send:MAIL FROM:<a@example.org>\r\nRCPT TO:<leads@acme.example>\r\nRCPT TO:<nobody@acme.example>\r\nRCPT TO:<victim@acme.example>\r\nDATA\r\n"#,
                        "replies:5",
                        "send:" + rawInquiryHeader + #"pipelined\r\n.\r\nQUIT\r\n"#, "reply", "eof",
                    ])
                }
                #expect(replyCodes(lines) == ["220", "250", "250", "250", "550", "250", "354", "250", "221", "EOF"], "got: \(lines)")
                #expect(lines[4].hasPrefix("REPLY 550 5.1.1 "))
                #expect(try await client.scalar("SELECT count(*)::int8 FROM inbound_items") == 2)
            }
        }
    }

    @Test("a connection dropped mid-DATA stores nothing; the next session is unaffected")
    func droppedMidData() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                _ = try await Seed.builder(client)
                try await SMTPTestServer.with(SMTPTestServer.acceptor(builders: client, inbox: client)) { port in
                    let dropped = try await smtpRaw(port: port, SMTPHardeningTests.transaction(to: "leads@acme.example") + [
                        "send:" + rawInquiryHeader + #"the first half\r\n"#, "sleep:0.3", "close",
                    ])
                    #expect(replyCodes(dropped) == ["220", "250", "250", "250", "354"], "got: \(dropped)")
                    let next = try await smtpRaw(port: port, SMTPHardeningTests.transaction(to: "leads@acme.example") + [
                        "send:" + rawInquiryHeader + #"complete\r\n.\r\nQUIT\r\n"#, "reply", "eof",
                    ])
                    #expect(replyCodes(next) == ["220", "250", "250", "250", "354", "250", "221", "EOF"], "got: \(next)")
                }
                #expect(try await client.scalar("SELECT count(*)::int8 FROM inbound_items") == 1)
                let raw = try await SMTPHardeningTests.onlyRaw(client)
                #expect(raw.contains("complete\r\n") && !raw.contains("the first half"))
            }
        }
    }

    @Test("200 concurrent sessions each deliver one message: all 250, each stored once")
    func twoHundredConcurrentSessions() async throws {
        try await TestDatabase.with { db in
            try await db.withClient(maximumConnections: 16) { client in
                _ = try await Seed.builder(client)
                let lines = try await SMTPTestServer.with(
                    SMTPTestServer.acceptor(builders: client, inbox: client),
                    configure: { $0.maximumConnectionsPerClient = 250 }
                ) { port in
                    try await smtpRaw(port: port, ["parallel", "200", "leads@acme.example", "c200"], timeout: .seconds(180))
                }
                #expect(lines.count == 200)
                let refused = lines.filter { !$0.contains(" 250 2.0.0 OK queued as ") }
                #expect(refused.isEmpty, "not accepted: \(refused.prefix(5))")
                #expect(try await client.scalar("SELECT count(*)::int8 FROM inbound_items") == 200)
                #expect(try await client.scalar("SELECT count(DISTINCT sha256)::int8 FROM inbound_items") == 200)
            }
        }
    }
}
