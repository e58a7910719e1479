import Foundation
import MIME
import Testing

/// `MIMEPart.decodedText(maximumBytes:)`: a text file sent as an attachment, read as body
/// text is read.
@Suite("Attached text files")
struct AttachedTextTests {
    static func part(_ headers: String, _ body: String) throws -> MIMEPart {
        let raw = """
            From: a@example.com
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: text/plain

            body
            --b
            \(headers)

            \(body)
            --b--

            """
        let message = MIMEMessage.parse(Array(raw.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        return try #require(message.attachments.first)
    }

    @Test func base64UTF8IsDecodedWithNewlineLineEnds() throws {
        let part = try Self.part(
            "Content-Type: text/plain; charset=UTF-8; name=text_0.txt\nContent-Transfer-Encoding: base64",
            "SGkgSm9zw6kKc2Vjb25kIGxpbmUNCnRoaXJk")  // "Hi José\nsecond line\r\nthird"
        #expect(part.decodedText(maximumBytes: 1024) == "Hi José\nsecond line\nthird")
    }

    @Test func theDeclaredCharsetIsUsed() throws {
        let part = try Self.part(
            "Content-Type: text/plain; charset=windows-1252; name=\"note.txt\"\nContent-Transfer-Encoding: quoted-printable",
            "caf=E9 =96 $400=2C000")
        #expect(part.decodedText(maximumBytes: 1024) == "café – $400,000")
    }

    @Test func aLongTextIsCutBetweenCharacters() throws {
        let part = try Self.part("Content-Type: text/plain; charset=UTF-8; name=a.txt", "ab\u{E9}cd")
        // (Byte 3 is inside "é": the cut steps back before it.)
        #expect(part.decodedText(maximumBytes: 3) == "ab")
        #expect(part.decodedText(maximumBytes: 4) == "ab\u{E9}")
        #expect(part.decodedText(maximumBytes: 0) == "")
    }

    @Test func otherTypesHaveNoText() throws {
        let csv = try Self.part("Content-Type: text/csv; name=a.csv", "a,b")
        let pdf = try Self.part("Content-Type: application/pdf; name=a.pdf\nContent-Transfer-Encoding: base64", "JVBERi0=")
        #expect(csv.decodedText(maximumBytes: 1024) == nil)
        #expect(pdf.decodedText(maximumBytes: 1024) == nil)
    }
}
