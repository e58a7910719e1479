@testable import Extraction
import Foundation
import LeadModel
import MIME
import Testing

/// Closing names with letters outside ASCII, and couples and households signing or
/// introducing themselves (session 19).
@Suite("Accented closing names, couples and households")
struct CoupleAndAccentedNameTests {
    static let coupleNote = " (a couple: the first person named)"

    // MARK: - Letters outside ASCII

    @Test(arguments: [
        ("José Martínez", "José", "Martínez"),
        ("Zoë Müller-Øster", "Zoë", "Müller-Øster"),
        ("Seán O\u{2019}Brien", "Seán", "O\u{2019}Brien"),
        ("Núria de la Peña", "Núria", "de la Peña"),
        ("Jürgen Van Buren", "Jürgen", "Van Buren"),
        ("José M. Ibáñez", "José", "Ibáñez"),
    ])
    func anAccentedNameAboveThePhone(_ name: String, _ first: String, _ last: String) throws {
        let lead = try HeuristicsTestSupport.lead(from: "jm1980@gmail.com", "Hi,\n\nWe want to build a custom home next year in Austin.\n\n\(name)\n512-555-0144\n")
        #expect(lead.firstName == first && lead.lastName == last, "\(String(describing: lead.firstName)) \(String(describing: lead.lastName))")
        #expect(lead.fields["first_name"]?.rule == "heuristic: closing name without a sign-off")
    }

    @Test(arguments: ["Thanks,", "Gracias,", "Saludos,", "Muchas gracias!", "Atentamente,"])
    func anAccentedSignatureReads(_ closing: String) throws {
        let lead = try HeuristicsTestSupport.lead(from: "jm1980@gmail.com", "Hi,\n\nWe want to build next year.\n\n\(closing)\nJosé Martínez\n")
        #expect(lead.firstName == "José" && lead.lastName == "Martínez")
        #expect(lead.fields["first_name"]?.rule == "heuristic: signature name")
    }

    @Test(arguments: [
        // A company, a place, a title, a greeting, a possessive, a lowercase first word.
        "Constructora Méndez Homes",
        "Dripping Springs Café",
        "San José",
        "Gerente Sales Manager",
        "Buenos Días",
        "José\u{2019}s Café",
        "josé Martínez",
        // One word; a word with a digit or a mark.
        "José",
        "José Martínez!",
        "Señor Martínez Pérez García López",
    ])
    func noAccentedClosingName(_ line: String) {
        let lead = HeuristicsTestSupport.filled("We want to build next year.\n\n\(line)\n512-555-0144")
        #expect(lead.firstName == nil && lead.lastName == nil, "\(String(describing: lead.firstName)) \(String(describing: lead.lastName))")
    }

    @Test func theClosingNameReaderAgreesOnASCIIAndAccentedNames() {
        #expect(SignatureNameFinder.closingName("Dana Whitfield") == PersonName(first: "Dana", last: "Whitfield"))
        #expect(SignatureNameFinder.closingName("Dána Whitfield") == PersonName(first: "Dána", last: "Whitfield"))
        #expect(SignatureNameFinder.closingName("Hill Country Homes") == nil)
        #expect(SignatureNameFinder.closingName("Buenos Días") == nil)
        #expect(SignatureNameFinder.closingName("Dana & Mark") == nil)
    }

    // MARK: - Couples

    @Test(arguments: [
        ("Thanks,\nDana & Mark Whitfield", "Dana", "Whitfield" as String?, "signature name"),
        ("Thanks,\nDana and Mark Whitfield", "Dana", "Whitfield", "signature name"),
        ("Thanks,\nMark and Dana Whitfield", "Mark", "Whitfield", "signature name"),
        ("Thanks, Dana & Mark", "Dana", nil, "signature name"),
        ("- Dana & Mark", "Dana", nil, "signature name"),
        ("Dana & Mark Whitfield\n512-555-0144", "Dana", "Whitfield", "closing name without a sign-off"),
        ("512-555-0144\nDana and Mark Whitfield", "Dana", "Whitfield", "closing name without a sign-off"),
        ("José & María Martínez\n512-555-0144", "José", "Martínez", "closing name without a sign-off"),
    ])
    func aCoupleSigns(_ closing: String, _ first: String, _ last: String?, _ rule: String) {
        let lead = HeuristicsTestSupport.filled("We want to build a custom home next year.\n\n\(closing)")
        #expect(lead.firstName == first && lead.lastName == last, "\(String(describing: lead.firstName)) \(String(describing: lead.lastName))")
        #expect(lead.fields["first_name"]?.rule == "heuristic: " + rule + Self.coupleNote)
    }

