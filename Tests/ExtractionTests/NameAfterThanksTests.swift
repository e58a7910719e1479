@testable import Extraction
@testable import LeadModel
import Testing

/// A name after thanks closing the last line, with or without a comma, after sentences
/// with numbers in them (`... Whenever you can come look. Thanks Javier`).
@Suite("Signature: a name after thanks on the last line")
struct NameAfterThanksTests {
    private func name(_ text: String) -> (String?, String?) {
        let lead = HeuristicsTestSupport.filled(text)
        return (lead.firstName, lead.lastName)
    }

    @Test(arguments: [
        ("Looking for someone to redo our kitchen at 7702 Quill Leaf Cove Austin 78750. Maybe 60-90k? Whenever you can come look. Thanks Javier\n\nSent from my iPhone",
         "Javier", nil as String?),
        ("We have a lot in Kyle and want to build in 2027, around 600k. Thank you Ana Ruiz", "Ana", "Ruiz"),
        ("Need a quote on a 40x60 barndominium. How soon could you start? Thanks, Ron", "Ron", nil),
    ])
    func nameAfterThanks(_ text: String, _ first: String, _ last: String?) {
        #expect(name(text) == (first, last), "\(text.debugDescription)")
    }

    /// Thanks to the reader named in the greeting, a stop word, or words after the name.
    @Test(arguments: [
        "Hi Mike,\n\nWe want to redo our kitchen for about 60k in 2027. Thanks Mike",
        "We want to redo our kitchen for about 60k in 2027. Thanks Again",
        "We want to redo our kitchen for about 60k in 2027. Thanks Javier for the tour last week",
    ])
    func noName(_ text: String) {
        #expect(name(text).0 == nil, "\(text.debugDescription)")
    }
}
