import Foundation
import Intake
import PostgresNIO
import SMTPServer
import Storage
import Testing

@Suite("SMTPUTF8 and raw UTF-8 headers")
struct SMTPUTF8Tests {
    static func utf8Message(tag: String) -> [UInt8] {
        let text = """
            From: José Núñez <josé@example.org>
            To: ventas@acme.example
            Subject: Casa nueva — ¿precio? 見積もり
            Message-ID: <\(tag)@test.example>
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8

            Hola, queremos construir en Austin. Llámenme al (512) 555-0142.

            """
        return Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
    }

    @Test("SMTPUTF8 on MAIL with a UTF-8 sender and raw UTF-8 headers: 250, stored byte for byte")
    func utf8Envelope() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                _ = try await Seed.builder(client)
                let message = Self.utf8Message(tag: "utf8-envelope")
                let file = try temporaryFile(message)
                let lines = try await SMTPTestServer.with(SMTPTestServer.acceptor(builders: client, inbox: client)) { port in
                    try await smtpClient(["send-utf8", "127.0.0.1", String(port), "josé@example.org", "leads@acme.example", file])
                }
                let line = try #require(lines.first)
                #expect(line.hasPrefix("OK 0 250 2.0.0"), "got: \(lines)")
                let id = try #require(queuedIDs(line).first)
                let stored = try #require(try await InboxStore(client: client, logger: TestDatabase.logger).raw(id: id))
                #expect(Array(stored.suffix(message.count)) == message)
                #expect(String(decoding: stored, as: UTF8.self).contains(" with UTF8SMTP\r\n"))
                for try await mailFrom in try await client.query("SELECT mail_from FROM inbound_items WHERE id = \(id)").decode(String?.self) {
                    #expect(mailFrom == "josé@example.org")
                }
            }
        }
    }

    @Test("raw UTF-8 headers without SMTPUTF8 (plain smtplib) are accepted too, never 451")
    func utf8HeadersWithoutExtension() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                _ = try await Seed.builder(client)
                let file = try temporaryFile(Self.utf8Message(tag: "utf8-plain"))
                let lines = try await SMTPTestServer.with(SMTPTestServer.acceptor(builders: client, inbox: client)) { port in
                    try await smtpSend(port: port, to: ["leads@acme.example"], files: [file])
                }
                #expect(lines.first?.hasPrefix("OK 0 250 2.0.0") == true, "got: \(lines)")
            }
        }
    }

    @Test("a UTF-8 intake address resolves case-insensitively; without SMTPUTF8 it is 553 5.6.7")
    func utf8Recipient() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                _ = try await Seed.builder(client, slug: "munoz", address: "ventas.muñoz@acme.example")
                let file = try temporaryFile(Self.utf8Message(tag: "utf8-rcpt"))
                let (declared, undeclared) = try await SMTPTestServer.with(SMTPTestServer.acceptor(builders: client, inbox: client)) { port in
                    (try await smtpClient(["send-utf8", "127.0.0.1", String(port), "a@example.org", "Ventas.Muñoz@acme.example", file]),
                     try await smtpClient(["raw", "127.0.0.1", String(port), "EHLO tests.example", "MAIL FROM:<a@example.org>",
                                           "RCPT TO:<ventas.muñoz@acme.example>"]))
                }
                #expect(declared.first?.hasPrefix("OK 0 250") == true, "got: \(declared)")
                #expect(undeclared.last?.hasPrefix("REPLY 553 5.6.7") == true, "got: \(undeclared)")
            }
        }
    }
}
