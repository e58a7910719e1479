import MIME

/// A supplier's or service's automated notice about the builder's own business with it
/// ("Your quote Q-88213 is ready", "Your delivery for job Lot 14 is scheduled", "Your
/// statement is available"), sent from an automated address (`no-reply@`, `notifications@`)
/// that no spec reads. Such mail would become an `other` lead flagged for review, and after
/// a few of them a suggestion to add the supplier as a lead source.
///
/// An unknown marketplace or form service writes from such addresses too, and its mail is a
/// lead, so the rule ignores only when every sign of a prospect is absent:
/// - the subject or text holds a notice of the builder's account, order or delivery
///   (``noticePhrases``, as whole words);
/// - no word of a lead ("new lead", "homeowner", "request", "inquiry", ...: ``leadWords``);
/// - no homeowner's own words ("we want to build", "our lot": ``homeownerWords``);
/// - fewer than two label/value lines with a person's details (`Name:`, `Email:`, ...);
/// - no Reply-To at another domain (a form's reply goes to the person who wrote it).
enum AutomatedAccountNoticeRule {
    /// The builder's business with the sender, lowercase.
    static let noticePhrases = [
        "your quote", "your order", "your delivery", "your account", "your statement", "your invoice", "your payment",
        "your purchase", "your pickup", "your store", "your branch", "your subscription", "your password",
        "your trial", "delivery is scheduled", "delivery scheduled", "ready for pickup", "order number",
        "tracking number", "purchase order",
    ]

    /// Words of a lead or a prospect, lowercase: one of them keeps the message for review.
    static let leadWords = [
        "lead", "leads", "homeowner", "homeowners", "inquiry", "inquiries", "enquiry", "request", "requests",
        "requested", "prospect", "prospects", "opportunity", "opportunities", "interested", "looking for",
        "wants", "new client", "new customer", "potential customer", "potential client", "matched", "message from",
    ]

    /// A homeowner's own words, as the not-a-sales-inquiry rule reads them, but for asking
    /// the builder for "your quote" or "your estimate": in a supplier's notice that is the
    /// builder's own quote from the supplier.
    static let homeownerWords = NotASalesInquiryRule.groups.filter { $0.group == .homeownerIntent }
        .flatMap(\.phrases).filter { !$0.hasPrefix("your ") }

    /// How much of the text the rule reads, in bytes.
    static let openingBytes = 8 * 1024

    /// The reason an automated sender's message is not a lead, or nil when it may be one.
    static func ignoredReason(_ view: InquiryView) -> String? {
        let domain = view.senderDomain ?? ""
        if let replyTo = view.replyTo.first, domainOf(replyTo.address) != view.senderDomain,
           !NoReplyAddress.isNoReply(replyTo.address) {
            return nil
        }
        // A notice says what it is at its top: the rule reads the first 8 KiB, so a long
        // message costs no more than a notice (some eighty phrase searches).
        let opening = SpecPattern.bounded(view.text, maxBytes: openingBytes)
        let subject = view.subject.lowercased()
        let text = opening.lowercased()
        func holds(_ phrase: String) -> Bool {
            SpamRule.containsWord(subject, phrase) || SpamRule.containsWord(text, phrase)
        }
        guard let notice = noticePhrases.first(where: holds), !leadWords.contains(where: holds),
              !homeownerWords.contains(where: holds), LeadNotificationSignals.labelLines(in: opening).count < 2 else {
            return nil
        }
        return "an automated notice from \(domain.isEmpty ? "a program" : domain) about the builder's own account or order (\"\(notice)\"), not a sales inquiry"
    }
}
