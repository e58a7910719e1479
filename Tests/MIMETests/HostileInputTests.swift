import MIME
import Testing

@Suite("Hostile input")
struct HostileInputTests {
    @Test func tenThousandNestedMultipartsStopAtDepthLimit() {
        var source = ""
        for level in 0..<10_000 {
            source += "Content-Type: multipart/mixed; boundary=\"b\(level)\"\n\n--b\(level)\n"
        }
        source += "Content-Type: text/plain\n\ndeep text\n"
        let clock = ContinuousClock()
        let start = clock.now
        let message = MessageFixture.parse(source)
        #expect(clock.now - start < .seconds(20))
        #expect(message.defects.contains { $0.contains("nesting deeper than 20 levels") })
        #expect(message.text == nil)
    }

    @Test func fiveMegabytesOfHeaderlessGarbage() {
        var generator = SplitMix64(seed: 0x5EED)
        var bytes = [UInt8](repeating: 0, count: 5 * 1024 * 1024)
        for index in bytes.indices {
            bytes[index] = UInt8(truncatingIfNeeded: generator.next())
        }
        let clock = ContinuousClock()
        let start = clock.now
        let message = MIMEMessage.parse(bytes)
        #expect(clock.now - start < .seconds(30))
        #expect(!message.defects.isEmpty)
    }

    @Test func oversizedInputIsCutAtMaximumSize() {
        var limits = MIMELimits()
        limits.maximumSize = 64
        let message = MessageFixture.parse("Subject: s\n\n" + String(repeating: "a", count: 500), limits: limits)
        #expect(message.defects.contains { $0.contains("larger than 64 bytes") })
        #expect((message.text?.count ?? 0) < 64)
    }

    @Test func manyDelimitersAreBounded() {
        let source = "Content-Type: multipart/mixed; boundary=x\n\n" + String(repeating: "--x\n", count: 100_000)
        let message = MessageFixture.parse(source)
        #expect(message.defects.contains { $0.contains("more than 1000 MIME parts") })
    }

    @Test func emptyInput() {
        let message = MIMEMessage.parse([])
        #expect(message.headers.isEmpty)
        #expect(message.defects == ["empty message"])
    }
}
