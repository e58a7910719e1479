@testable import SMTPServer
import Testing

@Suite("ServerHello cipher suite")
struct TLSServerHelloObserverTests {
    /// A TLS record holding a ServerHello with a 32-byte session id and the given suite.
    static func serverHello(suite: UInt16, sessionIDLength: UInt8 = 32) -> [UInt8] {
        var hello: [UInt8] = [0x03, 0x03] + Array(repeating: 0xAB, count: 32)
        hello += [sessionIDLength] + Array(repeating: 0xCD, count: Int(sessionIDLength))
        hello += [UInt8(suite >> 8), UInt8(suite & 0xFF), 0x00]
        let handshake: [UInt8] = [0x02, 0x00, UInt8(hello.count >> 8), UInt8(hello.count & 0xFF)] + hello
        return [0x16, 0x03, 0x03, UInt8(handshake.count >> 8), UInt8(handshake.count & 0xFF)] + handshake
    }

    @Test("finds the suite after a session id of any length; needs more bytes when cut short")
    func parse() {
        #expect(TLSServerHelloObserver.cipherSuite(inServerHello: Self.serverHello(suite: 0x1302)) == .some(0x1302))
        #expect(TLSServerHelloObserver.cipherSuite(inServerHello: Self.serverHello(suite: 0xC02F, sessionIDLength: 0)) == .some(0xC02F))
        let whole = Self.serverHello(suite: 0x1301)
        #expect(TLSServerHelloObserver.cipherSuite(inServerHello: Array(whole.prefix(60))) == nil)
        #expect(TLSServerHelloObserver.cipherSuite(inServerHello: [0x17, 0x03, 0x03, 0, 5, 1]) == .some(nil), "not a handshake")
    }

    @Test("IANA names, hex for the unknown")
    func names() {
        #expect(TLSServerHelloObserver.name(ofCipherSuite: 0x1302) == "TLS_AES_256_GCM_SHA384")
        #expect(TLSServerHelloObserver.name(ofCipherSuite: 0x00FF) == "0x00FF")
    }
}
