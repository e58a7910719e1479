import NIOCore

/// What the framer hands the session: command lines, or a whole message after DATA.
enum SMTPFrame: Sendable {
    /// A command line without its CRLF.
    case command(String)
    /// A command line longer than the limit; its bytes were discarded up to the next CRLF.
    case commandTooLong
    /// A piece of the message being read after `354` (dot-unstuffed, lines ending in
    /// CRLF), sent whenever the framer has collected ``SMTPFramingHandler/partSize`` bytes,
    /// so a large message is handed on as it arrives rather than held whole.
    case messagePart(ByteBuffer)
    /// The rest of the message up to `CRLF.CRLF` (after any ``messagePart(_:)``s).
    case message(ByteBuffer)
    /// The message grew past the size limit; it was read to its end and discarded.
    case messageTooLarge
    /// A piece of the BDAT chunk being read (same purpose as ``messagePart(_:)``).
    case chunkPart(ByteBuffer)
    /// (The rest of) one `BDAT size [LAST]` chunk (RFC 3030), read exactly, as sent; nil when it was
    /// larger than the message size limit (it was read and discarded).
    case chunk(ByteBuffer?, size: Int, last: Bool)
}
