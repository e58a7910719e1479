@testable import Extraction
import Foundation
import LeadModel
import MIME
import Testing

/// Phones written with spaces, and a local number whose area code is stated before or after
/// it in the same sentence (`Call 555 0144, it is a 512 area code.`), session 19.
@Suite("Phones with spaces, and an area code stated before or after the number")
struct AreaCodeBeforeAndSpacedLocalTests {
    static let joinedRule = "heuristic: phone number with its area code written apart"

    // MARK: - Whole numbers written with spaces (the scanner already reads them)

    @Test(arguments: ["Please call 512 555 0144.", "Please call +1 512 555 0144.", "Please call 512 555-0144.", "Please call 1 512 555 0144."])
    func aWholeNumberWithSpaces(_ sentence: String) throws {
        let lead = try HeuristicsTestSupport.lead(from: "jm1980@gmail.com", "Hi,\n\nWe want to build next year. \(sentence)\n")
        #expect(lead.phone == "+15125550144")
        #expect(lead.fields["phone"]?.rule == "phone pattern")
    }

    // MARK: - The area code stated apart

    @Test(arguments: [
        ("Call 555 0144, it is a 512 area code.", "+15125550144"),
        ("my cell is a 737 area code: 555-0188", "+17375550188"),
        ("555 0144 (area code 512)", "+15125550144"),
        ("Reach me at 555 0144, area code 512", "+15125550144"),
        ("Cell 555.0144 (512 area code)", "+15125550144"),
        ("My number is 555-0144, it's a 512 area code", "+15125550144"),
        ("My number is 555-0144, it\u{2019}s the 512 area code", "+15125550144"),
        ("It is a 512 area code, 555 0144.", "+15125550144"),
        ("Cell: 555 0144, 512 area code", "+15125550144"),
        ("my cell is an 830 area code, 555-0144", "+18305550144"),
    ])
    func joinsTheAreaCode(_ sentence: String, _ number: String) throws {
        let lead = HeuristicsTestSupport.filled("We want to build a house.\n" + sentence)
        #expect(lead.phone == number)
        #expect(lead.fields["phone"] == FieldProvenance(rule: Self.joinedRule, location: "body line 2"))
    }

    @Test func aDirectInquiryJoinsAnAreaCodeStatedBefore() throws {
        let lead = try HeuristicsTestSupport.lead(from: "jm1980@gmail.com", "Hi,\n\nWe want to build.\nCell 555 0144, it's a 512 area code.\n")
        #expect(lead.phone == "+15125550144")
        #expect(lead.fields["phone"]?.rule == Self.joinedRule)
    }

    @Test func anExtensionAfterASpacedLocalNumber() {
        let lead = HeuristicsTestSupport.filled("We want to build a house.\nMy office is 555 0144 ext 12, area code 512")
        #expect(lead.phone == "+15125550144")
        #expect(lead.phoneExtension == "12")
    }

    // MARK: - Near misses

    @Test(arguments: [
        // No area code at all.
        "Call 555 0144.",
        "My cell is 555 0144, call any time.",
        // An area code phrase naming a place.
        "We are moving from the 212 area code, my cell is 555 0144",
        "We are moving from the 212 area code, my cell is 555-0144",
        "We are moving from a 212 area code, my cell is 555-0144",
        "Our lot is in the 512 area code, call 555-0144",
        "We live outside the 512 area code; cell 555 0144",
        // Another sentence.
        "It is a 512 area code. Call 555 0144.",
        // Numbers that are no local number.
        "Suite 555 0144, area code 512",
        "Lot 555 0144 is in area code 512",
        "It is 2 555 sq ft, area code 512",
        "We build in 2026 2027, area code 512",
        "ZIP 78701 555 0144, area code 512",
        "Budget $555 0144, area code 512",
        "Call 1 555 0144, area code 512",
        "Call 555 0144 22, area code 512",
        "Two numbers 555 0144 and 555 0145, area code 512",
        // Glued area codes, and the area code itself read as the local number.
        "Order #512 area code 555-0144",
        "area code: 555-0188",
        "Use 1512 area code with 555-0144",
    ])
    func noJoinedNumber(_ sentence: String) {
        let lead = HeuristicsTestSupport.filled("We want to build a house.\n" + sentence)
        #expect(lead.fields["phone"]?.rule != Self.joinedRule, "\(String(describing: lead.phone))")
        #expect(lead.phone != "+15125550144" && lead.phone != "+12125550144" && lead.phone != "+15555550188", "\(String(describing: lead.phone))")
    }

    @Test func theScannerReadsTheAreaCodeBefore() {
        let scanner = PhoneNumberScanner()
        #expect(scanner.areaCodeJoinedPhone(in: "Hi\nCall 555 0144, it is a 512 area code.")?.number == "+15125550144")
        #expect(scanner.areaCodeJoinedPhone(in: "Hi\nCall 555 0144, it is a 512 area code.")?.line == 2)
        #expect(scanner.areaCodeJoinedPhone(in: "(512 area code) 555-0144")?.number == "+15125550144")
        #expect(scanner.areaCodeJoinedPhone(in: "the 512 area code, 555-0144") == nil, "`the` with no `is` before it names a place")
        #expect(scanner.areaCodeJoinedPhone(in: "512 area code\n555-0144") == nil, "only on its line")
        #expect(scanner.areaCodeJoinedPhone(in: "area code 512 and 555-0144")?.number == "+15125550144", "the area code after the phrase comes first")
    }
}
