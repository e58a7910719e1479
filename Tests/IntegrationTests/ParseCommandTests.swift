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
        #expect((object["ignored_reason"] as? String)?.contains("auto-submitted") == true)
    }
}
