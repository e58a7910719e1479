import LeadModel
import MIME

/// Business mail a person writes to the builder that is not a homeowner's sales inquiry:
/// a vendor's or trade's quote for the builder's own job, an invoice from an accounting
/// system, a job application, a trade offering its crew, a permit office's notice about a
/// permit, a vendor pitching the builder, a trade's calendar invitation to a job-site event,
/// a supplier's notice about an order the builder placed, a realtor offering the builder a
/// listing.
///
/// A real lead wrongly ignored is a lost house, so only strong, specific signals ignore,
/// and never beside a homeowner's own words (``Group/homeownerIntent``: "we want to build",
/// "our lot", "can you bid our plans", ...):
/// - an accounting system's notification (QuickBooks, FreshBooks, Xero, ... sender domain)
///   with a billing word (invoice, estimate, payment, ...);
/// - a resume ("my resume is attached", "cover letter") *and* an application ("would like
///   to apply", "job posting", "the position");
/// - a trade offering work ("looking for work", "add us to your bid list") *and* saying
///   what it is ("crew", "subcontractor", "labor only", "we are a ...");
/// - a quote or bid presented as the writer's ("attached is our quote", "our bid for the
///   slab") *and* a quote's terms ("good for 30 days", "lead time", "per sq ft", "price
///   includes", "before tax", ...);
/// - a permit office: a `.gov` (or `ci.<city>.<st>.us`) sender, a permit word and a permit
///   file's wording ("Permit No.", "plan review comments", "Applicant:", "Permit 2026-...");
/// - a vendor's pitch: two of "your buyers", "your prospects", "buy you lunch", ... *and*
///   the vendor's trade ("loan officer", "we offer", ...);
/// - an order or shipping notice ("your order has shipped", "order confirmation", "out for
///   delivery") *and* an order's details ("order #", "tracking number", "estimated delivery");
/// - a listing offered to the builder ("perfect for one of your custom builds", "if you have
///   a buyer in mind") *and* a listing's words ("listed at", "for sale", "asking price");
/// - a supplier's price notice ("prices are going up", "price increase") *and* the
///   builder's jobs or orders ("lock in pricing", "your next starts", "your account").
///
/// Mixed signals keep the lead and flag it for review with the reason: the same signals
/// beside a homeowner's words, or in a forwarded original (the forwarder's note is not
/// read: a prospect may forward a competitor's bid); a quote's or trade's offer alone; an invoice's wording
/// ("amount due") under an "Invoice" subject from no accounting system; a `.gov` sender
/// writing about a permit; one pitch phrase with a vendor's trade; a calendar invitation
/// (`text/calendar` REQUEST) to an inspection or a rough-in; a listing offered to the
/// builder without a listing's words.
///
/// Cost: a few trigger words (``triggerLiterals``) ride on the spec literals' one pass over
/// the subject and text (slots after the spam rule's: ``presenceSlots``); a message none of
/// them occurs in, from no government or accounting domain and without a calendar body, is
/// decided with no further look at its text. Past that gate, one scan for every phrase, and
/// only the phrases it finds are confirmed as whole words.
enum NotASalesInquiryRule {
    /// What a message is, when the rule has something to say.
    enum Reading: Equatable, Sendable {
        /// Not a lead: the reason.
        case ignore(String)
        /// Kept, flagged for review with the reason.
        case review(String)
    }

    /// Kinds of phrase.
    enum Group: Int, CaseIterable {
        case resume, application, tradeOffer, tradeSelf, quoteOpener, quoteTerm, pitch, pitchSelf, permitTerm, permitFile,
             billing, invoiceTerm, jobEvent, orderNotice, orderTerm, listingOffer, listingTerm, priceNotice, priceTerm, homeownerIntent
    }

