import Crypto
public import Foundation

/// What makes two deliveries "the same message" for one builder.
///
/// With a Message-ID: the Message-ID plus a hash of the body, so a re-delivery through
/// another relay (different `Received:` lines) is recognised, while a sender that reuses one
/// Message-ID for different inquiries still gets every inquiry stored. Without a Message-ID:
/// the hash of the whole message. Losing a lead is worse than storing a duplicate, so the
/// key errs on the side of "different".
///
/// Computed in one pass over the bytes as they arrive (``Accumulator``), so a message that
/// is streamed into the store never has to be held whole to be identified.
public struct DeliveryIdentity: Sendable, Equatable {
    /// SHA-256 of the message bytes as received.
    public let sha256: [UInt8]
    /// The unique key stored in `inbound_items.dedup_key`.
    public let dedupKey: [UInt8]
    /// The Message-ID without angle brackets, when the header block has one.
    public let messageID: String?

    public init(raw: [UInt8]) {
        var accumulator = Accumulator()
        accumulator.append(raw)
        self = accumulator.finish()
    }

    init(sha256: [UInt8], dedupKey: [UInt8], messageID: String?) {
        self.sha256 = sha256
        self.dedupKey = dedupKey
        self.messageID = messageID
    }

    /// Builds the identity from the message in pieces; any split gives the same result.
    public struct Accumulator: Sendable {
        /// A header block is searched for its end (and its Message-ID) only this far; past
        /// it the rest counts as body. Real header blocks are a few KB.
        static let maximumHeaderBytes = 1 << 20

        private var whole = SHA256()
        private var header: [UInt8] = []
        /// Set once the header block has ended: hashes `message-id:ID\n` and the body.
        private var body: SHA256?
        private var messageID: String?
        /// 0: inside a line; 1: just after an LF; 2: after LF CR.
        private var lineEndState = 0

        public init() {}

        public mutating func append(_ bytes: some Collection<UInt8>) {
            bytes.withContiguousStorageIfAvailable { self.append(buffer: UnsafeRawBufferPointer($0)) }
                ?? Array(bytes).withUnsafeBytes { self.append(buffer: $0) }
        }

        private mutating func append(buffer: UnsafeRawBufferPointer) {
            self.whole.update(bufferPointer: buffer)
            if self.body != nil {
                self.body!.update(bufferPointer: buffer)
                return
            }
            // Still in the header block: look for LF LF or LF CR LF.
            for (offset, byte) in buffer.enumerated() {
                var ended = false
                switch (self.lineEndState, byte) {
                case (1, 0x0A), (2, 0x0A): ended = true
                case (1, 0x0D): self.lineEndState = 2
                case (_, 0x0A): self.lineEndState = 1
                default: self.lineEndState = 0
                }
                if ended {
                    // The header block ends just after the first LF of the pair.
                    let back = self.lineEndState == 1 ? 1 : 2
                    self.header.append(contentsOf: buffer[..<(offset + 1)])
                    self.header.removeLast(back)
                    self.startBody(with: UnsafeRawBufferPointer(rebasing: buffer[(offset + 1)...]))
                    return
                }
                if self.header.count + offset + 1 >= Self.maximumHeaderBytes {
                    self.header.append(contentsOf: buffer[...offset])
                    self.startBody(with: UnsafeRawBufferPointer(rebasing: buffer[(offset + 1)...]))
                    return
                }
            }
            self.header.append(contentsOf: buffer)
        }

        private mutating func startBody(with rest: UnsafeRawBufferPointer) {
            self.messageID = DeliveryIdentity.messageID(in: self.header[...])
            self.header = []
            var hasher = SHA256()
            if let messageID = self.messageID {
                hasher.update(data: Array("message-id:\(messageID)\n".utf8))
            }
            hasher.update(bufferPointer: rest)
            self.body = hasher
        }

        /// The identity of everything appended.
        public func finish() -> DeliveryIdentity {
            var copy = self
            if copy.body == nil { copy.startBody(with: UnsafeRawBufferPointer(start: nil, count: 0)) }
            let sha = Array(copy.whole.finalize())
            guard copy.messageID != nil, let body = copy.body else {
                return DeliveryIdentity(sha256: sha, dedupKey: sha, messageID: nil)
            }
            return DeliveryIdentity(sha256: sha, dedupKey: Array(body.finalize()), messageID: copy.messageID)
        }
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
