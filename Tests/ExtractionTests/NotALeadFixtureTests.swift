import Extraction
import Foundation
import MIME
import Testing

/// The not-a-lead fixtures in `fixtures/email/` are classified with the expected reason,
/// and the lead fixtures are not classified at all.
@Suite("Not-a-lead fixtures")
struct NotALeadFixtureTests {
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .resolvingSymlinksInPath()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("fixtures/email", isDirectory: true)

    static func message(_ name: String) throws -> MIMEMessage {
        let data = try Data(contentsOf: directory.appendingPathComponent("\(name).eml"))
        return MIMEMessage.parse(Array(data))
    }

    @Test(arguments: [
        ("auto-reply", "auto-reply (Auto-Submitted: auto-replied)"),
        ("out-of-office", "auto-reply (subject \"automatic reply\")"),
        ("out-of-office-de", "auto-reply (subject \"abwesenheitsnotiz\")"),
        ("bounce-dsn", "delivery status notification (multipart/report)"),
        ("mailing-list", "mailing list (List-Id members.lists.example.org, Precedence: list)"),
        ("spam", "spam (SEO pitch)"),
        ("spam-flagged", "spam (X-Spam-Flag)"),
    ])
    func ignored(_ name: String, _ reason: String) throws {
        #expect(NotALeadClassifier.reason(for: try Self.message(name)) == reason)
    }

    @Test(arguments: [
        "direct-inquiry", "direct-budget-timeline", "direct-forward-remodel", "gmail-forward", "outlook-forward",
        "apple-mail-forward", "forward-of-forward", "rfc822-attached-forward", "outlook-reply", "html-only-inquiry",
        "alternative-inquiry", "latin1-inquiry",
    ])
    func leadsAreNotClassified(_ name: String) throws {
        #expect(NotALeadClassifier.reason(for: try Self.message(name)) == nil, "\(name)")
    }
}
