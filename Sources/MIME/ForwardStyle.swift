/// How a forwarded original was embedded in the message that carried it.
public enum ForwardStyle: String, Sendable, Equatable, Codable {
    /// A `message/rfc822` part ("forward as attachment").
    case attachedMessage = "attached message"
    /// Gmail's `---------- Forwarded message ---------` block.
    case gmail = "Gmail"
    /// Thunderbird's `-------- Forwarded Message --------` block (tab-separated labels).
    case thunderbird = "Thunderbird"
    /// Yahoo's `----- Forwarded Message -----` block, often with the whole header block
    /// glued onto one line.
    case yahoo = "Yahoo"
    /// Outlook desktop's `-----Original Message-----` block (and its translations).
    case outlookOriginalMessage = "Outlook"
    /// Outlook's line of underscores before the header block.
    case outlookUnderscores = "Outlook underscore"
    /// Apple Mail's `Begin forwarded message:`.
    case appleMail = "Apple Mail"
    /// A `From:` / `Sent:` / `To:` / `Subject:` block with no separator line.
    case headerBlock = "header block"
}
