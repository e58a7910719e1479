import Foundation

/// The `Received:` trace header the gateway prepends to every message (RFC 5321 4.4):
///
///     Received: from client.example ([192.0.2.7])
///     	by intake.example (lead-intake) with ESMTPS
///     	(version=TLSv1.3 cipher=TLS_AES_256_GCM_SHA384)
///     	id 0193a1b2-...
///     	for <leads@acme.example>; Sat, 21 Nov 2026 10:00:00 +0000
///
/// No reverse DNS lookup is made (it would put DNS on the path to the 250), so the client
/// is named by its HELO and its address literal only.
struct ReceivedHeader {
    var helo: String
    /// The client's IP address as text; nil on a Unix socket.
    var clientAddress: String?
    var hostname: String
    /// `ESMTP`, `ESMTPS`, `UTF8SMTPS`, `LMTP`, ...
    var protocolName: String
    var tls: TLSDetails?
    /// Names this delivery in logs and in the header.
    var id: String
    /// Given only when the envelope has exactly one recipient (RFC 5321 7.2: listing
    /// several would disclose Bcc recipients).
    var recipient: String?
    var date: Date

    /// The header with CRLF line ends, folded, ending in CRLF.
    var rendered: String {
        var from = "from \(Self.domainText(self.helo, fallback: "unknown"))"
        if let address = self.clientAddress {
            from += " (\(Self.addressLiteral(address)))"
        }
        var lines = ["Received: \(from)", "\tby \(Self.domainText(self.hostname, fallback: "localhost")) (lead-intake) with \(self.protocolName)"]
        if let tls = self.tls {
            lines.append("\t(version=\(Self.atom(tls.protocolVersion)) cipher=\(Self.atom(tls.cipher)))")
        }
        lines.append("\tid \(Self.atom(self.id))")
        let date = Self.rfc5322Date(self.date)
        if let recipient = self.recipient {
            lines.append("\tfor <\(Self.headerSafe(recipient))>; \(date)")
        } else {
            lines[lines.count - 1] += "; \(date)"
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// `[192.0.2.7]` or `[IPv6:2001:db8::1]` (RFC 5321 4.1.3).
    static func addressLiteral(_ address: String) -> String {
        address.contains(":") ? "[IPv6:\(address)]" : "[\(address)]"
    }

    /// A HELO name is whatever the client typed: keep it if it looks like a domain or an
    /// address literal, otherwise replace the characters that could break the header.
    static func domainText(_ name: String, fallback: String) -> String {
        let cleaned = String(name.unicodeScalars.prefix(255).map { scalar -> Character in
            let allowed = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || ".-_:[]".unicodeScalars.contains(scalar)
            return allowed ? Character(scalar) : "_"
        })
        return cleaned.isEmpty ? fallback : cleaned
    }

    /// Printable ASCII without the characters that end a comment or a token.
    static func atom(_ text: String) -> String {
        String(text.unicodeScalars.prefix(128).map { scalar -> Character in
            scalar.isASCII && scalar.value > 0x20 && scalar.value < 0x7F && !"()\\;<>\"".unicodeScalars.contains(scalar)
                ? Character(scalar) : "_"
        })
    }

    /// An address for `for <...>`: UTF-8 stays (RFC 6532), controls and brackets do not.
    static func headerSafe(_ text: String) -> String {
        String(text.unicodeScalars.prefix(320).map { scalar -> Character in
            scalar.value < 0x20 || scalar.value == 0x7F || scalar == "<" || scalar == ">" ? "_" : Character(scalar)
        })
    }

    /// `Sat, 21 Nov 2026 10:00:00 +0000` (RFC 5322 3.3), always in UTC.
    static func rfc5322Date(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(days[Int(parts.tm_wday)]), \(parts.tm_mday) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) +0000"
    }
}