    /// The phrases of each group, lowercase ASCII (one is not: "my résumé"), each at least
    /// four bytes (the literal pass finds shorter ones only by looking at every position).
    static let groups: [(group: Group, phrases: [String])] = [
        (.resume, ["my resume", "my résumé", "resume attached", "resume is attached", "attached resume", "my cv",
                   "curriculum vitae", "cover letter"]),
        (.application, ["apply for", "applying for", "to apply", "application for", "job posting", "your posting",
                        "job opening", "the position", "this position", "open position", "are you hiring",
                        "you're hiring", "you are hiring", "job application", "hiring for"]),
        (.tradeOffer, ["looking for work", "looking for more work", "looking for jobs", "looking for new work",
                       "looking for projects", "seeking work", "available for work", "available to work", "crew available",
                       "crew is available", "crews available", "add us to your", "your sub list", "your bid list",
                       "your vendor list", "subcontract for", "work for your company", "take on more work",
                       "take on new work", "bid your next", "bid on your next", "bid your projects", "bid on your projects",
                       "bid your homes", "bid on your homes"]),
        (.tradeSelf, ["crew", "subcontractor", "sub-contractor", "labor only", "we are a", "we're a", "our company",
                      "licensed and insured", "our rates"]),
        (.quoteOpener, ["our quote for", "our bid for", "our proposal for", "our estimate for", "our pricing for",
                        "our price for", "our bid on", "our quote on", "is our quote", "is our bid", "is our proposal",
                        "is our estimate", "is our pricing", "find our quote", "find our bid", "find our proposal",
                        "find our estimate", "our attached quote", "our attached bid", "our attached proposal",
                        "our attached estimate", "our revised quote", "our revised bid", "our updated quote",
                        "our updated bid"]),
        (.quoteTerm, ["good for", "valid for", "lead time", "before tax", "plus tax", "excluding tax", "per sq ft",
                      "per square foot", "per sf", "price includes", "pricing includes", "we can start", "pump truck",
                      "framing package", "lumber package", "truss package", "lock pricing", "lock in pricing",
                      "purchase order", "material list", "takeoff", "your job", "the job", "job site", "jobsite",
                      "net 30"]),
        (.pitch, ["your buyers", "your home buyers", "your custom home buyers", "your homebuyers", "your prospects",
                  "your clients", "your customers", "buy you lunch", "buy you coffee", "grab lunch", "grab coffee",
                  "partner with you", "partnering with you", "referral partner", "refer your", "preferred lender",
                  "preferred vendor"]),
        (.pitchSelf, ["loan officer", "mortgage", "lender", "we offer", "our program", "we just launched", "our services",
                      "we specialize"]),
        (.permitTerm, ["permit", "permits", "inspection", "inspections", "plan review", "plans examiner", "certificate of occupancy",
                       "code enforcement", "building official"]),
        (.permitFile, ["permit no", "permit #", "permit number", "application no", "case no", "case #",
                       "review comments", "citizen portal", "applicant:", "inspection result", "inspection request",
                       "failed inspection", "passed inspection", "inspection scheduled", "re-inspection", "reinspection"]),
        (.billing, ["invoice", "estimate", "payment", "statement", "receipt", "reminder", "past due", "overdue"]),
        (.invoiceTerm, ["amount due", "balance due", "payment due", "remit", "due date", "pay now", "pay invoice",
                        "view invoice"]),
        (.jobEvent, ["inspection", "inspector", "rough-in", "pre-pour", "punch list", "pre-drywall", "walkthrough"]),
        (.orderNotice, ["has shipped", "have shipped", "order shipped", "order confirmation", "order confirmed", "your order",
                        "out for delivery", "has been delivered", "was delivered", "delivery notification",
                        "shipping confirmation", "shipping notification"]),
        (.orderTerm, ["order #", "order number", "order no", "tracking number", "tracking #", "track your package",
                      "track your order", "track package", "track shipment", "estimated delivery", "items in this shipment"]),
        // (The property offered for the builder's building: a homeowner may praise "one of
        // your builds" beside "our realtor".)
        (.listingOffer, ["perfect for one of your", "ideal for one of your", "great for one of your",
                         "good fit for one of your", "for your next build", "for your next spec", "for your next project", "for your next custom",
                         "perfect for a builder", "ideal for a builder", "great for a builder", "have a buyer in mind",
                         "if you have a buyer", "if you know a buyer", "builder opportunity"]),
        (.listingTerm, ["listed at", "listing", "just listed", "for sale", "asking price", "list price", "priced at",
                        "on the market", "realtor", "real estate", "broker"]),
        // A supplier's rep telling the builder of a price change ("lumber prices are going up
        // 4% on Dec 1 ... lock in pricing for your next starts").
        (.priceNotice, ["price increase", "prices are going up", "prices going up", "prices will go up",
                        "prices will increase", "pricing will increase", "pricing is going up", "new price list",
                        "updated price list"]),
        (.priceTerm, ["lock in pricing", "lock pricing", "lock in your pricing", "lock in current pricing", "your next starts",
                      "your starts", "your upcoming starts", "your jobs", "your next order", "your orders", "your account"]),
        (.homeownerIntent, ["want to build", "like to build", "looking to build", "planning to build", "plan to build",
                            "hoping to build", "build our", "build us", "build my", "our lot", "my lot", "our land",
                            "my land", "our property", "we own", "we bought", "we purchased", "under contract",
                            "our plans", "my plans", "can you bid", "bid our", "bid my", "your bid", "your quote",
                            "your pricing", "your estimate", "get a quote", "like a quote", "request a quote",
                            "interested in building", "our dream", "our new home", "our home", "our house", "my house",
                            "my home", "my wife", "my husband"]),
    ]

