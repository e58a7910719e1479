import Foundation
@testable import SMTPServer
import Testing

@Suite("SMTP state machine: STARTTLS, SMTPUTF8, LMTP")
struct SMTPSessionMachineExtensionTests {
    typealias Machine = SMTPSessionMachine<String>

    static func machine(dialect: Machine.Dialect = .smtp, tls: Bool = true, maximumErrors: Int = 20) -> Machine {
        Machine(hostname: "intake.test", limits: .init(maximumMessageSize: 1000, maximumRecipients: 5, maximumErrors: maximumErrors),
                dialect: dialect, startTLSAvailable: tls)
    }

    static func status(_ action: Machine.Action) -> String {
        switch action {
        case .reply(let r), .close(let r), .startData(let r), .startTLS(let r): return "\(r.code) \(r.enhanced ?? "-")"
        case .lookUpRecipient(let address): return "lookup \(address)"
        }
    }

    static func extensions(_ action: Machine.Action) -> [String] {
        guard case .reply(let reply) = action else { return [] }
        return Array(reply.lines.dropFirst())
    }

    @Test("STARTTLS is announced only when available and not yet active; after it, EHLO state is forgotten")
    func startTLSLifecycle() {
        #expect(!Self.extensions(Self.machine(tls: false).commandCopy("EHLO c")).contains("STARTTLS"))
        var m = Self.machine()
        #expect(Self.extensions(m.command("EHLO client.example")).contains("STARTTLS"))
        guard case .startTLS(let ready) = m.command("STARTTLS") else {
            Issue.record("STARTTLS must ask the session to start TLS")
            return
        }
        #expect(ready.rendered == "220 2.0.0 Ready to start TLS\r\n")
        m.tlsStarted()
        #expect(m.helo == "")
        #expect(Self.status(m.command("MAIL FROM:<a@example.org>")) == "503 5.5.1", "a new EHLO is required after TLS")
        let again = m.command("EHLO client.example")
        #expect(!Self.extensions(again).contains("STARTTLS"), "not offered again inside TLS")
        #expect(Self.status(m.command("STARTTLS")) == "503 5.5.1", "STARTTLS twice")
    }

    @Test("STARTTLS with arguments is 501; before EHLO or inside a transaction it is 503; unavailable it is 502")
    func startTLSErrors() {
        var m = Self.machine()
        #expect(Self.status(m.command("STARTTLS")) == "503 5.5.1", "before EHLO")
        _ = m.command("EHLO c")
        #expect(Self.status(m.command("STARTTLS now")) == "501 5.5.4")
        _ = m.command("MAIL FROM:<a@example.org>")
        #expect(Self.status(m.command("STARTTLS")) == "503 5.5.1")
        var plain = Self.machine(tls: false)
        _ = plain.command("EHLO c")
        #expect(Self.status(plain.command("STARTTLS")) == "502 5.5.1")
    }

    @Test("the Received protocol name says ESMTP, ESMTPS, UTF8SMTPS or LMTP")
    func protocolNames() {
        func name(_ m: inout Machine, _ mail: String) -> String? {
            _ = m.command(mail)
            _ = m.recipientResolved("leads@intake.test", to: "acme")
            _ = m.command("DATA")
            return m.messageReceived()?.protocolName
        }
        var m = Self.machine()
        _ = m.command("HELO c")
        #expect(name(&m, "MAIL FROM:<a@example.org>") == "SMTP")
        _ = m.command("EHLO c")
        #expect(name(&m, "MAIL FROM:<a@example.org>") == "ESMTP")
        _ = m.command("STARTTLS")
        m.tlsStarted()
        m.tlsNegotiated(TLSDetails(protocolVersion: "TLSv1.3", cipher: "TLS_AES_128_GCM_SHA256"))
        _ = m.command("EHLO c")
        #expect(name(&m, "MAIL FROM:<a@example.org>") == "ESMTPS")
        #expect(name(&m, "MAIL FROM:<a@example.org> SMTPUTF8") == "UTF8SMTPS")
        var l = Self.machine(dialect: .lmtp)
        _ = l.command("LHLO relay.example")
        #expect(name(&l, "MAIL FROM:<a@example.org>") == "LMTP")
    }

