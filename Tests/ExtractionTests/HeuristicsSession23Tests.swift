@testable import Extraction
@testable import LeadModel
import Testing

/// Session 23's fast paths of the inquiry heuristics, each against what it stands in for.
@Suite("Inquiry heuristics: session 23 fast paths")
struct HeuristicsSession23Tests {
    /// The word table read eight bytes at a time answers as a dictionary for words of any
    /// length up to 20 bytes, wherever they sit in a buffer (its start, its middle, its
    /// end) and in buffers shorter than eight bytes.
    @Test func wordTableReadsWordsAnywhereInABuffer() {
        var generator = SplitMix64(seed: 0x5EED_0023)
        let letters = Array("abcdefghijklmnopqrstuvwxyz'0123456789".utf8)
        func word(_ length: Int) -> [UInt8] { (0..<length).map { _ in letters[generator.below(letters.count)] } }
        var entries: [(word: String, value: UInt64)] = []
        var expected: [[UInt8]: UInt64] = [:]
        for _ in 0..<400 {
            let bytes = word(1 + generator.below(20))
            let value = generator.next() | 1
            entries.append((String(decoding: bytes, as: UTF8.self), value))
            expected[bytes, default: 0] |= value
        }
        let table = ASCIIWordTable(entries)
        var probes = Array(expected.keys)
        probes += expected.keys.map { $0.dropLast() }.filter { !$0.isEmpty }.map { Array($0) }
        probes += (0..<2_000).map { _ in word(1 + generator.below(22)) }
        for probe in probes {
            let before = generator.below(10)
            let after = generator.below(10)
            let buffer = word(before) + probe + word(after)
            let found = buffer.withUnsafeBufferPointer { table.value(of: $0, before..<(before + probe.count)) }
            #expect(found == expected[probe] ?? 0, "\(String(decoding: probe, as: UTF8.self)) at \(before) of \(buffer.count)")
        }
    }

    /// The case-folding lookup answers as the lookup of the word lowercased, for ASCII words
    /// of any case and length (bytes folded eight at a time: `@`, `[`, `_` and the other
    /// bytes next to the capitals stay as they are).
    @Test func foldingLookupIsTheLookupOfTheLowercasedWord() {
        var generator = SplitMix64(seed: 0x5EED_0026)
        let lower = Array("abcxyz'@[_`{0129-.".utf8)
        let mixed = lower + Array("ABCXYZ".utf8)
        func word(_ alphabet: [UInt8], _ length: Int) -> [UInt8] { (0..<length).map { _ in alphabet[generator.below(alphabet.count)] } }
        var entries: [(word: String, value: UInt64)] = []
        for _ in 0..<300 { entries.append((String(decoding: word(lower, 1 + generator.below(18)), as: UTF8.self), generator.next() | 1)) }
        let table = ASCIIWordTable(entries)
        var probes = entries.map { Array($0.word.uppercased().utf8) }
        probes += (0..<3_000).map { _ in word(mixed, 1 + generator.below(20)) }
        for probe in probes {
            let lowered = probe.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            let expected = lowered.withUnsafeBufferPointer { table.value(of: $0, 0..<$0.count) }
            let folded = probe.withUnsafeBufferPointer { table.value(foldingCaseOf: $0, 0..<$0.count) }
            #expect(folded == expected, "\(String(decoding: probe, as: UTF8.self))")
            #expect(table.containsLowercased(String(decoding: probe, as: UTF8.self)) == (expected != 0))
        }
    }

