@testable import Extraction
import LeadModel
import MIME
import Testing

/// What exploratory testing (session 15) found wrong in contact details and heuristics, each
/// from an email a builder could receive.
@Suite("Prospect contact rules")
struct ProspectContactRulesTests {
    private let scanner = PhoneNumberScanner()

    // MARK: - Addresses that are never the prospect's

    @Test(arguments: ["no-reply@mail.zillow.com", "noreply@yelp.com", "Alerts-NoReply@houzz.com", "do_not_reply@angi.com", "MAILER-DAEMON@mx.example.com"])
    func aNoReplyAddressIsNotTheProspectsEmail(_ address: String) {
        #expect(NoReplyAddress.isNoReply(address))
        var builder = LeadBuilder(lead: ExtractedLead(source: "zillow", isForwarded: false), relayDomains: [])
        let tookNoReply = builder.set(.email, raw: address, hint: .email, provenance: FieldProvenance(rule: "header From"))
        #expect(!tookNoReply)
        #expect(builder.lead.email == nil)
        // The chain goes on: the next rule's address is taken.
        let tookNext = builder.set(.email, raw: "dana@example.org", hint: .email, provenance: FieldProvenance(rule: "label Email"))
        #expect(tookNext)
        #expect(builder.lead.email == "dana@example.org")
    }

    @Test(arguments: ["replyto@example.com", "no.reply.fan@example.com", "noreplyr", "tom.mailer@gmail.com"])
    func peoplesAddressesAreNotNoReply(_ address: String) {
        #expect(!NoReplyAddress.isNoReply(address))
    }

    @Test func theBuildersOwnMailboxIsNotTheProspectsEmail() {
        var builder = LeadBuilder(lead: ExtractedLead(source: "website_form", isForwarded: false), relayDomains: [])
        builder.builderAddresses = BuilderMailboxes([[Mailbox(name: nil, address: "sales@hillcountryhomes.example")]], except: "")
        let took = builder.set(.email, raw: "Sales@HillCountryHomes.example", hint: .email, provenance: FieldProvenance(rule: "header Reply-To"))
        #expect(!took)
        #expect(builder.lead.email == nil)
    }

    // MARK: - Phones

    @Test func aSlashAfterTheAreaCodeIsASeparator() throws {
        #expect(try #require(scanner.firstPhone(in: "My number is 512/555-0191.")).number == "+15125550191")
        // A date is still no phone.
        #expect(scanner.firstPhone(in: "We closed on 10/12/2026 at 3") == nil)
    }

    @Test(arguments: [("512-555-0184 #204", "204"), ("(512) 555-0143 (ext 22)", "22"), ("512.555.0143 (x7)", "7")])
    func moreExtensionForms(_ written: String, _ expected: String) throws {
        let match = try #require(scanner.firstPhone(in: written))
        #expect(match.number.hasPrefix("+1"))
        #expect(match.phoneExtension == expected)
    }

    @Test func theNumberOnAFaxLineIsPassedOverUnlessLabelledAnotherPhone() throws {
        let found = try #require(PhoneFinder.prospectPhone(in: "Susan Whitaker\nFax: 512-555-0198 / Mobile: 512-555-0199\n"))
        #expect(found.number == "+15125550199")
        #expect(PhoneFinder.prospectPhone(in: "Susan\n512-555-0198 (fax)\n") == nil)
        #expect(PhoneFinder.prospectPhone(in: "Fax: 512-555-0198\nCell: 512-555-0197\n")?.number == "+15125550197")
    }

    @Test func theBuildersNumberInTheProspectsTextIsPassedOver() throws {
        let text = "I tried calling your office at (512) 555-0100 twice but it went to voicemail. My cell is 512-555-0168."
        #expect(try #require(PhoneFinder.prospectPhone(in: text)).number == "+15125550168")
        let lines = InquiryLines(text)
        #expect(PhoneFinder.find(in: lines, excluding: [])?.value.number == "+15125550168")
    }

    // MARK: - Budget and timeline

    @Test func dollarsAndCentsAreAPriceNotABudget() {
        #expect(BudgetParser.parse("$52.18 will be credited to your card") == nil)
        #expect(BudgetParser.parse("$650.00") == nil)
        // Unchanged: implied thousands without cents, and cents with a separator or unit.
        #expect(BudgetParser.parse("$650")?.low == 650_000)
        #expect(BudgetParser.parse("$1,250,000.00")?.low == 1_250_000)
        #expect(BudgetParser.parse("$1.25M")?.low == 1_250_000)
        #expect(BudgetParser.parse("budget 1.25")?.low == 1_250_000)
        // A Spanish "a" joins a range only after "de": here it is English.
        #expect(BudgetParser.parse("Budget $650k a 2,500 sq ft home")?.high == 650_000)
    }

    @Test func aPastBareYearIsNoTimeline() {
        let lines = InquiryLines("The house is a 2004 build and we would like to add a second story.")
        #expect(TimelinePhraseFinder.find(in: lines, earliestYear: 2026) == nil)
        // Without the message's year nothing is known to be past; a future year still counts.
        #expect(TimelinePhraseFinder.find(in: lines)?.value == "2004")
        let future = InquiryLines("We would like to build in 2027.")
        #expect(TimelinePhraseFinder.find(in: future, earliestYear: 2026)?.value == "2027")
    }
}
