@testable import MIME
import Testing

/// ``MIMEMessage/isMultipartReport(_:)`` on the bytes against the parse it stands for.
@Suite struct DeliveryReportTypeTests {
    @Test func byteReadingEqualsTheParse() {
        let pieces = ["multipart/report", "Multipart/Report", "MULTIPART/REPORT", "multipart", "/", "report", "reports", " ", "\t",
                      "\"", ";", "; report-type=delivery-status", "text/plain", "\u{212A}", "é", "\u{0130}", "x", "(c)", "\r\n ", ""]
        var generator = SplitMix64(seed: 31)
        var values = (0..<4000).map { _ in
            (0..<Int(generator.next() % 6)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
        }
        values += ["multipart/report", " \"multipart/report\" ; x=y", "multipart/ report", "multipart/reportx",
                   "multipart/report" + String(repeating: " ", count: 17_000) + "x"]
        for value in values {
            #expect(MIMEMessage.isMultipartReport(value) == (ParameterizedValue.parse(value).value == "multipart/report"),
                    "\(value.prefix(80).debugDescription)")
        }
    }
}
