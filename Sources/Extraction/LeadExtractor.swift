import Foundation
public import LeadModel
public import MIME

/// Turns a parsed message into a lead, or into a reason it is not one.
///
/// The pipeline, in order:
/// 1. ``NotALeadClassifier`` (auto-replies, bounces, lists, spam) → ignored.
/// 2. Everything after runs on the innermost forwarded original when the message carries
///    one: the forwarder is never the prospect.
/// 3. `<meta name="lead_*">` tags are read first; their values win.
/// 4. The spec is detected (``SpecSet/detectedSpec(for:)``); its `ignore` rules may
///    ignore the message.
/// 5. The spec's field rules fill what is still empty; relay addresses and proxied
///    phones become relay contact channels, never `email` / `phone`.
/// 6. No spec: a person's own message is a `direct_inquiry` (sender name and address,
///    phone in the text); an automated sender of unknown format is `other`, flagged for
///    review, with the sender domain as `source_detail`.
/// 7. ``InquiryHeuristics`` fill what is still empty from what the prospect wrote.
/// 8. No email, phone or relay channel → ignored, except for a marketplace spec (some
///    hide contact details): then the lead is flagged for review.
///
/// ```swift
/// let extractor = LeadExtractor(specs: try SpecSet.load(directory: parsersURL))
/// let outcome = extractor.extract(from: MIMEMessage.parse(bytes))
/// ```
public struct LeadExtractor: Sendable {
    /// The specs detection chooses from.
    public let specs: SpecSet

    /// Creates an extractor over loaded specs.
    public init(specs: SpecSet) {
        self.specs = specs
    }

    /// A lead, or the reason the message is not one.
    public func extract(from message: MIMEMessage) -> ExtractionOutcome {
        let headers = ClassificationHeaders(message.headers)
        if let verdict = NotALeadClassifier.verdictBeforeContent(for: message, headers: headers) {
            return .ignored(reason: verdict.reason)
        }
        let view = InquiryView(message: message)
        // Which spec literals the message holds, found once for detection, ignore and field
        // rules, and for the classifier's last step, the spam content check.
        let presence = LiteralPresence(literals: specs.detectionLiterals, view: view)
        // The detected spec is read through its detector (`detected.spec`), never bound
        // to a variable: each binding of the struct would copy it. (Worked out before the
        // spam content check, whose verdict still comes first: detection decides nothing
        // on its own, and may make the text's literal pass that check can reuse.)
        let detected = specs.detectedDetector(view, presence: presence)
        // The literal pass marks the pitch phrases too: when detection made it over the
        // message's own text, a message is checked only when that pass finds that two
        // phrases may occur; else the spam rule's own word-start scan decides.
        if !presence.rulesOutPitch(), let verdict = SpamRule.contentVerdict(message) {
            return .ignored(reason: verdict.reason)
        }
        // (Without an Auto-Submitted header, which the one pass found or not, there is no
        // auto-submitted reason: no second search of the headers.)
        if headers.autoSubmitted != nil, let reason = GenericExtractor.autoSubmittedReason(message) {
            return .ignored(reason: reason)
        }
        if let detected, let reason = specs.ignoreReason(detected.spec, view, presence: presence) {
            return .ignored(reason: reason)
        }

        var relayDomains = specs.relayEmailDomains
        for domain in detected?.spec.relays.emailDomains ?? [] where !relayDomains.contains(domain) {
            relayDomains.append(domain)
        }
        var builder = LeadBuilder(
            lead: ExtractedLead(source: "direct_inquiry", isForwarded: view.inquiry.isForwarded),
            relayDomains: relayDomains)
        builder.phonesAreProxied = detected?.spec.relays.phonesAreProxied ?? false

        let metaSource = LeadMetaTags.apply(LeadMetaTags.tags(in: view), to: &builder)

        var heuristicsText = view.inquiry.body
        var heuristicsLocation = view.inquiry.bodySource
        if let detected {
            builder.lead.source = detected.spec.source
            builder.lead.sourceDetail = detected.spec.detail
            detected.spec.applyRules(to: &builder, view: view, presence: presence)
            // The original's sender or Reply-To at a relay domain (a per-lead relay address
            // such as customer-request-123@awexpress.google.com) reaches the prospect.
            for address in [view.sender?.address ?? ""] + view.replyTo.map(\.address)
            where !address.isEmpty && builder.isRelay(address) {
                builder.addChannel(ContactChannel(kind: .email, value: address, isRelay: true))
            }
            // A notification's own text (footers, support numbers) is not the prospect's:
            // heuristics read only what the prospect wrote.
            heuristicsText = builder.lead.message ?? ""
            heuristicsLocation = "\(detected.spec.name) message field"
        } else if let metaSource {
            let slug = metaSource.lowercased().filter { $0.isLetter || $0 == "_" }
            if ParserSpec.sourceSlugs.contains(slug) {
                builder.lead.source = slug
            } else {
                builder.lead.source = "other"
                builder.lead.sourceDetail = metaSource
                builder.lead.flagForReview("unknown source \"\(metaSource)\" in the lead_source meta tag")
            }
            builder.lead.fields["source"] = FieldProvenance(rule: "meta lead_source", location: "HTML meta tag")
        } else if Self.isAutomated(view.sender) {
            Self.fillUnknownSource(&builder, view)
        } else {
            GenericExtractor.fillDirectInquiry(&builder, view.inquiry)
        }

        if !builder.has(.subject), let subject = SubjectCleaner.clean(view.inquiry.subject) {
            builder.set(.subject, raw: subject, hint: .trim,
                        provenance: FieldProvenance(rule: "subject without prefixes", location: view.inquiry.subjectSource))
        }
        if !heuristicsText.isEmpty {
            InquiryHeuristics.fill(&builder.lead, from: heuristicsText, location: heuristicsLocation)
        }
        // An address the prospect wrote in their message, when nothing else gave one.
        if let detected, !builder.has(.email), let message = builder.lead.message {
            Self.fillEmail(&builder, fromLines: LineSplitter.lines(message),
                           excluding: view.senderDomain, location: "\(detected.spec.name) message field")
        }
        if let email = builder.lead.email, builder.isRelay(email) {
            builder.lead.email = nil
            builder.lead.fields["email"] = nil
            builder.addChannel(ContactChannel(kind: .email, value: email, isRelay: true))
        }
        builder.finishChannels()

        if builder.lead.contactChannels.isEmpty {
            guard let detected, detected.spec.isMarketplace else {
                return .ignored(reason: "no contact details: no sender address or phone number")
            }
            builder.lead.flagForReview("no contact details: the \(detected.spec.name) notification gives no email address or phone number")
        }
        return .lead(builder.lead)
    }

