import Foundation
@testable import SMTPServer
import Testing

@Suite("Received trace header")
struct ReceivedHeaderTests {
    static let date = Date(timeIntervalSince1970: 1_795_255_200)  // Sat, 21 Nov 2026 10:00:00 UTC

    @Test("RFC 5321 4.4 form with TLS details and a single recipient")
    func withTLS() {
        let header = ReceivedHeader(
            helo: "client.example", clientAddress: "192.0.2.7", hostname: "intake.test", protocolName: "ESMTPS",
            tls: TLSDetails(protocolVersion: "TLSv1.3", cipher: "TLS_AES_256_GCM_SHA384"), id: "0193-abc",
            recipient: "leads@acme.example", date: Self.date)
        #expect(header.rendered == """
            Received: from client.example ([192.0.2.7])\r
            \tby intake.test (lead-intake) with ESMTPS\r
            \t(version=TLSv1.3 cipher=TLS_AES_256_GCM_SHA384)\r
            \tid 0193-abc\r
            \tfor <leads@acme.example>; Sat, 21 Nov 2026 10:00:00 +0000\r

            """)
    }

    @Test("several recipients are not listed; IPv6 literal; a hostile HELO cannot break the header")
    func hostile() {
        let header = ReceivedHeader(
            helo: "evil)\r\nBcc: x (", clientAddress: "2001:db8::1", hostname: "intake.test", protocolName: "ESMTP",
            tls: nil, id: "id1", recipient: nil, date: Self.date)
        let rendered = header.rendered
        #expect(rendered.hasPrefix("Received: from evil___Bcc:_x__ ([IPv6:2001:db8::1])\r\n"))
        #expect(rendered.hasSuffix("\tid id1; Sat, 21 Nov 2026 10:00:00 +0000\r\n"))
        #expect(!rendered.contains(" for "))
        #expect(rendered.components(separatedBy: "\r\n").count == 4, "three lines and the final CRLF")
    }

    @Test("dates are RFC 5322, two-digit times, single-digit days unpadded")
    func dates() {
        #expect(ReceivedHeader.rfc5322Date(Date(timeIntervalSince1970: 0)) == "Thu, 1 Jan 1970 00:00:00 +0000")
        #expect(ReceivedHeader.rfc5322Date(Self.date) == "Sat, 21 Nov 2026 10:00:00 +0000")
    }
}
