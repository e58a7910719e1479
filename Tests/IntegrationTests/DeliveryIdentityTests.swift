import Foundation
import Storage
import Testing

@Suite("Delivery identity: the same message gets the same dedup key however it arrived")
struct DeliveryIdentityTests {
    static let message = Array((
        "Received: from relay.example\r\nMessage-ID: <abc@example.org>\r\nSubject: Lot 12\r\n\r\n"
        + String(repeating: "We would like a custom home on our lot.\r\n", count: 500)
    ).utf8)

    @Test("fed in pieces of any size (even splitting the blank line), the identity equals the whole message's")
    func splitInvariance() {
        let whole = DeliveryIdentity(raw: Self.message)
        #expect(whole.messageID == "abc@example.org")
        for size in [1, 2, 3, 7, 64, 77, 1_000, 4_096] {
            var accumulator = DeliveryIdentity.Accumulator()
            var offset = 0
            while offset < Self.message.count {
                let end = min(offset + size, Self.message.count)
                accumulator.append(Self.message[offset..<end])
                offset = end
            }
            #expect(accumulator.finish() == whole, "pieces of \(size)")
        }
    }

    @Test("another relay's Received line keeps the key (Message-ID + body); another body changes it")
    func relayAndBody() {
        let original = DeliveryIdentity(raw: Self.message)
        var relayed = Array("Received: from other.example\r\n".utf8)
        relayed += Self.message
        #expect(DeliveryIdentity(raw: relayed).dedupKey == original.dedupKey)
        #expect(DeliveryIdentity(raw: relayed).sha256 != original.sha256)
        var changed = Self.message
        changed[changed.count - 3] = UInt8(ascii: "?")
        #expect(DeliveryIdentity(raw: changed).dedupKey != original.dedupKey)
    }

    @Test("without a Message-ID the key is the hash of the whole message; LF-only header blocks are found too")
    func noMessageID() {
        let plain = Array("Subject: hi\n\nbody\n".utf8)
        let identity = DeliveryIdentity(raw: plain)
        #expect(identity.messageID == nil && identity.dedupKey == identity.sha256)
        let lf = DeliveryIdentity(raw: Array("Message-ID: <x@y>\nSubject: hi\n\nbody\n".utf8))
        #expect(lf.messageID == "x@y")
        let headerOnly = DeliveryIdentity(raw: Array("Message-ID: <x@y>\r\n".utf8))
        #expect(headerOnly.messageID == "x@y" && headerOnly.dedupKey != headerOnly.sha256)
    }
}
