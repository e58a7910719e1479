@testable import Extraction
@testable import LeadModel
import Testing

/// Street words are looked up by their bytes (``StreetVocabulary`` tables,
/// ``ASCIIWordTable/containsLowercased(_:)``): the lookups agree with the String ones they
/// stand for, on words in any case, with trailing punctuation, CR and non-ASCII scalars.
@Suite("Street words: byte table lookups agree with the String lookups")
struct StreetWordTableTests {
    private static let words: [String] = [
        "", ".", ",", "Dr", "DR", "dr", "Dr.", "Dr,", "Dr.,", "Drive", "drive.", "St", "Str", "Ave", "AVE.", "Av",
        "Blvd", "Trl", "Trl,", "Trail", "Cv", "Cove", "Ft", "Sq", "Hwy", "Run", "Apt", "apt.", "Suite", "#", "#,", "No",
        "Number", "Lot", "Unit", "Oak", "Cedar", "Dr\r", "Dr\r\n", "D\u{301}r", "Ave\u{301}", "\u{212A}y", "Caf\u{E9}",
        "St\u{A0}", "north", "N", "NE", "n.", "W,", "Road", "Rd", "County", "Highway", "Inc", "LLC", "L.L.C", "P.C",
    ]

    @Test func suffixesAndUnitsAgreeWithTheirKeys() {
        for word in Self.words {
            #expect(StreetVocabulary.isSuffix(word) == (StreetVocabulary.suffixes[StreetVocabulary.key(word)] != nil), "\(word.debugDescription)")
            #expect(StreetVocabulary.isUnitDesignator(word) == (StreetVocabulary.unitDesignators[StreetVocabulary.key(word)] != nil),
                    "\(word.debugDescription)")
            let substring = Substring(word)
            #expect(StreetVocabulary.isSuffix(substring) == StreetVocabulary.isSuffix(word), "\(word.debugDescription)")
        }
    }

    @Test func lowercasedLookupAgreesWithTheSet() {
        let sets: [Set<String>] = [
            Set(StreetVocabulary.directionals.keys), ["ft", "fort", "sq", "run"], ["inc", "llc", "l.l.c", "p.c"],
            ["avenue", "road", "county", "us", "cr"],
        ]
        for set in sets {
            let table = ASCIIWordTable(set.map { ($0, 1) })
            for word in Self.words {
                guard let found = table.containsLowercased(word) else {
                    #expect(word.utf8.contains { $0 >= 0x80 }, "\(word.debugDescription) is ASCII")
                    continue
                }
                #expect(found == set.contains(word.lowercased()), "\(word.debugDescription)")
            }
        }
    }
}
