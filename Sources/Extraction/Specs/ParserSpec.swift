import HTMLText

/// One source format, loaded from `parsers/NAME.yaml`: how to recognise its emails and
/// where each field is in them. See `parsers/README.md` for the file format.
public struct ParserSpec: Sendable {
    /// The file stem (`houzz`, `wordpress-cf7`): the spec's identity in provenance and
    /// fixture paths.
    public var name: String
    /// The lead `source` slug (`houzz`, `website_form`, ...).
    public var source: String
    /// Written as the lead's `source_detail`; the file stem unless the spec says otherwise.
    public var detail: String
    /// The human name (`Houzz lead notification`).
    public var title: String
    /// The template version the spec was written for.
    public var version: String
    /// Higher wins when several specs match one message (default 50).
    public var priority: Int
    /// How the source's emails are recognised.
    var detection: Detection
    /// Same-sender mail that is not a lead.
    var ignoreRules: [IgnoreRule]
    /// Relay addresses and proxied phones.
    var relays: Relays
    /// Field rules in file order; within a field, the first rule giving a value wins.
    var fields: [(field: LeadField, rules: [FieldRule])]
    /// The path the spec was read from.
    public var file: String
    /// Every label the spec's label rules name (as ``LabelIndex/key(_:)``): a multi-line
    /// value stops at a line starting with one of them.
    var labelKeys: Set<String> = []
    /// The keys of the `label:` rules and of the `table_row:` rules, each with the slots
    /// their ``SpecLabels/slots`` name: a message indexes only what its spec can ask for.
    var textLabelTable = LabelKeyTable(keys: [])
    var tableRowTable = LabelKeyTable(keys: [])

    /// Every pattern of the spec, with where it is: detection (sender, subject, body
    /// marker), `ignore` rules and field rules.
    var patterns: [(pattern: SpecPattern, place: String)] {
        var patterns: [(SpecPattern, String)] = detection.senderPatterns.map { ($0, "detect sender") }
            + detection.subjects.map { ($0, "detect subjects") } + detection.bodyMarkers.map { ($0, "detect body_markers") }
        for rule in ignoreRules {
            if let subject = rule.subject { patterns.append((subject, "ignore subject")) }
            if let body = rule.body { patterns.append((body, "ignore body")) }
        }
        for (field, rules) in fields {
            for rule in rules {
                if case .pattern(let pattern, _) = rule.kind { patterns.append((pattern, "field \(field.rawValue)")) }
            }
        }
        return patterns
    }

    /// Whether this spec names a marketplace (its leads may hide contact details).
    public var isMarketplace: Bool {
        !["website_form", "direct_inquiry", "other"].contains(source)
    }

    /// The `source` slugs a spec may write.
    public static let sourceSlugs: Set<String> = [
        "houzz", "zillow", "angi", "homeadvisor", "thumbtack", "porch", "yelp", "buildzoom",
        "nextdoor", "google_lsa", "facebook", "website_form", "direct_inquiry", "other",
    ]

    struct Detection: Sendable {
        var senderDomains: [String] = []
        var senderAddresses: [String] = []
        var senderPatterns: [SpecPattern] = []
        var replyToDomains: [String] = []
        var subjects: [SpecPattern] = []
        var bodyMarkers: [SpecPattern] = []

        var hasSenderSide: Bool {
            !senderDomains.isEmpty || !senderAddresses.isEmpty || !senderPatterns.isEmpty || !replyToDomains.isEmpty
        }

        var hasContentSide: Bool { !subjects.isEmpty || !bodyMarkers.isEmpty }
    }

    struct IgnoreRule: Sendable {
        var subject: SpecPattern?
        var body: SpecPattern?
        var reason: String
    }

    struct Relays: Sendable {
        var emailDomains: [String] = []
        var phonesAreProxied = false
    }

