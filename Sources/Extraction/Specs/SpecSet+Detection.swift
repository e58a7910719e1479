public import MIME

extension SpecSet {
    /// Which spec a message belongs to, by the documented priority: the highest `priority`;
    /// on a tie, a spec whose sender *and* content lists both matched beats one that
    /// matched on one side only; then the file name that sorts first.
    ///
    /// Runs on the innermost forwarded original when there is one.
    ///
    /// - Parameter message: A parsed message.
    /// - Returns: The winning spec, or nil when none matches.
    public func detectedSpec(for message: MIMEMessage) -> ParserSpec? {
        let view = InquiryView(message: message)
        return detect(view, presence: LiteralPresence(literals: detectionLiterals, view: view))
    }

    /// The spec for `view`; `presence` (for this set and view) skips patterns whose
    /// literals the message lacks, and is kept for the spec's `ignore` and field rules.
    ///
    /// Only the detectors ``SenderIndex`` leaves can match are asked, in `specs` order;
    /// the others would answer nil. Asking stops once the answer cannot change: at a lower
    /// priority, or once a detector matched on both sides (a later one of the same priority
    /// replaces only a one-sided match, and only by matching on both sides itself).
    func detect(_ view: InquiryView, presence: LiteralPresence) -> ParserSpec? {
        detectedDetector(view, presence: presence)?.spec
    }

    /// ``detect(_:presence:)``'s spec as its detector, which holds it: a caller reads the
    /// spec through the reference instead of copying it (many references to retain and
    /// release per copy).
    /// (`lookup`: ``senderLookup(_:)`` of the view, when the caller has it.)
    func detectedDetector(_ view: InquiryView, presence: LiteralPresence, sender lookup: SenderLookup? = nil) -> SpecDetector? {
        let lookup = lookup ?? senderLookup(view)
        let sender = lookup.facts
        guard let senderIndex, let found = lookup.candidates else {
            return referenceDetectIndex(view, sender, presence).map { detectors[$0] }
        }
        var candidates = found.asked
        var best: (index: Int, bothSides: Bool)?
        while candidates != 0 {
            let index = candidates.trailingZeroBitCount
            candidates &= candidates - 1
            let detector = detectors[index]
            if let current = best, detector.priority < detectors[current.index].priority { break }
            let senderMatched = found.senderMatched & (1 << UInt64(index)) != 0
            guard let bothSides = detector.matches(view, sender, presence, senderMatched: senderMatched) else { continue }
            if let current = best {
                if bothSides && !current.bothSides { best = (index, bothSides) }
            } else {
                best = (index, bothSides)
            }
            if bothSides { break }
            candidates &= senderIndex.bothSides
        }
        return best.map { detectors[$0.index] }
    }

    /// The sender side of `view` as detection reads it, for ``detectedDetector(_:presence:sender:)``
    /// and then ``senderOnlyMarketplaceDetector(_:sender:)``: looked up once for both.
    func senderLookup(_ view: InquiryView) -> SenderLookup {
        SenderLookup(facts: SenderFacts(view),
                     candidates: senderIndex?.candidates(senderAddress: view.senderAddress) { view.replyTo.map(\.address) })
    }

    /// ``detect(_:presence:)`` asking every detector in order (sets too large for
    /// ``SenderIndex``, and tests).
    func referenceDetect(_ view: InquiryView, _ sender: SenderFacts, _ presence: LiteralPresence) -> ParserSpec? {
        referenceDetectIndex(view, sender, presence).map { specs[$0] }
    }

    /// The index in `specs` of ``referenceDetect(_:_:_:)``'s spec.
    private func referenceDetectIndex(_ view: InquiryView, _ sender: SenderFacts, _ presence: LiteralPresence) -> Int? {
        var best: (index: Int, bothSides: Bool)?
        // `detectors` is in `specs` order (priority, then name): the first candidate of
        // each priority wins unless a later one of the same priority matched on both sides.
        for index in detectors.indices {
            let detector = detectors[index]
            if let current = best, detector.priority < detectors[current.index].priority { break }
            guard let bothSides = detector.matches(view, sender, presence) else { continue }
            if let current = best {
                if bothSides && !current.bothSides { best = (index, bothSides) }
            } else {
                best = (index, bothSides)
            }
        }
        return best?.index
    }

