import HTMLText
import Testing

/// HTML as Outlook and Gmail write it, especially forwards: forward detection downstream
/// needs each header label and value on its own line.
@Suite("Mail client HTML")
struct MailClientTests {
    @Test("Outlook desktop forward: MsoNormal paragraphs, <o:p>, bordered header block")
    func outlookForward() {
        let html = """
            <html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
            <meta http-equiv="Content-Type" content="text/html; charset=utf-8">
            <style><!-- p.MsoNormal {margin:0in; font-size:11.0pt;} --></style>
            <!--[if gte mso 9]><xml><o:shapedefaults v:ext="edit" spidmax="1026" /></xml><![endif]-->
            </head><body lang="EN-US" link="#0563C1">
            <div class="WordSection1">
            <p class="MsoNormal">Please see the inquiry below.<o:p></o:p></p>
            <p class="MsoNormal"><o:p>&nbsp;</o:p></p>
            <p class="MsoNormal">Bob<o:p></o:p></p>
            <p class="MsoNormal"><o:p>&nbsp;</o:p></p>
            <div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0in 0in 0in">
            <p class="MsoNormal"><b>From:</b> Jane Doe &lt;jane@example.org&gt; <br>
            <b>Sent:</b> Tuesday, January 11, 2022 3:34 PM<br>
            <b>To:</b> Sales &lt;sales@buildersco.example&gt;<br>
            <b>Subject:</b> Question about lot 12<o:p></o:p></p>
            </div>
            <p class="MsoNormal"><o:p>&nbsp;</o:p></p>
            <p class="MsoNormal">Hi,<o:p></o:p></p>
            <p class="MsoNormal">Is lot&nbsp;12 still available?<o:p></o:p></p>
            </div></body></html>
            """
        let expected = """
            Please see the inquiry below.

            Bob

            From: Jane Doe <jane@example.org>
            Sent: Tuesday, January 11, 2022 3:34 PM
            To: Sales <sales@buildersco.example>
            Subject: Question about lot 12

            Hi,
            Is lot 12 still available?
            """
        #expect(HTMLText.render(html) == expected)
    }

    @Test("Outlook list markup: the supportLists conditional markers do not show")
    func outlookLists() {
        let html = """
            <p class=MsoListParagraphCxSpFirst style='text-indent:-.25in;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>&middot;<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>3 bedrooms<o:p></o:p></p>
            <p class=MsoListParagraphCxSpLast style='text-indent:-.25in;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>&middot;<span>&nbsp;&nbsp; </span></span><![endif]>2 car garage<o:p></o:p></p>
            """
        #expect(HTMLText.render(html) == "\u{B7} 3 bedrooms\n\u{B7} 2 car garage")
    }

    @Test("Outlook on the web forward: hr then divRplyFwdMsg header block")
    func outlookWebForward() {
        let html = """
            <div>FYI</div>
            <hr style="display:inline-block;width:98%" tabindex="-1">
            <div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000"><b>From:</b> Jane Doe &lt;jane@example.org&gt;<br>
            <b>Sent:</b> Thursday, October 28, 2021 12:46 PM<br>
            <b>To:</b> info@buildersco.example &lt;info@buildersco.example&gt;<br>
            <b>Subject:</b> Lot 12</font>
            <div>&nbsp;</div></div>
            <div dir="ltr">Is it still for sale?</div>
            """
        let expected = """
            FYI

            From: Jane Doe <jane@example.org>
            Sent: Thursday, October 28, 2021 12:46 PM
            To: info@buildersco.example <info@buildersco.example>
            Subject: Lot 12

            Is it still for sale?
            """
        #expect(HTMLText.render(html) == expected)
    }

    @Test("Gmail forward: gmail_quote with the gmail_attr header block")
    func gmailForward() {
        let html = """
            <div dir="ltr"><div>See below</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">---------- Forwarded message ---------<br>From: <strong class="gmail_sendername" dir="auto">Jane Doe</strong> <span dir="auto">&lt;<a href="mailto:jane@example.org">jane@example.org</a>&gt;</span><br>Date: Wed, Oct 27, 2021 at 9:31 AM<br>Subject: Lot 12<br>To: &lt;<a href="mailto:info@buildersco.example">info@buildersco.example</a>&gt;<br></div><br><br><div dir="ltr">Hello,<div><br></div><div>Is lot 12 available?</div></div>
            </div></div>
            """
        let expected = """
            See below

            ---------- Forwarded message ---------
            From: Jane Doe <jane@example.org>
            Date: Wed, Oct 27, 2021 at 9:31 AM
            Subject: Lot 12
            To: <info@buildersco.example>

            Hello,

            Is lot 12 available?
            """
        #expect(HTMLText.render(html) == expected)
    }

    @Test("Apple Mail forward: blockquote type=cite keeps its header lines")
    func appleMailForward() {
        let html = """
            <html><body style="overflow-wrap: break-word;"><div><br><div><br><blockquote type="cite"><div>Begin forwarded message:</div><br class="Apple-interchange-newline"><div style="margin: 0px;"><span><b>From: </b></span><span>Jane Doe &lt;jane@example.org&gt;<br></span></div><div style="margin: 0px;"><span><b>Subject: </b></span><span><b>Lot 12</b><br></span></div><br><div><div>Is it available?</div></div></blockquote></div><br></div></body></html>
            """
        let expected = """
            Begin forwarded message:

            From: Jane Doe <jane@example.org>
            Subject: Lot 12

            Is it available?
            """
        #expect(HTMLText.render(html) == expected)
    }
}
