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
                if lower.contains("disposition-notification") {
                    return NotALeadVerdict(kind: .deliveryReport, reason: "read receipt (disposition notification)")
                }
                if lower.contains("delivery-status") {
                    return NotALeadVerdict(kind: .deliveryReport, reason: "delivery status notification (multipart/report)")
                }
                return NotALeadVerdict(kind: .deliveryReport, reason: "report (multipart/report)")
            }
        }
        if message.parts.contains(where: { $0.contentType == "message/delivery-status" || $0.contentType == "message/global-delivery-status" }) {
            return NotALeadVerdict(kind: .deliveryReport, reason: "delivery status notification (message/delivery-status part)")
        }
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
    /// case): decided on the bytes of ASCII values, so most messages skip lowercasing the
    /// whole (boundary-carrying) value.
    private static func mayBeMultipartReport(_ contentType: String) -> Bool {
        let utf8 = contentType.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return true }
        let target = "multipart/report".utf8
        var expected = target.makeIterator()
        var started = false
        var matched = 0
        // As `HeaderToken.first`: separators before the token are skipped, the next ends it.
        for byte in utf8 {
            let isSeparator = byte == UInt8(ascii: ";") || byte == UInt8(ascii: "(") || byte == 0x20 || byte == 0x09
            if !started {
                if isSeparator { continue }
                started = true
            }
            if isSeparator { break }
            let folded = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            guard let wanted = expected.next(), folded == wanted else { return false }
            matched += 1
        }
        return matched == target.count
    }

    /// The first "@" of `address`: found on the bytes when it is ASCII (an "@" byte is then
    /// an "@" Character).
    private static func firstAt(_ address: String) -> String.Index? {
        address.utf8.allSatisfy { $0 < 0x80 } ? address.utf8.firstIndex(of: UInt8(ascii: "@")) : address.firstIndex(of: "@")
    }
}
