public import Foundation

/// How an item reached the gateway.
public enum IntakeChannel: String, Sendable, CaseIterable {
    case smtp, lmtp, imap, webhook, cli
}

/// A message accepted from a peer, with its envelope, before it is committed.
public struct InboundMessage: Sendable {
    public var channel: IntakeChannel
    public var raw: [UInt8]
    /// SMTP `MAIL FROM` reverse path (empty string for the null sender `<>`).
    public var mailFrom: String?
    /// The peer's address, as text.
    public var clientAddress: String?
    /// The HELO/EHLO name the client gave.
    public var helo: String?
    /// Our own trace header (`Received: ...\r\n`), stored in front of `raw`. It is kept
    /// apart so the dedup key and hash cover only the bytes as received: a re-delivery
    /// gets another trace header and must still be recognised.
    public var traceHeader: [UInt8]
    /// The TLS version and cipher suite when the message came over STARTTLS.
    public var tlsProtocol: String?
    public var tlsCipher: String?
    /// Set when the body was streamed into the spool as it arrived; `raw` is then empty.
    public var spooled: SpooledBody?

    public init(channel: IntakeChannel, raw: [UInt8], mailFrom: String? = nil,
                clientAddress: String? = nil, helo: String? = nil, traceHeader: [UInt8] = [],
                tlsProtocol: String? = nil, tlsCipher: String? = nil, spooled: SpooledBody? = nil) {
        self.channel = channel
        self.raw = raw
        self.mailFrom = mailFrom
        self.clientAddress = clientAddress
        self.helo = helo
        self.traceHeader = traceHeader
        self.tlsProtocol = tlsProtocol
        self.tlsCipher = tlsCipher
        self.spooled = spooled
    }

    /// Bytes of the message as received, wherever they are.
    public var size: Int { self.spooled?.size ?? self.raw.count }
}

/// One builder's copy of an accepted message.
public struct AcceptedItem: Sendable, Equatable {
    public let id: UUID
    public let builderID: UUID
    /// True when the same message had already been stored for this builder; `id` is then
    /// the earlier item's.
    public let isDuplicate: Bool
}

/// The stored state of an item, for listings.
public enum ItemStatus: String, Sendable, CaseIterable, Codable {
    case queued, processing, done, ignored, failed
}

/// A row of `lead-intake inbox list`.
public struct InboxSummary: Sendable {
    public let id: UUID
    public let builderSlug: String
    public let channel: String
    public let status: ItemStatus
    public let attempts: Int
    public let size: Int
    public let receivedAt: Date
    public let messageID: String?
    public let leadID: UUID?
    public let note: String?
}
