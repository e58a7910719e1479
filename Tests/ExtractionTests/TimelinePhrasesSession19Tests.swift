@testable import Extraction
@testable import LeadModel
import Testing

/// Timelines exploratory testing (session 19) found read wrong or missed: a negated ASAP, a
/// duration or an age read as a plan, `fall of next year`, `start in January`.
@Suite("Heuristics: timeline phrases of session 19")
struct TimelinePhrasesSession19Tests {
    private func lead(_ text: String) -> ExtractedLead {
        HeuristicsTestSupport.filled(text)
    }

    // MARK: Timelines

    @Test(arguments: [
        ("We'd like to build a new home in Kyle on our lot. Not urgent at all, we're just starting to plan.", nil),
        ("We'd like to build a new home in Kyle on our lot. It's not urgent, maybe next year.", "next year"),
        ("Timeline: not urgent", "flexible"),
        ("We need to start ASAP.", "asap"),
        ("We'd like to build a new home in Kyle on our lot. We've been saving for 10 years for this.", nil),
        ("We'd like to build a new home in Kyle on our lot. Our kids are 3 and 5 years old so we need 4 bedrooms.", nil),
        ("We'd like to build a new home in Kyle on our lot. We have been in Austin 20 years.", nil),
        ("We've lived in our house for 6 years and want to remodel the kitchen.", nil),
        ("Timeline: 6-12 months", "6-12 months"),
        ("We'd like to start building in 6 months.", "6 months"),
        ("We'd like to build a new home in Kyle on our lot. We're looking at fall of next year.", "fall next year"),
        ("We hope to start in March of next year.", "march next year"),
        ("We'd like to build a new home in Kyle on our lot. Timeline: within the next year", "within 1 year"),
        ("We'd like to start within the next 6 months.", "within 6 months"),
        ("We'd like to build a new home in Kyle on our lot. We'd like to start after our lease ends in August.", "after august"),
        ("We'd like to build a new home in Kyle on our lot. We'd like to start in January.", "in january"),
        ("We'd like to start in March 2027.", "march 2027"),
        // A month that is no plan.
        ("We bought the lot in March and want to build.", nil),
        ("We want to build. Our daughter was born in June.", nil),
    ] as [(String, String?)])
    func timeline(_ text: String, _ expected: String?) {
        #expect(lead(text).timeline == expected, "\(text)")
    }
}