    struct FieldRule: Sendable {
        enum Kind: Sendable {
            case label(SpecLabels, multiline: Bool)
            case tableRow(SpecLabels)
            case xpath(XPathExpression)
            case pattern(SpecPattern, scope: PatternScope)
            case header(String)
            case value(String)
        }

        enum PatternScope: String, Sendable { case text, subject, html }

        var kind: Kind {
            // A pattern may be swapped for a tuned one after loading: the names follow it.
            didSet {
                provenanceNames = Self.provenanceNames(of: kind)
                pattern = Self.pattern(of: kind)
                (plan, slots) = Self.plan(of: kind)
            }
        }
        var hint: NormalizeHint?
        /// What the rule loop needs to know of ``kind``, without its payload: a `switch` on
        /// `kind` that binds (or even skips) a payload copies it, retaining each of its
        /// references, for every rule of every message. `.general` rules switch on `kind`.
        private(set) var plan: Plan = .general
        /// The label slots (``SpecLabels/slots``) of a `.slottedLabel` or `.slottedTableRow`
        /// rule, beside ``kind``; empty otherwise.
        private(set) var slots: [Int] = []

        enum Plan: Sendable {
            /// A `label:` rule whose labels have slots in the spec's text label table.
            case slottedLabel(multiline: Bool)
            /// A `table_row:` rule whose labels have slots in the spec's table row table.
            case slottedTableRow
            /// A `pattern:` rule (its pattern is ``pattern``).
            case pattern(PatternScope)
            case general
        }
        /// ``describe(matched:)`` made once at load rather than for every message: one per
        /// label of a `label:`/`table_row:` rule (in order), else the one description.
        private(set) var provenanceNames: [String]
        /// The pattern of a `.pattern` rule, beside ``kind`` and boxed: a rule read in place
        /// runs it through one reference, where binding it out of the enum copies it
        /// (retaining each of its references).
        private(set) var pattern: PatternBox?

        /// A pattern behind one reference.
        final class PatternBox: Sendable {
            let pattern: SpecPattern

            init(_ pattern: SpecPattern) {
                self.pattern = pattern
            }

            /// ``SpecPattern/valueSearch(in:presence:isASCII:)`` of the boxed pattern, run in
            /// place: called on `box.pattern` from outside, with arguments still to work out,
            /// the pattern is copied first (each of its references retained).
            func valueSearch(in text: String, presence: [Bool]?, isASCII: Bool, budget: PatternBudget) -> SpecPattern.ValueSearch {
                pattern.valueSearch(in: text, presence: presence, isASCII: isASCII, budget: budget)
            }
        }

        init(kind: Kind, hint: NormalizeHint?) {
            self.kind = kind
            self.hint = hint
            provenanceNames = Self.provenanceNames(of: kind)
            pattern = Self.pattern(of: kind)
            (plan, slots) = Self.plan(of: kind)
        }

        private static func plan(of kind: Kind) -> (Plan, [Int]) {
            switch kind {
            case .label(let labels, let multiline) where labels.hasSlots: (.slottedLabel(multiline: multiline), labels.slots)
            case .tableRow(let labels) where labels.hasSlots: (.slottedTableRow, labels.slots)
            case .pattern(_, let scope): (.pattern(scope), [])
            default: (.general, [])
            }
        }

        private static func pattern(of kind: Kind) -> PatternBox? {
            if case .pattern(let pattern, _) = kind { return PatternBox(pattern) }
            return nil
        }

        /// How the rule appears in provenance when its label at `labelIndex` matched (0 for
        /// rules without labels): ``describe(matched:)`` of that label.
        func provenanceName(labelAt labelIndex: Int = 0) -> String {
            provenanceNames[labelIndex]
        }

        private static func provenanceNames(of kind: Kind) -> [String] {
            let rule = FieldRule(describing: kind)
            switch kind {
            case .label(let labels, _), .tableRow(let labels): return labels.names.map { rule.describe(matched: $0) }
            default: return [rule.describe()]
            }
        }

        /// A rule made only to describe `kind`.
        private init(describing kind: Kind) {
            self.kind = kind
            provenanceNames = []
            pattern = nil
        }

