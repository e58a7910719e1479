@testable import Extraction
@testable import LeadModel
import Testing

/// The short paths of the name and phone normalisers (a plain name read in one pass,
/// the phone digits kept on the stack) against the String paths they must agree with.
@Suite("Normalisation: short paths agree with the String paths")
struct NormalizationShortPathTests {

    /// Words a two-word name is made of, and words that must leave the short path: titles,
    /// suffixes, "and", one-case words, punctuation, digits.
    static let nameWords = [
        "Jane", "Doe", "O'Neil", "Smith-Jones", "d'Angelo", "McDonald", "van", "De", "la", "JANE", "doe", "J", "q",
        "Mr", "mr", "Dr", "Mrs", "Madam", "Sir", "Jr", "SR", "iii", "IV", "v", "PhD", "Esq", "and", "And", "AND",
        "'", "-", "-'", "Ann-", "'s", "Verylongname", "X", "mcdonald", "Mr.", "Jr.", "A.", "7", "@", "é", "Cher",
        "José", "García", "MÜLLER", "Müller", "É", "ñ", "Straße", "Ǆak", "İlker", "Ø", "Łukasz", "ɏa",
        "e\u{301}", "Jose\u{301}", "\u{301}", "“Jane”", "\u{A0}", "a×b", "a÷b", "王", "\u{212A}im", "ªa", "Ω", "Zoë",
    ]

    /// Words for names joined by single spaces.
    static let plainWords = [
        "Jane", "Doe", "ann", "MARSH", "O'Neil", "J", "q", "de", "Mr", "Jr", "and", "José", "García", "Ø", "x-", "Ruiz",
        "Smith-Lee", "Ng", "PhD", "Dr", "é", "Family", "The",
    ]

    static let separators = [" ", " ", " ", "  ", "\t", ",", ", ", "\n", ""]

    /// A name-like value: pieces joined by assorted separators, or (`plain`) two to seven
    /// words joined by single spaces, the short path's own shape.
    static func nameValue(_ generator: inout SplitMix64, plain: Bool) -> String {
        if plain {
            return (0..<(generator.below(6) + 2)).map { _ in generator.pick(plainWords) }.joined(separator: " ")
        }
        var value = generator.below(8) == 0 ? generator.pick(separators) : ""
        value += generator.pick(nameWords)
        for _ in 0..<(generator.below(3) == 0 ? generator.below(7) : 1) {
            value += generator.pick(separators) + generator.pick(nameWords)
        }
        if generator.below(8) == 0 { value += generator.pick(separators) }
        return value
    }

    @Test func plainNamesMatchTheStringPath() {
        var generator = SplitMix64(seed: 7)
        var short = 0
        var longer = 0
        for round in 0..<50_000 {
            let value = Self.nameValue(&generator, plain: round % 5 >= 3)
            var copy = value
            let fast = copy.withUTF8 { PersonNameNormalizer.plainName($0) }
            if let fast {
                short += 1
                if fast.last?.contains(" ") == true { longer += 1 }
                #expect(fast == PersonNameNormalizer.generalParse(value), "\(value.debugDescription)")
            }
            #expect(PersonNameNormalizer.parse(value) == PersonNameNormalizer.generalParse(value), "\(value.debugDescription)")
        }
        // Both the short path and the full reading are exercised.
        #expect(short > 3_000 && short < 45_000, "\(short)")
        // Names of three words or more too.
        #expect(longer > 1_000, "\(longer)")
    }

    @Test(arguments: [
        ("Jane Doe", "Jane", "Doe"),
        ("Patrick O'Neil", "Patrick", "O'Neil"),
        ("Ann Smith-Lee", "Ann", "Smith-Lee"),
        ("José García", "José", "García"),
        ("Łukasz Müller", "Łukasz", "Müller"),
        ("Beth Ann Marsh", "Beth", "Ann Marsh"),
        ("Maria Gonzalez Ruiz de Leon", "Maria", "Gonzalez Ruiz de Leon"),
    ])
    func plainNamesAreKeptAsWritten(_ written: String, _ first: String, _ last: String) {
        var copy = written
        let name = copy.withUTF8 { PersonNameNormalizer.plainName($0) }
        #expect(name == PersonName(first: first, last: last))
    }

    @Test(arguments: ["Mr Smith", "John Jr", "Jane and", "JANE DOE", "jane doe", " Jane Doe", "Jane  Doe", "Jane", "Jane Q Doe", "Jane D", "Aa Bb Cc Dd Ee Ff Gg", "Jane Doe Jr", "Jane and Mary Doe", "' Doe", "Jose\u{301} Doe", "Jane\u{A0}Doe", "Ω Doe", "É Doe"])
    func otherNamesTakeTheFullReading(_ written: String) {
        var copy = written
        #expect(copy.withUTF8 { PersonNameNormalizer.plainName($0) } == nil)
    }

    static let phonePieces = [
        "512", "555", "0143", "1", "+1", "+", "+44", "20", "7946", "0958", "011", "00", "0", "911", "411", "(512)",
        "tel:", "TEL:", "x", "x204", "ext", "ext.", "extension", "#", "12", "1234567", "a", "/", ".", "-", "(", ")",
        "5125550143", "15125550143", "2125550000", "1112223333",
    ]