    @Test(arguments: [
        ("Hi, we are Dana and Mark Whitfield and we want to build.", "Dana", "Whitfield" as String?),
        ("We're Dana & Mark Whitfield, looking to build in Austin.", "Dana", "Whitfield"),
        ("Hi, we\u{2019}re José and María Núñez.", "José", "Núñez"),
        ("Hello, this is Dana & Mark. We want to build.", "Dana", nil),
        ("Hi, this is Dana and Mark Whitfield. We want to build.", "Dana", "Whitfield"),
        ("Hi, this is Dana and Mark Whitfield, we want to build in Dripping Springs next year.", "Dana", "Whitfield"),
    ])
    func aCoupleIntroducesItself(_ line: String, _ first: String?, _ last: String?) {
        let found = SelfIntroductionFinder.find(in: InquiryLines(line))
        #expect(found?.value.first == first && found?.value.last == last, "\(String(describing: found?.value))")
        if first != nil { #expect(found?.rule == "self-introduction" + Self.coupleNote) }
    }

    @Test(arguments: [
        ("My name is Dana and Mark Jones referred me to you.", "Dana", nil as String?, "one name: Mark is someone else"),
        ("My name is Dana and I want to build.", "Dana", nil, ""),
        ("Hi, this is Dana and I want to build.", "Dana", nil, ""),
        ("Hi, this is Dana and Mark is my husband.", "Dana", nil, "`is` ends no couple"),
    ])
    func aSingleIntroductionStaysSingle(_ line: String, _ first: String, _ last: String?, _ note: String) {
        let found = SelfIntroductionFinder.find(in: InquiryLines(line))
        #expect(found?.value.first == first && found?.value.last == last && found?.value.partnerFirst == nil, "\(note)")
        #expect(found?.rule == "self-introduction")
    }

    @Test(arguments: [
        "We are looking to build a custom home.",
        "We are Texans and want to build.",
        "We are Dana Whitfield's neighbors.",
        "We are Smith & Sons, a framing company.",
        "We're Johnson & Johnson",
        "We are The Whitfields",
    ])
    func weAreIntroducesOnlyACouple(_ line: String) {
        #expect(SelfIntroductionFinder.find(in: InquiryLines(line)) == nil)
    }

    @Test(arguments: [
        "Thanks,\nSmith & Sons",
        "Thanks,\nJohnson & Johnson",
        "Thanks,\nHill & Dale Homes",
        "Thanks,\nSmith and Sons Construction",
        "Smith & Sons\n512-555-0144",
        "Johnson & Johnson\n512-555-0144",
        "Hill & Dale Homes\n512-555-0144",
        // A couple without a surname is too like a firm to take without a sign-off.
        "Dana & Mark\n512-555-0144",
        "Barnes & Noble\n512-555-0144",
        // A conjunction elsewhere.
        "Dana Whitfield & Mark\n512-555-0144",
        "& Mark Whitfield\n512-555-0144",
        "Dana & & Mark Whitfield\n512-555-0144",
    ])
    func noCouple(_ closing: String) {
        let lead = HeuristicsTestSupport.filled("We want to build a custom home next year.\n\n\(closing)")
        #expect(lead.firstName == nil && lead.lastName == nil, "\(String(describing: lead.firstName)) \(String(describing: lead.lastName))")
    }

    @Test func theDisplayNameWinsOverACouplesSignature() throws {
        let lead = try HeuristicsTestSupport.lead(from: "Dana Whitfield <dw1977@gmail.com>", "Hi,\n\nWe want to build.\n\nThanks,\nDana & Mark\n")
        #expect(lead.firstName == "Dana" && lead.lastName == "Whitfield")
        #expect(lead.fields["first_name"]?.rule == "sender display name")
        let mark = try HeuristicsTestSupport.lead(from: "Mark Whitfield <mw1977@gmail.com>", "Hi,\n\nWe want to build.\n\nThanks,\nDana & Mark Whitfield\n")
        #expect(mark.firstName == "Mark", "the sender is the one who wrote")
    }

    @Test func theNameReaderTellsCouplesFromFirms() {
        #expect(SignatureNameFinder.name("Dana & Mark Whitfield")?.partnerFirst == "Mark")
        #expect(SignatureNameFinder.name("Dana and Mark Whitfield") == PersonName(first: "Dana", last: "Whitfield", partnerFirst: "Mark"))
        #expect(SignatureNameFinder.name("Smith & Sons") == nil)
        #expect(SignatureNameFinder.name("Johnson & Johnson") == nil)
        #expect(SignatureNameFinder.name("Hill & Dale Homes") == nil)
        #expect(SignatureNameFinder.name("Dana & Mark & Sue") == nil)
        #expect(SignatureNameFinder.name("Andy Anderson") == PersonName(first: "Andy", last: "Anderson"), "a word starting with `a` is no conjunction")
        #expect(SignatureNameFinder.name("José & María Núñez")?.partnerFirst == "María")
        #expect(SignatureNameFinder.name("Gómez & Gómez") == nil)
    }

    // MARK: - Households

    @Test(arguments: [
        ("Thanks,\nThe Whitfields", "Whitfield"),
        ("Thanks,\nThe Whitfield Family", "Whitfield"),
        ("Best regards,\nThe Van Dykes", "Van Dykes"),
        ("Thanks, the Martínez family", "Martínez"),
    ])
    func aHouseholdSigns(_ closing: String, _ last: String) {
        let lead = HeuristicsTestSupport.filled("We want to build a custom home next year.\n\n\(closing)")
        #expect(lead.firstName == nil && lead.lastName == last, "\(String(describing: lead.lastName))")
        #expect(lead.fields["last_name"]?.rule == "heuristic: signature name (a household: its surname)")
    }

    @Test(arguments: ["Thanks,\nThe Team", "Thanks,\nThe Management", "Thanks,\nThe Woodlands", "Thanks,\nThe Best", "Thanks,\nThe Family",
                      "Thanks,\nthe whitfields", "Thanks,\nThe 3 Whitfields", "The Whitfields\n512-555-0144"])
    func noHousehold(_ closing: String) {
        let lead = HeuristicsTestSupport.filled("We want to build a custom home next year.\n\n\(closing)")
        #expect(lead.firstName == nil && lead.lastName == nil, "\(String(describing: lead.lastName))")
    }
}