    @Test("SMTPUTF8: announced, accepted on MAIL, UTF-8 addresses need it (553 5.6.7 without)")
    func smtpUTF8() {
        var m = Self.machine()
        #expect(Self.extensions(m.command("EHLO c")).contains("SMTPUTF8"))
        #expect(Self.status(m.command("MAIL FROM:<josé@example.org>")) == "553 5.6.7")
        #expect(Self.status(m.command("MAIL FROM:<josé@example.org> SMTPUTF8 BODY=8BITMIME")) == "250 2.1.0")
        #expect(Self.status(m.command("RCPT TO:<ventas+ñandú@intake.test>")) == "lookup ventas+ñandú@intake.test")
        _ = m.command("RSET")
        _ = m.command("MAIL FROM:<a@example.org>")
        #expect(Self.status(m.command("RCPT TO:<büro@intake.test>")) == "553 5.6.7")
        #expect(Self.status(m.command("RCPT TO:<\u{FFFD}@intake.test>")) == "501 5.1.3", "invalid UTF-8 on the wire")
    }

    @Test("MAIL and RCPT parameters that were not announced get 555 5.5.4")
    func unknownParameters() {
        var m = Self.machine()
        _ = m.command("EHLO c")
        #expect(Self.status(m.command("MAIL FROM:<a@example.org> RET=HDRS")) == "555 5.5.4")
        #expect(Self.status(m.command("MAIL FROM:<a@example.org> SMTPUTF8=yes")) == "501 5.5.4")
        _ = m.command("MAIL FROM:<a@example.org> SIZE=10")
        #expect(Self.status(m.command("RCPT TO:<x@intake.test> NOTIFY=NEVER")) == "555 5.5.4")
    }

    @Test("LMTP: LHLO greets, EHLO and HELO are refused, one reply per accepted recipient")
    func lmtpDialect() {
        var m = Self.machine(dialect: .lmtp)
        #expect(m.greeting.rendered == "220 intake.test LMTP lead-intake ready\r\n")
        #expect(Self.status(m.command("EHLO relay.example")) == "500 5.5.1")
        #expect(Self.status(m.command("HELO relay.example")) == "500 5.5.1")
        #expect(Self.status(m.command("STARTTLS")) == "502 5.5.1", "never over LMTP")
        let lhlo = m.command("LHLO relay.example")
        #expect(Self.status(lhlo) == "250 -")
        #expect(!Self.extensions(lhlo).contains("STARTTLS"))
        _ = m.command("MAIL FROM:<a@example.org>")
        _ = m.recipientResolved("one@intake.test", to: "acme")
        _ = m.recipientResolved("nobody@intake.test", to: nil)
        _ = m.recipientResolved("two@intake.test", to: "birch")
        _ = m.command("DATA")
        let envelope = m.messageReceived()!
        #expect(m.deliveryReplies(for: envelope, itemIDs: ["id-a", "id-b"]).map(\.rendered)
                == ["250 2.0.0 OK queued as id-a\r\n", "250 2.0.0 OK queued as id-b\r\n"])
        #expect(m.deliveryReplies(for: envelope, itemIDs: nil).map(\.code) == [451, 451])
        var s = Self.machine()
        _ = s.command("LHLO c")
        #expect(Self.status(s.command("LHLO c")) == "500 5.5.2", "LHLO is not SMTP")
    }

    @Test("LMTP: an oversized message gets one 552 per recipient; SMTP names each stored item once")
    func lmtpTooLargeAndSMTPReply() {
        var m = Self.machine(dialect: .lmtp)
        _ = m.command("LHLO relay.example")
        _ = m.command("MAIL FROM:<a@example.org>")
        _ = m.recipientResolved("one@intake.test", to: "acme")
        _ = m.recipientResolved("two@intake.test", to: "acme")
        _ = m.command("DATA")
        #expect(m.messageTooLarge().map(\.code) == [552, 552])
        var s = Self.machine()
        _ = s.command("EHLO c")
        _ = s.command("MAIL FROM:<a@example.org>")
        _ = s.recipientResolved("one@intake.test", to: "acme")
        _ = s.recipientResolved("two@intake.test", to: "acme")
        _ = s.command("DATA")
        let envelope = s.messageReceived()!
        #expect(s.deliveryReplies(for: envelope, itemIDs: ["x", "x"]).map(\.rendered) == ["250 2.0.0 OK queued as x\r\n"])
    }
}

extension SMTPSessionMachine {
    /// Runs a command on a copy (for one-line checks on a fresh machine).
    func commandCopy(_ line: String) -> Action {
        var copy = self
        return copy.command(line)
    }
}
