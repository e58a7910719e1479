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
        detect(InquiryView(message: message))
    }

    func detect(_ view: InquiryView) -> ParserSpec? {
        var best: (index: Int, bothSides: Bool)?
        var presence = LiteralPresence(literals: detectionLiterals, view: view)
        // `specs` is sorted by priority, then name: the first candidate of each priority
        // wins unless a later one of the same priority matched on both sides. (Indices, not
        // copies: a spec is a large value.)
        for index in specs.indices {
            if let current = best, specs[index].priority < specs[current.index].priority { break }
            guard let bothSides = matches(specs[index].detection, view, &presence) else { continue }
            if let current = best {
                if bothSides && !current.bothSides { best = (index, bothSides) }
            } else {
                best = (index, bothSides)
            }
        }
        return best.map { specs[$0.index] }
    }

    /// nil when the spec does not match; else whether both sides were listed and matched.
    private func matches(_ detection: ParserSpec.Detection, _ view: InquiryView, _ presence: inout LiteralPresence) -> Bool? {
        if detection.hasSenderSide {
            guard senderMatches(detection, view) else { return nil }
        }
        if detection.hasContentSide {
            let subjectPresence = detection.subjects.isEmpty ? nil : presence.subject
            let subjectHit = detection.subjects.contains { $0.matches(view.subject, presence: subjectPresence) }
            guard !subjectHit else { return detection.hasSenderSide }
            let textPresence = detection.bodyMarkers.isEmpty ? nil : presence.text
            guard detection.bodyMarkers.contains(where: { $0.matches(view.text, presence: textPresence) }) else { return nil }
        }
        return detection.hasSenderSide && detection.hasContentSide
    }

    private func senderMatches(_ detection: ParserSpec.Detection, _ view: InquiryView) -> Bool {
        let address = view.senderAddress
        if let senderDomain = view.senderDomain {
            if detection.senderDomains.contains(where: { domain(senderDomain, isWithin: $0) }) { return true }
            if detection.replyToDomains.contains(where: { domain(senderDomain, isWithin: $0) }) { return true }
        }
        if !address.isEmpty, detection.senderAddresses.contains(address) { return true }
        if !address.isEmpty, detection.senderPatterns.contains(where: { $0.matches(address) }) { return true }
        if !detection.replyToDomains.isEmpty {
            for mailbox in view.replyTo {
                guard let replyDomain = domainOf(mailbox.address) else { continue }
                if detection.replyToDomains.contains(where: { domain(replyDomain, isWithin: $0) }) { return true }
            }
        }
        return false
    }

    /// The reason a detected spec's `ignore` rules give for this message, if any.
    func ignoreReason(_ spec: ParserSpec, _ view: InquiryView) -> String? {
        // A rule naming both a subject and a body pattern needs both to match.
        for rule in spec.ignoreRules {
            if let subject = rule.subject, !subject.matches(view.subject) { continue }
            if let body = rule.body, !body.matches(view.text) { continue }
            return rule.reason
        }
        return nil
    }
}

/// Which detection literals occur in a message's subject and text, each found on first use.
struct LiteralPresence {
    let literals: DetectionLiterals
    let view: InquiryView
    private var subjectPresence: [Bool]??
    private var textPresence: [Bool]??

    init(literals: DetectionLiterals, view: InquiryView) {
        self.literals = literals
        self.view = view
    }

    var subject: [Bool]? {
        mutating get {
            if let subjectPresence { return subjectPresence }
            let found = literals.presence(in: view.subject)
            subjectPresence = .some(found)
            return found
        }
    }

    var text: [Bool]? {
        mutating get {
            if let textPresence { return textPresence }
            let found = literals.presence(in: view.text)
            textPresence = .some(found)
            return found
        }
    }
}