    /// The reason a detected spec's `ignore` rules give for this message, if any, and
    /// whether the rule named a subject pattern only (a lead's subject may hold the rule's
    /// word: an Angi task "Plan Review" is no review request; see ``LeadExtractor``).
    /// `detector` is one of this set's, and `presence` this set's for the same view.
    func ignoreVerdict(_ detector: SpecDetector, _ view: InquiryView, presence: LiteralPresence) -> (reason: String, bySubjectAlone: Bool)? {
        // A rule naming both a subject and a body pattern needs both to match.
        // Through a pointer, so each rule is read in place rather than copied (a rule holds
        // patterns of many references, each retained and released by a copy; an array
        // subscript copied them). The rules are read through the detector: a spec passed as
        // an argument was copied whole first.
        detector.spec.ignoreRules.withUnsafeBufferPointer { rules -> (reason: String, bySubjectAlone: Bool)? in
            for index in rules.indices {
                if rules[index].subject?.matches(view.subject, presence: presence.subject, isASCII: view.subjectIsASCII,
                                                 budget: view.patternBudget) == false { continue }
                if rules[index].body?.matches(view.text, presence: presence.text, isASCII: view.textIsASCII,
                                              budget: view.patternBudget) == false { continue }
                return (rules[index].reason, rules[index].body == nil)
            }
            return nil
        }
    }
}

/// A domain as detection compares it: the text, and its bytes when it is ASCII (then the
/// comparisons are byte comparisons, which give what the String ones give).
struct DomainName: Sendable {
    let text: String
    let ascii: [UInt8]?

    init(_ text: String) {
        self.text = text
        ascii = text.utf8.allSatisfy { $0 < 0x80 } ? Array(text.utf8) : nil
    }

    /// `domain(candidate.text, isWithin: text)`: the candidate is this domain or a
    /// subdomain of it.
    func contains(_ candidate: DomainName) -> Bool {
        guard let suffix = ascii, let bytes = candidate.ascii else { return domain(candidate.text, isWithin: text) }
        guard bytes.count != suffix.count else { return bytes == suffix }
        guard bytes.count > suffix.count else { return false }
        let offset = bytes.count - suffix.count
        guard bytes[offset - 1] == UInt8(ascii: ".") else { return false }
        for index in suffix.indices where bytes[offset + index] != suffix[index] { return false }
        return true
    }
}

/// What detection needs of one spec, prepared when the set is made: a class, so the loop
/// over the specs copies a reference per spec rather than six arrays.
final class SpecDetector: Sendable {
    /// The spec itself.
    let spec: ParserSpec
    let priority: Int
    let senderDomains: [DomainName]
    let replyToDomains: [DomainName]
    let senderAddresses: [String]
    let senderPatterns: [SpecPattern]
    /// For each sender pattern, what every match contains (see ``SenderLiterals``); nil
    /// when unknown.
    let senderPatternLiterals: [SenderLiterals?]
    let subjects: [SpecPattern]
    let bodyMarkers: [SpecPattern]
    let hasSenderSide: Bool
    let hasContentSide: Bool
    /// ``ParserSpec/isMarketplace``, worked out once: each message no spec detects asks it
    /// of its sender's candidates, and reading it through ``spec`` copied the whole spec.
    let isMarketplace: Bool

