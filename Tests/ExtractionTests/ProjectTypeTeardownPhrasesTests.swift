@testable import Extraction
@testable import LeadModel
import Testing

/// The house they will tear down ("tear it down and build new") is a teardown and rebuild,
/// over the pool the new home lists; rooms after "building a" are a new build.
@Suite("Project type: a teardown in other words, a home by its rooms")
struct ProjectTypeTeardownPhrasesTests {
    @Test(arguments: [
        ("We bought an older home at 2210 Hartford Rd and plan to tear it down and build new. Thinking 4,000 sf, modern, pool.", "teardown_rebuild"),
        ("We'd knock the old house down and build a two story.", "teardown_rebuild"),
        ("We want to demolish the existing cottage and rebuild.", "teardown_rebuild"),
        ("We're looking at building a 3 bed 2 bath on my dad's land.", "new_build"),
        // Something else torn down: what goes up names the project.
        ("The old deck is rotten; we need to tear it down and put up a new deck.", "deck_patio"),
    ])
    func projectType(_ text: String, _ expected: String) {
        #expect(HeuristicsTestSupport.filled(text).projectType == expected, "\(text.debugDescription)")
    }
}