    /// ASCII values through the byte path; the same value with a trailing em space (trimmed
    /// away, but not ASCII) through the String path.
    @Test func phonesMatchTheStringPath() {
        var generator = SplitMix64(seed: 11)
        var valid = 0
        for _ in 0..<30_000 {
            var value = ""
            for index in 0..<(generator.below(6) + 1) {
                if index > 0 || generator.below(4) == 0 { value += generator.pick([" ", "-", ".", "", "", " ", ", "]) }
                value += generator.pick(Self.phonePieces)
            }
            let fast = PhoneNormalizer.normalize(value)
            if fast != nil { valid += 1 }
            #expect(fast == PhoneNormalizer.normalize(value + "\u{2003}"), "\(value.debugDescription)")
        }
        #expect(valid > 500 && valid < 29_000, "\(valid)")
    }

    @Test(arguments: [
        ("(512) 555-0143", "+15125550143", nil as String?),
        ("+1 512 555 0143 x204", "+15125550143", "204"),
        ("011 44 20 7946 0958", "+442079460958", nil),
        ("0044 20 7946 0958", "+442079460958", nil),
        ("1-512-555-0143", "+15125550143", nil),
        ("tel:+15125550143", "+15125550143", nil),
    ])
    func phonesNormalise(_ written: String, _ e164: String, _ phoneExtension: String?) {
        #expect(PhoneNormalizer.normalize(written) == NormalizedPhone(e164: e164, phoneExtension: phoneExtension, isNANP: e164.hasPrefix("+1")))
    }
}

/// ``ValueNormalizer/trimmingWhitespace(_:)`` (its ends read from the bytes) against trimming
/// by scalars.
@Suite("Normalisation: whitespace trimming")
struct TrimmingWhitespaceTests {
    /// What trimming must give: the text without its leading and trailing whitespace scalars.
    static func reference(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[first...last])
        return String(view)
    }

    @Test func trimmingMatchesTheScalarReading() {
        let pieces = [" ", "\t", "\n", "\r\n", "\u{0B}", "\u{A0}", "\u{85}", "\u{2003}", "\u{1C}", "a", "é", "x y", "-", "\u{301}"]
        var generator = SplitMix64(seed: 5)
        var trimmed = 0
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<generator.below(5) { text += generator.pick(pieces) }
            let result = ValueNormalizer.trimmingWhitespace(text)
            if result.utf8.count != text.utf8.count { trimmed += 1 }
            #expect(result == Self.reference(text), "\(text.debugDescription)")
            #expect(Array(result.utf8) == Array(Self.reference(text).utf8), "\(text.debugDescription)")
        }
        #expect(trimmed > 2_000 && trimmed < 18_000, "\(trimmed)")
    }
}

/// The phone scanner reading text that is not ASCII as one byte per scalar against reading
/// its scalars themselves.
@Suite("Phone scanner: one byte per scalar")
struct PhoneScannerScalarBytesTests {
    static let pieces = [
        "512", "555", "0143", "5125550143", "(512)", "+1", "1", "+44 20 7946 0958", "x12", "ext. 5", "extension 7",
        "\n", " ", " ", "-", ".", "/", "$", "#", "a", "Call ", "é", "€", "£", "\u{A0}", "\u{2013}", "\u{2011}",
        "\u{2019}", "😀", "e\u{301}", "Ω", "²", "٣", "ß", "x", "\u{85}", "\u{2028}", "Tel: ", "ext", "EXT",
        "extension", "X", "+", "(", "n", "t",
    ]

    @Test func scalarBytesReadAsTheScalars() {
        let scanner = PhoneNumberScanner()
        var generator = SplitMix64(seed: 3)
        var found = 0
        for _ in 0..<20_000 {
            let text = (0..<(generator.below(14) + 1)).map { _ in generator.pick(Self.pieces) }.joined()
            let reference = scanner.scalarPhones(in: text)
            let nanp = scanner.phones(in: text)
            found += nanp.count
            #expect(nanp == reference.nanp, "\(text.debugDescription)")
            #expect(scanner.internationalPhones(in: text) == reference.international, "\(text.debugDescription)")
        }
        #expect(found > 500, "\(found)")
    }

    @Test(arguments: ["\u{A0}", "\u{2013}", "\u{2011}", "€", "£", "é", "😀", "²"])
    func nonASCIIScalarsStandAsTheirClass(_ scalar: String) {
        let scanner = PhoneNumberScanner()
        for text in ["512\(scalar)555\(scalar)0143", "\(scalar)5125550143", "5125550143\(scalar)x12", "+44\(scalar)20 7946 0958"] {
            let reference = scanner.scalarPhones(in: text)
            #expect(scanner.phones(in: text) == reference.nanp, "\(text.debugDescription)")
            #expect(scanner.internationalPhones(in: text) == reference.international, "\(text.debugDescription)")
        }
    }
}
