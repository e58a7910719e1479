@testable import SMTPServer
import Testing

@Suite("SMTP: the postmaster path")
struct SMTPPostmasterPathTests {
    @Test("RCPT TO:<Postmaster> needs no domain (RFC 5321 4.1.1.3); any other bare name is a syntax error")
    func barePostmaster() {
        var m = SMTPSessionMachineTests.machine()
        _ = m.command("EHLO client.example")
        _ = m.command("MAIL FROM:<a@example.org>")
        guard case .lookUpRecipient(let address) = m.command("RCPT TO:<Postmaster>") else {
            Issue.record("RCPT TO:<Postmaster> must ask for a lookup")
            return
        }
        #expect(address == "Postmaster")
        #expect(SMTPSessionMachineTests.reply(m.command("RCPT TO:<leads>")).map { "\($0.code) \($0.enhanced!)" } == "501 5.1.3")
    }
}