    init(_ spec: ParserSpec) {
        self.spec = spec
        let detection = spec.detection
        priority = spec.priority
        senderDomains = detection.senderDomains.map(DomainName.init)
        replyToDomains = detection.replyToDomains.map(DomainName.init)
        senderAddresses = detection.senderAddresses
        senderPatterns = detection.senderPatterns
        senderPatternLiterals = detection.senderPatterns.map { $0.literals.map(SenderLiterals.init) }
        subjects = detection.subjects
        bodyMarkers = detection.bodyMarkers
        hasSenderSide = detection.hasSenderSide
        hasContentSide = detection.hasContentSide
        isMarketplace = spec.isMarketplace
    }

    /// nil when the spec does not match; else whether both sides were listed and matched.
    /// `senderMatched`: the sender side is already known to match (``SenderIndex``).
    func matches(_ view: InquiryView, _ sender: SenderFacts, _ presence: LiteralPresence, senderMatched: Bool = false) -> Bool? {
        if hasSenderSide {
            guard senderMatched || senderMatches(sender) else { return nil }
        }
        if hasContentSide {
            // Patterns read in place through a pointer: `contains(where:)`, and an array
            // subscript, copied each one (many references to retain and release).
            if !subjects.isEmpty {
                let subject = view.subject
                let subjectPresence = presence.subject
                // (`view.subjectIsASCII` is worked out only if a pattern runs.)
                let matched = subjects.withUnsafeBufferPointer { patterns -> Bool in
                    for index in patterns.indices
                    where patterns[index].matches(subject, presence: subjectPresence, isASCII: view.subjectIsASCII,
                                                  budget: view.patternBudget) {
                        return true
                    }
                    return false
                }
                if matched { return hasSenderSide }
            }
            guard !bodyMarkers.isEmpty else { return nil }
            let text = view.text
            let textPresence = presence.text
            let found = bodyMarkers.withUnsafeBufferPointer { patterns -> Bool in
                for index in patterns.indices
                where patterns[index].matches(text, presence: textPresence, isASCII: view.textIsASCII, budget: view.patternBudget) {
                    return true
                }
                return false
            }
            guard found else { return nil }
        }
        return hasSenderSide && hasContentSide
    }

    private func senderMatches(_ sender: SenderFacts) -> Bool {
        // (The domain only when a domain is listed: made on first use.)
        if !senderDomains.isEmpty || !replyToDomains.isEmpty, let senderDomain = sender.domain {
            if senderDomains.contains(where: { $0.contains(senderDomain) }) { return true }
            if replyToDomains.contains(where: { $0.contains(senderDomain) }) { return true }
        }
        let address = sender.address
        if !address.isEmpty, senderAddresses.contains(address) { return true }
        if !address.isEmpty {
            // A pattern runs only when the address holds one of its literals (or may).
            let matched = senderPatterns.withUnsafeBufferPointer { patterns -> Bool in
                for index in patterns.indices
                where senderPatternLiterals[index]?.mayOccur(in: address) ?? true && patterns[index].matches(address) {
                    return true
                }
                return false
            }
            if matched { return true }
        }
        if !replyToDomains.isEmpty {
            for replyDomain in sender.replyToDomains where replyToDomains.contains(where: { $0.contains(replyDomain) }) {
                return true
            }
        }
        return false
    }
}

/// The literals of a sender pattern, for a prefilter: a pattern matches only an address
/// that holds one of them (A-Z folded when the pattern is case-insensitive), so when an
/// ASCII address holds none the pattern need not run. (ICU's case-insensitive matching
/// equates ASCII letters with a few non-ASCII characters too: a non-ASCII address always
/// runs the pattern.)
struct SenderLiterals: Sendable {
    let isCaseInsensitive: Bool
    /// The literals by their first byte (ASCII: index the byte), so a scan of an address
    /// compares at each position only the literals that start with its byte, rather than
    /// every literal over the whole address (a sender pattern lists some twenty).
    private let byFirstByte: [[[UInt8]]]
    /// Bit `b` of word `b >> 6`: some literal is in `byFirstByte[b]`.
    private let firstBytes: (UInt64, UInt64)
    /// A literal is empty: every address holds it.
    private let alwaysMay: Bool

