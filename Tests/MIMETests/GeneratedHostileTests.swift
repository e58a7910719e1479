import MIME
import Testing

/// Hostile inputs too large to commit as golden files, built in memory. Small samples of
/// each kind are golden files in `fixtures/mime/hostile-*.eml`.
@Suite("Generated hostile input")
struct GeneratedHostileTests {
    /// Builds `Name: aaaa...` folded into 78-byte lines until the header is `bytes` long.
    static func hugeHeaderMessage(bytes: Int) -> [UInt8] {
        var message = Array("From: Jane <jane@example.com>\r\nX-Huge: ".utf8)
        message.reserveCapacity(bytes + 200)
        let line = Array(String(repeating: "a", count: 76).utf8) + [0x0D, 0x0A, 0x20]
        while message.count < bytes {
            message += line
        }
        message += Array("end\r\nSubject: after the huge header\r\n\r\nThe body.\r\n".utf8)
        return message
    }

    @Test func tenMegabyteHeaderIsSkippedInLinearTime() {
        let bytes = Self.hugeHeaderMessage(bytes: 10 * 1024 * 1024)
        let clock = ContinuousClock()
        let start = clock.now
        let message = MIMEMessage.parse(bytes)
        #expect(clock.now - start < .seconds(5))
        #expect(message.from.map(\.address) == ["jane@example.com"])
        #expect(message.subject == nil)  // it lies past the 256 KiB header limit
        #expect(message.text == "The body.\n")
        #expect(message.defects.contains { $0.contains("header block longer than") })
    }

    @Test func tenMegabyteSingleHeaderLineWithoutFolding() {
        var bytes = Array("Subject: ".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 10 * 1024 * 1024)
        bytes += Array("\r\n\r\nbody".utf8)
        let message = MIMEMessage.parse(bytes)
        #expect(message.text == "body")
        #expect((message.subject?.utf8.count ?? 0) <= MIMELimits().maximumLineLength)
    }

    @Test func hundredThousandPartsStopAtThePartLimit() {
        var source = "Content-Type: multipart/mixed; boundary=p\r\n\r\n"
        source += String(repeating: "--p\r\nContent-Type: application/octet-stream\r\n\r\nx\r\n", count: 100_000)
        let clock = ContinuousClock()
        let start = clock.now
        let message = MIMEMessage.parse(Array(source.utf8))
        #expect(clock.now - start < .seconds(10))
        #expect(message.parts.count < 1000)
        #expect(message.defects.contains("more than 1000 MIME parts; the rest were ignored"))
    }

    @Test func thousandDeepEmbeddedMessagesReportTheDepthLimitAtTheTop() {
        var source = "Subject: outer\r\n"
        for level in 0..<1000 {
            source += "Content-Type: message/rfc822\r\n\r\nSubject: level \(level)\r\n"
        }
        source += "\r\ninnermost\r\n"
        let message = MIMEMessage.parse(Array(source.utf8))
        #expect(message.defects.contains { $0.contains("nesting deeper than 20 levels") })
        #expect(message.subject == "outer")
    }

    @Test func twentyFourMegabyteAttachmentIsMeasuredNotDecoded() throws {
        var source = Array("Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=big.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n".utf8)
        let line = Array(String(repeating: "QUJD", count: 19).utf8) + [0x0D, 0x0A]  // 76 chars → 57 bytes
        let lines = 24 * 1024 * 1024 / line.count  // under the 25 MiB maximumSize
        source.reserveCapacity(source.count + lines * line.count + 16)
        for _ in 0..<lines { source += line }
        source += Array("--b--\r\n".utf8)
        let message = MIMEMessage.parse(source)
        let attachment = try #require(message.attachments.first)
        #expect(attachment.decodedSize == lines * 57)
        #expect(attachment.filename == "big.pdf")
        #expect(message.text == "See attached.")
        #expect(attachment.decodedBody().count == attachment.decodedSize)
    }
}
