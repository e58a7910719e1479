public import Extraction
public import LeadModel
public import MIME
public import Storage

/// What the processor decided about one item: the extraction outcome, and what links the
/// message to an earlier conversation.
public struct ProcessedItem: Sendable {
    public var outcome: ExtractionOutcome
    public var thread: ThreadHints

    public init(outcome: ExtractionOutcome, thread: ThreadHints = ThreadHints()) {
        self.outcome = outcome
        self.thread = thread
    }
}

/// The pure decision for one inbox item: bytes in, lead or "not a lead" out.
///
/// No I/O, so the whole pipeline up to the database write is testable from fixtures, and
/// `lead-intake parse FILE` shows exactly what a worker would decide.
public struct ItemProcessor: Sendable {
    private let decide: @Sendable ([UInt8], BuilderIdentity) throws -> ProcessedItem

    /// - Parameter specs: the parser specs loaded from `parsers/` at start.
    public init(specs: SpecSet, limits: MIMELimits = MIMELimits()) {
        self.init(specs: LiveSpecs(specs), limits: limits)
    }

    /// - Parameter specs: the specs in use, which a reload may replace between two items.
    public init(specs: LiveSpecs, limits: MIMELimits = MIMELimits()) {
        self.decide = { raw, identity in
            let message = MIMEMessage.parse(raw, limits: limits)
            return ProcessedItem(
                outcome: specs.current.extract(from: message, builder: identity),
                thread: ThreadHints(references: message.inReplyTo + message.references.filter { !message.inReplyTo.contains($0) }))
        }
    }

    /// A processor with a custom decision, for tests of the queue's retry behaviour.
    package init(decide: @escaping @Sendable ([UInt8]) throws -> ExtractionOutcome) {
        self.decide = { raw, _ in ProcessedItem(outcome: try decide(raw)) }
    }

    /// Decides one item. Content problems never throw (they become defects or an
    /// "ignored" outcome); a throw means the item should be retried.
    /// `builder`: the item's builder's own mailboxes and intake addresses (none: extraction
    /// knows no address of the builder's but what the message itself shows).
    public func process(_ raw: [UInt8], builder: BuilderIdentity = BuilderIdentity()) throws -> ProcessedItem {
        try self.decide(raw, builder)
    }
}
