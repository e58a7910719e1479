@testable import Extraction
@testable import LeadModel
import Testing

/// The prefilters the inquiry heuristics gained to skip whole readings, each against the
/// reading it stands in for (a prefilter may say "maybe" too often, never "no" wrongly),
/// and the packed word table against a dictionary.
@Suite("Inquiry heuristics: prefilters never hide a reading")
struct HeuristicsPrefilterTests {
    private static let fragments: [String] = [
        "1234 Oak Hollow Dr", "4508 Avenue F", "12B Main St.", "(512) 555-0172", "512-555-0145", "Austin, TX 78704",
        "78704-1234", "787041234", "78704 1234", "zip 78704", "ZIP:78704", "in San Marcos, TX", "near Wimberley, Texas.",
        "at Lake Travis, TX", "from Round Rock, Texas", "in austin, tx", "In Dripping Springs,", "Way", "Court", "Lane",
        "County Road 12", "Highway 71", "$650k", "650K", "1.5 million", "2 mil", "800 grand", "3 thousand", "5 months",
        "10 min", "2 to 3", "2_k", "3 _m", "4mm", "4 MM", "600s", "3,000 sq ft", "2,800", "$", "k", "m", "budget", "Budget:",
        "spend", "we", "own", "a", "lot", "The", "St", "Dr", "Rd", ",", ".", "'", "#12", "$5", "5", "12345", "123456789",
        "1234567890", "x", "ranch", "Ranch", "State", "in", "at", "from", "near", "outside", "I", "A1", "99999",
    ]
    private static let separators = [" ", " ", " ", "  ", "\t", ", ", ". ", ",", "-", "/", ":"]

