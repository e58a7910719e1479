import LeadModel
import Testing

@Suite("Normalisation: budgets")
struct NormalizationBudgetTests {
    @Test(arguments: [
        ("$500k-700k", 500_000, 700_000),
        ("$500K - $700K", 500_000, 700_000),
        ("$500-700k", 500_000, 700_000),
        ("500k–700k", 500_000, 700_000),
        ("around 650k", 650_000, 650_000),
        ("~650K", 650_000, 650_000),
        ("$1.2M", 1_200_000, 1_200_000),
        ("$1.2 million", 1_200_000, 1_200_000),
        ("$400,000 to $450,000", 400_000, 450_000),
        ("$900,000 to $1.1M", 900_000, 1_100_000),
        ("un presupuesto de $400,000 a $450,000", 400_000, 450_000),
        ("entre $400,000 y $550,000", 400_000, 550_000),
        ("$400k hasta $500k", 400_000, 500_000),
        ("900000 - 1.2 million", 900_000, 1_200_000),
        ("$400,000-$450,000", 400_000, 450_000),
        ("between 1 and 1.5 million", 1_000_000, 1_500_000),
        ("between $1M and $1.5M", 1_000_000, 1_500_000),
        ("600 to 700 thousand", 600_000, 700_000),
        ("$650,000", 650_000, 650_000),
        ("650000", 650_000, 650_000),
        ("$1,250,000", 1_250_000, 1_250_000),
        ("$1M-$1.5M", 1_000_000, 1_500_000),
        ("roughly $650,000", 650_000, 650_000),
        ("in the 600s", 600_000, 700_000),
        ("$700k to $500k", 500_000, 700_000),
        ("2 mil", 2_000_000, 2_000_000),
        ("1.5", 1_500_000, 1_500_000),
        ("800", 800_000, 800_000),
        ("$800k_-_$1m", 800_000, 1_000_000),
        ("$600k_-_$800k", 600_000, 800_000),
    ] as [(String, Int?, Int?)])
    func ranges(_ written: String, _ low: Int?, _ high: Int?) throws {
        let budget = try #require(FieldNormalizer.budget(written), "\(written)")
        #expect(budget.low == low, "\(written)")
        #expect(budget.high == high, "\(written)")
    }

    @Test(arguments: [
        ("under 800", nil, 800_000),
        ("under $800k", nil, 800_000),
        ("up to $1M", nil, 1_000_000),
        ("no more than 900k", nil, 900_000),
        ("$900k max", nil, 900_000),
        ("$750K+", 750_000, nil),
        ("750k or more", 750_000, nil),
        ("over $1M", 1_000_000, nil),
        ("at least 500k", 500_000, nil),
        ("starting at $400,000", 400_000, nil),
    ] as [(String, Int?, Int?)])
    func openRanges(_ written: String, _ low: Int?, _ high: Int?) throws {
        let budget = try #require(FieldNormalizer.budget(written), "\(written)")
        #expect(budget.low == low, "\(written)")
        #expect(budget.high == high, "\(written)")
    }

    @Test(arguments: ["", "not sure", "TBD", "$5", "$0", "3br/2ba", "50%", "10:30"])
    func rejects(_ written: String) {
        #expect(FieldNormalizer.budget(written) == nil, "\(written)")
    }

    @Test func matchesCarryContext() throws {
        let matches = BudgetParser.matches(in: "We got a $50 gift card. Our budget is around $650k total.")
        let last = try #require(matches.last)
        #expect(last.range == BudgetRange(low: 650_000, high: 650_000))
        #expect(last.wordsBefore.suffix(2) == ["is", "around"])
        #expect(last.isExplicitMoney)
        #expect(matches.first?.wordsAfter.first == "gift")
    }
}
