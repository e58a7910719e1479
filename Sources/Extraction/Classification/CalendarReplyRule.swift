import MIME

/// A calendar client's answer to an invitation (`Accepted:`, `Declined:`, `Tentative:`):
/// a `text/calendar` part with `method=REPLY` (RFC 5546). The builder sent the invitation,
/// so the person is known already; the reply is no new lead.
///
/// Invitations themselves (`method=REQUEST`) are left alone: a person asking to meet may
/// be a new prospect.
enum CalendarReplyRule {
    static func verdict(_ message: MIMEMessage) -> NotALeadVerdict? {
        // (An attached .ics is something a person sends along with an inquiry; a calendar
        // client's reply carries it as the message's own body.)
        for part in message.parts where part.contentType == "text/calendar" && part.disposition != .attachment && part.filename == nil {
            if let method = part.contentTypeParameters["method"], HeaderToken.first(method) == "reply" {
                return NotALeadVerdict(kind: .automated, reason: "calendar reply (text/calendar method=REPLY)")
            }
        }
        return nil
    }
}
