import Extraction
import Foundation
import LeadModel
import MIME
import Testing

/// Who the prospect is, and whose words are read, when a builder forwards mail: his own
/// sent mail (the prospect is its addressee), a prospect's reply that quotes the builder (the
/// quote is not read), a marketplace forward whose Reply-To is only in the header block, and a
/// homeowner's mail with a bounce attached.
@Suite("Forwarded inquiry: person and text")
struct ForwardedInquiryPersonTests {
    private func extract(_ source: String) throws -> ExtractionOutcome {
        LeadExtractor(specs: try SpecTestSupport.repositorySpecs()).extract(from: MessageFixtureText.parse(source))
    }

    @Test func buildersOwnSentMailForwardedMakesTheAddresseeTheProspect() throws {
        let lead = try #require(try extract("""
        From: Mike Brennan <mike@brennanhomes.example.com>
        Subject: Fwd: Great meeting you at the Parade of Homes
        To: leads@intake.example.com
        Content-Type: text/plain; charset="UTF-8"

        Met this couple at the Parade of Homes, add them please.

        ---------- Forwarded message ---------
        From: Mike Brennan <mike@brennanhomes.example.com>
        Date: Mon, Jun 1, 2026 at 5:30 PM
        Subject: Great meeting you at the Parade of Homes
        To: Ryan Castillo <ryan.castillo@example.com>


        Hi Ryan and Megan, call me any time at 512-555-0101.

        Mike Brennan
        """).lead)
        #expect(lead.email == "ryan.castillo@example.com")
        #expect(lead.firstName == "Ryan")
        #expect(lead.lastName == "Castillo")
        // The text is the builder's: his phone is not the prospect's.
        #expect(lead.phone == nil)
        #expect(lead.fields["email"]?.location?.contains("To/Cc") == true)
    }

    @Test func forwardedReplyQuotingTheBuilderDoesNotTakeHisPhone() throws {
        let lead = try #require(try extract("""
        From: Mike Brennan <mike@brennanhomes.example.com>
        Subject: Fwd: Re: Custom home in Spicewood
        To: leads@intake.example.com
        Content-Type: text/plain; charset="UTF-8"

        ---------- Forwarded message ---------
        From: Carla Whitfield <carla.whitfield@example.net>
        Date: Fri, May 29, 2026 at 10:47 PM
        Subject: Re: Custom home in Spicewood
        To: Mike Brennan <mike@brennanhomes.example.com>


        Hi Mike - yes we own the lot outright. Email is easiest for me.

        Carla

        On Fri, May 29, 2026 at 3:15 PM Mike Brennan <mike@brennanhomes.example.com> wrote:

        > Hi Carla,
        >
        > Mike Brennan
        > 200 Commerce Dr, Austin, TX 78701
        > (512) 555-0100
        """).lead)
        #expect(lead.email == "carla.whitfield@example.net")
        #expect(lead.phone == nil)
        #expect(lead.address?.street == nil)
        #expect(lead.message?.contains("Commerce") == false)
    }

    @Test func outlookForwardOfAReplyDoesNotTakeTheQuotedBuildersDetails() throws {
        let lead = try #require(try extract("""
        From: Mike Brennan <mike@brennanhomes.example.com>
        To: leads@intake.example.com
        Subject: FW: RE: Lot in Driftwood
        Content-Type: text/plain; charset="us-ascii"

        Hot lead, please add.

        From: Paul Sorensen <paul.sorensen@example.com>
        Sent: Saturday, May 30, 2026 7:58 AM
        To: Mike Brennan <mike@brennanhomes.example.com>
        Subject: RE: Lot in Driftwood

        We closed on the Driftwood lot yesterday. Start ASAP.

        Paul

        From: Mike Brennan <mike@brennanhomes.example.com>
        Sent: Friday, May 29, 2026 4:10 PM
        To: Paul Sorensen <paul.sorensen@example.com>
        Subject: Lot in Driftwood

        My cell is 512-555-0101.

        Mike Brennan
        200 Commerce Dr, Austin, TX 78701
        """).lead)
        #expect(lead.email == "paul.sorensen@example.com")
        #expect(lead.phone == nil)
        #expect(lead.address?.street == nil)
    }

    @Test func thunderbirdForwardKeepsTheMarketplaceRelayFromItsReplyTo() throws {
        let lead = try #require(try extract("""
        From: Dave Kowalski <dave@builder.example.com>
        To: leads@builder.example.com
        Subject: Fwd: Jerome Baptiste sent you a message about Home Remodeling
        Content-Type: text/plain; charset=UTF-8; format=flowed

        -------- Forwarded Message --------
        Subject: \tJerome Baptiste sent you a message about Home Remodeling
        Date: \tSun, 25 Oct 2026 02:14:33 +0000
        From: \tThumbtack <no-reply@thumbtack.com>
        Reply-To: \tJerome Baptiste <reply+44ab01cc9e7f3d20@messages.thumbtack.com>
        To: \tdave@builder.example.com

        Jerome Baptiste
        Home Remodeling · Pflugerville, TX 78660

        Jerome's message
        "House flooded in the spring. Need drywall, floors,\u{20}
        kitchen and two baths redone."

        Phone number
        (512) 555-0155
        """).lead)
        #expect(lead.source == "thumbtack")
        #expect(lead.contactChannels.contains { $0.value == "reply+44ab01cc9e7f3d20@messages.thumbtack.com" && $0.isRelay })
    }

    @Test func homeownersMailWithABounceAttachedIsHerOwnInquiry() throws {
        let lead = try #require(try extract("""
        From: Carla Reyes <carla.reyes@example.com>
        To: greg@builder.example.com
        Subject: Fw: Undelivered Mail Returned to Sender
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="b1"

        --b1
        Content-Type: text/plain; charset="UTF-8"

        Hi Greg, I tried emailing info@ from your website and it bounced (attached).
        We'd like to build a custom home on our lot in Spicewood. Can you call me at 830-555-0125?

        Carla Reyes
        --b1
        Content-Type: message/rfc822

        From: MAILER-DAEMON@mail.example.com (Mail Delivery System)
        To: carla.reyes@example.com
        Subject: Undelivered Mail Returned to Sender
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="b2"

        --b2
        Content-Type: text/plain; charset=us-ascii

        <info@builder.example.com>: 550 5.1.1 mailbox unavailable
        --b2
        Content-Type: message/delivery-status

        Action: failed
        --b2--
        --b1--
        """).lead)
        #expect(lead.email == "carla.reyes@example.com")
        #expect(lead.phone == "+18305550125")
        #expect(lead.isForwarded == false)
    }
}

/// Readable message source with LF line endings, parsed as mail arrives (CRLF).
enum MessageFixtureText {
    static func parse(_ source: String) -> MIMEMessage {
        var bytes: [UInt8] = []
        for byte in source.utf8 {
            if byte == 0x0A { bytes.append(0x0D) }
            bytes.append(byte)
        }
        return MIMEMessage.parse(bytes)
    }
}