    /// Every phrase, group by group (a phrase in two groups is in the list twice).
    static let phrases: [String] = groups.flatMap(\.phrases)

    /// The group of each of `phrases`.
    static let groupOfPhrase: [Group] = groups.flatMap { entry in entry.phrases.map { _ in entry.group } }

    /// What the spec literals' pass looks for (``DetectionLiterals``'s extra slots, after
    /// ``SpamRule/presenceSlots``): words of the groups that can start a reading whatever the
    /// sender (resume, trade offer, quote opener, pitch, invoice terms, order notice, listing
    /// offer), each at
    /// least four bytes, so the pass stays as fast. A message holding none of them (nearly
    /// every inquiry), from no government or accounting domain and with no calendar body, is
    /// left alone.
    static let triggerLiterals: [String] = [
        "resume", "r\u{E9}sum\u{E9}", "curriculum vitae", "cover letter", "my cv",
        "looking for work", "looking for more work", "looking for jobs", "looking for new work", "looking for projects",
        "seeking work", "available for work", "available to work", "crew available", "crew is available",
        "crews available", "add us to your", "sub list", "bid list", "vendor list", "subcontract", "for your company",
        "bid your", "bid on your",
        "take on more work", "take on new work",
        "our quote", "our bid", "our proposal", "our estimate", "our pricing", "our price", "our attached", "our revised",
        "our updated",
        "buyers", "prospects", "your clients", "your customers", "buy you", "grab lunch", "grab coffee", "partner",
        "refer your", "preferred lender", "preferred vendor",
        "invoice",
        "shipped", "order confirm", "your order", "delivery", "delivered", "shipping",
        "one of your", "your next", "perfect for a builder", "ideal for a builder", "great for a builder", "a buyer",
        "builder opportunity",
        "price increase", "prices are going up", "prices going up", "prices will", "pricing will", "pricing is going up",
        "price list",
    ]

    /// The slots of ``triggerLiterals``, one each, found with A-Z folded.
    static let presenceSlots: [[[UInt8]]] = triggerLiterals.map { [Array($0.utf8)] }

    /// The trigger literals' own scanner, for a text the literal pass could not read (a
    /// case-folding hazard).
    static let triggerScanner = ASCIIPhraseScanner(triggerLiterals)

