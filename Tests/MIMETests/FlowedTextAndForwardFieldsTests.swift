import MIME
import Testing

/// Text derivation fixes: RFC 3676 format=flowed joined, a leading byte-order mark dropped,
/// a forward header block's Reply-To kept, and an attached delivery report not taken for a
/// forwarded original.
@Suite("Flowed text, byte-order marks, forward Reply-To, attached reports")
struct FlowedTextAndForwardFieldsTests {
    private static func plain(_ contentType: String, _ body: String) -> MIMEMessage {
        MessageFixture.parse("""
        From: Nicole Brandt <nbrandt@example.com>
        Subject: Custom home inquiry
        MIME-Version: 1.0
        Content-Type: \(contentType)

        \(body)
        """)
    }

    @Test func softLineBreaksAreJoined() {
        let message = Self.plain("text/plain; charset=utf-8; format=flowed", """
        Our lot is at 9120 Hwy 290 W,\u{20}
        Dripping Springs, TX 78620. Call\u{20}
        (512) 555-0163.

        Nicole
        """)
        #expect(message.text == "Our lot is at 9120 Hwy 290 W, Dripping Springs, TX 78620. Call (512) 555-0163.\n\nNicole")
    }

    @Test func delSpDeletesTheAddedSpaceButNeverJoinsTwoWords() {
        let message = Self.plain("text/plain; charset=utf-8; format=Flowed; DelSp=Yes", """
        on our lot at 9120 Hwy 290 W,\u{20}\u{20}
        Dripping Springs. My cell is\u{20}
        (512) 555-0163.
        """)
        #expect(message.text == "on our lot at 9120 Hwy 290 W, Dripping Springs. My cell is (512) 555-0163.")
    }

    @Test func withoutFormatFlowedTrailingSpacesStay() {
        let message = Self.plain("text/plain; charset=utf-8", "line one\u{20}\nline two")
        #expect(message.text == "line one \nline two")
    }

    @Test func quotedLinesJoinOnlyAtTheSameDepthAndSignatureSeparatorIsFixed() {
        let message = Self.plain("text/plain; format=flowed", """
        > quoted start\u{20}
        > quoted end
        >> deeper\u{20}
        back at top
         From the stuffed line
        --\u{20}
        Nicole
        """)
        #expect(message.text == """
        > quoted start quoted end
        >> deeper\u{20}
        back at top
        From the stuffed line
        --\u{20}
        Nicole
        """)
    }

    @Test func leadingByteOrderMarkOfAPartIsDropped() {
        let message = MIMEMessage.parse(MessageFixture.crlf("""
        From: a@example.com
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: quoted-printable

        =EF=BB=BFHi Mike,
        """))
        #expect(message.text == "Hi Mike,")
    }

    /// Round 2 of exploratory testing: a mark before a forwarded header line hid the forward,
    /// and the builder became the prospect. Every U+FEFF of a decoded text is dropped.
    @Test func byteOrderMarksInsideATextAreDroppedToo() throws {
        let message = MIMEMessage.parse(MessageFixture.crlf("""
        From: Greg Walsh <greg@builder.example>
        Subject: Fwd: New home
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: quoted-printable

        FYI
        
        Begin forwarded message:
        
        =EF=BB=BFFrom: Dana Whitfield <dana.w@example.org>
        =EF=BB=BFSubject: New home
        =EF=BB=BFDate: November 20, 2026 at 9:15:00 AM CST
        
        We want a custom home.=EF=BB=BF
        """))
        #expect(!(message.text ?? "").unicodeScalars.contains("\u{FEFF}"))
        let original = try #require(message.forwarded.first)
        #expect(original.from?.address == "dana.w@example.org")
    }

    @Test func iOSForwardedBodyLosesItsByteOrderMarkAndKeepsReplyTo() throws {
        let message = MessageFixture.parse("""
        From: Sarah Whitman <sarah@builder.example.com>
        Subject: Fwd: New contact: Imani Brooks
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: quoted-printable

        Sent from my iPhone

        Begin forwarded message:

        > From: Zillow <no-reply@zillow.com>
        > Date: November 21, 2026 at 8:40:11 AM CST
        > To: sarah@builder.example.com
        > Reply-To: Imani Brooks <2bq9c7x0v7k1aa@convo.zillow.com>
        > Subject: New contact: Imani Brooks
        >=20
        > =EF=BB=BFNew Contact
        > Imani Brooks says hello.
        """)
        let original = try #require(message.forwarded.first)
        #expect(original.body.hasPrefix("New Contact"))
        #expect(original.replyTo == [Mailbox(name: "Imani Brooks", address: "2bq9c7x0v7k1aa@convo.zillow.com")])
    }

    @Test func thunderbirdForwardKeepsReplyTo() throws {
        let message = MessageFixture.parse("""
        From: Dave <dave@builder.example.com>
        Subject: Fwd: Jerome sent you a message
        Content-Type: text/plain; charset=UTF-8; format=flowed

        -------- Forwarded Message --------
        Subject: \tJerome sent you a message
        Date: \tSun, 25 Oct 2026 02:14:33 +0000
        From: \tThumbtack <no-reply@thumbtack.com>
        Reply-To: \tJerome <reply+44ab01cc@messages.thumbtack.com>
        To: \tdave@builder.example.com

        Need drywall, floors,\u{20}
        kitchen redone.
        """)
        let original = try #require(message.forwarded.first)
        #expect(original.replyTo.map(\.address) == ["reply+44ab01cc@messages.thumbtack.com"])
        #expect(original.body == "Need drywall, floors, kitchen redone.")
    }

    @Test func attachedDeliveryReportIsNoForwardedOriginal() {
        let message = MessageFixture.parse("""
        From: Carla Reyes <carla.reyes@example.com>
        Subject: Fw: Undelivered Mail Returned to Sender
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="b1"

        --b1
        Content-Type: text/plain

        My mail to info@ bounced, so I am writing here. Call me at 830-555-0125.
        --b1
        Content-Type: message/rfc822

        From: MAILER-DAEMON@mail.example.com (Mail Delivery System)
        Subject: Undelivered Mail Returned to Sender
        Content-Type: multipart/report; report-type=delivery-status; boundary="b2"

        --b2
        Content-Type: text/plain

        Your message could not be delivered.
        --b2
        Content-Type: message/delivery-status

        Action: failed
        --b2--
        --b1--
        """)
        #expect(message.forwarded.isEmpty)
        #expect(message.parts.contains { $0.message?.isDeliveryReport == true })
    }

    @Test func attachedPersonMessageIsStillAForwardedOriginal() {
        let message = MessageFixture.parse("""
        From: Builder <b@builder.example.com>
        Subject: Fw: Addition
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="b1"

        --b1
        Content-Type: text/plain

        See attached.
        --b1
        Content-Type: message/rfc822

        From: Ramon <ramon@example.net>
        Subject: Addition
        Content-Type: text/plain

        A quote please.
        --b1--
        """)
        #expect(message.forwarded.first?.from?.address == "ramon@example.net")
        #expect(message.forwarded.first?.body == "A quote please.")
    }
}
