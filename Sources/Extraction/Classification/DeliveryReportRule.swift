import MIME

/// Bounces, delay notices and read receipts.
///
/// - A `multipart/report` message (RFC 6522): `report-type=delivery-status` → delivery
///   status notification; `disposition-notification` → read receipt; other report types → report.
/// - A `message/delivery-status` (or `message/global-delivery-status`) part anywhere.
/// - A sender whose local part is `MAILER-DAEMON` or `postmaster` (any case): bounces
///   that do not follow RFC 3464 come from these.
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
        guard let address = message.from.first?.address else { return nil }
        // Most senders are ASCII and no bounce address: decided on the bytes, unlowercased.
        if Self.isCertainlyNotBounce(address) { return nil }
        if let sender = message.from.first?.address.lowercased(), let at = Self.firstAt(sender) {
            let local = sender[..<at]
            if local == "mailer-daemon" || local == "postmaster" {
                return NotALeadVerdict(kind: .deliveryReport, reason: "bounce (From: \(local))")
            }
        } else if let sender = message.from.first?.address.lowercased(), sender == "mailer-daemon" || sender == "postmaster" {
            return NotALeadVerdict(kind: .deliveryReport, reason: "bounce (From: \(sender))")
        }
        return nil
    }

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
