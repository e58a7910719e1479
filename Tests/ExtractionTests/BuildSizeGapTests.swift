@testable import Extraction
import LeadModel
import Testing

/// A size between `build a` and `home` (`build a 3,000 sq ft home`): a new build.
@Suite("A size between build a and home")
struct BuildSizeGapTests {
    // MARK: - A size between "build a" and "home"

    @Test(arguments: [
        "We want to build a 3,000 sq ft home.",
        "We want to build a 3000 sq. ft. house on our lot.",
        "Hoping to build a 2,400-square-foot home next year.",
        "We are building a 1,800 sqft house.",
        "We want to build a two-story home.",
        "We want to build a 4 bedroom home.",
    ])
    func aSizeBetweenBuildAndHome(_ text: String) {
        #expect(HeuristicsTestSupport.filled(text).projectType == "new_build")
    }

    @Test(arguments: [
        "We want to build a garage next to our home.",
        "We want to build a 600 sq ft garage next to our home.",
        "We want to build a 1,200 sq ft addition to our home.",
    ])
    func noNewBuildFromAnotherBuilding(_ text: String) {
        #expect(HeuristicsTestSupport.filled(text).projectType != "new_build")
    }

    @Test func theVocabularyReadsTheSize() {
        #expect(ProjectTypeVocabulary.vocabulary.bestSlug(in: "build a 3,000 sq ft home") == "new_build")
        #expect(ProjectTypeVocabulary.vocabulary.bestSlug(in: "building a 2,400 square foot house") == "new_build")
        #expect(ProjectTypeVocabulary.vocabulary.bestSlug(in: "build a 3,000 sq ft garage by our home") != "new_build")
    }
}
