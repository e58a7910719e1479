import Foundation

/// Paths in the repository, found from this file's location.
enum Repository {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func fixture(_ relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent("fixtures").appendingPathComponent(relative)))
    }

    /// The `lead-intake` binary `make test` built (LEAD_INTAKE_BIN), else the debug build.
    static var binary: String {
        ProcessInfo.processInfo.environment["LEAD_INTAKE_BIN"]
            ?? root.appendingPathComponent(".build/debug/lead-intake").path
    }

    static var smtpRawScript: String {
        root.appendingPathComponent("Tests/IntegrationTests/Support/smtp_raw.py").path
    }

    static var smtpClientScript: String {
        root.appendingPathComponent("Tests/IntegrationTests/Support/smtp_client.py").path
    }
}

/// A message with CRLF line endings, unique by `Message-ID`, as test traffic.
func makeMessage(index: Int, tag: String, from: String = "Jane Homeowner <jane.homeowner@example.org>") -> [UInt8] {
    let text = """
        From: \(from)
        To: leads@acme.example
        Subject: Custom home inquiry \(index)
        Message-ID: <\(tag)-\(index)@test.example>
        Date: Sat, 21 Nov 2026 10:00:00 +0000
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8

        Hello, we own a lot in Austin and want a custom home. Call me at (512) 555-01\(String(format: "%02d", index % 100)).
        .A line that starts with a dot.
        Thanks, Jane

        """
    return Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
}