    init(_ literals: SpecPatternLiterals) {
        isCaseInsensitive = literals.isCaseInsensitive
        var byFirstByte = [[[UInt8]]](repeating: [], count: 128)
        var alwaysMay = false
        for literal in literals.alternatives.map({ Array($0.utf8) }) {
            guard let first = literal.first else {
                alwaysMay = true
                continue
            }
            // (An ASCII address holds no literal starting with another byte, and folded no
            // capital: such a literal is never found.)
            guard first < 0x80, !(isCaseInsensitive && first >= 0x41 && first <= 0x5A) else { continue }
            byFirstByte[Int(first)].append(literal)
            // (Folding, the capital of a lowercase first byte folds to it.)
            if isCaseInsensitive, first >= 0x61, first <= 0x7A { byFirstByte[Int(first - 0x20)].append(literal) }
        }
        self.byFirstByte = byFirstByte
        var firstBytes: (UInt64, UInt64) = (0, 0)
        for byte in byFirstByte.indices where !byFirstByte[byte].isEmpty {
            if byte < 64 { firstBytes.0 |= 1 << UInt64(byte) } else { firstBytes.1 |= 1 << UInt64(byte - 64) }
        }
        self.firstBytes = firstBytes
        self.alwaysMay = alwaysMay
    }

    /// False when `address` is ASCII and holds none of the literals; else true.
    func mayOccur(in address: String) -> Bool {
        if alwaysMay { return true }
        var address = address
        return address.withUTF8 { bytes -> Bool in
            for byte in bytes where byte >= 0x80 { return true }
            for start in bytes.indices {
                let byte = bytes[start]
                guard (byte < 64 ? firstBytes.0 >> UInt64(byte) : firstBytes.1 >> UInt64(byte - 64)) & 1 != 0 else { continue }
                for literal in byFirstByte[Int(byte)] where Self.occurs(literal, in: bytes, at: start, folding: isCaseInsensitive) {
                    return true
                }
            }
            return false
        }
    }

    /// Whether `literal` occurs at `start` of `bytes`, A-Z of `bytes` folded when `folding`
    /// (the literals of a case-insensitive pattern are lowercase); its first byte matched.
    @inline(__always)
    private static func occurs(_ literal: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at start: Int, folding: Bool) -> Bool {
        guard literal.count <= bytes.count - start else { return false }
        var offset = 1
        while offset < literal.count {
            let byte = bytes[start + offset]
            guard (folding && byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) == literal[offset] else { return false }
            offset += 1
        }
        return true
    }
}

/// A message's sender facts and which detectors the set's ``SenderIndex`` leaves for them
/// (nil for a set without an index), from ``SpecSet/senderLookup(_:)``.
struct SenderLookup {
    let facts: SenderFacts
    let candidates: SenderIndex.Candidates?
}

/// The sender side of one message, read once for all specs.
final class SenderFacts {
    private let view: InquiryView
    /// The sender's address, lowercased.
    let address: String
    /// Its domain, made on first use (only detectors listing domains ask).
    private(set) lazy var domain: DomainName? = view.senderDomain.map(DomainName.init)

    init(_ view: InquiryView) {
        self.view = view
        address = view.senderAddress
    }

    /// The domains of the Reply-To addresses (those that have one), read on first use.
    private(set) lazy var replyToDomains: [DomainName] = view.replyTo.compactMap { domainOf($0.address).map(DomainName.init) }
}

/// Which of a spec set's literals occur in one message's subject and text, each scanned on
/// first use, for detection and then the detected spec's `ignore` and field rules.
final class LiteralPresence {
    private let literals: DetectionLiterals
    private let view: InquiryView
    private var subjectPresence: [Bool]??
    private var textPresence: [Bool]??

    init(literals: DetectionLiterals, view: InquiryView) {
        self.literals = literals
        self.view = view
    }

