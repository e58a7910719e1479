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
    static func verdict(_ message: MIMEMessage) -> NotALeadVerdict? {
        if let contentType = message.header("Content-Type") {
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
        if let sender = message.from.first?.address.lowercased(), let at = sender.firstIndex(of: "@") {
            let local = sender[..<at]
            if local == "mailer-daemon" || local == "postmaster" {
                return NotALeadVerdict(kind: .deliveryReport, reason: "bounce (From: \(local))")
            }
        } else if let sender = message.from.first?.address.lowercased(), sender == "mailer-daemon" || sender == "postmaster" {
            return NotALeadVerdict(kind: .deliveryReport, reason: "bounce (From: \(sender))")
        }
        return nil
    }
}
