@testable import LeadModel
import Testing

/// The byte-level fast paths of the LeadModel normalisers against the step-by-step
/// String implementations they stand in for, on generated values made of the pieces each
/// rule looks at.
@Suite("Normalisation: ASCII fast paths agree with the String paths")
struct NormalizationFastPathTests {

    /// `count` values of up to `maxPieces` pieces from `pieces` joined by `separators`.
    static func values(_ pieces: [String], separators: [String], count: Int, maxPieces: Int, seed: UInt64) -> [String] {
        var generator = SplitMix64(seed: seed)
        var values: [String] = []
        for _ in 0..<count {
            var value = ""
            let length = Int(generator.next() % UInt64(maxPieces)) + 1
            for index in 0..<length {
                if index > 0 || generator.next() % 4 == 0 { value += generator.pick(separators) }
                value += generator.pick(pieces)
            }
            if generator.next() % 4 == 0 { value += generator.pick(separators) }
            values.append(value)
        }
        return values
    }

    static let namePieces = [
        "john", "JOHN", "John", "smith", "SMITH", "Mary", "mr", "Mr.", "MRS", "mrs.", "Dr", "prof.", "Madam", "sir",
        "and", "AND", "&", "+", "&.", "jr", "Jr.", "SR", "iii", "IV", "v", "PhD", "m.d.", "Esq.", "van", "VAN", "der",
        "de", "La", "st", "St.", "della", "q", "Q.", "q.", ".q", "x.y", "mcdonald", "MCDONALD", "mck", "o'brien",
        "smith-jones", "d'angelo", "-", "'", "a", "@", "7", ".", "..", ",", "(", ")", "[", "]", "(Homeowner)", "\"",
        "*", "verylongname", "de.", "mc", "\u{0}", "zz", "mr.and", "b.", "Cher", "Family", "the", "FAMILY",
    ]

    @Test func personNamesMatchTheStringPath() {
        let values = Self.values(
            Self.namePieces, separators: [" ", "  ", ", ", ",", "\t", "\n", " , ", " (", ") ", "\"", "*"],
            count: 40_000, maxPieces: 8, seed: 1)
        var checked = 0
        var named = 0
        for value in values {
            guard let fast = PersonNameNormalizer.asciiParse(value) else { continue }
            checked += 1
            if fast != nil { named += 1 }
            #expect(fast == PersonNameNormalizer.generalParse(value), "\(value.debugDescription)")
        }
        #expect(checked == values.count)
        // The values exercise both answers.
        #expect(named > values.count / 20 && named < values.count - values.count / 20, "\(named)")
    }

    @Test(arguments: ["José Álvarez", "Jane\r\nDoe", "“Jane” Doe"])
    func personNamesOutsideASCIIWithoutCRTakeTheStringPath(_ value: String) {
        #expect(PersonNameNormalizer.asciiParse(value) == nil)
        #expect(PersonNameNormalizer.parse(value) == PersonNameNormalizer.generalParse(value))
    }

    @Test func personNameTableWordsPack() {
        // The packed tables assume short lowercase ASCII words.
        let words = Array(PersonNameNormalizer.honorifics.keys) + Array(PersonNameNormalizer.suffixes.keys)
            + Array(PersonNameNormalizer.particles) + Array(PersonNameNormalizer.conjunctions)
        for word in words {
            #expect(word.utf8.count <= 7 && word.utf8.allSatisfy { $0 < 0x80 && !($0 >= 0x41 && $0 <= 0x5A) }, "\(word)")
        }
    }

    static let addressPieces = [
        "1420", "Oak", "Hollow", "Dr", "Dr.", "drive", "Austin", "AUSTIN", "TX", "tx", "Texas", "tex", "Tex.", "Tex",
        "78704", "78704-1234", "1234", "787041234", "USA", "U.S.A.", "us", "united", "States", "of", "america", "N.C.",
        "NE", "n", "Apt", "4", "#4", "#", "Suite", "200", "Lot", "lot", "22", "7B", "Tract", "parcel", "PO", "Box", "p.o.",
        "P.O", "RR", "hc", "New", "Mexico", "York", "Round", "Rock", "zip", "ZIP:", "N123W456", "123456789", "St", "St.",
        "Ct", "Washington", "DC", "d", "c", "-", "'", "x", "Ave.,", "Main", "12", "1234567", "Calif.", "district",
        "Columbia", "Northern", "Mariana", "Islands", "Virgin", "W", "VA",
    ]

