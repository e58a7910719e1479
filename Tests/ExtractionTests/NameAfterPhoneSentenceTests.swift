@testable import Extraction
import LeadModel
import Testing

/// A name closing the last line right after the sentence with the writer's phone: `... Text
/// is best: 830-555-0117. Jennifer Wallace`.
@Suite("A name after the phone's sentence on the last line")
struct NameAfterPhoneSentenceTests {
    static let rule = "heuristic: signature name after the phone"

    @Test(arguments: [
        ("We have 5 acres outside Boerne and want a custom home. Budget is 900k to 1.1M. Text is best: 830-555-0117. Jennifer Wallace",
         "Jennifer", "Wallace"),
        ("Do you build in Kyle? Call me at (830) 555-0117. Dana Ellis.", "Dana", "Ellis"),
        ("Do you build in Kyle? My cell is 830.555.0117. Mary Ann Lopez", "Mary", "Ann Lopez"),
    ] as [(String, String, String)])
    func aNameAfterThePhone(_ text: String, _ first: String, _ last: String) {
        let lead = HeuristicsTestSupport.filled(text)
        #expect(lead.firstName == first && lead.lastName == last, "\(String(describing: lead.firstName)) \(String(describing: lead.lastName))")
        #expect(lead.fields["first_name"]?.rule == Self.rule)
        #expect(lead.phone == "+18305550117")
    }

    /// No name: a closing, a place, a company, one word, words after the name, no phone.
    @Test(arguments: [
        "Do you build in Kyle? Call me at 830-555-0117. Thank You",
        "Do you build in Kyle? Call me at 830-555-0117. Hays County",
        "Do you build in Kyle? Call me at 830-555-0117. Hill Country Homes",
        "Do you build in Kyle? Call me at 830-555-0117. Dana",
        "Do you build in Kyle? Call me at 830-555-0117. Dana Ellis would like a call back",
        "Do you build in Kyle? We have 2 acres. Dana Ellis",
    ])
    func noName(_ text: String) {
        let lead = HeuristicsTestSupport.filled(text)
        #expect(lead.fields["first_name"]?.rule != Self.rule, "\(String(describing: lead.firstName)) \(String(describing: lead.lastName))")
    }
}
