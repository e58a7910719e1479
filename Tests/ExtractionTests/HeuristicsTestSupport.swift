import Foundation
import Extraction
import LeadModel
import MIME
import Testing

/// How the heuristics suites read a text: through ``InquiryHeuristics/fill(_:from:location:writtenIn:)``
/// alone, or as a whole direct inquiry through the extractor (no specs).
enum HeuristicsTestSupport {
    /// `lead` with its empty fields filled from `text` (location "body").
    static func filled(_ text: String, _ lead: ExtractedLead = ExtractedLead()) -> ExtractedLead {
        var lead = lead
        InquiryHeuristics.fill(&lead, from: text, location: "body")
        return lead
    }

    private static let extractor = LeadExtractor(specs: SpecSet(specs: []))

    /// The lead of a plain-text message from `sender` to a builder, with `body` (`\n` line ends).
    static func lead(from sender: String, _ body: String, subject: String = "New home") throws -> ExtractedLead {
        let raw = "From: \(sender)\r\nTo: info@brennanhomes.example\r\nSubject: \(subject)\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            + body.replacingOccurrences(of: "\n", with: "\r\n")
        return try #require(extractor.extract(from: MIMEMessage.parse(Array(raw.utf8))).lead)
    }
}
