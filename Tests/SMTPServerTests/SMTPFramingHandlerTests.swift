import NIOCore
import NIOEmbedded
@testable import SMTPServer
import Testing

@Suite("SMTP framing")
struct SMTPFramingHandlerTests {
    /// Feeds `chunks` and returns the frames, resuming in message mode after every DATA.
    /// Message and chunk parts are joined to their final frame, so tests see whole messages;
    /// `partSizes` collects the size of every part handed on.
    static func frames(_ chunks: [String], maximumMessageSize: Int = 1 << 20, acceptData: Bool = true,
                       partSize: Int = 64 * 1024, partSizes: UnsafeMutablePointer<[Int]>? = nil) throws -> [String] {
        let framer = SMTPFramingHandler(maximumMessageSize: maximumMessageSize, partSize: partSize)
        let channel = EmbeddedChannel(handler: framer)
        var out: [String] = []
        var parts = ""
        func drain() throws {
            while let frame = try channel.readInbound(as: SMTPFrame.self) {
                switch frame {
                case .command(let line):
                    out.append("cmd:\(line)")
                    if SMTPFramingHandler.pausesAfter(line) { framer.resume(messageMode: acceptData) }
                case .commandTooLong: out.append("too-long")
                case .messagePart(let buffer), .chunkPart(let buffer):
                    parts += String(buffer: buffer)
                    partSizes?.pointee.append(buffer.readableBytes)
                case .message(let buffer):
                    out.append("msg:\(parts)\(String(buffer: buffer))")
                    parts = ""
                case .messageTooLarge:
                    out.append("too-large")
                    parts = ""
                case .chunk(let buffer, let size, let last):
                    out.append("chunk\(last ? "-last" : ""):\(size):" + (buffer.map { parts + String(buffer: $0) } ?? "<dropped>"))
                    parts = ""
                }
            }
        }
        for chunk in chunks {
            try channel.writeInbound(ByteBuffer(string: chunk))
            try drain()
        }
        _ = try? channel.finish()
        return out
    }

    /// The same input fed in one piece and byte by byte gives the same frames.
    static func framesBothWays(_ input: String, maximumMessageSize: Int = 1 << 20) throws -> [String] {
        let whole = try self.frames([input], maximumMessageSize: maximumMessageSize)
        let bytes = try self.frames(input.utf8.map { String(decoding: [$0], as: UTF8.self) }, maximumMessageSize: maximumMessageSize)
        #expect(whole == bytes, "byte-by-byte framing differs")
        return whole
    }

    @Test("a message longer than the part size is handed on in parts as it arrives; joined, they are the message")
    func messageParts() throws {
        let line = String(repeating: "x", count: 98) + "\r\n"
        let body = String(repeating: line, count: 100) + ".dot\r\n"
        var sizes: [Int] = []
        let frames = try withUnsafeMutablePointer(to: &sizes) { pointer in
            try Self.frames(["DATA\r\n", body, ".\r\nQUIT\r\n"], partSize: 1_000, partSizes: pointer)
        }
        #expect(frames == ["cmd:DATA", "msg:" + String(repeating: line, count: 100) + "dot\r\n", "cmd:QUIT"])
        #expect(sizes.count == 10 && sizes.allSatisfy { $0 >= 1_000 && $0 < 1_100 }, "got \(sizes)")

        var chunkSizes: [Int] = []
        let chunk = String(repeating: "y", count: 5_000)
        let chunked = try withUnsafeMutablePointer(to: &chunkSizes) { pointer in
            try Self.frames(["BDAT 5000 LAST\r\n", String(chunk.prefix(3_000)), String(chunk.suffix(2_000)) + "QUIT\r\n"],
                            partSize: 1_000, partSizes: pointer)
        }
        #expect(chunked == ["chunk-last:5000:" + chunk, "cmd:QUIT"])
        #expect(chunkSizes == [3_000])
    }

    @Test("commands end only at CRLF; a bare LF is part of the line")
    func crlfOnly() throws {
        #expect(try Self.framesBothWays("EHLO a\r\nNOOP\nRSET\r\n") == ["cmd:EHLO a", "cmd:NOOP\nRSET"])
    }

