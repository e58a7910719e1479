@testable import Extraction
import LeadModel
import Testing

/// A smaller project's figure given as an estimate ("Around 45k", "We're thinking $45,000")
/// is the budget without the word budget; money spent or paid is still none.
@Suite("A smaller project's estimate")
struct SmallProjectEstimateTests {
    @Test(arguments: [
        ("Need a covered deck and patio off the back. Around 45k. asap.", 45_000 as Int?),
        ("We're thinking $45,000 for the bathroom.", 45_000),
        ("We spent about $20k on landscaping last year and want a pool.", nil),
        ("Our HOA dues are about $1,200 a year. We want a pool.", nil),
    ])
    func budget(_ body: String, _ expected: Int?) throws {
        let lead = try HeuristicsTestSupport.lead(from: "Dana Wells <dana@example.org>", body + "\n\nDana")
        #expect(lead.budgetLow == expected)
    }
}
