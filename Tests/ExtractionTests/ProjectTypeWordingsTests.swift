@testable import Extraction
import LeadModel
import Testing

/// Wordings of a project with a word between its verb and its room, or in another form:
/// "remodel our primary bathroom", "our kitchen remodeled", "tearing down", "a new 2 car garage".
@Suite("Project type wordings")
struct ProjectTypeWordingsTests {
    @Test(arguments: [
        ("thinking about tearing down our 1970s ranch and building new on the same lot", "teardown_rebuild"),
        ("We want to completely remodel our primary bathroom.", "bathroom_remodel"),
        ("we want our kitchen remodeled", "kitchen_remodel"),
        ("We need to redo our master bath.", "bathroom_remodel"),
        ("We want to add a detached 3-car garage with a bonus room above.", "garage"),
        ("We want a new 2 car garage.", "garage"),
        // A room over the garage is an addition.
        ("We want to add a bedroom over the garage.", "addition"),
        // A garage the home has, or one the home to build lists, is not the project.
        ("Our 4 bed home with a 3 car garage needs a kitchen remodel.", "kitchen_remodel"),
        ("We want to build a 4 bed 3 bath home with a 3 car garage.", "new_build"),
    ])
    func projectType(_ body: String, _ expected: String) throws {
        let lead = try HeuristicsTestSupport.lead(from: "Dana Wells <dana@example.org>", body + "\n\nDana", subject: "Question")
        #expect(lead.projectType == expected)
    }
}