    @Test("dot-stuffing is undone exactly and CRLF.CRLF ends the message")
    func dotStuffing() throws {
        let frames = try Self.framesBothWays("DATA\r\n..leading dot\r\n...\r\nplain\r\n.\r\nQUIT\r\n")
        #expect(frames == ["cmd:DATA", "msg:.leading dot\r\n..\r\nplain\r\n", "cmd:QUIT"])
    }

    @Test("SMTP smuggling: bare LF or CR dot sequences never end the message", arguments: [
        "\n.\n", "\n.\r\n", "\r\n.\n", "\r\n.\r", "\r.\r", "\r.\r\n", "\n.\r",
    ])
    func smugglingNeverEndsData(_ fakeEnd: String) throws {
        let smuggled = "MAIL FROM:<evil@example.org>\r\nRCPT TO:<victim@intake.test>\r\nDATA\r\nsmuggled\r\n"
        let input = "DATA\r\nreal body" + fakeEnd + smuggled + ".\r\nNOOP\r\n"
        let frames = try Self.framesBothWays(input)
        #expect(frames.count == 3, "got \(frames)")
        #expect(frames.first == "cmd:DATA")
        #expect(frames.last == "cmd:NOOP")
        #expect(frames[1].hasPrefix("msg:real body"))
        #expect(frames[1].contains("MAIL FROM:<evil@example.org>"), "the smuggled command must stay message content")
        #expect(!frames.contains("cmd:MAIL FROM:<evil@example.org>"))
    }

    @Test("bare LF and bare CR in a message are normalised to CRLF, also when split across reads")
    func bareLineEndingsNormalised() throws {
        let frames = try Self.framesBothWays("DATA\r\na\nb\rc\r\n\n.\nd\r.\r\n.\r\n")
        #expect(frames == ["cmd:DATA", "msg:a\r\nb\r\nc\r\n\r\n.\r\nd\r\n.\r\n"])
    }

    @Test("BDAT chunks are read exactly, binary, without dot or line handling; an over-size chunk is dropped")
    func bdatChunks() throws {
        let frames = try Self.framesBothWays("BDAT 5\r\na\n.\r\nBDAT 3 LAST\r\nQUIT\r\nBDAT 0 LAST\r\nBDAT x\r\nNOOP\r\n")
        #expect(frames == ["chunk:5:a\n.\r\n", "chunk-last:3:QUI", "cmd:T", "chunk-last:0:", "cmd:BDAT x", "cmd:NOOP"])
        let big = try Self.frames(["BDAT 10 LAST\r\n0123456789NOOP\r\n"], maximumMessageSize: 4)
        #expect(big == ["chunk-last:10:<dropped>", "cmd:NOOP"])
    }

    @Test("after DATA the framer waits for the session; a rejected DATA leaves the next lines as commands")
    func pauseAfterData() throws {
        let rejected = try Self.frames(["DATA\r\nMAIL FROM:<a@b.c>\r\n"], acceptData: false)
        #expect(rejected == ["cmd:DATA", "cmd:MAIL FROM:<a@b.c>"])
        let accepted = try Self.frames(["DATA\r\nMAIL FROM:<a@b.c>\r\n.\r\n"], acceptData: true)
        #expect(accepted == ["cmd:DATA", "msg:MAIL FROM:<a@b.c>\r\n"])
    }

    @Test("an over-long command line is reported once and skipped; the session goes on")
    func commandTooLong() throws {
        let frames = try Self.framesBothWays(String(repeating: "A", count: 600) + "\r\nNOOP\r\n")
        #expect(frames == ["too-long", "cmd:NOOP"])
        let exactly512 = String(repeating: "B", count: 510)
        #expect(try Self.frames([exactly512 + "\r\n"]) == ["cmd:" + exactly512])
    }

    @Test("a message over the size limit is read to its end, discarded, and reported")
    func messageTooLarge() throws {
        let body = String(repeating: "x", count: 5000)
        let frames = try Self.framesBothWays("DATA\r\n" + body + "\r\n.\r\nNOOP\r\n", maximumMessageSize: 1000)
        #expect(frames == ["cmd:DATA", "too-large", "cmd:NOOP"])
    }
}
