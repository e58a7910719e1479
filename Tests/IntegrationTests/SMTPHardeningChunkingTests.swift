import Foundation
import PostgresNIO
import SMTPServer
import Storage
import Testing

@Suite("SMTP hardening: CHUNKING / BDAT (RFC 3030)")
struct SMTPHardeningChunkingTests {
    static let mailAndRcpt = [
        #"send:EHLO client.example\r\n"#, "reply", #"send:MAIL FROM:<a@example.org>\r\n"#, "reply",
        #"send:RCPT TO:<leads@acme.example>\r\n"#, "reply",
    ]

    @Test("pipelined BDAT chunks are answered in order and stored exactly as sent, bare LF and dots included")
    func pipelinedChunks() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                _ = try await Seed.builder(client)
                let first = "From: jane@example.org\r\nSubject: chunked\r\n\r\n"  // 44 octets
                let second = ".leading dot\nbare LF\r\n.\r\n"  // 25 octets
                let lines = try await SMTPTestServer.with(SMTPTestServer.acceptor(builders: client, inbox: client)) { port in
                    try await smtpRaw(port: port, Self.mailAndRcpt + [
                        "send:BDAT \(first.utf8.count)" + #"\r\n"# + Self.escaped(first)
                            + "BDAT \(second.utf8.count) LAST" + #"\r\n"# + Self.escaped(second) + #"NOOP\r\n"#,
                        "replies:3", #"send:QUIT\r\n"#, "eof",
                    ])
                }
                #expect(replyCodes(lines) == ["220", "250", "250", "250", "250", "250", "250", "221", "EOF"], "got: \(lines)")
                #expect(lines[4] == "REPLY 250 2.0.0 \(first.utf8.count) octets received")
                #expect(lines[5].hasPrefix("REPLY 250 2.0.0 OK queued as "))
                let raw = try await SMTPHardeningTests.onlyRaw(client)
                #expect(raw.hasSuffix(first + second), "got: \(raw.debugDescription)")
            }
        }
    }

    @Test("BDAT over the size limit (one chunk, or chunks together) gets 552 5.3.4; a BDAT chunk is never run as commands")
    func sizeLimitAndNoCommands() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                _ = try await Seed.builder(client)
                let lines = try await SMTPTestServer.with(
                    SMTPTestServer.acceptor(builders: client, inbox: client), configure: { $0.maximumMessageSize = 64 * 1024 }
                ) { port in
                    try await smtpRaw(port: port, Self.mailAndRcpt + [
                        #"send:BDAT 70000 LAST\r\n"#, "repeat:70000:x", "reply",
                        #"send:MAIL FROM:<a@example.org>\r\nRCPT TO:<leads@acme.example>\r\n"#, "replies:2",
                        #"send:BDAT 40000\r\n"#, "repeat:40000:y", "reply",
                        #"send:BDAT 40000 LAST\r\n"#, "repeat:40000:z", "reply",
                        // Without a transaction: 503, and the chunk's bytes are not commands.
                        #"send:BDAT 6 LAST\r\nQUIT\r\nNOOP\r\n"#, "replies:2", #"send:QUIT\r\n"#, "eof",
                    ])
                }
                #expect(replyCodes(lines) == ["220", "250", "250", "250", "552", "250", "250", "250", "552", "503", "250", "221", "EOF"],
                        "got: \(lines)")
                #expect(lines[4].hasPrefix("REPLY 552 5.3.4 ") && lines[8].hasPrefix("REPLY 552 5.3.4 "))
                #expect(try await client.scalar("SELECT count(*)::int8 FROM inbound_items") == 0)
            }
        }
    }

    /// `text` with CR and LF written as the escapes `smtp_raw.py` decodes.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\r", with: #"\r"#).replacingOccurrences(of: "\n", with: #"\n"#)
    }
}
