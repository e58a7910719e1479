@testable import Extraction
import LeadModel
import Testing

/// Money said without a cue (the price of a home the builder built for someone else) yields
/// to the amount a later line gives with a strong cue, unless that one is for the land; of two
/// amounts on one line, the one a cue word stands beside is the budget.
@Suite("The budget beside its cue")
struct BudgetBesideItsCueTests {
    @Test(arguments: [
        ("That one was probably $2M.\nOur budget is $600k-800k.", 600_000, 800_000),
        ("We loved that one, it was $2M.\nBudget: $600k-800k", 600_000, 800_000),
        ("That one was probably a $2M house; we're more in the $600k-800k range.", 600_000, 800_000),
        // Without a later cued amount, or with one for the land, the first stays.
        ("We want a $650k home on our lot.", 650_000, 650_000),
        ("We want a $650k home on our lot.\nOur lot budget is about $200k.", 650_000, 650_000),
        ("Thinking about $700k for the house.\nBudget for land is separate, maybe $150k.", 700_000, 700_000),
    ])
    func budget(_ body: String, _ low: Int, _ high: Int) throws {
        let lead = try HeuristicsTestSupport.lead(from: "Dana Wells <dana@example.org>", body + "\n\nDana")
        #expect(lead.budgetLow == low)
        #expect(lead.budgetHigh == high)
    }
}
