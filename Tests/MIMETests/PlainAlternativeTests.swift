import Foundation
import MIME
import Testing

/// `MIMEMessage.text` when the text/plain alternative does not stand for the HTML: blank, a
/// "use an HTML-capable client" stub, or a phone's forward whose plain part holds only the
/// forwarder's comment. The forward must be found in each, or its sender is lost.
@Suite("Plain alternatives that are not the message")
struct PlainAlternativeTests {
    static let forwardHTML = """
        <div dir="ltr"><div>new lead - call her</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">\
        ---------- Forwarded message ---------<br>From: <strong class="gmail_sendername">Lauren Whitaker</strong> \
        &lt;<a href="mailto:lwhitaker@gmail.com">lwhitaker@gmail.com</a>&gt;<br>Date: Mon, Nov 16, 2026 at 4:11 PM<br>\
        Subject: Questions about building<br>To: &lt;<a href="mailto:info@hillcountryhomes.com">info@hillcountryhomes.com</a>&gt;<br>\
        </div><br><div dir="ltr">Hi, we own a lot in Wimberley. (512) 555-0154. Lauren</div></div></div>
        """

    static func message(subject: String, plain: String, html: String = forwardHTML) -> MIMEMessage {
        let raw = """
            From: Travis <travis@hillcountryhomes.com>
            To: leads@hillcountryhomes.com
            Subject: \(subject)
            Content-Type: multipart/alternative; boundary="alt"

            --alt
            Content-Type: text/plain; charset="UTF-8"

            \(plain)
            --alt
            Content-Type: text/html; charset="UTF-8"

            \(html)
            --alt--

            """
        return MIMEMessage.parse(Array(raw.replacingOccurrences(of: "\n", with: "\r\n").utf8))
    }

    @Test(arguments: [
        "",
        "   ",
        "This message contains HTML. Please use an HTML-capable mail client to view it.",
        "Your email client does not support HTML messages.",
        "new lead - call her",
    ])
    func theForwardInTheHTMLIsFound(plain: String) throws {
        let message = Self.message(subject: "Fwd: Questions about building", plain: plain)
        let original = try #require(message.forwarded.first)
        #expect(original.from?.address == "lwhitaker@gmail.com")
        #expect(message.text?.contains("we own a lot in Wimberley") == true)
    }

    @Test func aPlainForwardStaysPlain() {
        let plain = "new lead\n\n---------- Forwarded message ---------\nFrom: Lauren <lwhitaker@gmail.com>\nSubject: Questions\n\nHi, plain words here."
        let message = Self.message(subject: "Fwd: Questions", plain: plain)
        #expect(message.text?.contains("plain words here") == true)
        #expect(message.text?.contains("Wimberley") == false)
    }

    @Test func aMessageThatIsNoForwardKeepsItsPlainPart() {
        // The HTML names "From:", but the subject says no forward: the plain part is the text.
        let message = Self.message(subject: "Questions about building", plain: "Hi, short plain note.")
        #expect(message.text == "Hi, short plain note.")
    }

    @Test func aShortNoteMentioningHTMLWithTheSameWordsStaysPlain() {
        let plain = "Can you send the HTML brochure? Thanks, Dana"
        let message = Self.message(subject: "Brochure", plain: plain, html: "<p>Can you send the HTML brochure? Thanks, Dana</p>")
        #expect(message.text == plain)
    }
}
