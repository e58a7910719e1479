@testable import Extraction
@testable import LeadModel
import Testing

/// Building on their lot, land or property, or interest in building there, is a new build;
/// a project named beside it is more specific and wins.
@Suite("Project type: building on our lot")
struct ProjectTypeBuildingOnOurLotTests {
    @Test(arguments: [
        ("Interested in building on our lot in Leander. 3 bed, budget around 550k.", "new_build"),
        ("We are thinking about building on our land near Wimberley.", "new_build"),
        ("We want to build a guest house on our property.", "adu"),
        ("We'd like to build a barndominium on our land.", "barndominium"),
        ("We want to build a small guest house for my mother.", "adu"),
        ("We want to build a 4 bed home with a guest house on our land.", "new_build"),
    ])
    func projectType(_ text: String, _ expected: String) {
        #expect(HeuristicsTestSupport.filled(text).projectType == expected, "\(text.debugDescription)")
    }
}
