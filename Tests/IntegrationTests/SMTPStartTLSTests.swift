import Foundation
import Intake
import PostgresNIO
import SMTPServer
import Storage
import Testing

/// Runs one mode of the Python client script and returns its output lines.
func smtpClient(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) async throws -> [String] {
    let result = try await TestProcess.run(["python3", Repository.smtpClientScript] + arguments, timeout: .seconds(60))
    #expect(result.status == 0, "smtp client failed: \(result.stderr)", sourceLocation: sourceLocation)
    return result.stdout.split(separator: "\n").map(String.init)
}

/// A self-signed STARTTLS certificate made once per test run, as `serve` makes it.
enum TestTLS {
    /// The pair is made on the first call and reused from disk afterwards.
    static func context() async throws -> STARTTLSContext {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("li-tls-\(getpid())").path
        let files = try await STARTTLSContext.selfSignedFiles(in: directory, hostname: "intake.test")
        return try STARTTLSContext(certificateChainFile: files.certificate, privateKeyFile: files.key)
    }
}

@Suite("STARTTLS against a real TLS client")
struct SMTPStartTLSTests {
    @Test("smtplib starttls() then a message: stored with TLS version, cipher and an ESMTPS Received header")
    func starttlsThenSend() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                _ = try await Seed.builder(client)
                let message = makeMessage(index: 1, tag: "tls")
                let file = try temporaryFile(message)
                let tlsContext = try await TestTLS.context()
                let lines = try await SMTPTestServer.with(
                    SMTPTestServer.acceptor(builders: client, inbox: client), configure: { $0.startTLS = tlsContext }
                ) { port in
                    try await smtpClient(["starttls", "127.0.0.1", String(port), "sender@example.org", "leads@acme.example", file])
                }
                let tls = try #require(lines.first { $0.hasPrefix("TLS ") }, "got: \(lines)")
                #expect(tls.hasPrefix("TLS TLSv1.3 ") || tls.hasPrefix("TLS TLSv1.2 "))
                let features = try #require(lines.first { $0.hasPrefix("FEATURES ") })
                #expect(!features.contains("starttls"), "STARTTLS must not be offered inside TLS: \(features)")
                #expect(features.contains("smtputf8"))
                let ok = try #require(lines.last)
                #expect(ok.hasPrefix("OK 0 250 2.0.0 OK queued as "), "got: \(lines)")
                let id = try #require(queuedIDs(ok).first)
                for try await (version, cipher) in try await client.query(
                    "SELECT tls_protocol, tls_cipher FROM inbound_items WHERE id = \(id)"
                ).decode((String?, String?).self) {
                    // Python names the version and cipher as OpenSSL does (TLSv1.3, TLS_AES_256_GCM_SHA384).
                    let parts = tls.split(separator: " ")
                    #expect(version == String(parts[1]))
                    #expect(cipher == String(parts[2]))
                }
                let stored = try #require(try await InboxStore(client: client, logger: TestDatabase.logger).raw(id: id))
                let text = String(decoding: stored, as: UTF8.self)
                #expect(text.hasPrefix("Received: from tests.example ([127.0.0.1])\r\n\tby intake.test (lead-intake) with ESMTPS\r\n"), "got: \(text.prefix(300))")
                #expect(text.contains("\tfor <leads@acme.example>; "))
                #expect(Array(stored.suffix(message.count)) == message, "the message follows the trace header byte for byte")
            }
        }
    }

    @Test("plaintext sent behind STARTTLS in one write is never answered inside TLS")
    func injectionIsDiscarded() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                let tlsContext = try await TestTLS.context()
                let lines = try await SMTPTestServer.with(
                    SMTPTestServer.acceptor(builders: client, inbox: client), configure: { $0.startTLS = tlsContext }
                ) { port in
                    try await smtpClient(["inject", "127.0.0.1", String(port)])
                }
                #expect(lines.first == "READY 220 2.0.0 Ready to start TLS", "got: \(lines)")
                #expect(lines.last == "FIRST 250-intake.test greets inside.example", "the first reply inside TLS must answer our EHLO: \(lines)")
            }
        }
    }

    @Test("STARTTLS twice gets 503; STARTTLS with an argument gets 501")
    func startTLSErrors() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                let tlsContext = try await TestTLS.context()
                let (twice, argument) = try await SMTPTestServer.with(
                    SMTPTestServer.acceptor(builders: client, inbox: client), configure: { $0.startTLS = tlsContext }
                ) { port in
                    (try await smtpClient(["starttls-again", "127.0.0.1", String(port), "tls"]),
                     try await smtpClient(["starttls-again", "127.0.0.1", String(port), "plain"]))
                }
                #expect(twice.first?.hasPrefix("REPLY 503 5.5.1") == true, "got: \(twice)")
                #expect(argument.first?.hasPrefix("REPLY 501 5.5.4") == true, "got: \(argument)")
            }
        }
    }

    @Test("openssl s_client: TLS 1.2 and 1.3 negotiate, TLS 1.1 is refused")
    func protocolVersions() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                let tlsContext = try await TestTLS.context()
                let (modern, tls11) = try await SMTPTestServer.with(
                    SMTPTestServer.acceptor(builders: client, inbox: client), configure: { $0.startTLS = tlsContext }
                ) { port in
                    func sClient(_ version: [String]) async throws -> (status: Int32, stdout: String, stderr: String) {
                        // `-cipher ...@SECLEVEL=0` lets this OpenSSL offer TLS 1.1 at all, so
                        // the refusal tested is the server's.
                        try await TestProcess.run(
                            ["sh", "-c", "echo QUIT | openssl s_client -starttls smtp -connect 127.0.0.1:\(port) -crlf -ign_eof "
                                + version.joined(separator: " ")], timeout: .seconds(30))
                    }
                    return (try await sClient(["-tls1_2"]), try await sClient(["-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0"]))
                }
                #expect(modern.stdout.contains("Protocol  : TLSv1.2") || modern.stdout.contains("New, TLSv1.2"), "got: \(modern.stdout.suffix(600))")
                #expect(tls11.status != 0, "TLS 1.1 must fail: \(tls11.stdout.suffix(600))")
                #expect(tls11.stderr.contains("alert protocol version") || tls11.stderr.contains("unsupported protocol"),
                        "the server must refuse the version: \(tls11.stderr)")
                #expect(tls11.stdout.contains("Cipher is (NONE)"), "no session may be established")
            }
        }
    }

    @Test("a re-delivery through another session (other Received header) is still a no-op")
    func redeliveryIgnoresTraceHeader() async throws {
        try await TestDatabase.with { db in
            try await db.withClient { client in
                _ = try await Seed.builder(client)
                var message = Array("From: a@example.org\r\nSubject: no message id\r\n\r\nCall me.\r\n".utf8)
                message += Array("Sent at 10:00\r\n".utf8)
                let file = try temporaryFile(message)
                let tlsContext = try await TestTLS.context()
                let (first, second) = try await SMTPTestServer.with(
                    SMTPTestServer.acceptor(builders: client, inbox: client), configure: { $0.startTLS = tlsContext }
                ) { port in
                    (try await smtpSend(port: port, to: ["leads@acme.example"], files: [file]),
                     try await smtpClient(["starttls", "127.0.0.1", String(port), "sender@example.org", "leads@acme.example", file]))
                }
                #expect(queuedIDs(try #require(first.first)) == queuedIDs(try #require(second.last)), "got \(first) and \(second)")
                #expect(try await client.scalar("SELECT count(*)::int8 FROM inbound_items") == 1)
            }
        }
    }
}