    /// The line scan's thousands groups and `$` are what the budget finder's byte tests
    /// find, and a line whose letters hold no unit run (nor a `$`) holds no explicit money
    /// by ``BudgetPhraseFinder/mayHoldExplicitMoney(_:)``.
    @Test func scanRecordsTheBudgetPrefilterFacts() {
        var generator = SplitMix64(seed: 0x5EED_0024)
        let pieces = [
            "1,200", "3,4000", ",500", "12,34", "$", "$5", "650k", "650 K", "2_mil", "2  mil", "1.5million", "4MM", "800 grand",
            "7 hundred", "3 thousand", "5 Millions", "k", "m", "mm", "5 months", "10 min", "2 garage", "budget", "we", "a",
            "lot's", "5'k", "k's", ",", " ", "  ", "_", "-", "x2", "2x", "kilo", "mill's", "3,000 sq ft",
        ]
        var lines = ["Budget is $650k", "3,000 sq ft", "around 7 hundred thousand", "no money here"]
        for _ in 0..<4_000 {
            var line = ""
            for _ in 0..<(1 + generator.below(8)) { line += generator.pick(pieces) }
            lines.append(line)
        }
        var money = 0
        for line in lines {
            let scanned = InquiryLines(line)
            guard let index = scanned.lines.indices.first, scanned.traits[index].isASCII else { continue }
            let text = scanned.lines[index].text
            let traits = scanned.traits[index]
            let bytes = Array(text.utf8)
            let group = bytes.indices.contains { comma in
                guard bytes[comma] == UInt8(ascii: ","), comma > 0, comma + 3 < bytes.count else { return false }
                return [bytes[comma - 1], bytes[comma + 1], bytes[comma + 2], bytes[comma + 3]].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
            }
            #expect(traits.hasThousandsGroup == group, "\(text.debugDescription)")
            #expect(traits.hasDollar == bytes.contains(UInt8(ascii: "$")), "\(text.debugDescription)")
            if BudgetPhraseFinder.mayHoldExplicitMoney(text) {
                money += 1
                #expect(traits.hasDollar || traits.keywords.contains(.moneyUnit), "\(text.debugDescription)")
            }
        }
        #expect(money > 500, "\(money)")
    }

    /// The introduction prefilter reading only the bytes before each space answers as the
    /// byte-by-byte window it replaced.
    @Test func introductionPrefilterAnswersAsTheByteWindow() {
        var generator = SplitMix64(seed: 0x5EED_0025)
        let pieces = [
            "my name is", "This is", "I'm", "I\u{2019}m", "i am", "We are", "we're", "WE\u{2019}RE", "me llamo", "Mi nombre es",
            "soy", "Soy", "his", "Sam", "are", "llamo", "ombre es", "\u{7}m", "'m", "is", "am", "x", " ", "  ", "\t", "é",
            "\u{0}soy", "hola",
        ]
        var found = 0
        for _ in 0..<6_000 {
            var line = ""
            for _ in 0..<(1 + generator.below(7)) { line += generator.pick(pieces) }
            let answer = SelfIntroductionFinder.mayIntroduce(line)
            #expect(answer == Self.referenceMayIntroduce(line), "\(line.debugDescription)")
            if answer != 0 { found += 1 }
        }
        #expect(found > 1_000, "\(found)")
    }

    /// ``SelfIntroductionFinder/mayIntroduce(_:)`` as it was: every byte shifted through a
    /// window.
    private static func referenceMayIntroduce(_ text: String) -> UInt8 {
        let bytes = text.utf8
        guard bytes.count >= 8 else { return 0 }
        func packed(_ text: String) -> UInt64 { text.utf8.reduce(0) { $0 << 8 | UInt64($1 | 0x20) } }
        var found: UInt8 = 0
        var previous: (UInt8, UInt8) = (0, 0)
        var window: UInt64 = 0
        for byte in bytes {
            if byte == 0x20 {
                if previous.1 == 0x73 || previous.1 == 0x53, previous.0 == 0x69 || previous.0 == 0x49 { found |= 1 }
                if previous.1 == 0x6D || previous.1 == 0x4D,
                   previous.0 == 0x27 || previous.0 == 0x99 || previous.0 == 0x61 || previous.0 == 0x41 { found |= 1 }
                if window & 0xFFFF_FFFF_FFFF == packed("we are") || window & 0xFF_FFFF_FFFF == packed("we're")
                    || window & 0xFF_FFFF_FFFF_FFFF == packed("we\u{2019}re") { found |= 1 }
                if window & 0xFF_FFFF_FFFF == packed("llamo") || window == packed("ombre es") || window & 0xFFFF_FFFF == packed(" soy")
                    || window & 0xFFFF_FFFF == packed("soy") { found |= 2 }
            }
            previous = (previous.1, byte)
            window = window << 8 | UInt64(byte | 0x20)
        }
        return found
    }
}
