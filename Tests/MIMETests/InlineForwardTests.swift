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
        Cc: Bob Doe <bob@example.com>


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
        #expect(original.cc == [Mailbox(name: "Bob Doe", address: "bob@example.com")])
        #expect(original.body == "Hello,\nPlease call 512-555-0143.")
        #expect(original.leadingText == "FYI, call me at 512-555-0100.")
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
        #expect(original.to == [Mailbox(name: "Info", address: "")])
        #expect(original.body == "Body text")
    }

    @Test func outlookOnBehalfOfKeepsAuthorAndDelegateApart() throws {
        let original = try #require(forwards("""
        From: Website Forms <forms@builder.example> On Behalf Of Maria Lopez
        Sent: Tuesday, May 12, 2026 3:34 PM
        To: Sales <sales@builder.example>; Info <info@builder.example>
        Subject: New build in Dripping Springs

        Looking for a 4 bedroom plan.
        """).first)
        #expect(original.style == .headerBlock)
        #expect(original.from == Mailbox(name: "Maria Lopez", address: ""))
        #expect(original.sentOnBehalfBy == Mailbox(name: "Website Forms", address: "forms@builder.example"))
        #expect(original.to.map(\.address) == ["sales@builder.example", "info@builder.example"])
        #expect(original.body == "Looking for a 4 bedroom plan.")
    }

    @Test func outlookUnderscoresWithBoldLabelsAndNoBlankLine() throws {
        let original = try #require(forwards("""
        Thanks
        ________________________________
        *From:* Ann Lee <ann@example.com>
        *Sent:* Tuesday, May 12, 2026 3:34 PM
        *To:* Info <info@builder.example>
        *Subject:* Build
        Original words (Outlook 2019 puts no blank line here)
        Date: June works for us
        """).first)
        #expect(original.style == .outlookUnderscores)
        #expect(original.from == Mailbox(name: "Ann Lee", address: "ann@example.com"))
        #expect(original.subject == "Build")
        #expect(original.body == "Original words (Outlook 2019 puts no blank line here)\nDate: June works for us")
    }

    @Test func outlookWebHTMLOnly() throws {
        let message = MessageFixture.parse("""
        Subject: Fw: Build
        Content-Type: text/html

        <div>See below</div><hr style="display:inline-block;width:98%">
        <div id="divRplyFwdMsg"><b>From:</b> Ann Lee &lt;ann@example.com&gt;<br>
        <b>Sent:</b> Tuesday, May 12, 2026 3:34 PM<br><b>To:</b> Info<br>
        <b>Subject:</b> Build</div><div>Original words here</div>
        """)
        let original = try #require(message.forwarded.first)
        #expect(original.from == Mailbox(name: "Ann Lee", address: "ann@example.com"))
        #expect(original.date == "Tuesday, May 12, 2026 3:34 PM")
        #expect(original.body == "Original words here")
    }

    @Test func appleMailQuotedOnIOS() throws {
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
        #expect(original.date == "May 10, 2026 at 7:45:12 PM CDT")
        #expect(original.body == "Hi,\n> an older quote stays quoted once\nRob")
        #expect(original.leadingText == "Sent from my iPhone")
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
        #expect(original.date == "Tue, 12 May 2026 09:41:02 -0500")
        #expect(original.subject == "Build question")
        #expect(original.body == "Thunderbird body")
    }

    @Test func yahooHeaderGluedOntoSeparatorLine() throws {
        let original = try #require(forwards("""
           ----- Forwarded Message ----- From: Jane Doe <jane@example.com>To: info@builder.example <info@builder.example>Cc: Bob <bob@example.com>Sent: Monday, May 11, 2026, 09:14:22 AM CDTSubject: Re: To: the builder

         Hi, we own a lot in Kyle.
        """).first)
        #expect(original.style == .yahoo)
        #expect(original.from == Mailbox(name: "Jane Doe", address: "jane@example.com"))
        #expect(original.to.map(\.address) == ["info@builder.example"])
        #expect(original.cc.map(\.address) == ["bob@example.com"])
        #expect(original.date == "Monday, May 11, 2026, 09:14:22 AM CDT")
        #expect(original.subject == "Re: To: the builder")
        #expect(original.body == "Hi, we own a lot in Kyle.")
    }

    @Test func yahooHeaderGluedOnNextLine() throws {
        let original = try #require(forwards("""
        ----- Forwarded Message -----
        From: Sam Hill <sam@example.com>To: Info <info@builder.example>Sent: Monday, May 11, 2026, 09:14:22 AM CDTSubject: Barndominium

        Quote please
        """).first)
        #expect(original.style == .yahoo)
        #expect(original.from?.address == "sam@example.com")
        #expect(original.subject == "Barndominium")
        #expect(original.date == "Monday, May 11, 2026, 09:14:22 AM CDT")
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

    @Test func unquotedCommaInForwardedName() throws {
        let original = try #require(forwards("""
        ---------- Forwarded message ---------
        From: Doe, Jane <Jane@Example.COM>
        Date: Mon, May 11, 2026 at 9:14 AM
        Subject: Home

        Hi
        """).first)
        #expect(original.from == Mailbox(name: "Doe, Jane", address: "Jane@example.com"))
    }

    @Test func forwardOfForwardInnermostFirstWithOwnBodies() throws {
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
        #expect(found.map(\.from?.address) == ["angela@example.org", "desk@builder.example"])
        #expect(found.map(\.style) == [.outlookOriginalMessage, .gmail])
        #expect(found.map(\.body) == ["Innermost body", "Middle note"])
        #expect(found.map(\.leadingText) == ["Middle note", "Top note"])
    }

    @Test func forwardDepthIsBounded() {
        var text = "note\n"
        for level in 0..<30 {
            text += "---------- Forwarded message ---------\nFrom: P\(level) <p\(level)@example.com>\nSubject: s\n\nlevel \(level)\n"
        }
        let found = ForwardedOriginal.inlineForwards(in: text, limits: MIMELimits(maximumForwardDepth: 5))
        #expect(found.count == 5)
        #expect(found.first?.from?.address == "p4@example.com")
        #expect(found.first?.body.hasPrefix("level 4\n---------- Forwarded message") == true)
    }

    @Test func plainMessageHasNoForward() {
        #expect(forwards("From: the heart\nWe love the plans. Date: soon.\n").isEmpty)
        #expect(forwards("Hello\n-----\nJust dashes\n----- and more -----\n").isEmpty)
        #expect(forwards("Thanks\n________________________________\nJane Doe | Realtor\n").isEmpty)
    }

    @Test func attachedMessageThatIsItselfAForward() throws {
        let message = MessageFixture.parse("""
        Content-Type: multipart/mixed; boundary="m"

        --m
        Content-Type: message/rfc822

        From: Desk <desk@builder.example>
        Subject: Fwd: hi

        Have a look
        ---------- Forwarded message ---------
        From: Inner Person <inner@example.com>
        Subject: hi

        inner text
        --m--
        """)
        #expect(message.forwarded.map(\.from?.address) == ["inner@example.com", "desk@builder.example"])
        #expect(message.forwarded.map(\.style) == [.gmail, .attachedMessage])
        let attached = try #require(message.forwarded.last)
        #expect(ForwardedOriginal(attachedMessage: MessageFixture.parse("""
        From: Desk <desk@builder.example>
        Subject: Fwd: hi

        Have a look
        ---------- Forwarded message ---------
        From: Inner Person <inner@example.com>
        Subject: hi

        inner text
        """)).body == "Have a look")
        #expect(attached.subject == "Fwd: hi")
    }
}
