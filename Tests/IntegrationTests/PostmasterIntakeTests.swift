import Foundation
import Intake
import PostgresNIO
import Storage
import Testing

/// RFC 5321 4.5.1: a mail server must accept mail to postmaster at every domain it serves,
/// and `RCPT TO:<Postmaster>` with no domain. The gateway keeps it for its operator (the
/// reserved postmaster builder) and never reads it as a lead.
@Suite("Mail to postmaster")
struct PostmasterIntakeTests {
    @Test("postmaster at an intake domain, at a builder's domain and with no domain is accepted; at other domains it is not")
    func accepted() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                _ = try await Seed.builder(client)
                let lines = try await SMTPTestServer.with(SMTPTestServer.acceptor(builders: client, inbox: client)) { port in
                    try await smtpRaw(port: port, [
                        #"send:EHLO client.example\r\n"#, "reply", #"send:MAIL FROM:<mailer-daemon@example.org>\r\n"#, "reply",
                        #"send:RCPT TO:<Postmaster>\r\n"#, "reply",
                        #"send:RCPT TO:<postmaster@ACME.example>\r\n"#, "reply",
                        #"send:RCPT TO:<postmaster@intake.test>\r\n"#, "reply",
                        #"send:RCPT TO:<postmaster@elsewhere.example>\r\n"#, "reply",
                        #"send:RCPT TO:<postmaster+x@intake.test>\r\n"#, "reply",
                        #"send:DATA\r\n"#, "reply",
                        "send:" + #"From: mailer-daemon@example.org\r\nTo: postmaster@acme.example\r\nSubject: abuse report\r\n\r\nhello\r\n.\r\nQUIT\r\n"#,
                        "reply", "reply", "eof",
                    ])
                }
                #expect(replyCodes(lines) == ["220", "250", "250", "250", "250", "250", "550", "550", "354", "250", "221", "EOF"], "got: \(lines)")
                #expect(lines[6].hasPrefix("REPLY 550 5.1.1 "), "the gateway relays nothing: postmaster at a domain it does not serve")
                var stored: [(String, Int64)] = []
                for try await row in try await client.query("""
                    SELECT b.slug, cardinality(i.rcpt_to)::int8 FROM inbound_items i JOIN builders b ON b.id = i.builder_id
                    """).decode((String, Int64).self) { stored.append(row) }
                #expect(stored.map(\.0) == ["postmaster"], "one item, for the reserved postmaster builder, not for acme-homes")
                #expect(stored.first?.1 == 3)
            }
        }
    }

    @Test("a worker keeps postmaster mail as ignored with its reason; it never becomes a lead, even when it reads like one")
    func neverALead() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                let postmaster = Builder(id: Builder.postmasterID, slug: "postmaster", name: "Postmaster")
                let raw = """
                    From: Dana Whitfield <dana.whitfield@example.com>\r
                    To: postmaster@acme.example\r
                    Subject: Custom home\r
                    Message-ID: <postmaster-1@example.com>\r
                    \r
                    We want to build a custom home on our lot in Dripping Springs, budget $900k. Call me at (512) 555-0187.\r

                    """
                _ = try await InboxStore(client: client, logger: TestDatabase.logger).accept(
                    InboundMessage(channel: .smtp, raw: Array(raw.utf8), mailFrom: "dana.whitfield@example.com"),
                    for: [(postmaster, ["postmaster@acme.example"])])
                var configuration = WorkerPool.Configuration()
                configuration.workers = 1
                let pool = WorkerPool(
                    configuration: configuration, queue: InboxQueue(client: client, logger: TestDatabase.logger),
                    leads: LeadStore(client: client, logger: TestDatabase.logger), processor: Repository.processor,
                    metrics: IntakeMetrics(), logger: TestDatabase.logger)
                #expect(try await pool.drain() == 1)
                #expect(try await client.scalar("SELECT count(*)::int8 FROM leads") == 0)
                var items: [(String, String?)] = []
                for try await row in try await client.query("SELECT status, ignored_reason FROM inbound_items")
                    .decode((String, String?).self) { items.append(row) }
                #expect(items.count == 1)
                #expect(items.first?.0 == "ignored")
                #expect(items.first?.1?.hasPrefix("mail to postmaster") == true, "got: \(String(describing: items.first?.1))")
            }
        }
    }
}
