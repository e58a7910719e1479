import Foundation
@testable import Extraction
import LeadModel
import MIME
import Testing

/// A form mailer that leaves out the blank line after the header: the fields were headers,
/// and the lead was ignored for want of contact details.
@Suite("Form fields glued to the header")
struct GluedFormFieldsTests {
    static func message(_ raw: String) -> MIMEMessage {
        MIMEMessage.parse(Array(raw.replacingOccurrences(of: "\n", with: "\r\n").utf8))
    }

    static let glued = """
        From: noreply@pecanridgehomes.example
        To: office@pecanridgehomes.example
        Subject: Contact form
        Content-Type: text/plain
        Name: Marcus Bell
        Email: marcus.bell@example.org
        Phone: 512.555.0158
        Comments: Looking to add a primary suite.

        """

    @Test func theFieldsBecomeTheText() throws {
        let repaired = try #require(GluedFormFields.repaired(Self.message(Self.glued)))
        #expect(repaired.text == "Name: Marcus Bell\nEmail: marcus.bell@example.org\nPhone: 512.555.0158\nComments: Looking to add a primary suite.")
        #expect(repaired.headers.map(\.name) == ["From", "To", "Subject", "Content-Type"])
        #expect(repaired.subject == "Contact form")
        #expect(repaired.from.first?.address == "noreply@pecanridgehomes.example")
        #expect(repaired.defects.contains("form fields in the mail header (no blank line before them): read as the body"))
    }

    @Test func theLeadIsReadNotIgnored() throws {
        let extractor = LeadExtractor(specs: try SpecTestSupport.repositorySpecs())
        let lead = try #require(extractor.extract(from: Self.message(Self.glued)).lead)
        #expect(lead.firstName == "Marcus" && lead.lastName == "Bell")
        #expect(lead.email == "marcus.bell@example.org")
        #expect(lead.phone == "+15125550158")
    }

    /// The body the parser began at a label with a space ("Project Type:") follows them.
    @Test func aBodyStartedByTheParserFollowsTheFields() throws {
        let repaired = try #require(GluedFormFields.repaired(Self.message("""
            From: a@site.example
            Subject: Form
            Name: Laura Chen
            Email: laura@example.com
            Project Type: Custom home
            Message: Hi

            """)))
        #expect(repaired.text == "Name: Laura Chen\nEmail: laura@example.com\nProject Type: Custom home\nMessage: Hi\n")
    }

    @Test(arguments: [
        // An ordinary header, ending with fields of mail itself or unknown X- fields.
        "From: a@b.example\nSubject: Hi\nX-Spam-Score: 0\nContent-Type: text/plain\n\nName: Laura\n",
        "From: a@b.example\nSubject: Hi\nContent-Type: text/plain\nX-Campaign: fall\nX-Priority: 3\n\nbody\n",
        // One form label alone, or labels naming no contact.
        "From: a@b.example\nSubject: Hi\nName: Laura Chen\n\nbody\n",
        "From: a@b.example\nSubject: Hi\nBudget: 500k\nTimeline: soon\n\nbody\n",
        // Labels before a field of mail itself are no glued run.
        "Name: Laura Chen\nEmail: laura@example.com\nFrom: a@b.example\nSubject: Hi\n\nbody\n",
    ])
    func otherHeadersAreLeftAlone(_ raw: String) {
        #expect(GluedFormFields.repaired(Self.message(raw)) == nil)
    }
}
