import MIME

/// Bounces, delay notices and read receipts.
///
/// - A `multipart/report` message (RFC 6522): `report-type=delivery-status` → delivery
///   status notification; `disposition-notification` → read receipt; other report types → report.
/// - A `message/delivery-status` (or `message/global-delivery-status`) part anywhere.
/// - A sender whose local part is `MAILER-DAEMON` or `postmaster` (any case): bounces
///   that do not follow RFC 3464 come from these.
/// - A subject that *starts* like a bounce (`Undeliverable:`, `failure notice`, ...; not
///   after `Fwd:`/`Re:`, which a person wrote) together with Exchange's
///   `X-MS-Exchange-Message-Is-Ndr` header, an automated sender (`bounce@`), or a marker
///   of a mail server's report in the text (qmail's `--- Below this line is a copy of the
///   message.`, Exchange's `Diagnostic information for administrators`).
/// - A subject starting `Read:` (`Not read:`) with Outlook's `was read on` (`was deleted
///   without being read`) in the text: a plain-text read receipt.
/// The returned original inside a bounce can look exactly like a lead; it is never one.
enum DeliveryReportRule {
    static func verdict(_ message: MIMEMessage, _ headers: ClassificationHeaders) -> NotALeadVerdict? {
        if let contentType = headers.contentType, Self.mayBeMultipartReport(contentType) {
            let lower = contentType.lowercased()
            if HeaderToken.first(lower) == "multipart/report" {
                if Self.contains(lower, "disposition-notification") {
                    return NotALeadVerdict(kind: .deliveryReport, reason: "read receipt (disposition notification)")
                }
                if Self.contains(lower, "delivery-status") {
                    return NotALeadVerdict(kind: .deliveryReport, reason: "delivery status notification (multipart/report)")
                }
                return NotALeadVerdict(kind: .deliveryReport, reason: "report (multipart/report)")
            }
        }
        if message.parts.contains(where: { $0.contentType == "message/delivery-status" || $0.contentType == "message/global-delivery-status" }) {
            return NotALeadVerdict(kind: .deliveryReport, reason: "delivery status notification (message/delivery-status part)")
        }
        guard let address = message.from.first?.address else { return nonStandardReport(message, headers) }
        // Most senders are ASCII and no bounce address: decided on the bytes, unlowercased.
        if Self.isCertainlyNotBounce(address) { return nonStandardReport(message, headers) }
        if let sender = message.from.first?.address.lowercased(), let at = Self.firstAt(sender) {
            let local = sender[..<at]
            if local == "mailer-daemon" || local == "postmaster" {
                return NotALeadVerdict(kind: .deliveryReport, reason: "bounce (From: \(local))")
            }
        } else if let sender = message.from.first?.address.lowercased(), sender == "mailer-daemon" || sender == "postmaster" {
            return NotALeadVerdict(kind: .deliveryReport, reason: "bounce (From: \(sender))")
        }
        return nonStandardReport(message, headers)
    }

    /// Lowercase subject starts of bounces that are not `multipart/report`.
    static let bounceSubjects = [
        "undeliverable:", "undelivered mail returned to sender", "failure notice", "delivery status notification (failure)",
        "delivery status notification (delay)", "mail delivery failed", "mail delivery failure", "delivery failure",
        "returned mail:", "message not delivered", "delivery has failed",
    ]
    /// Lowercase text of mail servers' bounce reports (no person writes these).
    static let bounceMarkers = [
        "below this line is a copy of the message", "diagnostic information for administrators", "remote server returned",
        "delivery has failed to these recipients", "the following addresses had permanent fatal errors",
        "this is a permanent error", "original message headers",
    ]
    /// Lowercase subject starts of plain-text read receipts, each with what its text says.
    static let readReceipts: [(subject: String, marker: String)] = [
        ("read:", "was read on"), ("not read:", "was deleted without being read"),
    ]