    /// Every phrase's scanner, for a message past the gate.
    private static let scanner = ASCIIPhraseScanner(phrases)

    /// Sender domains of accounting and invoicing systems (a subdomain counts): their mail
    /// is a bill, an estimate or a payment notice, never a homeowner's inquiry.
    static let accountingDomains: [String] = [
        "intuit.com", "quickbooks.com", "freshbooks.com", "xero.com", "bill.com", "waveapps.com", "invoice2go.com",
        "invoicesimple.com", "squareup.com", "stripe.com", "paypal.com",
    ]

    /// For a person's message no spec detected: nil when it may be a sales inquiry as far as
    /// this rule can tell; the reason it is not one; or, for mixed signals, nil with `lead`
    /// flagged for review and the reason.
    static func ignoredReason(_ message: MIMEMessage, _ view: InquiryView, presence: LiteralPresence,
                              flagging lead: inout ExtractedLead) -> String? {
        switch reading(message, view, mayHoldTrigger: presence.mayHoldNotASalesInquiryTrigger()) {
        case .ignore(let reason)?:
            return reason
        case .review(let reason)?:
            lead.flagForReview(reason)
            return nil
        case nil:
            return nil
        }
    }

    /// The rule's reading of the view's subject, text and sender. `mayHoldTrigger`: whether
    /// the literal pass found one of ``triggerLiterals`` in the subject or text (nil: the
    /// pass could not tell, so the rule looks itself).
    static func reading(_ message: MIMEMessage, _ view: InquiryView, mayHoldTrigger: Bool?) -> Reading? {
        let domain = view.senderDomain ?? ""
        let accounting = Self.isAccountingDomain(domain)
        let government = Self.isGovernmentDomain(domain)
        let invitation = Self.isInvitation(message)
        // The gate: nothing to say without a trigger, a telling sender or a calendar body.
        guard accounting || government || invitation || (mayHoldTrigger ?? Self.holdsTrigger(view)) else { return nil }
        let found = Self.confirmedGroups(subject: view.subject, text: view.text)
        let pitches = found.isSuperset(of: [.pitch, .pitchSelf]) ? Self.pitchPhraseCount(subject: view.subject, text: view.text) : 0
        let decided = Self.reading(found: found, accounting: accounting ? domain : nil, government: government,
                                   invitation: invitation, subject: view.subject, pitchPhrases: pitches)
        // A forwarded original is read without the forwarder's note: a prospect forwarding
        // a competitor's bid ("can you beat it?") is a lead. Flagged, never ignored.
        if view.inquiry.isForwarded, case .ignore(let reason)? = decided {
            return .review("\(reason)? It came forwarded: check who forwarded it and why")
        }
        return decided
    }

    /// Whether the view's subject or text holds one of ``triggerLiterals`` (A-Z folded).
    private static func holdsTrigger(_ view: InquiryView) -> Bool {
        [view.subject, view.text].contains { part in
            var part = part
            return part.withUTF8 { triggerScanner.occurrences(inBytes: $0, foldingCase: true).contains(true) }
        }
    }

