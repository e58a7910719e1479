import Foundation
import Intake
import PostgresNIO
import SMTPServer
import Storage
import Testing

/// Runs the raw-socket client (`smtp_raw.py`) and returns its output lines.
func smtpRaw(port: Int, _ steps: [String], timeout: Duration = .seconds(60), sourceLocation: SourceLocation = #_sourceLocation) async throws -> [String] {
    let result = try await TestProcess.run(
        ["python3", Repository.smtpRawScript, "127.0.0.1", String(port)] + steps, timeout: timeout)
    #expect(result.status == 0, "raw client failed: \(result.stderr)", sourceLocation: sourceLocation)
    return result.stdout.split(separator: "\n").map(String.init)
}

/// The reply codes in `smtp_raw.py` output ("EOF" stays as is).
func replyCodes(_ lines: [String]) -> [String] {
    lines.map { $0.hasPrefix("REPLY ") ? String($0.dropFirst("REPLY ".count).prefix(3)) : $0 }
}

/// The raw message lines (escaped for `smtp_raw.py`) of a small inquiry.
let rawInquiryHeader = #"From: jane@example.org\r\nTo: leads@acme.example\r\nSubject: Inquiry\r\n\r\n"#

@Suite("SMTP hardening: hostile and broken clients on a real socket")
struct SMTPHardeningTests {
    @Test("bare LF / bare CR never end DATA: normalised to CRLF, the smuggled MAIL FROM is content", arguments: [
        #"\n.\n"#, #"\n.\r\n"#, #"\r\n.\r"#, #"\r.\r\n"#, #"\r\n.\n"#, #"\r.\r"#, #"\n.\r"#,
    ])
    func smuggling(_ fakeEnd: String) async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                _ = try await Seed.builder(client)
                _ = try await Seed.builder(client, slug: "victim-homes", address: "victim@acme.example")
                let lines = try await SMTPTestServer.with(SMTPTestServer.acceptor(builders: client, inbox: client)) { port in
                    try await smtpRaw(port: port, [
                        #"send:EHLO smuggler.example\r\n"#, "reply",
                        #"send:MAIL FROM:<a@example.org>\r\n"#, "reply",
                        #"send:RCPT TO:<leads@acme.example>\r\n"#, "reply",
                        #"send:DATA\r\n"#, "reply",
                        "send:" + rawInquiryHeader + "real body" + fakeEnd
                            + #"MAIL FROM:<evil@example.org>\r\nRCPT TO:<victim@acme.example>\r\nDATA\r\nsmuggled\r\n.\r\n"#,
                        "reply",
                        #"send:QUIT\r\n"#, "eof",
                    ])
                }
                let codes = replyCodes(lines)
                #expect(codes == ["220", "250", "250", "250", "354", "250", "221", "EOF"], "got: \(lines)")
                #expect(try await client.scalar("SELECT count(*)::int8 FROM inbound_items") == 1)
                #expect(try await client.scalar(
                    "SELECT count(*)::int8 FROM inbound_items i JOIN builders b ON b.id = i.builder_id WHERE b.slug = 'victim-homes'") == 0)
                let raw = try await Self.onlyRaw(client)
                #expect(raw.contains("real body\r\n"), "bare line ends are stored as CRLF: \(raw.debugDescription)")
                #expect(raw.contains("\r\nMAIL FROM:<evil@example.org>\r\nRCPT TO:<victim@acme.example>\r\nDATA\r\nsmuggled\r\n"))
                #expect(!raw.contains("\r\r") && !raw.contains("\n\n") && raw.replacingOccurrences(of: "\r\n", with: "").allSatisfy { $0 != "\r" && $0 != "\n" })
            }
        }
    }

    @Test("a 5,000-octet text line in DATA is accepted and stored as sent (RFC 5321's 1,000 is not enforced)")
    func longTextLine() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                _ = try await Seed.builder(client)
                let lines = try await SMTPTestServer.with(SMTPTestServer.acceptor(builders: client, inbox: client)) { port in
                    try await smtpRaw(port: port, Self.transaction(to: "leads@acme.example") + [
                        "send:" + rawInquiryHeader + "<html><body>", "repeat:5000:x", #"send:</body></html>\r\n.\r\n"#, "reply",
                        #"send:QUIT\r\n"#, "eof",
                    ])
                }
                #expect(replyCodes(lines) == ["220", "250", "250", "250", "354", "250", "221", "EOF"], "got: \(lines)")
                let raw = try await Self.onlyRaw(client)
                #expect(raw.contains("<html><body>" + String(repeating: "x", count: 5000) + "</body></html>\r\n"))
            }
        }
    }

    /// EHLO, MAIL, RCPT, DATA, each with its reply, as `smtp_raw.py` steps.
    static func transaction(to recipient: String) -> [String] {
        [#"send:EHLO client.example\r\n"#, "reply", #"send:MAIL FROM:<a@example.org>\r\n"#, "reply",
         "send:RCPT TO:<\(recipient)>" + #"\r\n"#, "reply", #"send:DATA\r\n"#, "reply"]
    }

    static func onlyRaw(_ client: PostgresClient) async throws -> String {
        var ids: [UUID] = []
        for try await id in try await client.query("SELECT id FROM inbound_items").decode(UUID.self) { ids.append(id) }
        let id = try #require(ids.first)
        let raw = try #require(try await InboxStore(client: client, logger: TestDatabase.logger).raw(id: id))
        return String(decoding: raw, as: UTF8.self)
    }
}