    /// A bounce or read receipt in plain form (see the type's list), or nil. Most subjects
    /// start with a byte no such subject starts with: decided on that byte alone.
    static func nonStandardReport(_ message: MIMEMessage, _ headers: ClassificationHeaders) -> NotALeadVerdict? {
        guard let subject = message.subject,
              let first = subject.utf8.first(where: { $0 != 0x20 && $0 != 0x09 }) else { return nil }
        let folded = first >= 0x41 && first <= 0x5A ? first | 0x20 : first
        guard reportSubjectFirstBytes.contains(folded), mayStartWithReportSubject(subject) else { return nil }
        let start = String(subject.drop(while: { $0 == " " || $0 == "\t" }).prefix(60)).lowercased()
        if let bounce = bounceSubjects.first(where: { start.hasPrefix($0) }) {
            let label = bounce.hasSuffix(":") ? String(bounce.dropLast()) : bounce
            if headers.xMSExchangeMessageIsNdr != nil {
                return NotALeadVerdict(kind: .deliveryReport, reason: "bounce (subject \"\(label)\", X-MS-Exchange-Message-Is-Ndr)")
            }
            if LeadExtractor.isAutomated(message.from.first) {
                return NotALeadVerdict(kind: .deliveryReport, reason: "bounce (subject \"\(label)\" from an automated sender)")
            }
            // A server's report by its text alone only from a server's mailbox: a person
            // resending an inquiry pastes the same words ("Undeliverable: New home inquiry -
            // trying again ... Delivery has failed to these recipients").
            guard Self.isServerMailbox(message.from.first) else { return nil }
            let text = String((message.text ?? "").prefix(8_000)).lowercased()
            if bounceMarkers.contains(where: { text.contains($0) }) {
                return NotALeadVerdict(kind: .deliveryReport, reason: "bounce (subject \"\(label)\", mail server report)")
            }
            return nil
        }
        if let receipt = readReceipts.first(where: { start.hasPrefix($0.subject) }) {
            // A client's receipt is a short text of its own ("Your message ... was read on
            // ..."), sent from the reader's own address: a person's "Read: your article ...
            // - want one!" is not one.
            let text = (message.text ?? "").drop(while: { $0.isWhitespace })
            if text.utf8.count <= 1_000, case let lower = text.lowercased(), lower.hasPrefix("your message"), lower.contains(receipt.marker) {
                return NotALeadVerdict(kind: .deliveryReport, reason: "read receipt (subject \"\(receipt.subject.dropLast())\")")
            }
        }
        return nil
    }

    /// False when the subject, after its leading spaces and tabs, certainly starts with none
    /// of the ``bounceSubjects`` or ``readReceipts``' subjects (every subject starting with a
    /// "Re:" or "New" gets this far): decided on bytes, A-Z folded, when the bytes that
    /// could match are ASCII. (Each is then one Character that lowercases to its folded
    /// byte, or part of a CR LF, which no such subject holds: a subject the lowercased
    /// Characters start with, the folded bytes start with too.) Else true.
    static func mayStartWithReportSubject(_ subject: String) -> Bool {
        var copy = subject
        return copy.withUTF8 { bytes -> Bool in
            var start = 0
            while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            let end = min(bytes.count, start + reportSubjectMaximumLength)
            for index in start..<end where bytes[index] >= 0x80 { return true }
            // (Plain loops: the generic `zip` and `allSatisfy` cost more than the rest of
            // the rule for the many subjects starting with "Re:" or "New".)
            for candidate in reportSubjectBytes where candidate.count <= end - start {
                var offset = 0
                while offset < candidate.count {
                    let byte = bytes[start + offset]
                    guard candidate[offset] == (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) else { break }
                    offset += 1
                }
                if offset == candidate.count { return true }
            }
            return false
        }
    }

    /// ``bounceSubjects`` and ``readReceipts``' subjects, as bytes (all lowercase ASCII).
    private static let reportSubjectBytes: [[UInt8]] = (bounceSubjects + readReceipts.map(\.subject)).map { Array($0.utf8) }
    private static let reportSubjectMaximumLength = reportSubjectBytes.map(\.count).max() ?? 0

    private static let serverNames = ["mail delivery", "mail system", "postmaster", "microsoft outlook", "mailer-daemon"]

    /// Whether `sender` is a mail server's own mailbox (`postmaster@`, or automated:
    /// `mailer-daemon@`, `bounce@`...) or missing, as a server's report is sent.
    private static func isServerMailbox(_ sender: Mailbox?) -> Bool {
        guard let address = sender?.address, !address.isEmpty else { return true }
        let local = address.split(separator: "@").first.map { $0.lowercased() } ?? ""
        if local == "postmaster" || local == "postoffice" || LeadExtractor.isAutomated(sender) { return true }
        // Servers name themselves so ("Mail Delivery Subsystem", "Mail System", "Microsoft Outlook").
        let name = (sender?.name ?? "").lowercased()
        return serverNames.contains { name.contains($0) }
    }

