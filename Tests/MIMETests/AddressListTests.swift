import MIME
import Testing

@Suite("Address lists")
struct AddressListTests {
    private func to(_ raw: String) -> MIMEMessage {
        MessageFixture.parse("To: \(raw)\n\n")
    }

    @Test func nameAndAngleAddress() {
        #expect(to("Jane Doe <jane@example.com>").to == [Mailbox(name: "Jane Doe", address: "jane@example.com")])
    }

    @Test func quotedLastCommaFirst() {
        let message = to("\"Doe, Jane\" <jane@example.com>, \"Roe, Richard\" <rr@example.org>")
        #expect(message.to == [
            Mailbox(name: "Doe, Jane", address: "jane@example.com"),
            Mailbox(name: "Roe, Richard", address: "rr@example.org"),
        ])
    }

    @Test func unquotedLastCommaFirstIsJoined() {
        #expect(to("Doe, Jane <jane@example.com>").to == [Mailbox(name: "Doe, Jane", address: "jane@example.com")])
    }

    @Test func bareAndCommentForms() {
        let message = to("jane@example.com, bob@example.org (Bob Smith)")
        #expect(message.to == [
            Mailbox(name: nil, address: "jane@example.com"),
            Mailbox(name: "Bob Smith", address: "bob@example.org"),
        ])
    }

    @Test func domainIsLowercasedLocalPartKept() {
        #expect(to("<Jane.Doe@Example.COM>").to == [Mailbox(name: nil, address: "Jane.Doe@example.com")])
    }

    @Test func groups() {
        let message = to("Sales Team: a@example.com, B <b@example.com>;, c@example.com, undisclosed-recipients:;")
        #expect(message.to.map(\.address) == ["a@example.com", "b@example.com", "c@example.com"])
        #expect(message.to[1].name == "B")
    }

    @Test func encodedWordInDisplayNameDecodedAfterSplitting() {
        let message = to("=?UTF-8?Q?Mart=C3=ADnez=2C_Jos=C3=A9?= <jose@example.com>, x@example.com")
        #expect(message.to == [
            Mailbox(name: "Martínez, José", address: "jose@example.com"),
            Mailbox(name: nil, address: "x@example.com"),
        ])
    }

    @Test func outlookMailtoBracketsAndExchangeEcho() {
        #expect(to("Jane Doe [mailto:jane@example.com]").to == [Mailbox(name: "Jane Doe", address: "jane@example.com")])
        #expect(to("Jane Doe <jane@example.com<mailto:jane@example.com>>").to
            == [Mailbox(name: "Jane Doe", address: "jane@example.com")])
    }

    @Test func malformedPiecesAreSkippedWithDefects() {
        let message = to("not an address, <>, good@example.com, \"Unclosed <broken")
        #expect(message.to == [Mailbox(name: nil, address: "good@example.com")])
        #expect(message.defects.contains { $0.hasPrefix("To:") })
    }

    @Test func singleQuotedNameAndNameEqualToAddress() {
        #expect(to("'Jane Doe' <jane@example.com>").to.first?.name == "Jane Doe")
        #expect(to("jane@example.com <jane@example.com>").to.first?.name == nil)
    }

    @Test func fromReplyToAndCc() {
        let message = MessageFixture.parse("""
        From: "Ann Lee" <ann@example.com>
        Reply-To: ann.lee@example.org
        Cc: c1@example.com,
          c2@example.com

        """)
        #expect(message.from == [Mailbox(name: "Ann Lee", address: "ann@example.com")])
        #expect(message.replyTo.map(\.address) == ["ann.lee@example.org"])
        #expect(message.cc.map(\.address) == ["c1@example.com", "c2@example.com"])
    }
}
