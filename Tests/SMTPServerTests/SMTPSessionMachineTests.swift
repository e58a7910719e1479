@testable import SMTPServer
import Testing

@Suite("SMTP session state machine")
struct SMTPSessionMachineTests {
    typealias Machine = SMTPSessionMachine<String>

    static func machine(maximumRecipients: Int = 3, maximumErrors: Int = 5) -> Machine {
        Machine(hostname: "intake.test", limits: .init(
            maximumMessageSize: 1000, maximumRecipients: maximumRecipients, maximumErrors: maximumErrors))
    }

    static func reply(_ action: Machine.Action) -> SMTPReply? {
        switch action {
        case .reply(let r), .close(let r), .startData(let r), .startTLS(let r): return r
        case .lookUpRecipient: return nil
        }
    }

    @Test("commands out of order get 503 5.5.1")
    func sequencing() {
        var m = Self.machine(maximumErrors: 10)
        #expect(Self.reply(m.command("MAIL FROM:<a@example.org>"))?.code == 503)
        #expect(Self.reply(m.command("EHLO client.example"))?.code == 250)
        #expect(Self.reply(m.command("RCPT TO:<x@intake.test>")).map { "\($0.code) \($0.enhanced!)" } == "503 5.5.1")
        #expect(Self.reply(m.command("DATA")).map { "\($0.code) \($0.enhanced!)" } == "503 5.5.1")
        #expect(Self.reply(m.command("MAIL FROM:<a@example.org>"))?.code == 250)
        #expect(Self.reply(m.command("MAIL FROM:<a@example.org>"))?.code == 503, "nested MAIL")
        #expect(Self.reply(m.command("DATA"))?.code == 554, "no valid recipients yet")
    }

    @Test("a full transaction hands over the envelope and resets")
    func transaction() {
        var m = Self.machine()
        _ = m.command("HELO client.example")
        _ = m.command("MAIL FROM:<> BODY=8BITMIME")
        guard case .lookUpRecipient(let address) = m.command("RCPT TO:<leads@intake.test>") else {
            Issue.record("RCPT must ask for a lookup")
            return
        }
        #expect(m.recipientResolved(address, to: "acme").code == 250)
        #expect(m.recipientResolved("nobody@intake.test", to: nil).rendered == "550 5.1.1 No such intake address\r\n")
        guard case .startData(let go) = m.command("DATA") else {
            Issue.record("DATA must start the message")
            return
        }
        #expect(go.code == 354)
        let envelope = m.messageReceived()
        #expect(envelope?.mailFrom == "")
        #expect(envelope?.helo == "client.example")
        #expect(envelope?.recipients.map(\.recipient) == ["acme"])
        #expect(Self.reply(m.command("RCPT TO:<leads@intake.test>"))?.code == 503, "the transaction is over")
    }

    @Test("limits: SIZE at MAIL (552 5.3.4), recipients (452 4.5.3), errors (421 and close)")
    func limits() {
        var m = Self.machine(maximumRecipients: 1, maximumErrors: 3)
        _ = m.command("EHLO c")
        #expect(Self.reply(m.command("MAIL FROM:<a@b.example> SIZE=5000")).map { "\($0.code) \($0.enhanced!)" } == "552 5.3.4")
        _ = m.command("MAIL FROM:<a@b.example> SIZE=10")
        _ = m.recipientResolved("one@intake.test", to: "acme")
        #expect(Self.reply(m.command("RCPT TO:<two@intake.test>")).map { "\($0.code) \($0.enhanced!)" } == "452 4.5.3")
        _ = m.command("BOGUS")
        guard case .close(let bye) = m.command("ALSO BOGUS") else {
            Issue.record("too many errors must close the session")
            return
        }
        #expect(bye.code == 421)
        #expect(m.isClosed)
    }

    @Test("VRFY and EXPN reveal nothing; unknown verbs get 500 5.5.2; syntax errors 501")
    func nothingRevealed() {
        var m = Self.machine()
        #expect(Self.reply(m.command("VRFY leads@intake.test"))?.code == 252)
        #expect(Self.reply(m.command("EXPN staff"))?.code == 502)
        #expect(Self.reply(m.command("XYZZY")).map { "\($0.code) \($0.enhanced!)" } == "500 5.5.2")
        #expect(Self.reply(m.command("EHLO"))?.code == 501)
    }

    @Test("EHLO lists the extensions in multi-line form")
    func ehloRendering() {
        var m = Self.machine()
        let rendered = Self.reply(m.command("ehlo client.example"))?.rendered
        #expect(rendered == "250-intake.test greets client.example\r\n250-PIPELINING\r\n250-SIZE 1000\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250-CHUNKING\r\n250 ENHANCEDSTATUSCODES\r\n")
    }
}
