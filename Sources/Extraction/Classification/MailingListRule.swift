import MIME

/// Mailing-list and bulk traffic.
///
/// Lead notifications from marketplaces and form services sometimes carry `List-Unsubscribe`
/// and even `Precedence: bulk`, so neither alone makes a message list traffic. The rules:
/// - `List-Id` together with `Precedence: list`, `bulk` or `junk` → mailing list, with
///   another sign that list software or a program sent it (``automationSign(_:_:)``: an
///   automated sender address, `List-Unsubscribe`, an `Auto-Submitted` other than `no`).
///   A person's message through a group address with none (a Workspace group used as the
///   builder's `info@`) is kept; ``LeadExtractor`` flags it for review.
/// - `Precedence: junk` → bulk mail, with such a sign too. From a person with none it
///   decides nothing, as `Precedence: bulk` does not: some phones and mail clients set it
///   on people's mail.
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
        if let precedence, ["list", "bulk", "junk"].contains(precedence), headers.listID != nil, let listID = message.listID,
           automationSign(message, headers) != nil {
            return NotALeadVerdict(kind: .mailingList,
                                   reason: "mailing list (List-Id \(HeaderToken.safe(listID, limit: 60)), Precedence: \(precedence))")
        }
        if precedence == "junk", let sign = automationSign(message, headers) {
            return NotALeadVerdict(kind: .mailingList, reason: "bulk mail (Precedence: junk, \(sign))")
        }
        return nil
    }

    /// What besides `Precedence` says list software or a program sent the message, for the
    /// reason; nil for a person's message with no such sign (kept: an inquiry ignored is lost).
    static func automationSign(_ message: MIMEMessage, _ headers: ClassificationHeaders) -> String? {
        if LeadExtractor.isAutomated(message.from.first) { return "automated sender" }
        if headers.listUnsubscribe != nil { return "List-Unsubscribe" }
        if let raw = headers.autoSubmitted, HeaderToken.first(raw) != "no" { return "Auto-Submitted" }
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
