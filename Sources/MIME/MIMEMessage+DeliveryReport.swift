extension MIMEMessage {
    /// Whether this message is a delivery report rather than mail a person wrote: a
    /// `multipart/report` (RFC 6522: bounces, delay notices, read receipts), or mail from
    /// the mail system itself (`MAILER-DAEMON@`, `postmaster@`: bounces sent as plain text).
    public var isDeliveryReport: Bool {
        if let contentType = header("Content-Type"),
           ParameterizedValue.parse(contentType).value == "multipart/report" {
            return true
        }
        guard let address = from.first?.address, let at = address.lastIndex(of: "@") else { return false }
        let local = address[..<at].lowercased()
        return local == "mailer-daemon" || local == "postmaster"
    }
}
