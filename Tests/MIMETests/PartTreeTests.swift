import MIME
import Testing

@Suite("Part tree and attachments")
struct PartTreeTests {
    static let source = """
    From: Jane <jane@example.com>
    Content-Type: multipart/mixed; boundary="m"

    --m
    Content-Type: multipart/related; boundary="r"

    --r
    Content-Type: text/html; charset=utf-8

    <p>Photo: <img src="cid:img1@example.com"></p>
    --r
    Content-Type: image/png
    Content-Transfer-Encoding: base64
    Content-ID: <img1@example.com>

    iVBORw0KGgo=
    --r--
    --m
    Content-Type: application/pdf; name="plan.pdf"
    Content-Disposition: attachment; filename*=utf-8''Plan%20%C3%A9t%C3%A9.pdf
    Content-Transfer-Encoding: base64

    JVBERi0xLjQK
    JSVFT0YK
    --m
    Content-Type: application/octet-stream
    Content-Disposition: attachment; filename="q.bin"
    Content-Transfer-Encoding: quoted-printable

    a=3Db=
    c=FF
    --m--
    """

    @Test func leavesHaveTypesSectionsAndNames() throws {
        let message = MessageFixture.parse(Self.source)
        #expect(message.parts.map(\.contentType) == ["text/html", "image/png", "application/pdf", "application/octet-stream"])
        #expect(message.parts.map(\.section) == ["1.1", "1.2", "2", "3"])
        #expect(message.attachments.count == 3)
        let image = message.parts[1]
        #expect(image.contentID == "img1@example.com")
        #expect(image.isInline)
        #expect(image.disposition == nil)
        let pdf = message.parts[2]
        #expect(pdf.filename == "Plan été.pdf")
        #expect(pdf.disposition == .attachment)
        #expect(!pdf.isInline)
        #expect(pdf.contentTypeParameters["name"] == "plan.pdf")
    }

    @Test func decodedSizeMatchesLazyDecoding() throws {
        let message = MessageFixture.parse(Self.source)
        for part in message.parts {
            #expect(part.decodedBody().count == part.decodedSize, "section \(part.section)")
        }
        #expect(message.parts[2].decodedBody() == Array("%PDF-1.4\n%%EOF\n".utf8))
        #expect(message.parts[3].decodedBody() == [0x61, 0x3D, 0x62, 0x63, 0xFF])
        #expect(message.parts[3].encodedBody.count > message.parts[3].decodedSize)
    }

    @Test func singlePartMessageIsOneBodyLeaf() {
        let message = MessageFixture.parse("Subject: hi\n\nHello")
        #expect(message.parts.count == 1)
        #expect(message.parts[0].section == "1")
        #expect(message.parts[0].contentType == "text/plain")
        #expect(message.parts[0].transferEncoding == "7bit")
        #expect(message.attachments.isEmpty)
    }

    @Test func embeddedMessageIsOneLeafWithItsOwnParts() throws {
        let message = MessageFixture.parse("""
        Content-Type: multipart/mixed; boundary="o"

        --o
        Content-Type: text/plain

        See attached.
        --o
        Content-Type: message/rfc822

        From: a@example.com
        Content-Type: multipart/mixed; boundary="i"

        --i
        Content-Type: text/plain

        inner
        --i
        Content-Type: image/gif
        Content-Disposition: attachment; filename="x.gif"

        GIF89a
        --i--
        --o--
        """)
        #expect(message.parts.count == 2)
        let embedded = try #require(message.parts[1].message)
        #expect(message.parts[1].isAttachment)
        #expect(embedded.parts.count == 2)
        #expect(embedded.attachments.map(\.filename) == ["x.gif"])
        #expect(embedded.text == "inner")
    }

    @Test func deliveryReportReturnedMessageIsNotAForward() {
        let message = MessageFixture.parse("""
        Content-Type: multipart/report; report-type=delivery-status; boundary="d"

        --d
        Content-Type: text/plain

        Undeliverable.
        --d
        Content-Type: message/rfc822

        From: sales@builder.example.org
        Subject: Tour

        Body
        --d--
        """)
        #expect(message.forwarded.isEmpty)
        #expect(message.attachments.first?.message?.subject == "Tour")
    }

    @Test func textWithFileNameIsAnAttachmentNotBody() {
        let message = MessageFixture.parse("""
        Content-Type: multipart/mixed; boundary="t"

        --t
        Content-Type: text/plain

        Body.
        --t
        Content-Type: text/plain; name="notes.txt"

        Notes.
        --t--
        """)
        #expect(message.text == "Body.")
        #expect(message.attachments.map(\.filename) == ["notes.txt"])
    }
}
