@testable import Extraction
import LeadModel
import Testing

/// A house the builder built for someone else ("had you build their house") names no
/// project; the project the writer asks for does. Asking the builder to build one still reads.
@Suite("The builder's past work is not the project")
struct BuildersPastWorkTests {
    @Test(arguments: [
        ("My neighbors had you build their house a few years ago and loved it. We want to remodel our kitchen.", "kitchen_remodel" as String?),
        ("My sister had you build her home in 2019. We are thinking about adding a screened porch.", "deck_patio"),
        ("Could you build a small house on our lot in Kyle?", "new_build"),
        ("Can you build us a home next year?", "new_build"),
        ("We want you to build our retirement home.", "new_build"),
        ("We would like to build a custom single-story home, roughly 2,800 sq ft.", "custom_home"),
    ])
    func projectType(_ body: String, _ expected: String?) throws {
        let lead = try HeuristicsTestSupport.lead(from: "Dana Whitfield <dana.w@example.org>", body + "\n\nDana", subject: "Question")
        #expect(lead.projectType == expected)
    }
}
