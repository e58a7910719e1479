import Extraction
import Foundation
import Intake

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

    /// The repository's parser specs, loaded once.
    static let specs: SpecSet = {
        do {
            return try SpecSet.load(directory: root.appendingPathComponent("parsers"))
        } catch {
            fatalError("parsers/ does not load: \(error)")
        }
    }()

    /// The processor a worker of `serve` uses.
    static var processor: ItemProcessor { ItemProcessor(specs: specs) }

    static var smtpRawScript: String {
        root.appendingPathComponent("Tests/IntegrationTests/Support/smtp_raw.py").path
    }

    static var smtpClientScript: String {
        root.appendingPathComponent("Tests/IntegrationTests/Support/smtp_client.py").path
    }
}

/// A distinct person per index (name, address, phone), so test traffic is many prospects,
/// not one repeated inquiry that deduplication would rightly merge.
func prospect(_ index: Int) -> (name: String, email: String, phone: String) {
    let first = ["Jane", "Omar", "Priya", "Lucas", "Mei", "Tomas", "Ava", "Kofi", "Ingrid", "Raj",
                 "Elena", "Noah", "Sofia", "Yusuf", "Hannah", "Mateo", "Chloe", "Arjun", "Greta", "Diego"]
    let last = ["Homeowner", "Okafor", "Lindqvist", "Moreau", "Takahashi", "Novak", "Brennan", "Castillo", "Haddad",
                "Kowalski", "Van Dyke", "Oyelaran", "Sorensen", "Abernathy", "Quintero", "Whitfield", "Nakamura",
                "Fitzgerald", "Balogun", "Esposito", "Lindgren", "Marchetti", "Oduya", "Petrakis", "Rasmussen",
                "Szabo", "Thorne", "Umarov", "Valdez", "Winslow"]
    let name = "\(first[index % first.count]) \(last[(index / first.count) % last.count])"
    let email = "\(name.lowercased().replacingOccurrences(of: " ", with: "."))\(index)@example.org"
    let phone = String(format: "(512) %03d-%04d", 200 + index / 10_000 % 700, 1000 + index % 9000)
    return (name, email, phone)
}

/// A message with CRLF line endings, unique by `Message-ID`, as test traffic.
func makeMessage(index: Int, tag: String, from: String? = nil) -> [UInt8] {
    let person = prospect(index)
    let from = from ?? "\(person.name) <\(person.email)>"
    let text = """
        From: \(from)
        To: leads@acme.example
        Subject: Custom home inquiry \(index)
        Message-ID: <\(tag)-\(index)@test.example>
        Date: Sat, 21 Nov 2026 10:00:00 +0000
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8

        Hello, we own a lot at \(100 + index) Oak St, Austin, TX 78704 and want a custom home. Call me at \(person.phone).
        .A line that starts with a dot.
        Thanks, Jane

        """
    return Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
}
