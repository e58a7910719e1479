/// Addresses no person reads: `noreply@`, `do-not-reply@`, `mailer-daemon@`. A message from
/// one is a program's; such an address is never a prospect's email (a marketplace's own
/// `no-reply@mail.zillow.com` in `From`, when the person writes through a relay).
enum NoReplyAddress {
    /// The local-part forms, lowercase; one of them anywhere in the local part counts
    /// (`alerts-noreply`, `noreply.leads`).
    static let forms = ["noreply", "no-reply", "no_reply", "donotreply", "do-not-reply", "do_not_reply", "mailer-daemon"]
    private static let formBytes = forms.map { Array($0.utf8) }

    /// Whether the local part of `address` (before its last "@") holds a no-reply form,
    /// A-Z folded.
    static func isNoReply(_ address: String) -> Bool {
        var copy = address
        return copy.withUTF8 { bytes in
            guard let at = bytes.lastIndex(of: UInt8(ascii: "@")) else { return false }
            return isNoReply(localPart: bytes[..<at])
        }
    }

    /// ``isNoReply(_:)`` of a local part's bytes (A-Z folded as compared; other bytes as they are).
    static func isNoReply<Bytes: Collection<UInt8>>(localPart: Bytes) -> Bool where Bytes.Index == Int {
        @inline(__always) func folded(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        let start = localPart.startIndex
        for form in formBytes where form.count <= localPart.count {
            for offset in 0...(localPart.count - form.count) {
                var matched = 0
                while matched < form.count, folded(localPart[start + offset + matched]) == form[matched] { matched += 1 }
                if matched == form.count { return true }
            }
        }
        return false
    }
}
