@testable import Extraction
import Foundation
import LeadModel
import MIME
import Testing

/// A 7-digit local number whose area code the same sentence states apart (`555-0144 (area code 512)`).
@Suite("A local number with its area code written apart")
struct AreaCodeApartTests {
    // MARK: - An area code written apart

    @Test(arguments: [
        ("You can reach me at 555-0144 (area code 512).", "+15125550144", nil as String?),
        ("cell 555-0144, area code 512", "+15125550144", nil),
        ("my number is (area code 737) 555-0188", "+17375550188", nil),
        ("Area code 512, number 555.0144", "+15125550144", nil),
        ("My work line is 555-0144 ext 12, area code 512", "+15125550144", "12"),
        ("Cell: 555-0144 (area code: 512)", "+15125550144", nil),
    ])
    func joinsTheAreaCode(_ text: String, _ number: String, _ phoneExtension: String?) throws {
        let lead = HeuristicsTestSupport.filled("We want to build a house.\n" + text)
        #expect(lead.phone == number)
        #expect(lead.phoneExtension == phoneExtension)
        #expect(lead.fields["phone"] == FieldProvenance(rule: "heuristic: phone number with its area code written apart", location: "body line 2"))
    }

    @Test(arguments: [
        "You can reach me at 555-0144.",
        "My number is 555-0144 ext 12.",
        "We are in area code 512. Call 555-0144.",
        "area code 512\nmy number 555-0144",
        "area code 78701, number 555-0144",
        "area code 112, number 555-0144",
        "The lot is $555-0144 in area code 512",
        "Two numbers: 555-0144 and 555-0145, area code 512",
        "Order 1555-0144, area code 512",
        "Area code 512 is where we want to build.",
    ])
    func noJoinedNumber(_ text: String) {
        let lead = HeuristicsTestSupport.filled("We want to build a house.\n" + text)
        #expect(lead.phone == nil || lead.fields["phone"]?.rule != "heuristic: phone number with its area code written apart",
                "\(String(describing: lead.phone))")
        #expect(lead.phone != "+15125550144")
    }

    @Test func aWholeNumberComesFirst() {
        let lead = HeuristicsTestSupport.filled("My cell is 512-555-0199; my office 555-0144, area code 737.")
        #expect(lead.phone == "+15125550199")
    }

    @Test func aDirectInquiryJoinsItsAreaCode() throws {
        let lead = try HeuristicsTestSupport.lead(from: "Dana Whitfield <dw1977@gmail.com>", "Hi,\n\nWe want to build.\nCell: 555-0144, area code 512\n")
        #expect(lead.phone == "+15125550144")
        #expect(lead.fields["phone"]?.rule == "heuristic: phone number with its area code written apart")
    }

    @Test func theScannerJoinsOnlyOnItsLine() {
        let scanner = PhoneNumberScanner()
        #expect(scanner.areaCodeJoinedPhone(in: "Hello\n555-0144 (area code 512)")?.line == 2)
        #expect(scanner.areaCodeJoinedPhone(in: "Hello\n555-0144 (area code 512)")?.isAreaCodeJoined == true)
        #expect(scanner.areaCodeJoinedPhone(in: "555-0144\n(area code 512)") == nil)
        #expect(scanner.areaCodeJoinedPhone(in: "555-0144 (area code 5120)") == nil)
    }
}