        /// How the rule appears in provenance: `label 'Phone'`, `xpath '//td'`.
        func describe(matched label: String? = nil) -> String {
            switch kind {
            case .label(let labels, _): "label '\(label ?? labels.names[0])'"
            case .tableRow(let labels): "table_row '\(label ?? labels.names[0])'"
            case .xpath(let expression): "xpath '\(expression.source)'"
            case .pattern(let pattern, _): "pattern '\(pattern.source)'"
            case .header(let name): "header \(name)"
            case .value: "value"
            }
        }
    }
}

/// The labels of a `label:` or `table_row:` rule, with their keys (``LabelIndex/key(_:)``)
/// made once when the spec is loaded rather than for every message.
struct SpecLabels: Sendable {
    let names: [String]
    let keys: [String]
    /// Each key's slot in its spec's ``LabelKeyTable`` for the rule's kind, -1 for a key
    /// that never matches (""); set when the spec is loaded (see
    /// ``ParserSpec/prepareLabelTables()``), empty for labels made elsewhere.
    var slots: [Int] = []

    init(_ names: [String]) {
        self.names = names
        keys = names.map { LabelIndex.key($0) }
    }

    /// Whether ``slots`` were set from a table: one per key.
    var hasSlots: Bool { slots.count == keys.count }

    /// These labels with their slots in `table`.
    func withSlots(in table: LabelKeyTable) -> SpecLabels {
        var labels = self
        labels.slots = keys.map { table.slot(ofKey: $0) ?? -1 }
        return labels
    }
}

/// Whether `domain` is `suffix` or a subdomain of it (both lowercase). ASCII (every domain
/// in practice) is compared on the bytes, with no `"." + suffix` String made; other text as text.
func domain(_ domain: String, isWithin suffix: String) -> Bool {
    let ascii = domain.utf8.withContiguousStorageIfAvailable { domainBytes in
        suffix.utf8.withContiguousStorageIfAvailable { suffixBytes -> Bool? in
            guard !domainBytes.contains(where: { $0 >= 0x80 }), !suffixBytes.contains(where: { $0 >= 0x80 }) else { return nil }
            let extra = domainBytes.count - suffixBytes.count
            guard extra == 0 || (extra > 0 && domainBytes[extra - 1] == UInt8(ascii: ".")) else { return false }
            return domainBytes[extra...].elementsEqual(suffixBytes)
        } ?? nil
    } ?? nil
    return ascii ?? (domain == suffix || domain.hasSuffix("." + suffix))
}

/// The lowercased domain of an address, or nil.
func domainOf(_ address: String) -> String? {
    if let ascii = address.utf8.withContiguousStorageIfAvailable(asciiDomainOf), let ascii { return ascii }
    guard let at = address.lastIndex(of: "@") else { return nil }
    let domain = address[address.index(after: at)...].lowercased()
    return domain.isEmpty ? nil : domain
}

/// ``domainOf(_:)`` of an address's bytes when they are all ASCII (the outer nil
/// otherwise): there an "@" byte is an "@" Character and lowercasing maps A-Z alone, so the
/// domain is made from the bytes after the last "@", read once with the ASCII test.
private func asciiDomainOf(_ bytes: UnsafeBufferPointer<UInt8>) -> String?? {
    var bits: UInt8 = 0
    var at = -1
    for index in bytes.indices {
        let byte = bytes[index]
        bits |= byte
        if byte == UInt8(ascii: "@") { at = index }
    }
    guard bits < 0x80 else { return nil }
    guard at >= 0, at + 1 < bytes.count else { return .some(nil) }
    let domain = UnsafeBufferPointer(rebasing: bytes[(at + 1)...])
    return .some(String(unsafeUninitializedCapacity: domain.count) { buffer in
        for index in domain.indices {
            let byte = domain[index]
            buffer[index - domain.startIndex] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        }
        return domain.count
    })
}