    /// For each literal, whether it occurs in the view's subject; nil when any may.
    var subject: [Bool]? {
        if let subjectPresence { return subjectPresence }
        var isASCII: Bool?
        let found = literals.presence(in: view.subject, isASCII: &isASCII)
        // Known now: the patterns run on the subject need not work it out.
        if let isASCII { view.subjectIsASCII = isASCII }
        subjectPresence = .some(found)
        return found
    }

    /// Whether this pass shows that the message holds no spam pitch (see
    /// ``SpamRule/rulesOutPitch(subject:text:subjectPresence:textPresence:from:)``): only
    /// when the view reads the message's own subject and text, which that rule reads, and
    /// the text was scanned already (false otherwise: measured on the corpus, a literal
    /// pass made for this alone costs more than the spam rule's word-start scan).
    func rulesOutPitch() -> Bool {
        guard view.inquiry.bodyIsMessageText, textPresence != nil else { return false }
        return SpamRule.rulesOutPitch(subject: view.subject, text: view.text, subjectPresence: subject, textPresence: text,
                                      from: literals.extraStart)
    }

    /// Whether the view's subject or text may hold one of
    /// ``NotASalesInquiryRule/triggerLiterals`` (their slots follow the spam rule's); nil
    /// when this pass cannot tell (a case-folding hazard, or literals made without them).
    func mayHoldNotASalesInquiryTrigger() -> Bool? {
        guard let subject, let text else { return nil }
        let start = literals.extraStart + SpamRule.presenceSlots.count
        let end = start + NotASalesInquiryRule.presenceSlots.count
        guard subject.count >= end, text.count >= end else { return nil }
        return DetectionLiterals.countSet(in: subject, or: text, slots: start..<end, upTo: 1) > 0
    }

    /// For each literal, whether it occurs in the view's text; nil when any may.
    var text: [Bool]? {
        if let textPresence { return textPresence }
        var isASCII: Bool?
        let found = literals.presence(in: view.text, isASCII: &isASCII)
        if let isASCII { view.textIsASCII = isASCII }
        textPresence = .some(found)
        return found
    }
}

extension SpecSet {
    /// For a message no spec detected: the first marketplace spec (in `specs` order,
    /// highest priority first) whose *sender* side matches, as its detector; nil when none.
    /// Its content did not match: a new template of that marketplace, or mail from it that
    /// is no lead (see ``LeadExtractor``).
    /// (`lookup`: ``senderLookup(_:)`` of the view, when the caller has it.)
    func senderOnlyMarketplaceDetector(_ view: InquiryView, sender lookup: SenderLookup? = nil) -> SpecDetector? {
        let lookup = lookup ?? senderLookup(view)
        let sender = lookup.facts
        let candidates: UInt64
        let known: UInt64
        if let found = lookup.candidates {
            candidates = found.asked
            known = found.senderMatched
        } else {
            candidates = UInt64.max
            known = 0
        }
        for index in detectors.indices where index >= 64 || candidates & (1 << UInt64(index)) != 0 {
            let detector = detectors[index]
            guard detector.hasSenderSide, detector.isMarketplace else { continue }
            if index < 64, known & (1 << UInt64(index)) != 0 { return detector }
            if detector.senderSideMatches(sender) { return detector }
        }
        return nil
    }
}

extension SpecDetector {
    /// Whether the spec's sender side (domains, addresses, patterns, Reply-To domains) matches.
    func senderSideMatches(_ sender: SenderFacts) -> Bool {
        senderMatches(sender)
    }

    /// The spec's field rules applied to `builder` (``ParserSpec/applyRules(to:view:presence:)``),
    /// called on the spec in place: the caller's `detected.spec.applyRules` copied the whole
    /// spec (every reference it holds retained and released) for each message.
    /// (`contactOnly`: the email and phone rules alone.)
    func applyRules(to builder: inout LeadBuilder, view: InquiryView, presence: LiteralPresence, contactOnly: Bool = false) {
        spec.applyRules(to: &builder, view: view, presence: presence, contactOnly: contactOnly)
    }
}
