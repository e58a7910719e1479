@testable import Extraction
@testable import LeadModel
import Testing

/// Session 21: the month a lease ends is no start date: `after august` when the start is
/// after it ("after our lease ends in August"), `lease ends in june` when the start is not
/// said ("our lease is up in June").
@Suite("Heuristics: a lease's end in a timeline")
struct TimelineLeaseEndTests {
    private func lead(_ text: String) -> ExtractedLead {
        HeuristicsTestSupport.filled(text)
    }

    // MARK: A lease's end

    @Test(arguments: [
        ("We'd like to build a new home in Kyle on our lot. We'd like to start after our lease ends in August.", "after august"),
        ("Hello, we'd like to add a 400 sq ft bedroom addition to our home. Looking at doing it after our lease ends in August.",
         "after august"),
        ("We want to build on our lot and start once the lease is up in June.", "after june"),
        // The start said on the line before: a start after the lease's end is a plan anyway.
        ("We'd like to build a new home in Kyle on our lot. We'd like to start\nafter our lease ends in August. Budget is $450k.",
         "after august"),
        ("We'd like to build a new home in Kyle on our lot. Our lease is up in June so we need to be moved in by then.",
         "lease ends in june"),
        ("We want to build a house. Our current lease expires in March.", "lease ends in march"),
        // Session 22: a lease that runs out.
        ("We'd like to build on our lot and start after our lease runs out in May.", "after may"),
        ("We want to build a house. Our lease runs out in May.", "lease ends in may"),
        ("We'd like to build a new home in Kyle on our lot. We'd like to start in January.", "in january"),
        // Not a lease: as before.
        ("We want to build. Construction should end in May.", "in may"),
    ] as [(String, String?)])
    func lease(_ text: String, _ expected: String?) {
        #expect(lead(text).timeline == expected, "\(text)")
    }
}
