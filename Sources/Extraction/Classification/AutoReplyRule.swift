import MIME

/// Automatic replies and other machine-generated mail (RFC 3834 and what mail clients do).
///
/// - `Auto-Submitted: auto-replied` (RFC 3834's automatic reply) → auto-reply.
/// - Any other `Auto-Submitted` value (`auto-generated`, `auto-forwarded`, ...) decides
///   nothing on its own: marketplaces and form plugins send their lead notifications with
///   it, and a builder's forwarding rule (Exchange inbox rules) marks the forwarded lead so.
///   The other signals below still decide.
/// - `Precedence: auto_reply`, `X-Autoreply: yes`, `X-Autorespond` → auto-reply.
/// - A subject starting like an out-of-office reply (`Automatic reply:`, `Out of Office:`,
///   `Abwesenheitsnotiz:`, `Réponse automatique:`, ...) → auto-reply.
/// - A responder's subject without a colon: the whole subject (`Out of Office`), a tag at
///   its end (`[Out of Office]`), a phrase with "until" (`On vacation until Dec 1`); see
///   ``ResponderSubject``.
/// - `X-Auto-Response-Suppress` alone is *not* enough: bulk and notification senders set it
///   to keep auto-replies away from their own mail, lead notifications included, and
///   Outlook sets it on people's mail too. It counts with an out-of-office phrase that
///   starts the subject the way a vacation responder writes one (`Out of office until
///   Monday`, `I'm out of the office`; see ``OutOfOfficeSubjects/leadingPhrase(of:)``), never
///   with the words elsewhere: after a reply or forward prefix (`RE: Out of Office: ...`)
///   it is a person answering an auto-reply, and inside a sentence ("a home office
///   addition - out of office space!") it is a person's own words.
/// - Last, without any of these: a short text that opens with an out-of-office statement
///   and says when the writer is back or whom to ask ("I am currently out of the office
///   ... returning Monday"), and names no project; see ``OutOfOfficeText``.
enum AutoReplyRule {
    static func verdict(_ message: MIMEMessage, _ headers: ClassificationHeaders) -> NotALeadVerdict? {
        if let raw = headers.autoSubmitted {
            let token = HeaderToken.first(raw)
            if token.hasPrefix("auto-repl") {
                return NotALeadVerdict(kind: .autoReply, reason: "auto-reply (Auto-Submitted: \(HeaderToken.safe(token)))")
            }
        }
        if let precedence = headers.precedence, precedence == "auto_reply" || precedence == "auto-reply" {
            return NotALeadVerdict(kind: .autoReply, reason: "auto-reply (Precedence: \(precedence))")
        }
        if let value = headers.xAutoreply, HeaderToken.first(value) == "yes" {
            return NotALeadVerdict(kind: .autoReply, reason: "auto-reply (X-Autoreply: yes)")
        }
        if headers.xAutorespond != nil {
            return NotALeadVerdict(kind: .autoReply, reason: "auto-reply (X-Autorespond)")
        }
        if let verdict = Self.subjectVerdict(message, headers) { return verdict }
        // Last, what responders without headers write (after the readings above, whose
        // reasons name the header that counted).
        if let phrase = ResponderSubject.match(message.subject ?? "") {
            return NotALeadVerdict(kind: .autoReply, reason: "auto-reply (subject \"\(phrase)\")")
        }
        // Then a responder's text alone: a short own text that opens "I am out of the office".
        if let text = message.text, let predicate = OutOfOfficeText.statement(in: text, subject: message.subject) {
            return NotALeadVerdict(kind: .autoReply, reason: "auto-reply (out-of-office text \"\(predicate)\")")
        }
        return nil
    }

    /// The out-of-office prefix, or a phrase with X-Auto-Response-Suppress, of the subject.
    private static func subjectVerdict(_ message: MIMEMessage, _ headers: ClassificationHeaders) -> NotALeadVerdict? {
        if let verdict = Self.asciiSubjectVerdict(message.subject ?? "", suppress: headers.xAutoResponseSuppress) {
            // (An ASCII subject, decided on its bytes: the steps below give the same.)
            return verdict
        }
        // Without X-Auto-Response-Suppress only a prefix counts, and most subjects start
        // with a byte no prefix starts with: no lowercased copy of the subject then.
        if headers.xAutoResponseSuppress == nil, OutOfOfficeSubjects.startsNoPrefix(message.subject ?? "") { return nil }
        // French puts a space before the colon ("Réponse automatique : ...").
        let lowered = message.subject?.lowercased() ?? ""
        // (Only a subject with the bytes " :" can hold the Characters " :".)
        let subject = Self.containsSpaceColon(lowered) ? lowered.replacing(" :", with: ":") : lowered
        let start = subject.drop(while: { $0 == " " })
        if let prefix = OutOfOfficeSubjects.prefix(of: start) {
            return NotALeadVerdict(kind: .autoReply, reason: "auto-reply (subject \"\(prefix.trimmingColon)\")")
        }
        if let suppress = headers.xAutoResponseSuppress, let phrase = OutOfOfficeSubjects.leadingPhrase(of: start) {
            return NotALeadVerdict(kind: .autoReply,
                                   reason: "auto-reply (subject \"\(phrase)\", X-Auto-Response-Suppress: \(HeaderToken.safe(suppress, limit: 20)))")
        }
        return nil
    }

    /// For an ASCII `subject`, `.some` of the verdict the subject steps below give (see
    /// ``OutOfOfficeSubjects/prefix(ofASCIISubject:)``); nil (not decided) for other subjects.
    static func asciiSubjectVerdict(_ subject: String, suppress: String?) -> NotALeadVerdict?? {
        let outcome = subject.utf8.withContiguousStorageIfAvailable { bytes -> NotALeadVerdict?? in
            for byte in bytes where byte >= 0x80 { return .none }
            if let prefix = OutOfOfficeSubjects.prefix(ofASCIISubject: bytes) {
                return .some(NotALeadVerdict(kind: .autoReply, reason: "auto-reply (subject \"\(prefix.trimmingColon)\")"))
            }
            if let suppress, let phrase = OutOfOfficeSubjects.leadingPhrase(ofASCIISubject: bytes) {
                return .some(NotALeadVerdict(kind: .autoReply,
                                             reason: "auto-reply (subject \"\(phrase)\", X-Auto-Response-Suppress: \(HeaderToken.safe(suppress, limit: 20)))"))
            }
            return .some(nil)
        }
        return outcome ?? .none
    }

    /// The out-of-office prefix of an ASCII `subject` as the byte path finds it (`.some(nil)`
    /// for none), or nil for other subjects: for tests.
    static func asciiSubjectPrefix(_ subject: String) -> String?? {
        let outcome = subject.utf8.withContiguousStorageIfAvailable { bytes -> String?? in
            for byte in bytes where byte >= 0x80 { return .none }
            return .some(OutOfOfficeSubjects.prefix(ofASCIISubject: bytes))
        }
        return outcome ?? .none
    }

    private static func containsSpaceColon(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: ":"), previous == UInt8(ascii: " ") { return true }
            previous = byte
        }
        return false
    }
}

extension String {
    fileprivate var trimmingColon: String {
        hasSuffix(":") ? String(dropLast()) : self
    }
}
