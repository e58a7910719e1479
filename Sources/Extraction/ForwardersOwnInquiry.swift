import LeadModel
import MIME

/// A prospect forwarding mail someone else sent them (their realtor's lot details, a
/// competitor's bid, their spouse's wish list) with their own inquiry on top: the prospect
/// is the forwarder, not the original's writer, who would otherwise become the lead (found by
/// exploratory testing: the builder would have called the competitor).
///
/// A builder forwarding an inquiry writes about the prospect ("can you call him", "new lead,
/// his cell is ...") or nothing; a prospect writes about their own project and asks the
/// builder for something. All of these hold:
/// - the original went to the forwarder (its To or Cc), from someone else;
/// - the forwarder is none of the builder's own addresses (when they are known);
/// - the note above it speaks of the writer's own project (`we're`, `our home`, `my husband`)
///   and asks the builder (`can you`, `call me`, `we'd love to meet`);
/// - it names no third person the way a builder's note does (`him`, `her`, `they`, `lead`,
///   `client`, `FYI`): a realtor's "my clients" is ``ClientReferral``'s.
enum ForwardersOwnInquiry {
    /// The forwarder's note when the forward is their own inquiry, else nil.
    static func note(of message: MIMEMessage, _ original: ForwardedOriginal, identity: BuilderIdentity) -> String? {
        // (One level only: in a chain of forwards the note above the original is the middle
        // forwarder's, not this message's sender's.)
        guard message.forwarded.count == 1, let forwarder = message.from.first, !forwarder.address.isEmpty else { return nil }
        // (Cheapest first: a builder's note is empty or speaks of no project of its writer's;
        // the original's recipients are parsed from its header block when asked for.)
        guard let note = noteText(of: message, above: original), isOwnInquiry(note),
              !Inquiry.isSameMailbox(original.from, forwarder), !identity.isOwn(forwarder.address),
              (original.to + original.cc).contains(where: { Inquiry.isSameMailbox($0, forwarder) }) else { return nil }
        return note
    }

    /// The forwarded original's text when its writer is of the forwarder's household (the
    /// same last name in both display names: Ana Delgado forwarding "our wish list" Marcus
    /// Delgado wrote her): what the household wants, read for the fields the note left empty
    /// (never a name or a phone: those are the forwarder's; nor a project type from the
    /// features it lists). Nil for anyone else's mail (a realtor's, a competitor's), or when
    /// a name is missing.
    static func householdOriginal(of message: MIMEMessage, _ inquiry: Inquiry) -> String? {
        guard let writer = inquiry.forwardedOthersMailFrom, let original = message.forwarded.first,
              let writerLast = writer.name.flatMap(PersonNameNormalizer.parse)?.last,
              let forwarderLast = message.from.first?.name.flatMap(PersonNameNormalizer.parse)?.last else { return nil }
        let folded = ClientReferral.fold(writerLast)
        guard !folded.isEmpty, folded == ClientReferral.fold(forwarderLast) else { return nil }
        return original.body
    }

    /// A prospect's note is a few lines; a long one is something else (a thread, a document).
    static let maximumNoteBytes = 2_000

    /// What the forwarder wrote above `original`, trimmed: the text above the separator of
    /// an inline forward, the message's own text for an attached one. Nil when it is empty
    /// or longer than ``maximumNoteBytes``.
    static func noteText(of message: MIMEMessage, above original: ForwardedOriginal) -> String? {
        let note = ValueNormalizer.trimmingWhitespace(original.style == .attachedMessage ? message.text ?? "" : original.leadingText)
        return note.isEmpty || note.utf8.count > maximumNoteBytes ? nil : note
    }

    /// Whether `note` reads as its writer's own inquiry (see the type's documentation).
    static func isOwnInquiry(_ note: String) -> Bool {
        let words = NoteWords(note)
        return !words.contains(thirdPartyWords) && words.contains(ownProjectPhrases) && words.contains(askingPhrases)
    }

    /// The writer's own project or household.
    static let ownProjectPhrases = PhraseTable([
        "we're", "we are", "we'd", "we want", "we would", "we own", "we have", "we just", "we bought", "we closed",
        "our home", "our house", "our lot", "our land", "our property", "our custom", "our new", "our build",
        "our wish", "our plans", "our project", "our acreage", "my husband", "my wife", "my spouse", "my partner",
        "i'm", "i am", "i'd like", "i want", "i own",
    ])

    /// The writer asking the builder for something.
    static let askingPhrases = PhraseTable([
        "can you", "could you", "would you", "will you", "would like you", "we'd love", "we would love", "love to meet",
        "like to meet", "call me", "text me", "reach me", "email me", "contact me", "my cell", "my number", "my phone",
        "let me know", "let us know",
    ])

    /// Words of a note about someone else: a builder's about the prospect, a realtor's or
    /// architect's about a client.
    static let thirdPartyWords = PhraseTable([
        "he", "him", "his", "she", "her", "they", "them", "their", "he's", "she's", "they're",
        "lead", "leads", "client", "clients", "customer", "customers", "prospect", "fyi", "fwiw",
    ])
}
