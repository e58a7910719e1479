import Foundation
import Testing

/// `lead-intake parse` output is a contract other tools rely on.
@Suite("lead-intake parse")
struct ParseCommandTests {
    static let mimeKeys: Set<String> = [
        "message_id", "subject", "from", "to", "cc", "reply_to", "date", "text", "html",
        "attachments", "parts", "defects", "forwarded",
    ]

    @Test("--mime-json prints exactly one JSON object with exactly the contract's keys and types")
    func mimeJSONContract() async throws {
        let file = Repository.root.appendingPathComponent("fixtures/email/rfc822-attached-forward.eml").path
        let result = try await TestProcess.run([Repository.binary, "parse", "--mime-json", file])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == Self.mimeKeys)
        #expect(object["message_id"] is String)
        #expect(!(object["message_id"] as? String ?? "<").contains("<"), "message_id without angle brackets")
        let from = try #require(object["from"] as? [[String: Any]])
        #expect(from.allSatisfy { Set($0.keys) == ["name", "address"] })
        #expect(object["parts"] is Int)
        let attachments = try #require(object["attachments"] as? [[String: Any]])
        #expect(attachments.allSatisfy { Set($0.keys) == ["filename", "content_type", "size"] && $0["size"] is Int })
        let forwarded = try #require(object["forwarded"] as? [[String: Any]])
        #expect(!forwarded.isEmpty, "the attached original must be recovered")
        #expect(forwarded.allSatisfy { Set($0.keys) == ["from", "date", "subject", "text"] })
        if let date = object["date"] as? String {
            #expect(date.hasSuffix("Z"), "dates are UTC")
        }
    }

    @Test("without options it prints the lead decision")
    func leadDecision() async throws {
        let file = Repository.root.appendingPathComponent("fixtures/email/auto-reply.eml").path
        let result = try await TestProcess.run([Repository.binary, "parse", file])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["is_lead"] as? Bool == false)
        #expect((object["ignored_reason"] as? String)?.lowercased().contains("auto") == true)
    }

    /// The contract's keys. Tools outside the project rely on them: a key may be added (as
    /// `review_reasons` was), never renamed or removed.
    static let leadKeys: Set<String> = [
        "is_lead", "ignored_reason", "source", "source_detail", "source_lead_id", "first_name", "last_name", "email",
        "phone", "phone_extension", "address", "project_type", "budget_low", "budget_high", "timeline", "lot_status",
        "financing", "subject", "message", "is_forwarded", "needs_review", "review_reasons", "contact_channels", "fields",
    ]

    @Test("--lead-json: one object with the contract's keys; a Houzz lead forwarded by the builder is a Houzz lead of the homeowner")
    func leadJSONContract() async throws {
        let file = Repository.root.appendingPathComponent("parsers/fixtures/houzz/gmail-forward-adu.eml").path
        let result = try await TestProcess.run([Repository.binary, "parse", "--lead-json", file])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == Self.leadKeys)
        #expect(object["is_lead"] as? Bool == true)
        #expect(object["source"] as? String == "houzz")
        #expect(object["is_forwarded"] as? Bool == true)
        #expect(object["needs_review"] as? Bool == false && (object["review_reasons"] as? [String])?.isEmpty == true)
        let fields = try #require(object["fields"] as? [String: [String: Any]])
        #expect(fields.values.allSatisfy { $0["rule"] is String })
        if let address = object["address"] as? [String: Any] {
            #expect(Set(address.keys) == ["street", "city", "state", "postal_code"])
        }
        if let phone = object["phone"] as? String { #expect(phone.hasPrefix("+")) }

        let ignored = try await TestProcess.run([Repository.binary, "parse", "--lead-json",
            Repository.root.appendingPathComponent("parsers/fixtures/houzz/newsletter-ignored.eml").path])
        let notLead = try #require(try JSONSerialization.jsonObject(with: Data(ignored.stdout.utf8)) as? [String: Any])
        #expect(Set(notLead.keys) == Self.leadKeys)
        #expect(notLead["is_lead"] as? Bool == false && notLead["ignored_reason"] is String)
        #expect((notLead["review_reasons"] as? [String])?.isEmpty == true)
    }

    @Test("`parsers test` passes on the repository's specs; a broken spec stops it with FILE:LINE:COL and the reason")
    func parsersTest() async throws {
        let result = try await TestProcess.run([Repository.binary, "parsers", "test",
                                                "--parsers", Repository.root.appendingPathComponent("parsers").path])
        #expect(result.status == 0, "\(result.stdout.suffix(3000))\(result.stderr)")
        #expect(result.stdout.contains("fixtures pass across"))

        let broken = FileManager.default.temporaryDirectory.appendingPathComponent("specs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: broken, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: broken) }
        try Data("source: houzz\nname: Broken\nversion: \"1\"\ndetect:\n  subjects: ['(unclosed']\nfields: {}\n".utf8)
            .write(to: broken.appendingPathComponent("broken.yaml"))
        let failed = try await TestProcess.run([Repository.binary, "parsers", "test", "--parsers", broken.path])
        #expect(failed.status != 0)
        #expect(failed.stderr.contains("broken.yaml:5:"), "names file and line: \(failed.stderr)")
        let serve = try await TestProcess.run([Repository.binary, "parse", "--parsers", broken.path,
            Repository.root.appendingPathComponent("fixtures/email/auto-reply.eml").path])
        #expect(serve.status != 0 && serve.stderr.contains("broken.yaml:5:"))
        // serve checks every spec before it opens a listener or touches the database.
        let start = try await TestProcess.run([Repository.binary, "serve", "--parsers", broken.path, "--tls-cert", "off",
                                               "--database-url", "postgres://nobody@127.0.0.1:1/none"], timeout: .seconds(30))
        #expect(start.status != 0 && start.stderr.contains("broken.yaml:5:"), "\(start.stderr)")
    }

    @Test("a directory given as the email file, or a parsers directory without a spec, is an error naming it")
    func wrongPaths() async throws {
        let directory = Repository.root.appendingPathComponent("fixtures").path
        let notAFile = try await TestProcess.run([Repository.binary, "parse", directory])
        #expect(notAFile.status != 0 && notAFile.stderr.contains("cannot read \(directory): it is a directory"), "\(notAFile.stderr)")

        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("no-specs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let message = Repository.root.appendingPathComponent("fixtures/email/gmail-forward.eml").path
        for command in [["parse", "--parsers", empty.path, message], ["parsers", "test", "--parsers", empty.path]] {
            let result = try await TestProcess.run([Repository.binary] + command)
            #expect(result.status != 0 && result.stderr.contains("'\(empty.path)' holds no spec"), "\(command): \(result.stderr)")
        }
    }
}