    /// Generated ASCII lines without CR or LF (where the line flags stand for the readings).
    private static func lines(count: Int, seed: UInt64) -> [String] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            var line = ""
            for index in 0..<(1 + generator.below(12)) {
                if index > 0 { line += generator.pick(separators) }
                line += generator.pick(fragments)
            }
            return line
        }
    }

    private static let allLines = [
        "1234 Oak Hollow Dr, Austin, TX 78704", "We live in Austin, TX", "zip code: 78704", "call 512-555-0145",
        "Budget is around $650k", "maybe 5 months out", "between 1 and 1.5 million", "Form: 800k_-_1m",
    ] + lines(count: 3_000, seed: 0x5EED_0009)

    /// A line's flags never rule out a reading ``AddressFinder/LineShape`` allows.
    @Test func addressFlagsNeverHideALineShapeReading() {
        var kept = (street: 0, zip: 0, cityState: 0)
        for line in Self.allLines {
            let lines = InquiryLines(line)
            guard lines.lines.count == 1 else { continue }
            let traits = lines.traits[0]
            #expect(traits.isASCII && !traits.hasCR, "\(line.debugDescription)")
            let shape = AddressFinder.LineShape(lines.lines[0].text)
            if shape.mayHaveStreet && traits.keywords.contains(.streetHead) {
                #expect(traits.hasHouseNumberThenHead, "street: \(line.debugDescription)")
                kept.street += 1
            }
            if shape.mayHaveZIP || shape.mayHaveLabelledZIP {
                #expect(traits.hasZIPToken, "ZIP: \(line.debugDescription)")
                kept.zip += 1
            }
            if shape.mayHaveCityState && traits.hasComma && traits.keywords.contains(.cityStateLead) {
                #expect(traits.hasLeadBeforeCapital, "city and state: \(line.debugDescription)")
                kept.cityState += 1
            }
        }
        // Every reading is exercised.
        #expect(kept.street > 50 && kept.zip > 50 && kept.cityState > 50, "\(kept)")
    }

    /// The flags do rule readings out (else they would be worth nothing): exact cases.
    @Test(arguments: [
        ("1234 Oak Hollow Dr", true, false, false),
        ("Way out west, near the lake", false, false, false),
        ("call 512-555-0145", false, false, false),
        ("Austin, TX 78704", false, true, false),
        ("in austin, tx", false, false, false),
        ("in Austin, TX", false, false, true),
        ("12b Main St", false, false, false),
    ])
    func addressFlags(_ line: String, _ street: Bool, _ zip: Bool, _ cityState: Bool) {
        let traits = InquiryLines(line).traits[0]
        #expect(traits.hasHouseNumberThenHead == street)
        #expect(traits.hasZIPToken == zip)
        #expect(traits.hasLeadBeforeCapital == cityState)
    }

    /// A line the money prefilter rules out holds no amount ``BudgetParser`` calls explicit.
    @Test func moneyPrefilterNeverHidesExplicitMoney() {
        var explicit = 0
        for line in Self.allLines {
            let matches = BudgetParser.matches(in: line)
            guard matches.contains(where: \.isExplicitMoney) else { continue }
            explicit += 1
            let hasGroup = line.utf8.indices.contains { index in
                let bytes = Array(line.utf8)
                let offset = line.utf8.distance(from: line.utf8.startIndex, to: index)
                guard bytes[offset] == UInt8(ascii: ","), offset > 0, offset + 3 < bytes.count else { return false }
                return [bytes[offset - 1], bytes[offset + 1], bytes[offset + 2], bytes[offset + 3]].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
            }
            #expect(hasGroup || BudgetPhraseFinder.mayHoldExplicitMoney(line), "\(line.debugDescription)")
        }
        #expect(explicit > 200, "\(explicit)")
    }

    /// A line that is not ASCII and that ``BudgetPhraseFinder/mayMatter(_:)`` passes over
    /// holds no explicit money for ``BudgetParser`` and no strong cue word: the finder could
    /// take nothing from it. Generated lines mix non-ASCII text, digits, units, cues, `$`,
    /// the Kelvin sign and combining marks.
    @Test func nonASCIILinesPassedOverGiveNothing() {
        var generator = SplitMix64(seed: 0x5EED_000C)
        let pieces = ["é", "ü", "m²", "\u{212A}", "\u{0130}", "\u{0301}", "＄", "$", "3", "45", "650", "1,200", ",", ".", " ",
                      "k", "K", "m", "M", "mil", "million", "grand", "Budget", "SPEND", "price", "cost", "abc", "m\u{0301}",
                      "日本", "\u{00A0}", "_", "-", "to", "Prix", "investir"]
        var passedOver = 0
        for _ in 0..<6_000 {
            var line = "é"
            for _ in 0..<(1 + generator.below(9)) { line += pieces[generator.below(pieces.count)] }
            guard !BudgetPhraseFinder.mayMatter(line) else { continue }
            passedOver += 1
            #expect(!BudgetParser.matches(in: line).contains { $0.isExplicitMoney }, "\(line.debugDescription)")
            let words = line.lowercased().split { !$0.isLetter }.map(String.init)
            #expect(!words.contains { BudgetPhraseFinder.strongCues.contains($0) }, "\(line.debugDescription)")
        }
        #expect(passedOver > 500, "\(passedOver)")
    }

    @Test(arguments: [
        ("5 months", false), ("2 to 3", false), ("10 min", false), ("2 garage", false), ("$5", true), ("650k", true),
        ("650 K", true), ("1.5million", true), ("2_mil", true), ("2  mil", false), ("4MM", true), ("3 thousandth", false),
    ])
    func moneyPrefilter(_ line: String, _ expected: Bool) {
        #expect(BudgetPhraseFinder.mayHoldExplicitMoney(line) == expected)
    }

    /// The packed table answers as a dictionary of the same words (values of a word named
    /// twice OR-ed), for words in it, near it and far from it.
    @Test func wordTableAnswersAsADictionary() {
        var generator = SplitMix64(seed: 0x5EED_000A)
        let letters = Array("abcdefghijklmnopqrstuvwxyz'0123456789".utf8)
        func word(_ length: Int) -> String {
            String(decoding: (0..<length).map { _ in letters[generator.below(letters.count)] }, as: UTF8.self)
        }
        for size in [0, 1, 7, 100, 900] {
            var entries: [(word: String, value: UInt64)] = []
            var expected: [String: UInt64] = [:]
            for _ in 0..<size {
                let entry = (word(1 + generator.below(9)), generator.next() | 1)
                entries.append(entry)
                expected[entry.0, default: 0] |= entry.1
                if generator.below(5) == 0 {
                    entries.append((entry.0, 1 << 40))
                    expected[entry.0, default: 0] |= 1 << 40
                }
            }
            let table = ASCIIWordTable(entries)
            var probes = Array(expected.keys)
            probes += expected.keys.map { $0 + "s" } + expected.keys.map { String($0.dropLast()) }
            probes += (0..<2_000).map { _ in word(1 + generator.below(12)) }
            for probe in probes {
                #expect(table.value(of: probe) == expected[probe] ?? 0, "\(probe) in a table of \(size)")
                var copy = probe
                let fromBytes = copy.withUTF8 { bytes in
                    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count + 2) { padded in
                        padded[0] = 0x20
                        for index in bytes.indices { padded[index + 1] = bytes[index] }
                        padded[bytes.count + 1] = 0x20
                        return table.value(of: UnsafeBufferPointer(padded), 1..<(bytes.count + 1))
                    }
                }
                #expect(fromBytes == expected[probe] ?? 0, "\(probe) from bytes")
            }
            #expect(table.maximumLength == (expected.keys.map(\.utf8.count).max() ?? 0))
        }
    }
}

@Suite("Budget parser: underscores read as spaces")
struct BudgetUnderscoreTests {
    /// The byte reading of ASCII answers as `replacing`, and other text takes `replacing`.
    @Test func underscoresAsSpacesIsReplacing() {
        var generator = SplitMix64(seed: 0x5EED_000B)
        let pieces = ["_", "__", " ", "$800k", "-", "1m", "\r\n", "\r", "\n", "a", "_\u{301}", "é", "\u{301}", "x_y", "_-_"]
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<(1 + generator.below(10)) { text += generator.pick(pieces) }
            #expect(BudgetParser.underscoresAsSpaces(text) == text.replacing("_", with: " "), "\(text.debugDescription)")
            #expect(Array(BudgetParser.underscoresAsSpaces(text).utf8) == Array(text.replacing("_", with: " ").utf8))
        }
    }
}