    @Test func addressesMatchTheStringPath() {
        let values = Self.values(
            Self.addressPieces, separators: [" ", ", ", "\n", ";", "\t", "  ", ",,", " ,", "\n\n"],
            count: 40_000, maxPieces: 10, seed: 2)
        var checked = 0
        var found = 0
        for value in values {
            guard let fast = USAddressParser.asciiParse(value) else { continue }
            checked += 1
            if fast != nil { found += 1 }
            #expect(fast == USAddressParser.generalParse(value), "\(value.debugDescription)")
        }
        #expect(checked == values.count)
        #expect(found > values.count / 20 && found < values.count - values.count / 20, "\(found)")
        // Past the limits: 9 segments, 41 words.
        let segments = (1...9).map { "\($0) Elm St" }.joined(separator: ", ")
        let words = Array(repeating: "Oak", count: 41).joined(separator: " ")
        for value in [segments, words, "TX, " + segments, "", " , ; "] {
            #expect(USAddressParser.asciiParse(value) == .some(USAddressParser.generalParse(value)), "\(value)")
        }
    }

    static let emailPieces = [
        "jane", "Jane.Doe", "@", "@", "Example", "example", ".com", ".COM", "mailto:", "MailTo:", "<", ">", "\"", "'",
        "?subject=hi", ".", "..", "-", "xn--abc", "XN--p1ai", "co", "c0", "a-b", "-a", "b-", "(", ")", "[", "]", ",", ";",
        "+tag", "!", "#", "a", "gmail", "org", "x", "1", "~", "_", "\u{0}", "=", "a.b.c", "toolonglocalpart",
    ]

    @Test func emailsMatchTheStringPath() {
        // Free mixes of the pieces (mostly invalid), then addresses shaped prefix, local, "@",
        // domain, suffix (mostly valid).
        var generator = SplitMix64(seed: 6)
        let prefixes = ["", "", "mailto:", "MAILTO:", "<", "\"", " ", "(", "mailto:<", "\t[", "?"]
        let locals = ["jane", "Jane.Doe", "a", "x+tag", "a..b", ".a", "a.", "!#$%", "j_d-1", "", "ja ne", "ja@ne", "~{|}"]
        let domains = [
            "example.com", "Example.COM", "a-b.co", "-a.com", "a-.com", "x.c", "x.c0", "xn--p1ai", "sub.XN--abc", "example",
            "ex ample.com", ".com", "com.", "a..com", "x.y.z.org", "1.2.3.4", "a_b.com", "",
        ]
        let suffixes = ["", "", ">", "?subject=hi", ".", "..", ",", ";", " ", ")", "@x.com", "\t", "'", "]"]
        var shaped: [String] = []
        for _ in 0..<20_000 {
            shaped.append(generator.pick(prefixes) + generator.pick(locals) + "@" + generator.pick(domains) + generator.pick(suffixes))
        }
        let values = Self.values(Self.emailPieces, separators: ["", "", "", " ", "\t"], count: 20_000, maxPieces: 9, seed: 3)
            + shaped + ["jane@" + String(repeating: "a", count: 64) + ".com", String(repeating: "a", count: 65) + "@x.com",
               "jane@" + String(repeating: "ab.", count: 85) + "com"]
        var checked = 0
        var valid = 0
        for value in values {
            var copy = value
            guard let fast = copy.withUTF8({ EmailNormalizer.asciiNormalize($0) }) else { continue }
            checked += 1
            if fast != nil { valid += 1 }
            #expect(fast == EmailNormalizer.generalNormalize(value), "\(value.debugDescription)")
        }
        #expect(checked == values.count)
        #expect(valid > values.count / 25 && valid < values.count - values.count / 10, "\(valid)")
    }

