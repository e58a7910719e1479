import Crypto
public import Foundation

/// What makes two deliveries "the same message" for one builder.
///
/// With a Message-ID: the Message-ID plus a hash of the body, so a re-delivery through
/// another relay (different `Received:` lines) is recognised, while a sender that reuses one
/// Message-ID for different inquiries still gets every inquiry stored. Without a Message-ID:
/// the hash of the whole message. Losing a lead is worse than storing a duplicate, so the
/// key errs on the side of "different".
public struct DeliveryIdentity: Sendable, Equatable {
    /// SHA-256 of the message bytes as received.
    public let sha256: [UInt8]
    /// The unique key stored in `inbound_items.dedup_key`.
    public let dedupKey: [UInt8]
    /// The Message-ID without angle brackets, when the header block has one.
    public let messageID: String?

    public init(raw: [UInt8]) {
        self.sha256 = Array(SHA256.hash(data: raw))
        let (headerEnd, bodyStart) = Self.headerBoundary(raw)
        self.messageID = Self.messageID(in: raw[..<headerEnd])
        if let messageID = self.messageID {
            var hasher = SHA256()
            hasher.update(data: Array("message-id:\(messageID)\n".utf8))
            hasher.update(data: raw[bodyStart...])
            self.dedupKey = Array(hasher.finalize())
        } else {
            self.dedupKey = self.sha256
        }
    }

    /// End of the header block and start of the body (CRLF CRLF, or bare LF LF).
    static func headerBoundary(_ raw: [UInt8]) -> (Int, Int) {
        var i = 0
        while i < raw.count {
            if raw[i] == 0x0A {
                if i + 1 < raw.count, raw[i + 1] == 0x0A { return (i + 1, i + 2) }
                if i + 2 < raw.count, raw[i + 1] == 0x0D, raw[i + 2] == 0x0A { return (i + 1, i + 3) }
            }
            i += 1
        }
        return (raw.count, raw.count)
    }

    /// The first `Message-ID:` header, unfolded, without brackets or surrounding space.
    static func messageID(in header: ArraySlice<UInt8>) -> String? {
        let text = String(decoding: header, as: UTF8.self)
        var lines: [Substring] = []
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            if let first = line.first, first == " " || first == "\t", !lines.isEmpty {
                lines[lines.count - 1] = Substring(lines[lines.count - 1] + line)
            } else {
                lines.append(line)
            }
        }
        for line in lines {
            guard let colon = line.firstIndex(of: ":"),
                  line[..<colon].trimmingCharacters(in: .whitespaces).lowercased() == "message-id"
            else { continue }
            var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
            if value.hasPrefix("<"), let close = value.firstIndex(of: ">") {
                value = String(value[value.index(after: value.startIndex)..<close])
            }
            return value.isEmpty || value.utf8.count > 998 ? nil : value
        }
        return nil
    }
}
