import MIME

/// Originals a forward carries that extraction does not read, which a person must look at:
/// a second (third, ...) attached message, since a lead is read from the first (a builder
/// forwarding several inquiries "as attachments" at once); an Outlook `.msg` file, which
/// is Outlook's own binary format, not MIME (Outlook's "Forward as attachment" from some
/// versions and a saved message dragged into a mail).
enum UnreadOriginals {
    /// The review reason for `message`'s own attachments, or nil when it carries none of these.
    static func reviewReason(_ message: MIMEMessage) -> String? {
        var attachedMessages = 0
        var outlookFile: String?
        for part in message.parts where part.isAttachment {
            if part.contentType == "message/rfc822" || part.contentType == "message/global" {
                if part.message?.isDeliveryReport != true { attachedMessages += 1 }
            } else if outlookFile == nil, isOutlookFile(part) {
                outlookFile = part.filename ?? "no file name"
            }
        }
        if attachedMessages > 1 {
            return "\(attachedMessages) original messages are attached; the lead was read from the first: check the others"
        }
        if let outlookFile {
            return "an Outlook message file is attached (\(HeaderToken.safe(outlookFile, limit: 60))) and not read: the inquiry may be in it"
        }
        return nil
    }

    private static func isOutlookFile(_ part: MIMEPart) -> Bool {
        if part.contentType == "application/vnd.ms-outlook" { return true }
        guard let name = part.filename, name.utf8.count >= 4 else { return false }
        return name.utf8.suffix(4).elementsEqual(".msg".utf8) || name.utf8.suffix(4).elementsEqual(".MSG".utf8)
    }
}
