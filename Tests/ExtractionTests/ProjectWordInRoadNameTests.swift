@testable import Extraction
import LeadModel
import Testing

/// A project word that is part of a road's name ("Hamilton Pool Rd", "Pool Creek Dr") names
/// no project; the same word asked for in a sentence still does.
@Suite("Project words in a road's name")
struct ProjectWordInRoadNameTests {
    @Test(arguments: [
        ("Our lot is on Pool Creek Dr.", "Question", nil as String?),
        ("We want a pool. Our lot is on Pool Creek Dr.", "Question", "pool"),
        ("we own the lot already (it's at 9100 Hamilton Pool Rd, Austin, TX 78738)", "Custom home inquiry", "custom_home"),
        ("Our house on Deck Rd needs a kitchen remodel.", "Question", "kitchen_remodel"),
    ])
    func projectType(_ body: String, _ subject: String, _ expected: String?) throws {
        let lead = try HeuristicsTestSupport.lead(from: "Dana Wells <dana@example.org>", body + "\n\nDana", subject: subject)
        #expect(lead.projectType == expected)
    }
}
