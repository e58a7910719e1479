import MIME

/// Mailing-list and bulk traffic.
///
/// Lead notifications from marketplaces and form services sometimes carry `List-Unsubscribe`
/// and even `Precedence: bulk`, so neither alone makes a message list traffic. The rules:
/// - `List-Id` together with `Precedence: list`, `bulk` or `junk` → mailing list.
/// - `Precedence: junk` alone → bulk mail.
/// - `List-Id` alone → mailing list, but only for a message no spec detects and whose text
///   does not read like a lead notification (``listIDVerdict(_:_:)``, asked by
///   ``LeadExtractor`` after detection).
/// - Not when the message came through a Google Group (`X-Google-Group-Id`): builders use
///   groups as a shared `info@` inbox, so group delivery says nothing about the content.
/// ``LeadExtractor`` asks these rules only for a message no spec detects: a marketplace's
/// lead alert sent through its own list machinery (`List-Id` + `Precedence: bulk`) is a lead.
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

    /// `List-Id` without a `Precedence` that says list (newsletters, groups.io): list
    /// traffic unless the text reads like a lead notification (see
    /// ``LeadNotificationSignals``). For a message no spec detected; nil through a Google Group.
    static func listIDVerdict(_ message: MIMEMessage, _ headers: ClassificationHeaders) -> NotALeadVerdict? {
        guard headers.listID != nil, headers.xGoogleGroupID == nil, let listID = message.listID else { return nil }
        // A person writing through a group alias (groups.io, a workspace group) is no list
        // traffic to ignore: only a program's mail is (newsletter@, news@, no-reply@). A
        // person's post that is not an inquiry becomes a lead a person can dismiss; an
        // inquiry ignored is lost.
        guard LeadExtractor.isAutomated(message.from.first) else { return nil }
        if LeadNotificationSignals.looksLikeLeadNotification(message.text ?? "") { return nil }
        return NotALeadVerdict(kind: .mailingList, reason: "mailing list (List-Id \(HeaderToken.safe(listID, limit: 60)))")
    }
}
