import Foundation
import PostgresNIO
import Testing

/// `kill -HUP` on a running gateway reloads `parsers/`: a new spec is used from the next
/// item on; a spec that does not load is reported with its file and line, and the specs in
/// use stay. Real process, real SMTP, real Postgres.
@Suite("Reloading parser specs on SIGHUP")
struct SpecReloadTests {
    static let portalSpec = """
        source: other
        detail: newportal
        name: New Portal lead notification
        version: "1"
        detect:
          sender_domains: [newportal.example]
        fields:
          name:
            - label: Name
          email:
            - label: Email
        """

    static func message(_ index: Int) -> String {
        "From: New Portal <notifications@newportal.example>\r\nTo: leads+demo@intake.test\r\nSubject: New request \(index)\r\n"
            + "Message-ID: <np\(index)@newportal.example>\r\n\r\nName: Casey Brooks\(index)\r\nEmail: casey\(index)@example.com\r\n"
    }

    @Test("a spec added and reloaded is used for the next message; a broken one is refused with FILE:LINE and the old specs stay")
    func reload() async throws {
        let parsers = FileManager.default.temporaryDirectory.appendingPathComponent("reload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: parsers, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: parsers) }
        try FileManager.default.copyItem(at: Repository.root.appendingPathComponent("parsers/houzz.yaml"),
                                         to: parsers.appendingPathComponent("houzz.yaml"))
        let files = FileManager.default.temporaryDirectory.appendingPathComponent("reload-mail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: files) }
        @Sendable func send(_ index: Int, _ gateway: Gateway) async throws {
            let file = files.appendingPathComponent("\(index).eml")
            try Data(Self.message(index).utf8).write(to: file)
            let lines = try await smtpSend(port: gateway.smtpPort, to: ["leads+demo@intake.test"], files: [file.path])
            #expect(lines.first?.hasPrefix("OK 0 250") == true, "got \(lines)")
        }

        try await TestDatabase.with(migrated: false) { db in
            let gateway = try await Gateway.start(databaseURL: db.urlString, extra: ["--demo", "--parsers", parsers.path])
            try await db.withClient { client in
                // No spec knows the portal yet: an `other` lead of its domain.
                try await send(1, gateway)
                try await eventually("first lead") { try await client.scalar("SELECT count(*)::int8 FROM leads") == 1 }
                #expect(try await client.scalar("SELECT count(*)::int8 FROM leads WHERE source_detail = 'newportal.example'") == 1)

                // A broken spec: refused, named with its line; intake goes on with the old specs.
                try Data("source: other\nname: Broken\nversion: \"1\"\ndetect: [not, a, mapping]\n".utf8)
                    .write(to: parsers.appendingPathComponent("broken.yaml"))
                gateway.process.signal(SIGHUP)
                try await eventually("refusal logged") { gateway.process.stderr.contains("parser specs not reloaded") }
                #expect(gateway.process.stderr.contains("broken.yaml:4"), "\(gateway.process.stderr.suffix(600))")
                try await send(2, gateway)
                try await eventually("second lead") { try await client.scalar("SELECT count(*)::int8 FROM leads") == 2 }
                #expect(try await client.scalar("SELECT count(*)::int8 FROM leads WHERE source_detail = 'newportal.example'") == 2)

                // Fixed and the portal's spec added: the next message is read by it.
                try FileManager.default.removeItem(at: parsers.appendingPathComponent("broken.yaml"))
                try Data(Self.portalSpec.utf8).write(to: parsers.appendingPathComponent("newportal.yaml"))
                gateway.process.signal(SIGHUP)
                try await eventually("reload logged") { gateway.process.stderr.contains("parser specs reloaded") }
                try await send(3, gateway)
                try await eventually("third lead") { try await client.scalar("SELECT count(*)::int8 FROM leads") == 3 }
                #expect(try await client.scalar(
                    "SELECT count(*)::int8 FROM leads WHERE source_detail = 'newportal' AND email = 'casey3@example.com' AND NOT needs_review") == 1)
            }
            #expect(await gateway.stop() == 0, "graceful stop failed: \(gateway.process.stderr.suffix(800))")
        }
    }
}
