@testable import LeadModel
import Testing

/// ``ASCIIWordSet`` answers as the `Set<String>` it is made from, on ASCII words (read as
/// bytes) and on others (CR, combining marks, the Kelvin sign, curly apostrophes).
@Suite("ASCIIWordSet agrees with its Set")
struct ASCIIWordSetTests {
    private static let sets: [Set<String>] = [
        ["gift", "card", "a", "an", "x", "sq", "sqft", "per", "month", "k"], ["no", "not", "don", "t", "tbd"],
        ["house", "home", "townhouse"], ["budget", "spend", "allin", "price"],
    ]

    private static let words: [String] = [
        "", "a", "A", "an", "gift", "Gift", "gifts", "gif", "x", "k", "\u{212A}", "sq", "sq\r", "sq\r\n", "s\u{301}q",
        "no", "no\u{301}", "don", "don\u{2019}t", "t", "tbd", "house", "houses", "hom", "home", "h\u{F6}me", "townhouse",
        "budget", "budgets", "spend", "allin", "price", "pri\u{E7}e", "caf\u{E9}", "month", "monthly", "per", "\u{0301}",
    ]

    @Test func agreesWithTheSet() {
        for set in Self.sets {
            let words = ASCIIWordSet(set)
            for word in Self.words + Array(set) {
                #expect(words.contains(word) == set.contains(word), "\(word.debugDescription) in \(set)")
            }
        }
    }
}
