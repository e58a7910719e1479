import MIME
import Testing

@Suite("Quoted replies")
struct QuotedReplyTests {
    @Test func gmailAttributionWrappedOverTwoLines() {
        let split = QuotedReply.split("""
        Yes, Saturday works. My cell is 512-555-0143.

        On Mon, May 11, 2026 at 9:14 AM Sam Ortiz <sam.ortiz@buildersco.example>
        wrote:

        > Would you like to visit the model home?
        > Call me at 512-555-0102.
        """)
        #expect(split.newText == "Yes, Saturday works. My cell is 512-555-0143.")
        #expect(split.quoted?.hasPrefix("On Mon, May 11, 2026 at 9:14 AM Sam Ortiz") == true)
        #expect(split.quoted?.hasSuffix("> Call me at 512-555-0102.") == true)
    }

    @Test(arguments: [
        "Le lun. 11 mai 2026 à 09:14, Sam Ortiz <sam@builder.example> a écrit :",
        "Le 11/05/2026 à 09:14, Sam Ortiz a\u{A0}écrit\u{A0}:",
        "El lun, 11 may 2026 a las 9:14, Sam Ortiz (<sam@builder.example>) escribió:",
        "Am Mo., 11. Mai 2026 um 09:14 Uhr schrieb Sam Ortiz <sam@builder.example>:",
        "Am 11.05.26 um 09:14 schrieb Sam Ortiz:",
        "On 5/11/26 9:14 AM, Sam Ortiz wrote:",
        "Sam Ortiz <sam@builder.example> wrote:",
    ])
    func localisedAttribution(_ attribution: String) {
        let split = QuotedReply.split("Nuevo texto\n\n\(attribution)\n> texto citado\n")
        #expect(split.newText == "Nuevo texto")
        #expect(split.quoted == "\(attribution)\n> texto citado")
    }

    @Test func outlookReplyHeaderWithoutSeparator() {
        let split = QuotedReply.split("""
        Hi Sam,
        We would like a site visit.

        From: Sam Ortiz <sam.ortiz@buildersco.example>
        Sent: Thursday, May 21, 2026 4:10 PM
        To: Priya Raman <priya.raman@example.net>
        Subject: Thanks for visiting

        Call me directly at 512-555-0102.
        """)
        #expect(split.newText == "Hi Sam,\nWe would like a site visit.")
        #expect(split.quoted?.hasPrefix("From: Sam Ortiz") == true)
    }

    @Test(arguments: ["-----Original Message-----", "________________________________", "-----Ursprüngliche Nachricht-----"])
    func outlookReplySeparators(_ separator: String) {
        let split = QuotedReply.split("Sounds good.\n\(separator)\nFrom: Sam <sam@builder.example>\nSent: today\nTo: Priya\n\nold text\n")
        #expect(split.newText == "Sounds good.")
        #expect(split.quoted?.hasPrefix(separator) == true)
    }

    @Test func inlineAnswersBetweenQuotedQuestions() {
        let split = QuotedReply.split("""
        > How big is your lot?
        About 2 acres.
        > When do you want to start?
        This fall.
        """)
        #expect(split.newText == "About 2 acres.\nThis fall.")
        #expect(split.quoted == "> How big is your lot?\n> When do you want to start?")
    }

    @Test func messageWithoutQuoteIsAllNewText() {
        let text = "On Monday I wrote: the plans are ready.\nWe love them.\n"
        let split = QuotedReply.split(text)
        #expect(split.newText == "On Monday I wrote: the plans are ready.\nWe love them.")
        #expect(split.quoted == nil)
        #expect(QuotedReply.split("On Monday I wrote:\nsee above").quoted == nil)
        #expect(QuotedReply.split("").newText.isEmpty)
    }

    @Test func forwardIsNotAReplyBoundary() {
        let text = "FYI\n\nBegin forwarded message:\n\n> From: Rob <rob@example.com>\n> Subject: Hi\n>\n> Hello\n"
        #expect(QuotedReply.split(text).quoted == nil)
        #expect(QuotedReply.split("FYI\n---------- Forwarded message ---------\nFrom: A <a@x.example>\n\nHi").quoted == nil)
    }

