extension MIMEMessage {
    /// Whether this message is a delivery report rather than mail a person wrote: a
    /// `multipart/report` (RFC 6522: bounces, delay notices, read receipts), or mail from
    /// the mail system itself (`MAILER-DAEMON@`, `postmaster@`: bounces sent as plain text).
    public var isDeliveryReport: Bool {
        if let contentType = header("Content-Type"), Self.isMultipartReport(contentType) {
            return true
        }
        guard let address = from.first?.address, let at = address.lastIndex(of: "@") else { return false }
        let local = address[..<at].lowercased()
        return local == "mailer-daemon" || local == "postmaster"
    }

    /// Whether `ParameterizedValue.parse(contentType).value` is `multipart/report`. Read on
    /// the bytes when that is exact: the parsed value is the text before the first ";" less
    /// spaces, tabs and quotes, lowercased, which for ASCII bytes is A-Z folded (an
    /// attached message's type is asked for by the forward scan and the unread-originals
    /// check, and parsing it twice cost more than the rest of both). A value that is not
    /// ASCII, or longer than the parse reads, is parsed.
    static func isMultipartReport(_ contentType: String) -> Bool {
        let answer = contentType.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard bytes.count <= 16 * 1024 else { return nil }
            let expected: StaticString = "multipart/report"
            var matched = 0
            for byte in bytes {
                if byte == UInt8(ascii: ";") { break }
                if byte >= 0x80 { return nil }
                if byte == 0x20 || byte == 0x09 || byte == UInt8(ascii: "\"") { continue }
                let folded = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                guard matched < expected.utf8CodeUnitCount, folded == expected.utf8Start[matched] else { return false }
                matched += 1
            }
            return matched == expected.utf8CodeUnitCount
        }
        return (answer ?? nil) ?? (ParameterizedValue.parse(contentType).value == "multipart/report")
    }
}
