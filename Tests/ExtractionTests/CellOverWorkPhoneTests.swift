@testable import Extraction
import Foundation
import LeadModel
import Testing

/// When the writer labels their numbers, a cell listed after a work, office or home number is
/// the lead's phone; unlabelled numbers, and a cell listed first, keep their order.
@Suite("A cell over a work number")
struct CellOverWorkPhoneTests {
    static let body = "Hi,\n\nWe are looking to build a custom home on our lot in Leander next year.\n\n"
    static let work = "+15125550199"
    static let cell = "+15125550144"
    static let cellRule = "heuristic: phone number (the cell, listed after a work number)"

    @Test(arguments: [
        "Work: 512-555-0199\nCell: 512-555-0144\n\nDana Whitfield",
        "Office: (512) 555-0199\nMobile: (512) 555-0144",
        "W: 512.555.0199\nC: 512.555.0144",
        "O: 512-555-0199 | M: 512-555-0144",
        "512-555-0199 (work)\n512-555-0144 (cell)",
        "Work 512-555-0199, cell 512-555-0144",
        "You can call me at work at 512-555-0199 or on my cell at 512-555-0144.",
        "My office number is 512-555-0199 but my cell is best: 512-555-0144",
        "Work\n512-555-0199\nCell\n512-555-0144",
        "Direct: 512-555-0199\nCell: 512-555-0144",
        "Fax: 512-555-0177\nWork: 512-555-0199\nCell: 512-555-0144",
    ])
    func theCellWins(_ tail: String) {
        let lead = HeuristicsTestSupport.filled(Self.body + tail)
        #expect(lead.phone == Self.cell, "\(String(describing: lead.phone))")
        #expect(lead.fields["phone"]?.rule == Self.cellRule)
    }

    @Test(arguments: [
        // A cell first; unlabelled numbers.
        "Cell: 512-555-0199\nWork: 512-555-0144",
        "512-555-0199\n512-555-0144",
        "512-555-0199\nCell: 512-555-0144",
        "Cell: 512-555-0199\nHome: 512-555-0144",
        // Someone else's cell, the reader's cell.
        "Work: 512-555-0199\nMy realtor's cell: 512-555-0144",
        "Work: 512-555-0199\nMy husband's cell is 512-555-0144",
        "Work: 512-555-0199\nOur realtor Joe Pike, cell 512-555-0144",
        "Work: 512-555-0199\nI have your cell as 512-555-0144",
        // A fax after the work number.
        "Work: 512-555-0199\nFax: 512-555-0144",
    ])
    func theFirstNumberStays(_ tail: String) {
        let lead = HeuristicsTestSupport.filled(Self.body + tail)
        #expect(lead.phone == "+15125550199", "\(String(describing: lead.phone))")
        #expect(lead.fields["phone"]?.rule == "heuristic: phone number")
    }

    /// Session 23: a home number listed before a cell gives way to it, as a work number does.
    @Test(arguments: [
        "Home: 512-555-0199\nCell: 512-555-0144",
        "H: 512-555-0199 | C: 512-555-0144",
        "You can reach me at home 512-555-0199 or on my cell 512-555-0144.",
        "512-555-0199 (home)\n512-555-0144 (mobile)",
        "Landline: 512-555-0199\nCell: 512-555-0144",
    ])
    func theCellWinsOverAHomeNumber(_ tail: String) {
        let lead = HeuristicsTestSupport.filled(Self.body + tail)
        #expect(lead.phone == Self.cell, "\(String(describing: lead.phone))")
        #expect(lead.fields["phone"]?.rule == "heuristic: phone number (the cell, listed after a home number)")
    }

    @Test func aDirectInquiryRecordsTheHomeLabel() throws {
        let lead = try HeuristicsTestSupport.lead(from: "dw1977@gmail.com", Self.body + "Home: 512-555-0199\nCell: 512-555-0144\n\nDana Whitfield")
        #expect(lead.phone == Self.cell)
        #expect(lead.fields["phone"] == FieldProvenance(rule: "phone pattern (the cell, listed after a home number)", location: "body line 6"))
    }

    @Test func aDirectInquiryRecordsTheLabel() throws {
        let lead = try HeuristicsTestSupport.lead(from: "dw1977@gmail.com", Self.body + "Work: 512-555-0199\nCell: 512-555-0144\n\nDana Whitfield")
        #expect(lead.phone == Self.cell)
        #expect(lead.fields["phone"] == FieldProvenance(rule: "phone pattern (the cell, listed after a work number)", location: "body line 6"))
    }

    @Test func anEmployersOfficeUnderTheCell() throws {
        let lead = try HeuristicsTestSupport.lead(from: "dw1977@gmail.com", Self.body + "Dana Whitfield\nCell: 512-555-0144\nAcme Engineering\nOffice: 512-555-0199")
        #expect(lead.phone == Self.cell)
        #expect(lead.fields["phone"]?.rule == "phone pattern")
    }

    @Test(arguments: [
        ("Cell: ", PhoneFinder.NumberLabel.cell), ("my mobile is ", .cell), ("C: ", .cell), ("Work cell: ", .cell),
        ("Work: ", .work), ("Office (w): ", .work), ("O: ", .work), ("call me at work ", .work),
        ("Home: ", .home), ("H: ", .home), ("my home number is ", .home), ("Home office: ", .work),
        ("at home ", .home), ("Home phone - ", .home), ("We'd like a home, call me at ", .none),
        ("", .none), ("Phone: ", .none), ("Fax: ", .none), ("Apt C ", .none), ("Call Mike ", .none), ("Hi ", .none),
    ])
    func labels(_ leadIn: String, _ label: PhoneFinder.NumberLabel) {
        #expect(PhoneFinder.label(of: leadIn) == label)
    }
}