    /// The first bytes of ``bounceSubjects`` and ``readReceipts``' subjects.
    private static let reportSubjectFirstBytes = FirstByteSet(firstBytesOf: reportSubjectBytes)

    /// False when `contentType`'s first token is certainly not `multipart/report` (any
    /// case), so most messages skip lowercasing the whole (boundary-carrying) value.
    ///
    /// Decided on the bytes up to the first that differs from `multipart/report` (as
    /// `HeaderToken.first` reads: separators before the token skipped, the next ends it):
    /// when those bytes are ASCII, each but the last is one Character (none is CR or LF),
    /// and the Character at the differing byte differs too (a mark after it only adds to
    /// it), so the Character token differs; and no non-ASCII Character lowercases to one
    /// of these letters. True (maybe) at a non-ASCII byte first, or a whole match.
    private static func mayBeMultipartReport(_ contentType: String) -> Bool {
        let answer = contentType.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            @inline(__always) func isSeparator(_ byte: UInt8) -> Bool {
                byte == UInt8(ascii: ";") || byte == UInt8(ascii: "(") || byte == 0x20 || byte == 0x09
            }
            var index = 0
            while index < bytes.count, isSeparator(bytes[index]) { index += 1 }
            for wanted in "multipart/report".utf8 {
                guard index < bytes.count else { return false }
                let byte = bytes[index]
                if byte >= 0x80 { return true }
                let folded = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                guard folded == wanted else { return false }
                index += 1
            }
            return true
        }
        return answer ?? true
    }

    /// True when `address` is ASCII and its local part (all of it without an "@") is
    /// neither `mailer-daemon` nor `postmaster` in any case: the checks below then give nil
    /// (lowercasing ASCII maps A-Z alone, and an "@" byte is an "@" Character).
    private static func isCertainlyNotBounce(_ address: String) -> Bool {
        let answer = address.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            for byte in bytes where byte >= 0x80 { return false }
            let local = bytes[..<(bytes.firstIndex(of: UInt8(ascii: "@")) ?? bytes.count)]
            return !(Self.equalsFolded(local, "mailer-daemon") || Self.equalsFolded(local, "postmaster"))
        }
        return answer ?? false
    }

    /// Whether ASCII `bytes` with A-Z folded are `lowercased`.
    private static func equalsFolded(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ lowercased: StaticString) -> Bool {
        guard bytes.count == lowercased.utf8CodeUnitCount else { return false }
        let expected = lowercased.utf8Start
        var offset = 0
        for byte in bytes {
            let folded = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            guard folded == expected[offset] else { return false }
            offset += 1
        }
        return true
    }

    /// `text.contains(needle)` for an ASCII `needle` without CR or LF: on the bytes when
    /// `text` is ASCII (every Character is then one byte, but CR LF, which no match starts
    /// or ends inside), else the Character search. (The generic search costs tens of
    /// thousands of instructions for one header value.)
    static func contains(_ text: String, _ needle: StaticString) -> Bool {
        let answer = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            var bits: UInt8 = 0
            for byte in bytes { bits |= byte }
            guard bits < 0x80 else { return nil }
            let wanted = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
            guard let first = wanted.first else { return true }
            guard wanted.count <= bytes.count else { return false }
            for start in 0...(bytes.count - wanted.count) where bytes[start] == first {
                if UnsafeBufferPointer(rebasing: bytes[start..<(start + wanted.count)]).elementsEqual(wanted) { return true }
            }
            return false
        }
        if let known = answer, let known { return known }
        return characterContains(text, needle.description)
    }

    /// The Character search the rule always made (this file imports no Foundation, whose
    /// `contains` differs).
    static func characterContains(_ text: String, _ needle: String) -> Bool {
        text.contains(needle)
    }

    /// The first "@" of `address`: found on the bytes when it is ASCII (an "@" byte is then
    /// an "@" Character).
    private static func firstAt(_ address: String) -> String.Index? {
        address.utf8.allSatisfy { $0 < 0x80 } ? address.utf8.firstIndex(of: UInt8(ascii: "@")) : address.firstIndex(of: "@")
    }
}
