@testable import Extraction
@testable import LeadModel
import Testing

/// ``SignatureNameFinder/name(_:)``'s byte reading of ASCII and Latin-1 letters, and
/// ``PersonNameNormalizer/parse(_:)``'s one-pass reading of couples, against the Character
/// readings they stand for.
@Suite("Names: Latin-1 and couple byte readings agree with the Character readings")
struct LatinNameReadingTests {
    /// Latin-1 letters of both cases (and the two Latin-1 signs that are no letters), words
    /// the readings look up (`and`, particles, sign-off and company words), initials, and
    /// scalars that must leave the byte reading.
    static let words = [
        "José", "María", "Núñez", "JOSÉ", "josé", "ÉMILE", "émile", "Ø", "ø", "ß", "Straße", "STRASSE", "Zoë", "ÿ",
        "Þór", "ÀÉÎ", "àéî", "and", "And", "AND", "&", "van", "de", "la", "Jane", "Doe", "Mary", "J", "q", "É", "Mr",
        "Jr", "Family", "the", "Best", "regards", "Homes", "Sons", "O'Neil", "Smith-Jones", "a×b", "a÷b", "Łukasz",
        "e\u{301}", "Jose\u{301}", "ª", "\u{212A}im", "Seán", "O’Brien", "x.", "1", "@",
    ]
    static let separators = [" ", " ", " ", "  ", "\t", " \t", "\r\n"]

    static func value(_ generator: inout SplitMix64) -> String {
        var value = generator.below(8) == 0 ? " " : ""
        value += generator.pick(words)
        for _ in 0..<generator.below(5) { value += generator.pick(separators) + generator.pick(words) }
        if generator.below(8) == 0 { value += " " }
        return value
    }

    @Test func nameAgreesWithTheCharacterReading() {
        var generator = SplitMix64(seed: 23)
        var names = 0
        for _ in 0..<30_000 {
            let value = Self.value(&generator)
            let name = SignatureNameFinder.name(value)
            if name != nil { names += 1 }
            #expect(name == SignatureNameFinder.generalName(value), "\(value.debugDescription)")
        }
        // Names are read, not only refused.
        #expect(names > 500, "\(names)")
    }

    @Test func couplesAgreeWithTheGeneralReading() {
        var generator = SplitMix64(seed: 29)
        for _ in 0..<30_000 {
            let count = generator.below(5) + 1
            var words = (0..<count).map { _ in generator.pick(Self.words) }
            words.insert(generator.pick(["and", "And", "AND"]), at: generator.below(count + 1))
            let value = words.joined(separator: " ")
            #expect(PersonNameNormalizer.parse(value) == PersonNameNormalizer.generalParse(value), "\(value.debugDescription)")
        }
    }

    @Test func aCoupleIsReadInOnePass() {
        var copy = "José and María Núñez"
        #expect(copy.withUTF8 { PersonNameNormalizer.plainName($0, couples: true) }
            == PersonName(first: "José", last: "Núñez", partnerFirst: "María"))
        copy = "John Smith and Mary Jones"
        #expect(copy.withUTF8 { PersonNameNormalizer.plainName($0, couples: true) }
            == PersonName(first: "John", last: "Smith", partnerFirst: "Mary"))
    }

    /// Words that cannot equal an ASCII word are passed over before the company lookups.
    @Test func isPeopleAgreesWithLookingUpEveryWord() {
        var generator = SplitMix64(seed: 31)
        for _ in 0..<10_000 {
            let words = (0..<(generator.below(4) + 2)).map { _ in generator.pick(Self.words + ["\u{212A}", "co", "sons"]).lowercased() }
            var reference = true
            if let conjunction = words.firstIndex(where: { $0 == "&" || $0 == "and" }) {
                let before = words[..<conjunction], after = words[(conjunction + 1)...]
                if (1...2).contains(before.count), (1...2).contains(after.count), !after.contains(where: { $0 == "&" || $0 == "and" }),
                   let first = before.first, let partner = after.first, first != partner, words.last != first {
                    reference = !words.contains { word in
                        let letters = word.filter { $0 != "." && $0 != "'" && $0 != "-" }
                        return SignatureNameFinder.companyWords.contains(letters) || ["son", "sons", "brothers", "bros", "daughters", "sisters", "partner", "associate"].contains(letters)
                    }
                } else {
                    reference = false
                }
            }
            #expect(SignatureNameFinder.isPeople(words) == reference, "\(words)")
        }
    }
}
