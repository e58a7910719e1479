import NIOCore

/// Reads the cipher suite out of the server's TLS ServerHello on its way to the socket.
///
/// Why: swift-nio-ssl exposes the negotiated TLS version but not the cipher suite, and the
/// envelope must record both. The ServerHello is sent in the clear in every TLS version,
/// so this handler, placed between the socket and `NIOSSLServerHandler`, looks at the
/// first outbound bytes once and then only passes writes through.
final class TLSServerHelloObserver: ChannelOutboundHandler {
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// The negotiated suite's IANA name, once the ServerHello went out.
    private(set) var cipher: String?
    private var seen = ByteBuffer()
    private var done = false

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if !self.done {
            var bytes = self.unwrapOutboundIn(data)
            self.seen.writeBuffer(&bytes)
            switch Self.cipherSuite(inServerHello: self.seen.readableBytesView) {
            case .some(let code):
                self.cipher = code.map(Self.name(ofCipherSuite:))
                self.done = true
                self.seen = ByteBuffer()
            case .none:
                // Not enough bytes yet; a ServerHello fits in far fewer than this.
                if self.seen.readableBytes > 16 * 1024 {
                    self.done = true
                    self.seen = ByteBuffer()
                }
            }
        }
        context.write(data, promise: promise)
    }

    /// The cipher suite in a TLS record stream that starts with a ServerHello: nil when
    /// more bytes are needed, `.some(nil)` when the bytes are not a ServerHello.
    static func cipherSuite<Bytes: RandomAccessCollection>(inServerHello bytes: Bytes) -> UInt16?? where Bytes.Element == UInt8, Bytes.Index == Int {
        func byte(_ offset: Int) -> UInt8? {
            offset < bytes.count ? bytes[bytes.startIndex + offset] : nil
        }
        // Record header: type 22 (handshake), version, length; then handshake type 2.
        guard let recordType = byte(0), let handshakeType = byte(5) else { return nil }
        guard recordType == 22, handshakeType == 2 else { return .some(nil) }
        // 5 record + 4 handshake header + 2 legacy version + 32 random, then the session id.
        guard let sessionIDLength = byte(43) else { return nil }
        let offset = 44 + Int(sessionIDLength)
        guard let high = byte(offset), let low = byte(offset + 1) else { return nil }
        return .some(UInt16(high) << 8 | UInt16(low))
    }

    static func name(ofCipherSuite code: UInt16) -> String {
        switch code {
        case 0x1301: return "TLS_AES_128_GCM_SHA256"
        case 0x1302: return "TLS_AES_256_GCM_SHA384"
        case 0x1303: return "TLS_CHACHA20_POLY1305_SHA256"
        case 0xC02B: return "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"
        case 0xC02C: return "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"
        case 0xC02F: return "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"
        case 0xC030: return "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"
        case 0xCCA8: return "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"
        case 0xCCA9: return "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"
        case 0xC009: return "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"
        case 0xC00A: return "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA"
        case 0xC013: return "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"
        case 0xC014: return "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA"
        case 0x009C: return "TLS_RSA_WITH_AES_128_GCM_SHA256"
        case 0x009D: return "TLS_RSA_WITH_AES_256_GCM_SHA384"
        case 0x002F: return "TLS_RSA_WITH_AES_128_CBC_SHA"
        case 0x0035: return "TLS_RSA_WITH_AES_256_CBC_SHA"
        default:
            let hex = String(code, radix: 16, uppercase: true)
            return "0x" + String(repeating: "0", count: 4 - hex.count) + hex
        }
    }
}
