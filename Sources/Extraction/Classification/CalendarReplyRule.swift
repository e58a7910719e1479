import MIME

/// A calendar client's answer to an invitation (`Accepted:`, `Declined:`, `Tentative:`):
/// a `text/calendar` part with `method=REPLY` (RFC 5546). The builder sent the invitation,
/// so the person is known already; the reply is no new lead.
///
/// Some clients leave the `method` parameter out and say it only inside the calendar
/// (`METHOD:REPLY`, RFC 5545); then the part's first ``methodReadLimit`` bytes are read
/// for that line.
///
/// Invitations themselves (`method=REQUEST`) are left alone: a person asking to meet may
/// be a new prospect.
enum CalendarReplyRule {
    /// How many bytes of a calendar part without a `method` parameter are read for its
    /// `METHOD` line, which calendar clients write near the top (after `BEGIN`, `PRODID`,
    /// `VERSION`): a huge calendar is never decoded whole.
    static let methodReadLimit = 4096

    static func verdict(_ message: MIMEMessage) -> NotALeadVerdict? {
        // (An attached .ics is something a person sends along with an inquiry; a calendar
        // client's reply carries it as the message's own body.)
        for part in message.parts where part.contentType == "text/calendar" && part.disposition != .attachment && part.filename == nil {
            if let method = part.contentTypeParameters["method"] {
                // (Only the letters: a damaged parameter, `method="REPLY\"; x=`, still says REPLY.)
                if HeaderToken.first(method).prefix(while: { $0 >= "a" && $0 <= "z" }) == "reply" {
                    return NotALeadVerdict(kind: .automated, reason: "calendar reply (text/calendar method=REPLY)")
                }
            } else if bodyMethodIsReply(part) {
                return NotALeadVerdict(kind: .automated, reason: "calendar reply (text/calendar METHOD:REPLY)")
            }
        }
        return nil
    }

    /// Whether the part's calendar says `METHOD:REPLY` in its first ``methodReadLimit``
    /// bytes (base64 decoded from a bounded prefix; other encodings read as they are, as a
    /// `METHOD` line holds nothing quoted-printable would escape).
    static func bodyMethodIsReply(_ part: MIMEPart) -> Bool {
        let encoded = part.encodedBody
        let head: [UInt8]
        if part.transferEncoding == "base64" {
            // 4 base64 characters make 3 bytes; line breaks are skipped.
            head = Base64Decoder.decode(encoded.prefix(methodReadLimit / 3 * 4 + methodReadLimit / 64 * 2)).bytes
        } else {
            head = Array(encoded.prefix(methodReadLimit))
        }
        return head.withUnsafeBufferPointer { methodIsReply(inCalendar: $0) }
    }

    /// Whether a line of `bytes` starts `METHOD:` (any case) and its value, up to the line
    /// end, `;` or a space, is `REPLY` (any case).
    static func methodIsReply(inCalendar bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // A cheap check first: no "method:" at all rules the part out.
        guard FoldedSearch.contains(bytes, "method:") else { return false }
        let name: StaticString = "method:"
        let value: StaticString = "reply"
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n"), bytes[lineEnd] != UInt8(ascii: "\r") { lineEnd += 1 }
            if Self.line(bytes, lineStart..<lineEnd, startsWith: name) {
                var start = lineStart + name.utf8CodeUnitCount
                while start < lineEnd, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") { start += 1 }
                var end = start
                while end < lineEnd, bytes[end] != UInt8(ascii: ";"), bytes[end] != UInt8(ascii: " "), bytes[end] != UInt8(ascii: "\t") {
                    end += 1
                }
                // The calendar's one METHOD decides, whatever it is.
                return end - start == value.utf8CodeUnitCount && Self.line(bytes, start..<end, startsWith: value)
            }
            lineStart = lineEnd + 1
        }
        return false
    }

    /// Whether `bytes[range]` starts with `lowercased`, A-Z folded.
    private static func line(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, startsWith lowercased: StaticString) -> Bool {
        let count = lowercased.utf8CodeUnitCount
        guard range.count >= count else { return false }
        for offset in 0..<count {
            let byte = bytes[range.lowerBound + offset]
            let folded = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            if folded != lowercased.utf8Start[offset] { return false }
        }
        return true
    }
}
