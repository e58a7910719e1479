@testable import Extraction
import Foundation
import LeadModel
import MIME
import Testing

/// Shapes of homeowners' signatures and numbers found by writing inquiries the way people
/// type them (session 19): a device's footer right under the name, pronouns after it,
/// `Mr. and Mrs.`, a number wrapped after its exchange.
@Suite("Signature and number shapes people type")
struct SignatureShapesSession19Tests {
    static let body = "Hi,\n\nWe are looking to build a custom home on our lot in Leander next year.\n\n"

    // MARK: - A device's footer under the name

    @Test(arguments: ["Sent from my iPhone", "Sent from my Galaxy", "Get Outlook for Android", "Sent from Yahoo Mail for iPhone"])
    func aFooterUnderTheName(_ footer: String) {
        let lead = HeuristicsTestSupport.filled(Self.body + "Dana Whitfield\n" + footer)
        #expect(lead.firstName == "Dana" && lead.lastName == "Whitfield")
        #expect(lead.fields["first_name"] == FieldProvenance(rule: "heuristic: closing name without a sign-off", location: "body line 5"))
    }

    @Test(arguments: [
        "Looking Forward\nSent from my iPhone",
        "Hill Country Homes\nSent from my iPhone",
        "Please call soon\nSent from my iPhone",
        "We want to build next year.\nDana Whitfield\nSent from my iPhone",
    ])
    func noNameAboveAFooter(_ tail: String) {
        let lead = HeuristicsTestSupport.filled(Self.body + tail)
        #expect(lead.firstName == nil && lead.lastName == nil, "\(String(describing: lead.firstName)) \(String(describing: lead.lastName))")
    }

    @Test func aFooterAloneIsNoText() {
        let lead = HeuristicsTestSupport.filled("Dana Whitfield\nSent from my iPhone")
        #expect(lead.firstName == nil, "a name with no text above is no closing")
    }

    // MARK: - Pronouns after the name

    @Test(arguments: [
        ("Best,\nDana Whitfield (she/her)\n512-555-0144", "heuristic: signature name"),
        ("Thanks, Dana Whitfield (she / her)", "heuristic: signature name"),
        ("Dana Whitfield (they/them)\n512-555-0144", "heuristic: closing name without a sign-off"),
        ("- Dana Whitfield (she/her/hers)", "heuristic: signature name"),
    ])
    func pronounsAfterTheName(_ tail: String, _ rule: String) {
        let lead = HeuristicsTestSupport.filled(Self.body + tail)
        #expect(lead.firstName == "Dana" && lead.lastName == "Whitfield", "\(String(describing: lead.firstName)) \(String(describing: lead.lastName))")
        #expect(lead.fields["first_name"]?.rule == rule)
    }

    @Test func pronounsAreCutOnlyFromTheEnd() {
        #expect(SignatureNameFinder.withoutPronouns("Dana Whitfield (she/her)") == "Dana Whitfield")
        #expect(SignatureNameFinder.withoutPronouns("Dana Whitfield (Austin)") == nil)
        #expect(SignatureNameFinder.withoutPronouns("Dana Whitfield (her)") == nil, "one pronoun is no pronouns note")
        #expect(SignatureNameFinder.withoutPronouns("(she/her)") == nil)
        #expect(SignatureNameFinder.withoutPronouns("Dana Whitfield") == nil)
        let lead = HeuristicsTestSupport.filled(Self.body + "Best,\nDana Whitfield (Austin)\n512-555-0144")
        #expect(lead.firstName == nil, "another note in parentheses is read as before (no name)")
    }

    // MARK: - Mr. and Mrs.

    @Test(arguments: [("Thank you,\nMr. and Mrs. Whitfield", "Whitfield"), ("Thanks,\nMr & Mrs Van Buren", "Van Buren"),
                      ("Regards,\nMR. AND MRS. WHITFIELD", "Whitfield")])
    func mrAndMrsSign(_ tail: String, _ last: String) {
        let lead = HeuristicsTestSupport.filled(Self.body + tail)
        #expect(lead.firstName == nil && lead.lastName == last, "\(String(describing: lead.lastName))")
        #expect(lead.fields["last_name"]?.rule == "heuristic: signature name (a couple: their surname)")
    }

