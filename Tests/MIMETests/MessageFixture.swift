import MIME

/// Builds test messages from readable source text.
enum MessageFixture {
    /// Parses `source` after converting its LF line endings to CRLF, as mail arrives.
    static func parse(_ source: String, limits: MIMELimits = MIMELimits()) -> MIMEMessage {
        MIMEMessage.parse(crlf(source), limits: limits)
    }

    /// The bytes of `source` with every LF turned into CRLF.
    static func crlf(_ source: String) -> [UInt8] {
        var bytes: [UInt8] = []
        for byte in source.utf8 {
            if byte == 0x0A { bytes.append(0x0D) }
            bytes.append(byte)
        }
        return bytes
    }
}
