@testable import Extraction
import LeadModel
import MIME
import Testing

/// Tests that run raw messages (LF line ends) through the extractor with the specs of
/// `parsers/`.
protocol ExtractsWithRepositorySpecs {}

extension ExtractsWithRepositorySpecs {
    static func message(_ raw: String) -> MIMEMessage {
        MIMEMessage.parse(Array(raw.replacing("\n", with: "\r\n").utf8))
    }

    static func extract(_ raw: String) throws -> ExtractionOutcome {
        LeadExtractor(specs: try SpecTestSupport.repositorySpecs()).extract(from: message(raw))
    }

    static func lead(_ raw: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> ExtractedLead {
        let outcome = try extract(raw)
        return try #require(outcome.lead, "\(outcome)", sourceLocation: sourceLocation)
    }

    static func ignoredReason(_ raw: String) throws -> String? {
        if case .ignored(let reason) = try extract(raw) { return reason }
        return nil
    }
}