    /// The decision on the confirmed groups (see the type's documentation). `pitchPhrases`:
    /// how many distinct pitch phrases the message holds (counted only beside a vendor's trade).
    static func reading(found: Set<Group>, accounting: String?, government: Bool, invitation: Bool, subject: String,
                        pitchPhrases: Int) -> Reading? {
        let homeowner = found.contains(.homeownerIntent)
        func decide(_ strong: Bool, _ reason: String) -> Reading? {
            guard strong else { return nil }
            return homeowner ? .review("\(reason), but the text also reads like a homeowner's inquiry: check") : .ignore(reason)
        }
        if let accounting, found.contains(.billing) {
            if let reading = decide(true, "an invoice or payment notice from an accounting system (\(accounting))") { return reading }
        }
        if found.contains(.resume), found.contains(.application) {
            return decide(true, "a job application (a resume for a position), not a sales inquiry")
        }
        if found.contains(.tradeOffer) {
            if found.contains(.tradeSelf) {
                return decide(true, "a trade or crew offering its work to the builder, not a sales inquiry")
            }
            return .review("offers work to the builder (\"looking for work\", a bid list): a trade or a job seeker, not a homeowner?")
        }
        if found.contains(.quoteOpener), found.contains(.quoteTerm) {
            return decide(true, "a vendor's or trade's quote or bid for the builder's job, not a sales inquiry")
        }
        if government, found.contains(.permitTerm) {
            if found.contains(.permitFile) || Self.namesPermitNumber(subject) {
                return decide(true, "a permit office's notice about a permit (government sender)")
            }
            return .review("from a government address about a permit or an inspection: a permit office's notice, not an inquiry?")
        }
        if found.contains(.pitch), found.contains(.pitchSelf) {
            if homeowner {
                return .review("reads like a vendor's pitch to the builder (a lender, a supplier), but also like a homeowner's inquiry: check")
            }
            return pitchPhrases >= 2
                ? .ignore("a vendor's pitch to the builder (a lender or a supplier after the builder's buyers), not a sales inquiry")
                : .review("reads like a vendor's pitch to the builder (\"your buyers\", \"your clients\"): a lender or a supplier, not a homeowner?")
        }
        if found.contains(.orderNotice), found.contains(.orderTerm) {
            return decide(true, "a supplier's order or shipping notice (an order the builder placed), not a sales inquiry")
        }
        if found.contains(.listingOffer) {
            if found.contains(.listingTerm) {
                return decide(true, "a realtor's listing offered to the builder (a lot or a home for sale), not a sales inquiry")
            }
            if !homeowner {
                return .review("offers the builder a lot or a home (\"perfect for one of your builds\"): a realtor's listing, not an inquiry?")
            }
        }
        if found.contains(.priceNotice) {
            // (A homeowner says prices are going up too: only beside the builder's jobs or orders.)
            if found.contains(.priceTerm) {
                return decide(true, "a supplier's price notice to the builder (prices for the builder's jobs), not a sales inquiry")
            }
        }
        if found.contains(.billing), found.contains(.invoiceTerm), !homeowner, Self.containsWord(subject.lowercased(), "invoice") {
            return .review("reads like an invoice sent to the builder (an \"Invoice\" subject, an amount due): a vendor's bill, not an inquiry?")
        }
        if invitation, found.contains(.jobEvent), !homeowner {
            return .review("a calendar invitation to an inspection or a job-site event: a trade's or an inspector's, not a new inquiry?")
        }
        return nil
    }

    /// The groups with a phrase that occurs in `subject` or `text` as whole words (A-Z
    /// folded; other text lowercased).
    static func confirmedGroups(subject: String, text: String) -> Set<Group> {
        var found = Set<Group>()
        // (A phrase of a group already found is not confirmed.)
        confirmPhrases(phrases, scanner, in: [subject, text], skipping: { found.contains(groupOfPhrase[$0]) }) { index in
            found.insert(groupOfPhrase[index])
        }
        return found
    }

    /// How many distinct ``Group/pitch`` phrases occur in `subject` or `text`, as
    /// ``confirmedGroups(subject:text:)`` finds them.
    static func pitchPhraseCount(subject: String, text: String) -> Int {
        var count = 0
        confirmPhrases(pitchPhrases, pitchScanner, in: [subject, text], skipping: { _ in false }) { _ in count += 1 }
        return count
    }

    private static let pitchPhrases = groups.filter { $0.group == .pitch }.flatMap(\.phrases)
    private static let pitchScanner = ASCIIPhraseScanner(pitchPhrases)

