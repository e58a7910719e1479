import Extraction
public import LeadModel
public import MIME

/// The pure decision for one inbox item: bytes in, lead or "not a lead" out.
///
/// No I/O, so the whole pipeline up to the database write is testable from fixtures, and
/// `lead-intake parse FILE` shows exactly what a worker would decide.
public struct ItemProcessor: Sendable {
    private let decide: @Sendable ([UInt8]) throws -> ExtractionOutcome

    public init(limits: MIMELimits = MIMELimits()) {
        let extractor = GenericExtractor()
        self.decide = { raw in extractor.extract(from: MIMEMessage.parse(raw, limits: limits)) }
    }

    /// A processor with a custom decision, for tests of the queue's retry behaviour.
    package init(decide: @escaping @Sendable ([UInt8]) throws -> ExtractionOutcome) {
        self.decide = decide
    }

    /// Decides one item. Content problems never throw (they become defects or an
    /// "ignored" outcome); a throw means the item should be retried.
    public func process(_ raw: [UInt8]) throws -> ExtractionOutcome {
        try self.decide(raw)
    }
}
