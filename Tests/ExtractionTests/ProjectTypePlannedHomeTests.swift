@testable import Extraction
@testable import LeadModel
import Testing

/// A home they plan is a new build; a plan for another project names its own.
@Suite("Project type: a home they plan")
struct ProjectTypePlannedHomeTests {
    @Test(arguments: [
        ("We have 12 acres outside Driftwood and are starting to plan a single-story home.", "new_build"),
        ("We're planning our forever home on 5 acres.", "new_build"),
        ("We're planning a home addition for my mother.", "addition"),
        ("Planning a kitchen remodel in our home this spring.", "kitchen_remodel"),
    ])
    func plannedHome(_ text: String, _ expected: String) {
        #expect(HeuristicsTestSupport.filled(text).projectType == expected, "\(text.debugDescription)")
    }
}