    @Test func crlfLineEndings() {
        let split = QuotedReply.split("New\r\n\r\nOn Mon, May 11, 2026, Sam <sam@x.example> wrote:\r\n> old\r\n")
        #expect(split.newText == "New")
        #expect(split.quoted == "On Mon, May 11, 2026, Sam <sam@x.example> wrote:\n> old")
    }
}

@Suite("Replies are not forwards")
struct ForwardReplyContextTests {
    private let outlookReply = """
    Hi Sam,

    Yes, Saturday works.

    -----Original Message-----
    From: Sam Ortiz <sam.ortiz@buildersco.example>
    Sent: Thursday, May 21, 2026 4:10 PM
    To: Priya Raman <priya.raman@example.net>
    Subject: Thanks for visiting our model home

    Call me at 512-555-0102.
    """

    @Test(arguments: ["RE: Thanks for visiting our model home", "AW: Danke", "Re[2]: x", "Réf : devis", "SV: Tack"])
    func outlookBlockUnderReplySubjectIsQuote(_ subject: String) {
        #expect(ForwardedOriginal.inlineForwards(in: outlookReply, subject: subject).isEmpty)
    }

    @Test(arguments: ["FW: Thanks", "WG: Danke", "TR: devis", "RV: Presupuesto", "Thanks", "FW: RE: Thanks"])
    func outlookBlockUnderForwardOrPlainSubjectIsForward(_ subject: String) {
        #expect(ForwardedOriginal.inlineForwards(in: outlookReply, subject: subject).first?.from?.address
                == "sam.ortiz@buildersco.example")
    }

    @Test func gmailReplyIsNoForward() {
        let text = """
        Sounds great.

        On Mon, May 11, 2026 at 9:14 AM Sam Ortiz <sam@builder.example> wrote:
        > From: our office
        > Date: next week
        > Subject: plans
        """
        #expect(ForwardedOriginal.inlineForwards(in: text, subject: "Re: plans").isEmpty)
        #expect(ForwardedOriginal.inlineForwards(in: text, subject: nil).isEmpty)
    }

    @Test func forwardedReplyConversationStopsAtTheQuotedMessage() {
        // Staff forwards the prospect's reply; the reply quotes the builder's own message.
        let text = """
        Please call her.

        ________________________________
        From: Priya Raman <priya@example.net>
        Sent: Friday, May 22, 2026 8:03 AM
        To: Sam Ortiz <sam@builder.example>
        Subject: RE: Model home

        Saturday works.

        -----Original Message-----
        From: Sam Ortiz <sam@builder.example>
        Sent: Thursday, May 21, 2026 4:10 PM
        To: Priya Raman <priya@example.net>
        Subject: Model home

        Call me at 512-555-0102.
        """
        let found = ForwardedOriginal.inlineForwards(in: text, subject: "FW: RE: Model home")
        #expect(found.map(\.from?.address) == ["priya@example.net"])
        #expect(found.first?.body.hasPrefix("Saturday works.\n\n-----Original Message-----") == true)
    }

    @Test func contactFormFieldsAreNotAForward() {
        let text = """
        From: Jane Doe <jane@example.com>
        Subject: New home inquiry

        Message Body:
        We have a lot in Kyle.

        --
        This e-mail was sent from a contact form on Builder Co (https://builder.example)
        """
        #expect(ForwardedOriginal.inlineForwards(in: text).isEmpty)
        let withDate = "From: Jane Doe <jane@example.com>\nDate: May 11, 2026\nSubject: Inquiry\n\nHi\n-- \nThis e-mail was sent from a contact form on Builder Co\n"
        #expect(ForwardedOriginal.inlineForwards(in: withDate).isEmpty)
        #expect(QuotedReply.split(withDate).quoted == nil)
    }
}
