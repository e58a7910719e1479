import NIOCore
import NIOEmbedded
@testable import SMTPServer
import Testing

@Suite("SMTP framing around STARTTLS")
struct SMTPFramingStartTLSTests {
    static func commands(_ channel: EmbeddedChannel) throws -> [String] {
        var out: [String] = []
        while let frame = try channel.readInbound(as: SMTPFrame.self) {
            if case .command(let line) = frame { out.append(line) } else { out.append("\(frame)") }
        }
        return out
    }

    @Test("plaintext sent behind STARTTLS in the same segment is discarded when TLS is installed (CVE-2011-0411)")
    func injectionDiscarded() throws {
        let framer = SMTPFramingHandler(maximumMessageSize: 1 << 20)
        let channel = EmbeddedChannel(handler: framer)
        try channel.writeInbound(ByteBuffer(string: "STARTTLS\r\nNOOP injected\r\nMAIL FROM:<evil@example.org>\r\n"))
        #expect(try Self.commands(channel) == ["STARTTLS"], "the framer pauses after STARTTLS")
        try channel.writeInbound(ByteBuffer(string: "RSET\r\n"))
        #expect(try Self.commands(channel).isEmpty, "still paused: nothing is interpreted before the session decides")
        framer.tlsInstalled()
        #expect(try Self.commands(channel).isEmpty, "the buffered plaintext is gone")
        try channel.writeInbound(ByteBuffer(string: "EHLO after.tls\r\n"))
        #expect(try Self.commands(channel) == ["EHLO after.tls"])
        _ = try? channel.finish()
    }

    @Test("a refused STARTTLS leaves pipelined lines as commands", arguments: ["STARTTLS", "starttls", "STARTTLS extra"])
    func refusedKeepsLines(_ verb: String) throws {
        let framer = SMTPFramingHandler(maximumMessageSize: 1 << 20)
        let channel = EmbeddedChannel(handler: framer)
        try channel.writeInbound(ByteBuffer(string: "\(verb)\r\nNOOP\r\n"))
        #expect(try Self.commands(channel) == [verb])
        framer.resume(messageMode: false)
        #expect(try Self.commands(channel) == ["NOOP"])
        _ = try? channel.finish()
    }

    @Test("byte by byte: nothing after the STARTTLS line is emitted before the decision")
    func byteByByte() throws {
        let framer = SMTPFramingHandler(maximumMessageSize: 1 << 20)
        let channel = EmbeddedChannel(handler: framer)
        var seen: [String] = []
        for byte in "EHLO a\r\nSTARTTLS\r\nNOOP\r\n".utf8 {
            try channel.writeInbound(ByteBuffer(bytes: [byte]))
            seen += try Self.commands(channel)
        }
        #expect(seen == ["EHLO a", "STARTTLS"])
        framer.tlsInstalled()
        #expect(try Self.commands(channel).isEmpty)
        _ = try? channel.finish()
    }
}
