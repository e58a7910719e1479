import NIOCore

/// What the framer hands the session: command lines, or a whole message after DATA.
enum SMTPFrame: Sendable {
    /// A command line without its CRLF.
    case command(String)
    /// A command line longer than the limit; its bytes were discarded up to the next CRLF.
    case commandTooLong
    /// The message between `354` and `CRLF.CRLF`, dot-unstuffed, lines ending in CRLF.
    case message(ByteBuffer)
    /// The message grew past the size limit; it was read to its end and discarded.
    case messageTooLarge
    /// One `BDAT size [LAST]` chunk (RFC 3030), read exactly, as sent; nil when it was
    /// larger than the message size limit (it was read and discarded).
    case chunk(ByteBuffer?, size: Int, last: Bool)
}
