import Foundation
public import LeadModel
public import MIME

/// Turns a parsed message into a lead, or into a reason it is not one.
///
/// The pipeline, in order (after ``GluedFormFields`` gives a web form's fields, written into
/// the mail header by a broken mailer, back to the text):
/// 1. ``NotALeadClassifier`` (auto-replies, bounces, calendar replies, spam) → ignored;
///    mailing-list rules only for a message no spec detects (step 4) whose sender is no
///    marketplace's: a marketplace's lead alert may carry list headers.
/// 2. Everything after runs on the innermost forwarded original when the message carries
///    one: the forwarder is never the prospect, unless the forward is a prospect's own
///    inquiry on top of mail someone else sent them (``ForwardersOwnInquiry``): then it is
///    read from their note, flagged.
/// 3. `<meta name="lead_*">` tags are read first; their values win.
/// 4. The spec is detected (``SpecSet/detectedSpec(for:)``); its `ignore` rules may
///    ignore the message. When none is detected but a marketplace spec's *sender* side
///    matches, that spec's `ignore` rules apply; otherwise the message is kept as `other`,
///    flagged: a new template of a marketplace is never ignored.
/// 5. The spec's field rules fill what is still empty; relay addresses and proxied
///    phones become relay contact channels, never `email` / `phone`.
/// 6. No spec: a person's own message is a `direct_inquiry` (sender name and address,
///    phone in the text); an automated sender of unknown format (``isAutomated(_:)``, a
///    `List-Unsubscribe` header, or label lines naming someone else's address) is `other`,
///    flagged for review, with the sender domain as `source_detail`. The builder's own
///    addresses (the recipients, the forwarder) are never the prospect's email. A message
///    written for a client (a realtor's, an architect's: ``ClientReferral``) is the client's
///    lead, flagged with the writer's name.
///    Before that, business mail that is no sales inquiry (a vendor's quote, an invoice, a
///    job application: ``NotASalesInquiryRule``) is ignored, or flagged on mixed signals.
/// 7. ``InquiryHeuristics`` fill what is still empty from what the prospect wrote, then from
///    the builder's note on a forward (``BuildersForwardNote``: never a name), then from mail
///    of the prospect's household they forwarded (``ForwardersOwnInquiry/householdOriginal(of:_:)``).
/// 8. No email, phone or relay channel → ignored, except for a marketplace spec (some
///    hide contact details, or its template changed) or an automated-looking sender at a
///    personal mail provider (then the sender is the contact): flagged for review.
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
        extract(from: message, builder: BuilderIdentity())
    }

    /// A lead, or the reason the message is not one, for a builder whose own mailboxes and
    /// intake addresses are `identity`: mail the builder wrote (a reply-all, an outgoing
    /// message copied to the intake address) is recorded for the person it went to, and no
    /// address of the builder's is ever the prospect's.
    public func extract(from message: MIMEMessage, builder identity: BuilderIdentity) -> ExtractionOutcome {
        // (Passed on, not bound to a variable: a binding copies the message's fields.)
        if let repaired = GluedFormFields.repaired(message) {
            return extractLead(from: repaired, builder: identity)
        }
        return extractLead(from: message, builder: identity)
    }

    private func extractLead(from message: MIMEMessage, builder identity: BuilderIdentity) -> ExtractionOutcome {
        let headers = ClassificationHeaders(message.headers)
        if let verdict = NotALeadClassifier.verdictBeforeListAndContent(for: message, headers: headers) {
            return .ignored(reason: verdict.reason)
        }
        let view = InquiryView(message: message, identity: identity)
        // Which spec literals the message holds, found once for detection, ignore and field
        // rules, and for the classifier's last step, the spam content check.
        let presence = LiteralPresence(literals: specs.detectionLiterals, view: view)
        // The detected spec is read through its detector (`detected.spec`), never bound
        // to a variable: each binding of the struct would copy it. (Worked out before the
        // spam content check, whose verdict still comes first: detection decides nothing
        // on its own, and may make the text's literal pass that check can reuse.)
        // (The sender looked up once, for detection and the sender-only marketplace check.)
        let sender = specs.senderLookup(view)
        let detected = specs.detectedDetector(view, presence: presence, sender: sender)
        // The literal pass marks the pitch phrases too: when detection made it over the
        // message's own text, a message is checked only when that pass finds that two
        // phrases may occur; else the spam rule's own word-start scan decides.
        if !presence.rulesOutPitch(), let verdict = SpamRule.contentVerdict(message) {
            return .ignored(reason: verdict.reason)
        }
        // No spec detected: a marketplace's sender with content no template matched.
        let senderOnly = detected == nil ? specs.senderOnlyMarketplaceDetector(view, sender: sender) : nil
        if detected == nil, senderOnly == nil,
           let verdict = MailingListRule.verdict(message, headers) ?? MailingListRule.listIDVerdict(message, headers) {
            return .ignored(reason: verdict.reason)
        }
        // A subject-only rule against a detected template waits for the template's rules: a
        // lead whose subject holds the rule's word (a task named "Plan Review") is kept.
        var ignoredUnlessContact: String?
        if let ruled = detected ?? senderOnly, let verdict = specs.ignoreVerdict(ruled, view, presence: presence) {
            guard detected != nil, verdict.bySubjectAlone else { return .ignored(reason: verdict.reason) }
            ignoredUnlessContact = verdict.reason
        }

        var relayDomains = specs.relayEmailDomains
        for domain in detected?.spec.relays.emailDomains ?? [] where !relayDomains.contains(domain) {
            relayDomains.append(domain)
        }
        var builder = LeadBuilder(
            lead: ExtractedLead(source: "direct_inquiry", isForwarded: view.inquiry.isForwarded),
            relayDomains: relayDomains)
        builder.phonesAreProxied = detected?.spec.relays.phonesAreProxied ?? false
        builder.builderAddresses = Self.builderAddresses(message, view, identity)
        if detected == nil, headers.listID != nil, headers.xGoogleGroupID == nil, let listID = message.listID {
            // Not ignored (a person wrote it: see MailingListRule.listIDVerdict), but a person
            // should look: a list post, or an inquiry through a group address?
            builder.lead.flagForReview("came through a mailing list (List-Id \(HeaderToken.safe(listID, limit: 60))): a list post, or an inquiry sent to a group address?")
        }
        // With the builder's mailboxes known, a forward from anyone else is no builder's
        // forward: a third party may name whoever they like as "the original's" sender.
        // (Not a person resending their own mail: a follow-up claims no one else's words.)
        if view.inquiry.isForwarded, !identity.mailboxes.isEmpty, let forwarder = message.from.first?.address,
           !identity.isOwn(forwarder),
           view.inquiry.originalIsForwardersOwn || !Inquiry.isSameMailbox(view.inquiry.original?.from, message.from.first) {
            builder.lead.flagForReview("forwarded by \(forwarder), not one of the builder's own addresses: check who wrote the original")
        }
        // Without them, a forward of mail that went to someone else (neither the forwarder nor
        // their organization) is no builder's own mail forwarded either.
        // (A person forwarding mail they wrote themselves claims no one else's words.)
        if view.inquiry.isForwarded, identity.mailboxes.isEmpty, !view.inquiry.originalIsForwardersOwn,
           !Inquiry.isSameMailbox(view.inquiry.original?.from, message.from.first),
           let forwarder = message.from.first?.address,
           let addressee = view.forwardedRecipients.last.flatMap({ Self.foreignAddressee($0.to + $0.cc, forwarder: forwarder, forwarderName: message.from.first?.name) }) {
            builder.lead.flagForReview("forwarded by \(forwarder), but the original went to \(addressee): check who wrote the original")
        }
        if view.inquiry.originalIsForwardersOwn {
            builder.lead.flagForReview("the builder forwarded their own message: the prospect is taken from its recipients")
        }
        if let writer = view.inquiry.forwardedOthersMailFrom {
            builder.lead.flagForReview("\(message.from.first?.address ?? "the sender") forwarded mail \(writer.address.isEmpty ? "someone" : writer.address) sent them, with their own inquiry above it: the forwarder is taken as the prospect")
        }
        let unreadOriginal = UnreadOriginals.reviewReason(message)
        if let unreadOriginal { builder.lead.flagForReview(unreadOriginal) }

        let metaSource = LeadMetaTags.apply(LeadMetaTags.tags(in: view), to: &builder)

        // The phrase of a writer writing for a client (a realtor, an architect), when the
        // message is a person's own (a direct inquiry, or one naming someone else's details).
        var writtenForSomeoneElse: String?
        var isDirectInquiry = false
        var heuristicsText = view.inquiry.body
        var heuristicsLocation = view.inquiry.bodySource
        // A person at the builder's (not a form or a program on their domain: a spec reads
        // those, and an automated sender is no person).
        if detected == nil, metaSource == nil, !view.inquiry.isForwarded, identity.isOwn(view.senderAddress),
           !Self.isAutomated(view.sender) {
            // The builder's own words to a prospect are no prospect's: heuristics read only
            // what the prospect wrote, quoted below a reply-all.
            if Self.fillBuildersOwnMessage(&builder, message, view, identity) {
                heuristicsText = Self.quotedText(of: message) ?? ""
                heuristicsLocation = "quoted message"
            } else {
                // Notes of a call: the details are the caller's, the signature the builder's.
                heuristicsText = Self.withoutWritersSignature(heuristicsText, writer: view.sender)
                if let caller = BuildersCallNote.callerName(in: heuristicsText) {
                    builder.set(.name, raw: caller.name, hint: .name, provenance: FieldProvenance(
                        rule: "caller's name in the builder's call note", location: "\(heuristicsLocation) line \(caller.line)"))
                }
            }
        } else if let detected {
            builder.lead.source = detected.spec.source
            builder.lead.sourceDetail = detected.spec.detail
            // (A message its subject would ignore is first read for its contact alone.)
            detected.applyRules(to: &builder, view: view, presence: presence, contactOnly: ignoredUnlessContact != nil)
            if let reason = ignoredUnlessContact {
                // (The notification's own From address, which a spec may fall back to, is
                // no prospect's contact.)
                let emailFromContent = builder.lead.email != nil && builder.lead.fields["email"]?.rule.hasPrefix("header From") != true
                guard emailFromContent || builder.lead.phone != nil || builder.lead.contactChannels.contains(where: \.isRelay) else {
                    return .ignored(reason: reason)
                }
                builder.lead.flagForReview("the subject matches \(detected.spec.name)'s ignore rule (\(reason)), but the message carries the lead's contact details: kept")
                detected.applyRules(to: &builder, view: view, presence: presence)
            }
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
        } else if let senderOnly {
            let domain = view.senderDomain ?? "an unknown domain"
            let name = senderOnly.spec.name
            Self.fillUnknownSource(&builder, view, reason: "from \(domain), but no \(name) template matched: a new template, or not a lead")
            // The marketplace's own text (support numbers, the builder's account) is not the
            // prospect's: the reviewer reads the message instead.
            heuristicsText = ""
        } else if Self.isAutomated(view.sender) {
            if let reason = AutomatedAccountNoticeRule.ignoredReason(view) {
                return .ignored(reason: reason)
            }
            Self.fillUnknownSource(&builder, view)
        } else if Self.hasListUnsubscribe(message, headers, view) {
            Self.fillUnknownSource(&builder, view, reason: "unknown source: the sender (\(view.senderDomain ?? "no sender domain")) sends List-Unsubscribe, which people's mail never carries, and no spec in parsers/ matches")
        } else if Self.namesSomeoneElse(view) {
            Self.fillUnknownSource(&builder, view, reason: "the text names another person's details as labelled fields: the sender (\(view.senderAddress)) is not taken as the prospect")
            writtenForSomeoneElse = Self.writesForSomeoneElse(view.inquiry.body)
        } else {
            if let reason = NotASalesInquiryRule.ignoredReason(message, view, presence: presence, flagging: &builder.lead) {
                return .ignored(reason: reason)
            }
            GenericExtractor.fillDirectInquiry(&builder, view.inquiry)
            if !view.inquiry.isForwarded, let poster = Self.groupPoster(message) {
                Self.fillGroupPoster(&builder, poster, group: message.from.first?.address ?? "")
            }
            writtenForSomeoneElse = Self.writesForSomeoneElse(view.inquiry.body)
            isDirectInquiry = true
        }

        if !builder.has(.subject), let subject = SubjectCleaner.clean(view.inquiry.subject) {
            builder.set(.subject, raw: subject, hint: .trim,
                        provenance: FieldProvenance(rule: "subject without prefixes", location: view.inquiry.subjectSource))
        }
        if !heuristicsText.isEmpty {
            InquiryHeuristics.fill(&builder.lead, from: heuristicsText, location: heuristicsLocation,
                                   writtenIn: message.date.map { Self.utcYear(of: $0) })
        }
        // What the builder's note on a forward adds of the prospect (never a name; a phone only
        // when it is theirs), after the prospect's own words.
        if isDirectInquiry, let note = BuildersForwardNote.text(of: message, view.inquiry) {
            InquiryHeuristics.fill(&builder.lead, from: note, location: "forwarder's note", writtenIn: message.date.map { Self.utcYear(of: $0) },
                                   names: false, phones: BuildersForwardNote.mayGivePhone(note))
        }
        // A prospect forwarding their household's mail: its project type (not a feature of the
        // home it lists), budget, timeline, address, lot and financing fill what their note left
        // empty.
        if isDirectInquiry, let household = ForwardersOwnInquiry.householdOriginal(of: message, view.inquiry) {
            InquiryHeuristics.fill(&builder.lead, from: household, location: "forwarded original from the forwarder's household",
                                   writtenIn: message.date.map { Self.utcYear(of: $0) }, names: false, phones: false,
                                   projectFeatures: false)
        }
        // A subject that names the project ("ADU question", "Custom home inquiry") when the
        // text named none. (Such a subject is short: a long one, hostile or not, is not read.)
        if isDirectInquiry, builder.lead.projectType == nil, let subject = builder.lead.subject, subject.utf8.count <= 120,
           let slug = ProjectTypeVocabulary.vocabulary.bestSlug(in: subject) {
            builder.lead.projectType = slug
            builder.lead.fields["project_type"] = FieldProvenance(spec: nil, rule: "heuristic: project type phrase in the subject", location: "subject")
        }
        // After the heuristics, which read the whole text: the client's details replace the
        // writer's (or the phone of either that the text gave first).
        // (A relative's "my parents" without their name is a homeowner's own message.)
        if let phrase = writtenForSomeoneElse, ClientReferral.apply(&builder, message, view.inquiry, cue: phrase, identity: identity) == .none,
           isDirectInquiry, !ClientReferral.relativeCues.contains(phrase) {
            builder.lead.flagForReview("written for someone else (\"\(phrase)\"): the sender may be a realtor or an architect, not the prospect")
        }
        // An address the prospect wrote in their message, when nothing else gave one (an
        // Outlook forward whose original names its sender without an address: "From:
        // Rachel Nguyen", and "email rachel.nguyen88@gmail.com" in her text).
        // (Not from noise: random bytes hold "@" tokens too.)
        if isDirectInquiry, !builder.has(.email), heuristicsText.utf8.contains(0x40), !TextLegibility.isUnreadable(heuristicsText) {
            Self.fillEmail(&builder, fromLines: LineSplitter.lines(heuristicsText), excluding: nil, location: heuristicsLocation)
        }
        if let detected, !builder.has(.email), let message = builder.lead.message {
            Self.fillEmail(&builder, fromLines: LineSplitter.lines(message),
                           excluding: view.senderDomain, location: "\(detected.spec.name) message field")
        }
        // The address is finished: a ZIP without a state gives its state.
        Self.settleState(&builder.lead)
        if let email = builder.lead.email, builder.isRelay(email) {
            builder.lead.email = nil
            builder.lead.fields["email"] = nil
            builder.addChannel(ContactChannel(kind: .email, value: email, isRelay: true))
        }
        builder.finishChannels()

        if builder.lead.contactChannels.isEmpty {
            if let detected, detected.isMarketplace {
                builder.lead.flagForReview("no contact details: the \(detected.spec.name) notification gives no email address or phone number")
            } else if let senderOnly {
                builder.lead.flagForReview("no contact details: the \(senderOnly.spec.name) message gives no email address or phone number")
            } else if detected == nil, metaSource == nil, let address = Self.personalMailbox(view.sender),
                      builder.set(.email, raw: address, hint: .email,
                                  provenance: FieldProvenance(rule: "sender address", location: view.inquiry.addressSource)) {
                // An address that looked automated, at a provider where people have their own.
                builder.finishChannels()
                builder.lead.flagForReview("the sender looked automated but writes from a personal mail provider: taken as the prospect")
            } else if unreadOriginal == nil {
                return .ignored(reason: "no contact details: no sender address or phone number")
            }
            // (Else kept, flagged above: the contact details may be in the unread original.)
        }
        return .lead(builder.lead)
    }

    /// The UTC year of `date` (the year a message was written): the civil-from-days
    /// algorithm (H. Hinnant), without a calendar object per message.
    static func utcYear(of date: Date) -> Int {
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down)) + 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153  // 0 = March
        return yearOfEra + era * 400 + (monthIndex >= 10 ? 1 : 0)
    }

    // MARK: - Unknown automated senders

    private static let automatedWords: Set<String> = [
        "notification", "notifications", "notify", "alert", "alerts", "mailer", "wordpress", "form", "forms",
        "lead", "leads", "system", "automated", "auto", "robot", "bounce", "bounces", "webmaster", "website",
        "submission", "submissions", "notice", "notices", "updates", "news", "newsletter", "marketing",
    ]

    /// A sender that is a program, not a person (`noreply@`, `notifications@`, `wordpress@`):
    /// its local part contains a no-reply form, or has one of the automated words as a
    /// dot/dash-separated word that is its first word (`mailer.daemon`, `leads-acme`) or
    /// whose other words are automated or hold a digit too (`site42-notifications`). A
    /// person's surname may be such a word (`tom.mailer@`): a later word beside a plain one
    /// does not count.
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
        if NoReplyAddress.isNoReply(localPart: bytes[..<at]) { return true }
        var wordStart = 0
        var isFirstWord = true
        var anyAutomated = false
        var othersAutomatedOrDigit = true
        for index in 0...at {
            let byte = index == at ? UInt8(ascii: ".") : bytes[index]
            guard byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "+") else {
                continue
            }
            let length = index - wordStart
            // (Empty words, as between two separators, are no words: `split` drops them.)
            guard length > 0 else {
                wordStart = index + 1
                continue
            }
            var automated = false
            if length < automatedWordBytes.count {
                for word in automatedWordBytes[length] {
                    var offset = 0
                    while offset < length, folded(wordStart + offset) == word[offset] { offset += 1 }
                    if offset == length {
                        automated = true
                        break
                    }
                }
            }
            if automated {
                if isFirstWord { return true }
                anyAutomated = true
            } else if !bytes[wordStart..<index].contains(where: { $0 >= 0x30 && $0 <= 0x39 }) {
                othersAutomatedOrDigit = false
            }
            isFirstWord = false
            wordStart = index + 1
        }
        return anyAutomated && othersAutomatedOrDigit
    }

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
        if NoReplyAddress.forms.contains(where: { Self.contains(local, $0) }) { return true }
        let words = local.split(whereSeparator: { $0 == "." || $0 == "-" || $0 == "_" || $0 == "+" })
        guard let first = words.first else { return false }
        if automatedWords.contains(String(first)) { return true }
        let automated = words.map { automatedWords.contains(String($0)) }
        return automated.contains(true)
            && words.indices.allSatisfy { automated[$0] || words[$0].contains(where: { $0.isASCII && $0.isNumber }) }
    }

    /// Second-level labels under which registrations sit (`co.uk`, `com.au`): a domain
    /// ending in one keeps three labels.
    private static let registrySecondLevels: Set<Substring> = ["co", "com", "net", "org", "gov", "edu", "ac", "or", "ne", "go"]

    /// The organization's domain of a sender domain: `notify.buildmatch.example` and
    /// `mail.buildmatch.example` are `buildmatch.example`, so one portal sending from several
    /// hosts counts as one ad-hoc source (its spec suggestion is not split between them).
    /// `leads.portal.co.uk` is `portal.co.uk`. (A heuristic, not the public suffix list.)
    static func organizationalDomain(_ domain: String) -> String {
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count > 2, !labels.contains(where: \.isEmpty) else { return domain }
        let kept = registrySecondLevels.contains(labels[labels.count - 2]) ? 3 : 2
        return labels.suffix(kept).joined(separator: ".")
    }

    // MARK: - Whose mailboxes

    /// The builder's side of the message, lowercase: its recipients (To, Cc) and, for a
    /// forward, the forwarder and the original's recipients. Never the inquiry's own sender
    /// (a person may copy themselves, or forward their own message).
    static func builderAddresses(_ message: MIMEMessage, _ view: InquiryView, _ identity: BuilderIdentity = BuilderIdentity()) -> BuilderMailboxes {
        var lists = [message.to, message.cc]
        if view.inquiry.isForwarded {
            lists.append(message.from)
            for recipients in view.forwardedRecipients {
                lists.append(recipients.to)
                lists.append(recipients.cc)
            }
            if let attached = view.inquiry.attachedOriginal {
                lists.append(attached.to)
                lists.append(attached.cc)
            }
        }
        return BuilderMailboxes(lists, except: view.senderAddress, identity: identity)
    }

    /// Whether the inquiry's own message carries `List-Unsubscribe`, which people's mail
    /// never does (a portal's does). Not through a Google Group, which adds one to every
    /// message of a builder's shared inbox; for an inline forward the original's headers
    /// are unknown.
    static func hasListUnsubscribe(_ message: MIMEMessage, _ headers: ClassificationHeaders, _ view: InquiryView) -> Bool {
        guard headers.xGoogleGroupID == nil else { return false }
        // A person's own mailbox posting through a list (groups.io adds List-Id and
        // List-Unsubscribe to a homeowner's mail to a builder's sales@ group): the list's
        // header, not the sender's; the message is flagged as list mail instead.
        guard view.inquiry.original != nil else {
            return headers.listUnsubscribe != nil && !(headers.listID != nil && personalMailbox(view.sender) != nil)
        }
        return view.inquiry.attachedOriginal?.header("List-Unsubscribe") != nil
    }

    /// Whether the text reads like a notification about someone else: label lines (see
    /// ``LeadNotificationSignals``) with an `Email:` that is not the sender's address nor
    /// the builder's. A portal no spec knows (`team@bark.com`) is then not the prospect.
    static func namesSomeoneElse(_ view: InquiryView) -> Bool {
        // Every email label ends in "mail" or "mail address" before its colon, and the value
        // holds an "@": a text without both has no such line (most people's messages).
        var text = view.text
        let mayHold = text.withUTF8 { bytes in
            // (The "@" looked for eight bytes at a time.)
            LineSplitter.firstIndex(of: UInt8(ascii: "@"), in: bytes, from: 0) < bytes.count
                && (FoldedSearch.contains(bytes, "mail:") || FoldedSearch.contains(bytes, "mail address:"))
        }
        guard mayHold else { return false }
        let found = LeadNotificationSignals.labelLines(in: view.text)
        guard found.count >= 2 else { return false }
        let sender = view.senderAddress
        return found.emails.contains { value in
            guard let email = ValueNormalizer.email(ValueNormalizer.trimmingWhitespace(String(value))) else { return false }
            return email.lowercased() != sender
        }
    }

    /// The first of `mailboxes` (the To and Cc of the message `forwarder` forwarded: the
    /// outermost original, in a chain of forwards the one sent to them) that is neither
    /// `forwarder` nor at its domain (its organization's: `mail.x.com` and `x.com` are one),
    /// when none of them is; nil when it names no recipient (many forwards show none) or one
    /// of them is the forwarder's (their own other address, `info@` at their domain). With
    /// the builder's mailboxes unknown, such a forward is no builder's own mail forwarded: a
    /// third party may have made the "original" up.
    ///
    /// A recipient with the forwarder's own full name (`forwarderName`, two words or more) is
    /// the forwarder too: a builder forwarding from a personal mailbox what reached their
    /// business one ("Mike Brennan <mike@brennanhomes.com>" forwarded by "Mike Brennan
    /// <mbrennan77@gmail.com>"), the common case that made this flag noise.
    static func foreignAddressee(_ mailboxes: [Mailbox], forwarder: String, forwarderName: String? = nil) -> String? {
        let recipients = mailboxes.map(\.address).filter { $0.utf8.contains(0x40) }
        guard let first = recipients.first, let forwarderDomain = domainOf(forwarder) else { return nil }
        var organization: String?
        for address in recipients {
            guard let domain = domainOf(address) else { continue }
            // (The forwarder's own address is at their domain.) Domains whose last two labels
            // differ are no one organization's: decided on the bytes, most forwards' case.
            if domain == forwarderDomain { return nil }
            guard Self.lastTwoLabels(domain).elementsEqual(Self.lastTwoLabels(forwarderDomain)) else { continue }
            if organization == nil { organization = organizationalDomain(forwarderDomain) }
            if organizationalDomain(domain) == organization { return nil }
        }
        if let name = forwarderName.map(Self.comparableFullName), name.utf8.contains(0x20),
           mailboxes.contains(where: { $0.name.map(Self.comparableFullName) == name }) {
            return nil
        }
        return String(first.prefix(120))
    }

    /// A display name as compared with another: trimmed, lowercased, quotes and runs of
    /// spaces dropped ("\"Mike  Brennan\"" and "mike brennan" are one name).
    static func comparableFullName(_ name: String) -> String {
        ValueNormalizer.trimmingWhitespace(name).lowercased()
            .split(whereSeparator: { $0 == " " || $0 == "\"" || $0 == "'" || $0 == "\t" }).joined(separator: " ")
    }

    /// The last two labels of a domain (`example.com` of `mail.example.com`): a suffix of
    /// its ``organizationalDomain(_:)``, so domains where they differ are two organizations.
    static func lastTwoLabels(_ domain: String) -> Substring.UTF8View {
        let utf8 = domain.utf8
        var dots = 0
        var index = utf8.endIndex
        while index > utf8.startIndex {
            let previous = utf8.index(before: index)
            if utf8[previous] == UInt8(ascii: ".") {
                dots += 1
                if dots == 2 { break }
            }
            index = previous
        }
        return domain[index...].utf8
    }

    /// The sender's address when it is at a personal mail provider and no no-reply form.
    static func personalMailbox(_ sender: Mailbox?) -> String? {
        guard let address = sender?.address.lowercased(), let domain = domainOf(address),
              PersonalMailDomains.contains(domain), !NoReplyAddress.isNoReply(address) else { return nil }
        return address
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
    /// domain as detail, flagged for review (with `reason` when given); the contact is
    /// whatever the text and Reply-To name (never the sender itself).
    /// Phrases of a third party writing for the prospect (a realtor, an architect).
    private static let onBehalfPhrases: [StaticString] = [
        "my client", "our client", "my buyer", "our buyer", "i have buyers", "i have a buyer", "we have buyers", "we have a buyer",
        "on behalf of", "my customer", "i represent", "representing",
        "i have clients", "i have a client", "two clients", "couple of clients", "couple clients", "few clients", "the owners (", "the owner (", "owner contact:", "client:",
        "mis clientes", "mis clientas", "mi cliente", "mi clienta", "de parte de", "en nombre de",
        "my parents", "my mother", "my father", "my mom", "my dad",
    ]

    /// The ``onBehalfPhrases`` entry found first in `text` (A-Z folded), or nil. Round 2 of
    /// exploratory testing: "My clients, José and Ana Núñez, ..." gave a lead with the
    /// realtor's name and email and the clients' phone.
    static func writesForSomeoneElse(_ text: String) -> String? {
        var copy = text
        return copy.withUTF8 { bytes in
            // (Said near the start of a message: its first 2 KiB are read. Most messages say
            // none of the phrases: the stepping scan rules them all out, two bytes a step;
            // only then is the first one by position looked for.)
            let prefix = UnsafeBufferPointer(rebasing: bytes.prefix(2 * 1024))
            let found = onBehalfScanner.occurrences(inBytes: prefix, foldingCase: true)
            guard found.contains(true) else { return nil }
            // Only the phrases whose part was found.
            let candidates = onBehalfPhrases.indices.filter { found[onBehalfNeedle[$0]] }.map { onBehalfPhrases[$0] }
            return FoldedSearch.firstOf(prefix, candidates).map { "\(candidates[$0])" }
        }
    }

    /// For each of ``onBehalfPhrases``, the index of the ``onBehalfScanner`` part it holds.
    private static let onBehalfNeedle: [Int] = onBehalfPhrases.map { phrase in
        let text = "\(phrase)"
        return onBehalfScanner.phrases.firstIndex { text.contains($0) } ?? 0
    }

    /// A one-pass prefilter for ``onBehalfPhrases``: a part of each (every phrase holds one of
    /// these), chosen to start with byte pairs rare in English so that the scan steps over
    /// most of a text two bytes at a time.
    private static let onBehalfScanner = ASCIIPhraseScanner([
        "lient", "ehalf of", "uyer", "epresent", "wner (", "wners (", "wner contact:", "y customer", "rte de", "mbre de", "arents", "y moth",
        "y fath", "y mom", "y dad",
    ])

    /// The person behind a post a group rewrote (Google Groups: `From: "'Tom Baker' via Hill
    /// Country Builders Network" <hcbn@googlegroups.com>`, the writer in `X-Original-Sender`,
    /// else a Reply-To at another domain), or nil. The group's own address is no prospect's
    /// (exploratory testing: it became the lead's email).
    static func groupPoster(_ message: MIMEMessage) -> Mailbox? {
        // (A byte search of the display name: every direct inquiry with one passes here.)
        guard let from = message.from.first, let display = from.name, let via = viaStart(display) else { return nil }
        var address = message.header("X-Original-Sender").map(ValueNormalizer.trimmingWhitespace)
        if address.map({ !$0.contains("@") || $0.contains(" ") }) ?? true {
            address = message.replyTo.count == 1 && domainOf(message.replyTo[0].address) != domainOf(from.address)
                ? message.replyTo[0].address : nil
        }
        guard let address, !address.isEmpty else { return nil }
        let quotes: Set<Character> = ["'", "\"", " "]
        let name = String(display[..<via].drop { quotes.contains($0) }.reversed().drop { quotes.contains($0) }.reversed())
        return Mailbox(name: name.isEmpty ? nil : name, address: address)
    }

    /// Where `display`'s first " via " starts, found on its bytes as
    /// `display.utf8.firstRange(of:)` finds it, without that generic search's cost (most
    /// direct inquiries have a display name, and nearly none holds the word).
    static func viaStart(_ display: String) -> String.Index? {
        var copy = display
        let offset = copy.withUTF8 { bytes -> Int? in
            let needle: StaticString = " via "
            let length = needle.utf8CodeUnitCount
            guard bytes.count >= length else { return nil }
            for start in 0...(bytes.count - length) where bytes[start] == 0x20 {
                var matched = 1
                while matched < length, bytes[start + matched] == needle.utf8Start[matched] { matched += 1 }
                if matched == length { return start }
            }
            return nil
        }
        return offset.map { display.utf8.index(display.utf8.startIndex, offsetBy: $0) }
    }

    /// The lead's name and email from the group post's writer instead of the group's own, flagged.
    private static func fillGroupPoster(_ builder: inout LeadBuilder, _ poster: Mailbox, group: String) {
        builder.lead.email = nil
        builder.lead.firstName = nil
        builder.lead.lastName = nil
        for key in ["email", "first_name", "last_name"] { builder.lead.fields[key] = nil }
        builder.set(.email, raw: poster.address, hint: .email,
                    provenance: FieldProvenance(rule: "writer of a group's post (X-Original-Sender or Reply-To)", location: "X-Original-Sender header"))
        if let name = poster.name {
            builder.set(.name, raw: name, hint: .name,
                        provenance: FieldProvenance(rule: "writer's name before \"via\" in a group's From", location: "From header display name"))
        }
        builder.lead.flagForReview("posted through the group \(group.prefix(80)) (From rewritten \"... via ...\"): a list post, or an inquiry sent to a group address?")
    }

    /// `body` without its writer's signature: from the last signature separator line (`-- `,
    /// RFC 3676 4.3, or `--`), else from the last line that starts with the writer's display
    /// name ("Mike Brennan | Brennan Homes"), to the end. The builder's notes of a call sent to
    /// the intake address carry the builder's phone and office address below them, which are
    /// no caller's (exploratory testing: the office line became the lead's phone).
    static func withoutWritersSignature(_ body: String, writer: Mailbox?) -> String {
        if let ascii = asciiWithoutWritersSignature(body, writer: writer) { return ascii }
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        let trimmed = lines.map { ValueNormalizer.trimmingWhitespace(String($0)) }
        var cut = trimmed.lastIndex { $0 == "--" }
        if cut == nil, let name = writer?.name.map(ValueNormalizer.trimmingWhitespace), name.utf8.contains(0x20) {
            let lowered = name.lowercased()
            cut = trimmed.lastIndex { $0.lowercased().hasPrefix(lowered) }
        }
        guard let cut, cut > 0, trimmed[..<cut].contains(where: { !$0.isEmpty }) else { return body }
        return lines[..<cut].joined(separator: "\n")
    }

    /// ``withoutWritersSignature(_:writer:)`` on the bytes of an ASCII body and name (lines
    /// split at an LF that ends no CR LF, as Characters split them; trimmed of ASCII
    /// whitespace), or nil for other text.
    private static func asciiWithoutWritersSignature(_ body: String, writer: Mailbox?) -> String? {
        var name = writer?.name.map(ValueNormalizer.trimmingWhitespace) ?? ""
        var text = body
        return text.withUTF8 { bytes -> String? in
            name.withUTF8 { name -> String? in
                guard !bytes.contains(where: { $0 >= 0x80 }), !name.contains(where: { $0 >= 0x80 }) else { return nil }
                @inline(__always) func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
                // Each line's start and its trimmed range.
                var lines: [(start: Int, first: Int, end: Int)] = []
                var start = 0
                var index = 0
                while index <= bytes.count {
                    if index == bytes.count || (bytes[index] == 0x0A && (index == 0 || bytes[index - 1] != 0x0D)) {
                        var first = start, end = index
                        while first < end, isSpace(bytes[first]) { first += 1 }
                        while end > first, isSpace(bytes[end - 1]) { end -= 1 }
                        lines.append((start, first, end))
                        start = index + 1
                    }
                    index += 1
                }
                func isSeparator(_ line: (start: Int, first: Int, end: Int)) -> Bool {
                    line.end - line.first == 2 && bytes[line.first] == UInt8(ascii: "-") && bytes[line.first + 1] == UInt8(ascii: "-")
                }
                func startsWithName(_ line: (start: Int, first: Int, end: Int)) -> Bool {
                    guard line.end - line.first >= name.count else { return false }
                    return (0..<name.count).allSatisfy { offset in
                        let byte = bytes[line.first + offset], wanted = name[offset]
                        return (byte &- 0x41 < 26 ? byte | 0x20 : byte) == (wanted &- 0x41 < 26 ? wanted | 0x20 : wanted)
                    }
                }
                var cut = lines.lastIndex(where: isSeparator)
                if cut == nil, name.contains(0x20) { cut = lines.lastIndex(where: startsWithName) }
                guard let cut, cut > 0, lines[..<cut].contains(where: { $0.end > $0.first }) else { return body }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<(lines[cut].start - 1)]), as: UTF8.self)
            }
        }
    }

    /// The earlier message a reply quotes, one `>` level removed (deeper levels stay quoted,
    /// and heuristics pass over them), or nil when nothing is quoted.
    static func quotedText(of message: MIMEMessage) -> String? {
        guard let quoted = QuotedReply.split(message.text ?? "").quoted else { return nil }
        return quoted.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            guard line.first == ">" else { return line }
            let rest = line.dropFirst()
            return rest.first == " " ? rest.dropFirst() : rest
        }.joined(separator: "\n")
    }

    /// A message the builder wrote: recorded for the first person it was sent to who is not
    /// the builder's (the prospect of a reply-all, or of an outgoing mail copied to the
    /// intake address), flagged; sent to the builder's addresses only (notes of a phone call
    /// mailed in), the details are read from its text, flagged too.
    ///
    /// - Returns: Whether it went to a prospect (its text is then the builder's words only).
    private static func fillBuildersOwnMessage(
        _ builder: inout LeadBuilder, _ message: MIMEMessage, _ view: InquiryView, _ identity: BuilderIdentity
    ) -> Bool {
        let own = view.senderAddress
        guard let prospect = (message.to + message.cc).first(where: { !$0.address.isEmpty && !identity.isBuilders($0.address) }) else {
            fillUnknownSource(&builder, view, reason: "the builder's own message (from \(own)) to their own addresses only: details read from its text")
            builder.lead.source = GenericExtractor.sourceName
            builder.lead.sourceDetail = nil
            return false
        }
        builder.lead.source = GenericExtractor.sourceName
        builder.lead.flagForReview("the builder's own message (from \(own)) to \(prospect.address): recorded for them; its text is the builder's")
        // (The recipients are the builder's side of other messages; here one is the prospect.)
        builder.builderAddresses = BuilderMailboxes([], except: "", identity: identity)
        builder.set(.email, raw: prospect.address, hint: .email,
                    provenance: FieldProvenance(rule: "recipient of the builder's own message", location: "To/Cc header"))
        if let name = prospect.name {
            builder.set(.name, raw: name, hint: .name,
                        provenance: FieldProvenance(rule: "recipient display name", location: "To/Cc header"))
        }
        let body = ValueNormalizer.trimmingWhitespace(view.inquiry.body)
        if !body.isEmpty {
            builder.set(.message, raw: body, hint: .trim,
                        provenance: FieldProvenance(rule: "the builder's own message", location: view.inquiry.messageSource))
        }
        return true
    }

    private static func fillUnknownSource(_ builder: inout LeadBuilder, _ view: InquiryView, reason: String? = nil) {
        builder.lead.source = "other"
        builder.lead.sourceDetail = view.senderDomain.map(Self.organizationalDomain) ?? "unknown"
        builder.lead.flagForReview(reason ?? "unknown source: an automated sender (\(view.senderDomain ?? "no sender domain")) that no spec in parsers/ matches")
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