    @Test(arguments: ["Mr. and Mrs. Whitfield\n512-555-0144", "512-555-0144\nMr & Mrs Whitfield"])
    func mrAndMrsAboveTheirPhone(_ tail: String) {
        let lead = HeuristicsTestSupport.filled(Self.body + tail)
        #expect(lead.firstName == nil && lead.lastName == "Whitfield", "\(String(describing: lead.lastName))")
        #expect(lead.fields["last_name"]?.rule == "heuristic: closing name without a sign-off (a couple: their surname)")
    }

    @Test(arguments: ["Thanks,\nMr. and Mrs. Smith Homes", "Thanks,\nMr. and Mrs. Team", "Thanks,\nMr. Whitfield and Mrs.", "Thanks,\nMr. and Mrs.",
                      "Thanks,\nMr. and Mrs. 3rd", "Mr. and Mrs. Whitfield\nSmith Realty\n512-555-0144", "Our realtors:\nMr. and Mrs. Pike\n512-555-0144"])
    func noMrAndMrs(_ tail: String) {
        let lead = HeuristicsTestSupport.filled(Self.body + tail)
        #expect(lead.lastName == nil && lead.firstName == nil, "\(String(describing: lead.lastName))")
    }

    // MARK: - A name and its contact on one line

    @Test(arguments: ["Dana Whitfield | 512-555-0144", "Dana Whitfield | Cell: (512) 555-0144 | dana.w@example.com",
                      "Dana Whitfield | dana.w@example.com", "Thanks again for your time.\nDana Whitfield | 512-555-0144"])
    func aNameBesideItsContact(_ tail: String) {
        let lead = HeuristicsTestSupport.filled(Self.body + tail)
        #expect(lead.firstName == "Dana" && lead.lastName == "Whitfield", "\(String(describing: lead.firstName)) \(String(describing: lead.lastName))")
        #expect(lead.fields["first_name"]?.rule == "heuristic: closing name without a sign-off")
    }

    @Test(arguments: ["Mike Brennan | Brennan Homes | 512-555-0100", "Mike Brennan | www.brennanhomes.example | 512-555-0100",
                      "Hill Country Homes | 512-555-0100", "Austin, TX | 512-555-0100", "Dana Whitfield | Austin, TX",
                      "Dana Whitfield 2 | 512-555-0144", "Dana Whitfield|512-555-0144", "Our realtor:\nJohn Pike | 512-555-0100",
                      "Dana Whitfield | Project Manager | 512-555-0144"])
    func noNameBesideAContact(_ tail: String) {
        let lead = HeuristicsTestSupport.filled(Self.body + tail)
        #expect(lead.firstName == nil && lead.lastName == nil, "\(String(describing: lead.firstName)) \(String(describing: lead.lastName))")
    }

    // MARK: - A number wrapped after its exchange

    @Test(arguments: ["Please call me at 512-555-\n0144 after 5.", "Call 512-555- \n  0144", "Cell (512) 555-\n0144"])
    func aNumberWrappedAfterItsExchange(_ text: String) {
        let phones = PhoneNumberScanner().phones(in: text)
        #expect(phones.map(\.number) == ["+15125550144"])
        #expect(phones.first?.line == 1)
    }

    @Test(arguments: ["Call 512-555-\n01445", "Call 512-555-\n\n0144", "Call 512-555 \n0144", "Call 512-555-\nabout 0144",
                      "Call 512-555-\n0144-22"])
    func noWrappedNumber(_ text: String) {
        #expect(PhoneNumberScanner().phones(in: text).isEmpty)
    }

    @Test func aWrappedNumberCountsItsLines() {
        let phones = PhoneNumberScanner().phones(in: "Hi\nCall 512-555-\n0144 or 512-555-0199")
        #expect(phones.map(\.number) == ["+15125550144", "+15125550199"])
        #expect(phones.map(\.line) == [2, 3])
    }
}
