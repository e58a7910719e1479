import Foundation
import Intake
import NIOCore
import PostgresNIO
import SMTPServer
import Storage
import Testing

@Suite("SMTP intake against PostgreSQL")
struct SMTPIntakeTests {
    @Test("a message answered 250 is committed, byte for byte, even when no worker runs")
    func storedBeforeAcknowledged() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                _ = try await Seed.builder(client)
                let message = makeMessage(index: 7, tag: "no-worker")
                let file = try temporaryFile(message)
                let lines = try await SMTPTestServer.with(SMTPTestServer.acceptor(builders: client, inbox: client)) { port in
                    try await smtpSend(port: port, to: ["Leads@ACME.example"], files: [file])
                }
                let line = try #require(lines.first)
                #expect(line.hasPrefix("OK 0 250 2.0.0 OK queued as "), "got: \(line)")
                let id = try #require(queuedIDs(line).first)
                let stored = try #require(try await InboxStore(client: client, logger: TestDatabase.logger).raw(id: id))
                // Our Received: header, then the message exactly as sent (dot-stuffing undone exactly).
                #expect(String(decoding: stored.prefix(15), as: UTF8.self) == "Received: from ")
                #expect(Array(stored.suffix(message.count)) == message, "stored bytes differ from the message sent")
                for try await (status, mailFrom, rcpt, helo, messageID) in try await client.query(
                    "SELECT status, mail_from, rcpt_to, helo, message_id FROM inbound_items WHERE id = \(id)"
                ).decode((String, String?, [String], String?, String?).self) {
                    #expect(status == "queued")
                    #expect(mailFrom == "sender@example.org")
                    #expect(rcpt == ["Leads@ACME.example"], "recipients are kept as the client wrote them")
                    #expect(helo == "tests.example")
                    #expect(messageID == "no-worker-7@test.example")
                }
            }
        }
    }

    @Test("unknown recipients get 550 5.1.1 at RCPT; plus addresses reach the builder by slug")
    func recipientResolution() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                _ = try await Seed.builder(client)
                let file = try temporaryFile(makeMessage(index: 1, tag: "rcpt"))
                let acceptor = SMTPTestServer.acceptor(builders: client, inbox: client)
                let (unknown, plus, wrongDomain) = try await SMTPTestServer.with(acceptor) { port in
                    (try await smtpSend(port: port, to: ["nobody@acme.example"], files: [file]),
                     try await smtpSend(port: port, to: ["Leads+ACME-Homes@intake.test"], files: [file]),
                     try await smtpSend(port: port, to: ["leads+acme-homes@elsewhere.example"], files: [file]))
                }
                #expect(unknown.first?.hasPrefix("ERR 0 550 5.1.1") == true, "got: \(unknown)")
                #expect(plus.first?.hasPrefix("OK 0 250 2.0.0") == true, "got: \(plus)")
                #expect(wrongDomain.first?.hasPrefix("ERR 0 550 5.1.1") == true, "got: \(wrongDomain)")
                #expect(try await client.scalar("SELECT count(*)::int8 FROM inbound_items") == 1)
            }
        }
    }

    @Test("a per-domain catch-all takes unknown local parts of its domain only; exact addresses still win")
    func catchAll() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                _ = try await Seed.builder(client)
                _ = try await Seed.builder(client, slug: "birch-builders", address: "*@birch.example")
                _ = try await Seed.builder(client, slug: "cedar", address: "sales@birch.example")
                let builders = BuilderStore(client: client, logger: TestDatabase.logger)
                func owner(_ address: String) async throws -> String? {
                    try await builders.resolve(IntakeAddress(address)!, intakeDomains: ["intake.test"])?.slug
                }
                #expect(try await owner("Anyone@Birch.example") == "birch-builders")
                #expect(try await owner("sales@birch.example") == "cedar")
                #expect(try await owner("anyone@other.example") == nil)
                #expect(try await owner("leads+acme-homes@intake.test") == "acme-homes")
            }
        }
    }

    @Test("a message for two builders is stored once per builder; a re-delivery is a no-op")
    func perBuilderAndRedelivery() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                _ = try await Seed.builder(client)
                _ = try await Seed.builder(client, slug: "birch-builders", address: "inquiries@birch.example")
                let file = try temporaryFile(makeMessage(index: 2, tag: "multi"))
                let acceptor = SMTPTestServer.acceptor(builders: client, inbox: client)
                let (first, again) = try await SMTPTestServer.with(acceptor) { port in
                    let recipients = ["leads@acme.example", "inquiries@birch.example", "leads+acme-homes@intake.test"]
                    return (try await smtpSend(port: port, to: recipients, files: [file]),
                            try await smtpSend(port: port, to: recipients, files: [file]))
                }
                let firstIDs = queuedIDs(try #require(first.first))
                #expect(firstIDs.count == 2)
                #expect(Set(queuedIDs(try #require(again.first))) == Set(firstIDs), "re-delivery must name the stored items")
                #expect(try await client.scalar("SELECT count(*)::int8 FROM inbound_items") == 2)
                let acmeRcpts = try await client.scalar(
                    "SELECT cardinality(rcpt_to)::int8 FROM inbound_items i JOIN builders b ON b.id = i.builder_id WHERE b.slug = 'acme-homes'")
                #expect(acmeRcpts == 2)
            }
        }
    }

    @Test("Postgres unreachable: 451 4.3.0 at RCPT, nothing stored")
    func unreachableAtRecipient() async throws {
        try await SMTPTestServer.withUnreachableDatabase { dead in
            let file = try temporaryFile(makeMessage(index: 3, tag: "down"))
            let lines = try await SMTPTestServer.with(SMTPTestServer.acceptor(builders: dead, inbox: dead, deadline: .seconds(1))) { port in
                try await smtpSend(port: port, to: ["leads@acme.example"], files: [file])
            }
            #expect(lines.first?.hasPrefix("ERR 0 451 4.3.0") == true, "got: \(lines)")
        }
    }

    @Test("Postgres gone when the message ends: 451 4.3.0 after DATA, nothing half-stored")
    func unreachableAtData() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                _ = try await Seed.builder(client)
                try await SMTPTestServer.withUnreachableDatabase { dead in
                    let file = try temporaryFile(makeMessage(index: 4, tag: "down-at-data"))
                    // (The live recipient lookup shares the deadline: long enough for a loaded machine.)
                    let acceptor = SMTPTestServer.acceptor(builders: client, inbox: dead, deadline: .seconds(5))
                    let lines = try await SMTPTestServer.with(acceptor) { port in
                        try await smtpSend(port: port, to: ["leads@acme.example"], files: [file])
                    }
                    #expect(lines.first?.hasPrefix("ERR 0 451 4.3.0") == true, "got: \(lines)")
                }
                #expect(try await client.scalar("SELECT count(*)::int8 FROM inbound_items") == 0)
            }
        }
    }

    @Test("a message over the size limit gets 552 5.3.4 and is not stored; the session goes on")
    func sizeLimit() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                _ = try await Seed.builder(client)
                var big = makeMessage(index: 5, tag: "big")
                big.append(contentsOf: Array(repeating: UInt8(ascii: "x"), count: 70_000))
                big.append(contentsOf: Array("\r\n".utf8))
                let files = [try temporaryFile(big), try temporaryFile(makeMessage(index: 6, tag: "small"))]
                let lines = try await SMTPTestServer.with(
                    SMTPTestServer.acceptor(builders: client, inbox: client), configure: { $0.maximumMessageSize = 64 * 1024 }
                ) { port in
                    try await smtpSend(port: port, to: ["leads@acme.example"], files: files)
                }
                #expect(lines.count == 2)
                #expect(lines.first?.hasPrefix("ERR 0 552 5.3.4") == true, "got: \(lines)")
                #expect(lines.last?.hasPrefix("OK 1 250") == true, "got: \(lines)")
                #expect(try await client.scalar("SELECT count(*)::int8 FROM inbound_items") == 1)
            }
        }
    }
}
