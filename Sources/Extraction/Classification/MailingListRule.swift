import MIME

/// Mailing-list and bulk traffic.
///
/// Lead notifications from marketplaces and form services sometimes carry `List-Unsubscribe`
/// and even `Precedence: bulk`, so neither alone makes a message list traffic. The rules:
/// - `List-Id` together with `Precedence: list`, `bulk` or `junk` → mailing list.
/// - `Precedence: junk` alone → bulk mail.
/// - Not when the message came through a Google Group (`X-Google-Group-Id`): builders use
///   groups as a shared `info@` inbox, so group delivery says nothing about the content.
enum MailingListRule {
    static func verdict(_ message: MIMEMessage, _ headers: ClassificationHeaders) -> NotALeadVerdict? {
        if headers.xGoogleGroupID != nil { return nil }
        let precedence = headers.precedence
        if let precedence, ["list", "bulk", "junk"].contains(precedence), headers.listID != nil, let listID = message.listID {
            return NotALeadVerdict(kind: .mailingList,
                                   reason: "mailing list (List-Id \(HeaderToken.safe(listID, limit: 60)), Precedence: \(precedence))")
        }
        if precedence == "junk" {
            return NotALeadVerdict(kind: .mailingList, reason: "bulk mail (Precedence: junk)")
        }
        return nil
    }
}
