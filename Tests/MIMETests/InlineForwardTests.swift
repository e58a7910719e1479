import MIME
import Testing

@Suite("Inline forwards")
struct InlineForwardTests {
    private func forwards(_ body: String) -> [ForwardedOriginal] {
        MessageFixture.parse("From: Staff <staff@builder.example>\nSubject: Fwd: x\n\n" + body).forwarded
    }

    @Test func gmail() throws {
        let found = forwards("""
        FYI, call me at 512-555-0100.

        ---------- Forwarded message ---------
        From: Jane Doe <jane@example.com>
        Date: Mon, May 11, 2026 at 9:14 AM
        Subject: Custom home
        To: <info@builder.example>, Sales <sales@builder.example>


        Hello,
        Please call 512-555-0143.
        """)
        let original = try #require(found.first)
        #expect(found.count == 1)
        #expect(original.style == .gmail)
        #expect(original.from == Mailbox(name: "Jane Doe", address: "jane@example.com"))
        #expect(original.date == "Mon, May 11, 2026 at 9:14 AM")
        #expect(original.subject == "Custom home")
        #expect(original.to.map(\.address) == ["info@builder.example", "sales@builder.example"])
        #expect(original.body == "Hello,\nPlease call 512-555-0143.")
    }

    @Test func outlookOriginalMessageWithMailto() throws {
        let original = try #require(forwards("""
        -----Original Message-----
        From: Sarah Miller [mailto:sarah@example.net]
        Sent: Tuesday, May 12, 2026 3:34 PM
        To: Info
        Subject: Lot question

        Body text
        """).first)
        #expect(original.style == .outlookOriginalMessage)
        #expect(original.from == Mailbox(name: "Sarah Miller", address: "sarah@example.net"))
        #expect(original.date == "Tuesday, May 12, 2026 3:34 PM")
        #expect(original.body == "Body text")
    }

    @Test func outlookUnderscoresWithBoldLabelsFromHTML() throws {
        let message = MessageFixture.parse("""
        Content-Type: text/html

        <div>See below</div><hr style="display:inline-block;width:98%">
        <div id="divRplyFwdMsg"><b>From:</b> Ann Lee &lt;ann@example.com&gt;<br>
        <b>Sent:</b> Tuesday, May 12, 2026 3:34 PM<br><b>To:</b> Info<br>
        <b>Subject:</b> Build</div><div>Original words here</div>
        """)
        // The HTML is rendered first; <hr> has no text, so use the Outlook text form too.
        #expect(message.forwarded.first?.from == Mailbox(name: "Ann Lee", address: "ann@example.com"))
        #expect(message.forwarded.first?.body == "Original words here")

        let original = try #require(forwards("""
        Thanks
        ________________________________
        *From:* Ann Lee <ann@example.com>
        *Sent:* Tuesday, May 12, 2026 3:34 PM
        *To:* Info <info@builder.example>
        *Subject:* Build
        Original words (Outlook 2019 puts no blank line here)
        """).first)
        #expect(original.style == .outlookUnderscores)
        #expect(original.from == Mailbox(name: "Ann Lee", address: "ann@example.com"))
        #expect(original.subject == "Build")
        #expect(original.body == "Original words (Outlook 2019 puts no blank line here)")
    }

    @Test func appleMailQuoted() throws {
        let original = try #require(forwards("""
        Sent from my iPhone

        Begin forwarded message:

        > From: Rob Nguyen <rob@example.com>
        > Subject: New build
        > Date: May 10, 2026 at 7:45:12 PM CDT
        > To: hello@builder.example
        >
        > Hi,
        > > an older quote stays quoted once
        > Rob
        """).first)
        #expect(original.style == .appleMail)
        #expect(original.from == Mailbox(name: "Rob Nguyen", address: "rob@example.com"))
        #expect(original.subject == "New build")
        #expect(original.body == "Hi,\n> an older quote stays quoted once\nRob")
    }

    @Test func thunderbirdTabSeparated() throws {
        let original = try #require(forwards("""
        -------- Forwarded Message --------
        Subject: \tBuild question
        Date: \tTue, 12 May 2026 09:41:02 -0500
        From: \tPat Kim <pat@example.org>
        To: \tinfo@builder.example

        Thunderbird body
        """).first)
        #expect(original.style == .thunderbird)
        #expect(original.from?.address == "pat@example.org")
        #expect(original.subject == "Build question")
        #expect(original.body == "Thunderbird body")
    }

    @Test func separatorlessHeaderBlockAndNameOnlyFrom() throws {
        let original = try #require(forwards("""
        From: Lee Wong
        Sent: Tuesday, May 12, 2026 3:34 PM
        To: Info
        Subject: Quote

        Words
        """).first)
        #expect(original.style == .headerBlock)
        #expect(original.from == Mailbox(name: "Lee Wong", address: ""))
    }

    @Test func plainMessageHasNoForward() {
        #expect(forwards("From: the heart\nWe love the plans. Date: soon.\n").isEmpty)
        #expect(forwards("Hello\n-----\nJust dashes\n").isEmpty)
    }

    @Test func forwardOfForwardInnermostFirst() throws {
        let found = forwards("""
        Top note

        ---------- Forwarded message ---------
        From: Front Desk <desk@builder.example>
        Date: Tue, May 19, 2026 at 11:02 AM
        Subject: FW: Estimate
        To: Mike <mike@builder.example>


        Middle note

        -----Original Message-----
        From: Angela Brooks [mailto:angela@example.org]
        Sent: Saturday, May 16, 2026 10:20 AM
        To: Front Desk
        Subject: Estimate

        Innermost body
        """)
        #expect(found.count == 2)
        let innermost = try #require(found.first)
        #expect(innermost.from?.address == "angela@example.org")
        #expect(innermost.body == "Innermost body")
        #expect(found.last?.from?.address == "desk@builder.example")
        #expect(found.last?.body.hasPrefix("Middle note") == true)
    }

    @Test func attachedMessageThatIsItselfAForward() throws {
        let message = MessageFixture.parse("""
        Content-Type: multipart/mixed; boundary="m"

        --m
        Content-Type: message/rfc822

        From: Desk <desk@builder.example>
        Subject: Fwd: hi

        ---------- Forwarded message ---------
        From: Inner Person <inner@example.com>
        Subject: hi

        inner text
        --m--
        """)
        #expect(message.forwarded.map(\.from?.address) == ["inner@example.com", "desk@builder.example"])
        #expect(message.forwarded.map(\.style) == [.gmail, .attachedMessage])
    }
}
