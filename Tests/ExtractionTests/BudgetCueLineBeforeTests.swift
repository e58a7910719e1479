@testable import Extraction
import LeadModel
import Testing

/// A budget whose cue is a line of its own before the amount (`Our budget:` / `in the 200s`).
@Suite("A budget whose cue is the line before")
struct BudgetCueLineBeforeTests {
    // MARK: - A budget cue on the line before

    @Test(arguments: [
        ("Our budget:\nin the 200s", 200_000, 300_000),
        ("Budget\n$450k", 450_000, 450_000),
        ("What we can spend:\n400-500k", 400_000, 500_000),
        ("Budget:\n650", 650_000, 650_000),
        ("Price range:\nmid 600s", 600_000, 700_000),
        ("What we can afford\naround 550", 550_000, 550_000),
        ("Total budget:\n600-700", 600_000, 700_000),
    ])
    func aCueOnTheLineBefore(_ text: String, _ low: Int, _ high: Int) throws {
        let lead = HeuristicsTestSupport.filled("We want to build a house.\n" + text)
        let found = (lead.budgetLow.map { Int($0) }, lead.budgetHigh.map { Int($0) })
        #expect(found.0 != nil && found.1 != nil)
        if let foundLow = found.0, let foundHigh = found.1 {
            #expect(foundLow == low || (text.contains("mid") && foundLow >= low))
            #expect(foundHigh == high || (text.contains("mid") && foundHigh <= high))
        }
        #expect(lead.fields["budget"]?.location == "body line 3")
    }

    @Test(arguments: [
        // A price after a line that is no budget cue.
        "The lot next door:\nin the 200s",
        "We love your homes\n650",
        // A phone or a ZIP after the cue.
        "Our budget:\n512-555-0144",
        "Our budget:\n78701",
        // No cue at all.
        "in the 200s",
        // A sentence, or a cue said not to be one.
        "We have not set a budget.\n650",
        "No budget yet\n650",
        // A year, square feet.
        "Budget:\n2027",
        "What we can spend:\n3,000 sq ft",
    ])
    func noBudgetFromTheLineBefore(_ text: String) {
        let lead = HeuristicsTestSupport.filled("We want to build a house.\n" + text)
        #expect(lead.budgetLow == nil && lead.budgetHigh == nil, "\(String(describing: lead.budgetLow)) \(String(describing: lead.budgetHigh))")
    }

    @Test func theCueLendsOnlyToTheNextLine() {
        let lead = HeuristicsTestSupport.filled("What we can spend:\n\n650")
        #expect(lead.budgetLow == nil)
    }
}