    /// Calls `confirmed` once for each of `phrases` (which `scanner` scans for) that occurs
    /// as whole words in one of `parts` and that `skipping` does not pass over when its turn
    /// comes: one scan of each part, and only the phrases it finds confirmed.
    private static func confirmPhrases(_ phrases: [String], _ scanner: ASCIIPhraseScanner, in parts: [String],
                                       skipping: (Int) -> Bool, _ confirmed: (Int) -> Void) {
        var done = [Bool](repeating: false, count: phrases.count)
        for part in parts {
            var part = part
            let isASCII = part.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 } }
            let lowered = isASCII ? "" : part.lowercased()
            let maybe = isASCII ? part.withUTF8 { scanner.occurrences(inBytes: $0, foldingCase: true) } : scanner.occurrences(in: lowered)
            for index in phrases.indices where maybe[index] && !done[index] && !skipping(index) {
                let isWord = isASCII
                    ? part.withUTF8 { SpamRule.containsWord(asciiBytes: $0, phrases[index]) }
                    : SpamRule.containsWord(lowered, phrases[index])
                if isWord {
                    done[index] = true
                    confirmed(index)
                }
            }
        }
    }

    // MARK: - Senders and shapes

    /// Whether `domain` (lowercase) is one of ``accountingDomains`` or under one.
    static func isAccountingDomain(_ name: String) -> Bool {
        // Compared as detection compares a sender domain (``DomainName/contains(_:)``, which is
        // `domain(_:isWithin:)`): the name's bytes read once, most suffixes ruled out by length.
        let candidate = DomainName(name)
        return accountingDomainNames.contains { $0.contains(candidate) }
    }

    private static let accountingDomainNames = accountingDomains.map(DomainName.init)

    /// A government sender: a `.gov` domain, or a US locality's `<host>.<place>.<st>.us`
    /// (`ci.austin.tx.us`; four labels or more, as a business's `smithbuilders.us` has two).
    static func isGovernmentDomain(_ domain: String) -> Bool {
        var domain = domain
        return domain.withUTF8 { bytes in
            if Self.hasSuffix(bytes, govSuffix) { return true }
            // ".gov." inside the domain (a national government's "planning.gov.uk" shape).
            if bytes.count > govSuffix.count,
               (0..<(bytes.count - govSuffix.count)).contains(where: { bytes[$0..<($0 + govSuffix.count)].elementsEqual(govSuffix) && bytes[$0 + govSuffix.count] == UInt8(ascii: ".") }) {
                return true
            }
            guard Self.hasSuffix(bytes, usSuffix) else { return false }
            return bytes.lazy.filter { $0 == UInt8(ascii: ".") }.count >= 3
        }
    }

    private static let govSuffix = Array(".gov".utf8)
    private static let usSuffix = Array(".us".utf8)

    private static func hasSuffix(_ bytes: UnsafeBufferPointer<UInt8>, _ suffix: [UInt8]) -> Bool {
        bytes.count >= suffix.count && bytes[(bytes.count - suffix.count)...].elementsEqual(suffix)
    }

    /// "Permit" followed by a number in the subject ("Permit 2026-BP-01433", "Permit BP-1433").
    static func namesPermitNumber(_ subject: String) -> Bool {
        let lower = subject.lowercased()
        var searchStart = lower.startIndex
        while let range = lower[searchStart...].firstRange(of: "permit") {
            let rest = lower[range.upperBound...].drop { $0 == " " || $0 == ":" || $0 == "#" }
            let token = rest.prefix { !$0.isWhitespace }
            if token.contains(where: \.isNumber), token.count >= 4 { return true }
            searchStart = range.upperBound
        }
        return false
    }

    /// Whether the message's own body is a calendar invitation (`text/calendar`, REQUEST).
    static func isInvitation(_ message: MIMEMessage) -> Bool {
        message.parts.contains { part in
            part.contentType == "text/calendar" && part.disposition != .attachment
                && HeaderToken.first(part.contentTypeParameters["method"] ?? "").hasPrefix("request")
        }
    }

    private static func containsWord(_ text: String, _ phrase: String) -> Bool {
        SpamRule.containsWord(text, phrase)
    }
}
