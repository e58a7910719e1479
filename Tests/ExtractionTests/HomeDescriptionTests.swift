@testable import Extraction
@testable import LeadModel
import Testing

/// A home to build told by its rooms and size alone ("4 bed, 3.5 bath, office,
/// 3 car garage, covered patio, about 3,200 sq ft") is a `new_build`, not the patio or garage
/// it lists; a home they have, live in, sell or rent is not one to build.
@Suite("Heuristics: a home described by its rooms and size")
struct HomeDescriptionTests {
    private func projectType(_ text: String) -> String? {
        HeuristicsTestSupport.filled(text).projectType
    }

    @Test(arguments: [
        ("4 bed, 3.5 bath, office, 3 car garage, covered patio, about 3,200 sq ft. Budget 650-750k.", "new_build"),
        ("Hi, we'd like a quote. 3 bed/2 bath, 1,800 sq. ft., with a deck out back.", "new_build"),
        ("Looking for pricing on 4bd/3ba 2,800 sf with a pool", "new_build"),
        // The unit of area glued to its number is not read: the text holds no unit as a word.
        ("Looking for pricing on 4bd/3ba 2,800sf with a pool", "pool"),
        ("Three bedrooms, two baths, about 2400 square feet and a screened porch.", "new_build"),
        ("5 Bedrooms 4 Bathrooms 4200 SQFT, outdoor kitchen", "new_build"),
        // A project a phrase names is more specific and wins.
        ("We want a kitchen remodel in our 4 bed 3 bath, 3,000 sq ft home.", "kitchen_remodel"),
        ("Custom home: 4 bed, 3 bath, 3,200 sq ft, covered patio.", "custom_home"),
        ("We'd like an ADU: 1 bed, 1 bath, 600 sq ft.", "adu"),
        // A home they have, live in, sell or rent: its features are the project.
        ("We have a 3 bed 2 bath, 1,800 sq ft ranch and want a covered patio.", "deck_patio"),
        ("Our current house is 4 bed, 2 bath, 2,100 sq ft; we'd like a pool.", "pool"),
        ("We're selling our 3 bed 2 bath 1,600 sq ft home and want a new deck at the next one", "deck_patio"),
        // A wish before the first number is the home to build, whatever follows.
        ("We want a 4 bed, 3 bath, 3,000 sq ft home, we have a budget of 600k.", "new_build"),
        ("We sold our house and would like a 4 bed, 3 bath, 2,600 sq ft home.", "new_build"),
        // Not all three on a line: no home described.
        ("4 bed, 3 bath, covered patio.", "deck_patio"),
        ("A covered patio, about 300 sq ft, off the 2 bed 1 bath guest wing", "deck_patio"),
    ] as [(String, String?)])
    func reading(_ text: String, _ expected: String?) {
        #expect(projectType(text) == expected, "\(text)")
    }

    @Test("The finding names the line and the rule")
    func provenance() {
        let lead = HeuristicsTestSupport.filled("Hello,\n\n4 bed, 3.5 bath, office, 3 car garage, about 3,200 sq ft.\nThanks")
        #expect(lead.projectType == "new_build")
        #expect(lead.fields["project_type"]?.rule == "heuristic: home described by its rooms and size")
        #expect(lead.fields["project_type"]?.location?.hasSuffix("line 3") == true)
    }

    @Test(arguments: [
        ("4 bed, 3.5 bath, about 3,200 sq ft", true),
        ("3 BR / 2 BA / 1,950 SF", true),
        ("2026 bath 3 bed 3,000 sq ft", false),
        ("4 bed, 3 bath, 300 sq ft", false),
        ("4 bedé 3 bath 3,000 sq ft", false),
        ("we own a 4 bed 3 bath 3,000 sq ft home", false),
        ("we want a 4 bed, 3 bath, 3,000 sq ft, we have a budget of 600k", true),
        ("we're looking to sell our 3 bed 2 bath 1,800 sq ft home", false),
        ("looking for a buyer for my listing: 4 bed 3 bath 2,500 sq ft", false),
        ("a 3 bed 2 bath 1,800 sq ft home we have owned since 2010", false),
        ("", false),
    ])
    func line(_ text: String, _ expected: Bool) {
        var copy = text
        #expect(copy.withUTF8(HomeDescription.describesHome) == expected, "\(text)")
    }
}
