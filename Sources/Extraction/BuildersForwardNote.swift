import LeadModel
import MIME

/// The builder's note above an inquiry they forward ("He called too, his cell is
/// 512-555-0160"; "Talked to him - budget is about 800k, they own the lot, paying cash"):
/// what the builder learned of the prospect, which the original may lack. Read after the
/// original, for the fields it left empty; never for a name (the note's are the builder's),
/// and for a phone only when the note speaks of the prospect's number and not the writer's.
/// Found by exploratory testing: the note was not read at all.
enum BuildersForwardNote {
    /// The note without the forwarder's signature, when it speaks of someone else (a
    /// third-person word: `he`, `his`, `they`, `client`, ...; a note of "FYI" or "see below"
    /// holds nothing to read); nil for no forward, the forwarder's own mail forwarded, or a
    /// long note.
    static func text(of message: MIMEMessage, _ inquiry: Inquiry) -> String? {
        guard inquiry.isForwarded, !inquiry.originalIsForwardersOwn, let outermost = message.forwarded.last else { return nil }
        // (Cheapest first: most notes name no one, signature or not.)
        guard let note = ForwardersOwnInquiry.noteText(of: message, above: outermost),
              NoteWords(note).contains(ForwardersOwnInquiry.thirdPartyWords) else { return nil }
        let unsigned = LeadExtractor.withoutWritersSignature(note, writer: message.from.first)
        guard NoteWords(unsigned).contains(ForwardersOwnInquiry.thirdPartyWords) else { return nil }
        return unsigned
    }

    /// Whether a phone in `note` may be the prospect's: it names a third person's number
    /// (`his cell`, `her number`, `their phone`) and never the writer's (`call me`, `my cell`).
    static func mayGivePhone(_ note: String) -> Bool {
        let words = NoteWords(note)
        return words.contains(theirNumber) && !words.contains(writersOwnNumber)
    }

    private static let theirNumber = PhraseTable(["his", "her", "their"].flatMap { owner in
        ["cell", "number", "phone", "mobile"].map { "\(owner) \($0)" }
    })
    private static let writersOwnNumber = PhraseTable(["call me", "text me", "reach me", "my cell", "my number", "my phone", "my mobile"])
}