    // MARK: - Unknown automated senders

    private static let automatedAddresses = [
        "noreply", "no-reply", "no_reply", "donotreply", "do-not-reply", "do_not_reply", "mailer-daemon",
    ]
    private static let automatedWords: Set<String> = [
        "notification", "notifications", "notify", "alert", "alerts", "mailer", "wordpress", "form", "forms",
        "lead", "leads", "system", "automated", "auto", "robot", "bounce", "bounces", "webmaster", "website",
        "submission", "submissions", "notice", "notices", "updates", "news", "newsletter", "marketing",
    ]

    /// A sender that is a program, not a person (`noreply@`, `notifications@`, `wordpress@`):
    /// its local part contains a no-reply form or has one of the automated words as a
    /// dot/dash-separated word.
    static func isAutomated(_ sender: Mailbox?) -> Bool {
        guard let address = sender?.address else { return false }
        let answer = address.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            for byte in bytes where byte >= 0x80 { return nil }
            return isAutomated(asciiAddress: bytes)
        }
        return (answer ?? nil) ?? characterIsAutomated(address)
    }

    /// ``isAutomated(_:)`` on the bytes of an ASCII address, A-Z folded. The same answer:
    /// lowercasing maps A-Z alone, an "@" or separator byte is that Character (only CR LF
    /// joins two ASCII bytes into one), and the words are ASCII, compared byte for byte.
    private static func isAutomated(asciiAddress bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        @inline(__always) func folded(_ index: Int) -> UInt8 {
            let byte = bytes[index]
            return byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        }
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")) else { return false }
        for needle in automatedAddressBytes where needle.count <= at {
            for start in 0...(at - needle.count) {
                var offset = 0
                while offset < needle.count, folded(start + offset) == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
        }
        var wordStart = 0
        for index in 0...at {
            let byte = index == at ? UInt8(ascii: ".") : bytes[index]
            guard byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "+") else {
                continue
            }
            let length = index - wordStart
            if length < automatedWordBytes.count {
                for word in automatedWordBytes[length] {
                    var offset = 0
                    while offset < length, folded(wordStart + offset) == word[offset] { offset += 1 }
                    if offset == length { return true }
                }
            }
            wordStart = index + 1
        }
        return false
    }

    private static let automatedAddressBytes = automatedAddresses.map { Array($0.utf8) }

    /// `automatedWords` by byte length (index: length), as bytes.
    private static let automatedWordBytes: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: (automatedWords.map(\.utf8.count).max() ?? 0) + 1)
        for word in automatedWords.sorted() { table[word.utf8.count].append(Array(word.utf8)) }
        return table
    }()

    /// ``isAutomated(_:)`` on Characters, for addresses with non-ASCII text.
    static func characterIsAutomated(_ address: String) -> Bool {
        let address = address.lowercased()
        guard let at = address.firstIndex(of: "@") else { return false }
        let local = address[..<at]
        if automatedAddresses.contains(where: { Self.contains(local, $0) }) { return true }
        return local.split(whereSeparator: { $0 == "." || $0 == "-" || $0 == "_" || $0 == "+" })
            .contains { automatedWords.contains(String($0)) }
    }

    /// The whitespace-separated tokens of `line` that contain "@", in order. On the bytes
    /// of an ASCII line, where a whitespace Character is a whitespace byte (CR LF is one
    /// Character and two whitespace bytes: the same tokens).
    private static func tokensWithAt(_ line: Substring) -> [Substring] {
        let bytes = line.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            return line.split(whereSeparator: { $0.isWhitespace }).filter { $0.contains("@") }
        }
        var tokens: [Substring] = []
        var start: String.Index?
        var hasAt = false
        var index = bytes.startIndex
        while true {
            let atEnd = index == bytes.endIndex
            let byte: UInt8 = atEnd ? 0x20 : bytes[index]
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                if let tokenStart = start, hasAt { tokens.append(line[tokenStart..<index]) }
                start = nil
                hasAt = false
            } else {
                if start == nil { start = index }
                if byte == 0x40 { hasAt = true }
            }
            if atEnd { return tokens }
            index = bytes.index(after: index)
        }
    }

    /// `text.contains(word)` (Foundation's, as `StringProtocol.contains` is here): on the
    /// bytes when both are ASCII, where it is a plain byte search.
    private static func contains(_ text: Substring, _ word: String) -> Bool {
        let bytes = text.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }), word.utf8.allSatisfy({ $0 < 0x80 }) else { return text.contains(word) }
        let pattern = Array(word.utf8)
        guard let first = pattern.first else { return text.contains(word) }
        var start = bytes.startIndex
        while let candidate = bytes[start...].firstIndex(of: first) {
            if bytes[candidate...].starts(with: pattern) { return true }
            start = bytes.index(after: candidate)
        }
        return false
    }

    /// The first address in the text that is not at `excluding` (the notification sender's
    /// domain); relay addresses become relay channels and the search goes on.
    private static func fillEmail(
        _ builder: inout LeadBuilder, fromLines lines: [Substring], excluding: String?, location: String
    ) {
        for (index, line) in lines.enumerated() where !builder.has(.email) {
            // A token with "@" needs an "@" byte in its line.
            guard line.utf8.contains(0x40) else { continue }
            for token in Self.tokensWithAt(line) {
                guard let email = ValueNormalizer.email(String(token)), domainOf(email) != excluding else { continue }
                if builder.set(.email, raw: email, hint: .email,
                               provenance: FieldProvenance(rule: "email address in text", location: "\(location) line \(index + 1)")) {
                    break
                }
            }
        }
    }

    /// A lead-like email from an automated sender no spec knows: source `other`, the sender
    /// domain as detail, flagged for review; the contact is whatever the text and Reply-To
    /// name (never the sender itself).
    private static func fillUnknownSource(_ builder: inout LeadBuilder, _ view: InquiryView) {
        builder.lead.source = "other"
        builder.lead.sourceDetail = view.senderDomain ?? "unknown"
        builder.lead.flagForReview("unknown source: an automated sender (\(view.senderDomain ?? "no sender domain")) that no spec in parsers/ matches")
        let senderDomain = view.senderDomain
        if let replyTo = view.replyTo.first, domainOf(replyTo.address) != senderDomain {
            builder.set(.email, raw: replyTo.address, hint: .email,
                        provenance: FieldProvenance(rule: "Reply-To header", location: view.header("Reply-To")?.location))
            if let name = replyTo.name {
                builder.set(.name, raw: name, hint: .name,
                            provenance: FieldProvenance(rule: "Reply-To display name", location: view.header("Reply-To-name")?.location))
            }
        }
        if !builder.has(.email) {
            // The text's lines as ``LabelIndex/lines`` splits them, without indexing its labels.
            fillEmail(&builder, fromLines: LineSplitter.lines(view.text), excluding: senderDomain, location: view.inquiry.bodySource)
        }
        let body = ValueNormalizer.trimmingWhitespace(view.inquiry.body)
        if !body.isEmpty {
            builder.set(.message, raw: body, hint: .trim,
                        provenance: FieldProvenance(rule: "notification text", location: view.inquiry.messageSource))
        }
    }
}