    @Test func postalCodesMatchTheStringPath() {
        let pieces = ["7", "8", "78704", "1234", "-", " ", "zip", "ZIP:", "Zip #", "a", "\t", "x", "0", "--"]
        let values = Self.values(pieces, separators: ["", "", " ", "-"], count: 20_000, maxPieces: 6, seed: 4)
            + ["78704", "787041234", "78704-1234", "78704 1234", "7870-41234", "zip 78704", " 78704 ", "78704-", "-78704"]
        for value in values {
            var copy = value
            let fast = copy.withUTF8 { PostalCodeNormalizer.asciiZIP($0) }
            #expect(fast == PostalCodeNormalizer.generalNormalize(value), "\(value.debugDescription)")
        }
        #expect(PostalCodeNormalizer.normalize("787041234") == "78704-1234")
        #expect(PostalCodeNormalizer.normalize("78704 1234") == "78704-1234")
    }

    @Test func budgetsNeedAnASCIIDigit() {
        // An amount starts at an ASCII digit: text without one has no match.
        for text in ["around six hundred thousand", "budget: ６５０k", "", "k-m $ million", "under_a_million"] {
            #expect(BudgetParser.matches(in: text).isEmpty, "\(text)")
        }
        #expect(BudgetParser.parse("around $650k_-_700k") == BudgetRange(low: 650_000, high: 700_000))
        #expect(BudgetParser.parse("under_800k") == BudgetRange(low: nil, high: 800_000))
        // Runs of three or more amounts (phone numbers, lists) are not money; two are a range.
        #expect(BudgetParser.matches(in: "512-555-0143").isEmpty)
        #expect(BudgetParser.matches(in: "500k 600k 700k").isEmpty)
        #expect(BudgetParser.parse("budget $650k, phone 512-555-0143") == BudgetRange(low: 650_000, high: 650_000))
        #expect(BudgetParser.parse("$500k-$700k") == BudgetRange(low: 500_000, high: 700_000))
    }

    @Test func vocabularyStemsMatchTheWordIndices() {
        let pieces = [
            "custom", "home", "homes", "Build", "BUILDS", "addition", "additions", "status", "bus", "kiss", "ADUs", "lot",
            "lots", "pre-approved", "don't", "we're", "a", "s", "'s", "2", "3br", "remodel", "kitchen", "new", "construction",
            "x", "is", "us", "ss", "not",
        ]
        let values = Self.values(pieces, separators: [" ", ", ", "-", "\n", "  ", "/"], count: 5_000, maxPieces: 12, seed: 5)
        for value in values {
            let stems = VocabularyIndex.stems(ascii: value)
            #expect(stems != nil)
            #expect(stems == VocabularyIndex.words(ascii: value)?.stem, "\(value)")
        }
        #expect(VocabularyIndex.stems(ascii: "maison à construire") == nil)
        #expect(ProjectTypeVocabulary.vocabulary.bestSlug(in: "We want to BUILD a custom home") ==
            ProjectTypeVocabulary.vocabulary.bestSlug(inWords: TextScanning.words("We want to BUILD a custom home")))
    }

    @Test func unknownProjectTypesKeepAtMostFourWords() {
        #expect(FieldNormalizer.projectType("Zorb quix flem blat") == "zorb_quix_flem_blat")
        #expect(FieldNormalizer.projectType("Zorb quix flem blat vrem") == nil)
        // A word with an apostrophe is not kept, so it does not count.
        #expect(FieldNormalizer.projectType("Zorb's quix flem blat vrem") == "quix_flem_blat_vrem")
        #expect(FieldNormalizer.projectType("Zorb, quix-flem: blat!") == "zorb_quix_flem_blat")
        #expect(FieldNormalizer.projectType("Zörb quix flem blat vrem") == nil)
    }

    /// `isInitial`'s ASCII path against the Character rule it stands in for.
    @Test func initialAgreesWithCharacterRule() {
        let tokens = ["K", "K.", "k..", ".K", "Ka", "K.a", ".", "..", "", "1.", "K-", "É.", "É", "Éa", "K.\r\n", "Kemi", "Oyelaran", "...K...."]
            + Self.values(["k", "K", ".", "a", "1", "-", " "], separators: [""], count: 400, maxPieces: 4, seed: 41)
        for token in tokens {
            let letters = token.filter { $0 != "." }
            let expected = token.utf8.count <= 8 && letters.count == 1 && letters.first!.isLetter
            #expect(PersonNameNormalizer.isInitial(token) == expected, "\(token.debugDescription)")
        }
    }
}
