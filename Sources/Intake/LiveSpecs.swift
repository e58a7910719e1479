public import Extraction
import Synchronization

/// The parser specs the workers extract with while the gateway runs: loaded at start and
/// replaced whole when an operator reloads `parsers/` (SIGHUP), so a marketplace's template
/// change is a spec edit and a reload, not a restart. An item is decided entirely with the
/// specs current when its decision started.
public final class LiveSpecs: Sendable {
    private let extractor: Mutex<LeadExtractor>

    public init(_ specs: SpecSet) {
        self.extractor = Mutex(LeadExtractor(specs: specs))
    }

    /// The specs in use now.
    public var specs: SpecSet { self.extractor.withLock { $0.specs } }

    /// Makes `specs` the ones every later decision uses.
    public func replace(with specs: SpecSet) {
        let extractor = LeadExtractor(specs: specs)
        self.extractor.withLock { $0 = extractor }
    }

    var current: LeadExtractor { self.extractor.withLock { $0 } }
}
