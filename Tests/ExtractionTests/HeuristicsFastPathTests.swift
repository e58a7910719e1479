@testable import Extraction
@testable import LeadModel
import Testing

/// The byte readings the heuristics use on ASCII text (and on spaces beside other text)
/// agree with the Character readings they stand for, on words and lines chosen to reach the
/// edges: CR LF, combining marks, a Prepend scalar, a no-break space, the Kelvin sign.
@Suite("Heuristics: byte fast paths agree with the Character readings")
struct HeuristicsFastPathTests {
    private static let words: [String] = [
        "", "a", "A", "Oak", "oak", "OAK", "5th", "5TH", "21st", "12", "1108", "12B", "12b", "1234567", "123456",
        "(21109", "St.", "Dr,", "\r\n", "\r", "A\r\nB", "1\r\n", "É", "é", "e\u{301}", "E\u{301}", "A\u{301}b",
        "1\u{301}23", "12\u{301}", "Ünter", "ünter", "\u{212A}", "İn", "IN", "In", "in", "At", "at", "FROM", "Near",
        "outside", "Outside,", "from", "in\u{301}", "n\u{E9}ar", "2\u{FF11}", "5\u{0661}", "\u{0661}2",
    ]

    private static let lines: [String] = [
        "", " ", "  12 Oak Dr  ", "12\u{A0}Oak Dr", "Caf\u{E9} Ave, Austin", "cafe\u{301} Ave", "12 \u{301}Oak",
        "\u{600} 12 Oak", "a\tb  c", "x \r\n y", "\u{1F468}\u{200D} 12", "12 \u{200D}Oak", "naïve  words\there",
        "We live at 1108 Cedar Ave, Austin, TX 78702", "\u{E9} \u{E9}", "\u{0915}\u{094D} \u{0915}",
    ]

    @Test func startsUppercaseAgrees() {
        for word in Self.words + Self.lines {
            #expect(AddressFinder.startsUppercase(word) == (word.first?.isUppercase == true), "\(word.debugDescription)")
        }
    }

    @Test func houseNumberAgrees() {
        for word in Self.words where word.utf8.first.map({ $0 >= 0x30 && $0 <= 0x39 }) == true {
            let reference = word.first.map { $0.isASCII && $0.isNumber } == true && word.count <= 6
                && word.dropFirst().allSatisfy { $0.isNumber || ($0.isLetter && $0.isUppercase) }
            #expect(AddressFinder.isHouseNumber(word) == reference, "\(word.debugDescription)")
        }
    }

    @Test func nameWordAgrees() {
        for word in Self.words {
            let reference = word.first.map { $0.isUppercase || ($0.isNumber && AddressFinder.isOrdinal(word)) } ?? false
            #expect(AddressFinder.isNameWord(word) == reference, "\(word.debugDescription)")
        }
    }

    @Test func cityLeadAgrees() {
        for word in Self.words {
            let reference = ["in", "near", "outside", "at", "from"].contains(word.lowercased())
            #expect(AddressFinder.isCityLead(word) == reference, "\(word.debugDescription)")
        }
    }

    @Test func spaceSeparatedWordsAgree() {
        for line in Self.lines + Self.words {
            let reference = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            #expect(AddressFinder.spaceSeparatedWords(line) == reference, "\(line.debugDescription)")
        }
    }

    @Test func collapsedWhitespaceAgrees() {
        let texts = Self.lines + Self.words + [
            "  Jos\u{E9}   Garc\u{ED}a \t", "Ren\u{E9}e\r\nO\u{2019}Brien", "A\u{A0}B  C", "x\u{2003}y", "a \u{301}b",
            "\u{600} a", "(Mar\u{ED}a) L\u{F3}pez\n", "caf\u{E9}\u{85}bar",
        ]
        for text in texts {
            let reference = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            #expect(TextScanning.collapsed(text) == reference, "\(text.debugDescription)")
        }
    }

    @Test func householdTailLinesAgree() {
        let texts = [
            "", "\n", "Thanks,\nMaria Henderson", "Thanks,\r\nMaria Henderson\r\n", "a\n\u{301}b\n\nc", "x\r\n\ny\n",
            "Best\n\nThe Hendersons\n",
        ]
        for text in texts {
            let reference = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(SignatureNameFinder.lines(of: text, from: 0) == reference, "\(text.debugDescription)")
        }
    }

    @Test func householdMemberReadsCRLFText() {
        let text = "Hello,\r\nWe want to build.\r\nThanks,\r\nMaria Henderson\r\n"
        let found = SignatureNameFinder.householdMember(surname: "Hendersons", in: text)
        #expect(found == nil || found?.value.last == "Henderson")
        let plain = SignatureNameFinder.householdMember(surname: "Hendersons", in: "Hello,\nThanks,\nMaria Henderson\n")
        #expect(plain?.value.first == "Maria")
        #expect(plain?.line == 3)
    }

    @Test func phoneLeadInsAgreeWithTheScalarScan() {
        let texts = [
            "Call me at 512-555-0143 or my cell (512) 555-0199.",
            "Greg's number is 512-555-0176. Mine is 512-555-0175.",
            "Fax: 512-555-0198 / Mobile: 512-555-0199\nHome 512.555.0100",
            "a very long lead-in before the number that runs past forty characters 512 555 0143",
        ]
        let scanner = PhoneNumberScanner()
        for text in texts {
            #expect(scanner.phones(in: text).map(\.leadIn) == scanner.scalarPhones(in: text).nanp.map(\.leadIn), "\(text)")
        }
    }

    @Test func phoneNamedAnotherPersonsByItsLeadIn() {
        #expect(PhoneFinder.namesAnotherPersons("Greg's number is "))
        #expect(PhoneFinder.namesAnotherPersons("our realtor Dana Fields ("))
        #expect(PhoneFinder.namesAnotherPersons("Realtor: "))
        #expect(!PhoneFinder.namesAnotherPersons("my cell is "))
        #expect(!PhoneFinder.namesAnotherPersons("here's my number "))
        #expect(!PhoneFinder.namesAnotherPersons("Call me at "))
    }

    @Test func selfIntroductionNameReadingsAgree() {
        let texts = [
            "Hi, my name is Sarah Johnson and we are looking to build.", "this is Tom Baker from Round Rock",
            "I'm Nina Patel, looking", "I'm Interested in a custom home", "my name is maria gonzalez",
            "My name is on the deed", "my name is Ana de la Cruz; we want a casita", "x\r\nmy name is  Li  Wei \u{2014} hi",
            "my name is Jos\u{E9} Garc\u{ED}a \u{037E} and more", "my name is - Bo Li", "name is A B C D E F",
        ]
        for text in texts {
            for offset in 0...(text.count + 1) {
                for capitalisedOnly in [false, true] {
                    #expect(SelfIntroductionFinder.name(after: offset, in: text, capitalisedOnly: capitalisedOnly)
                                == ReferenceSelfIntroduction.name(after: offset, in: text, capitalisedOnly: capitalisedOnly), "\(text) @\(offset)")
                }
                #expect(SelfIntroductionFinder.fullName(after: offset, in: text) == ReferenceSelfIntroduction.fullName(after: offset, in: text),
                        "\(text) @\(offset)")
            }
        }
    }

    @Test func selfIntroductionFindsTheName() {
        let found = SelfIntroductionFinder.find(in: InquiryLines("Hi, my name is Sarah Johnson and we are looking to build."))
        #expect(found?.value.first == "Sarah")
        #expect(found?.value.last == "Johnson")
        #expect(SelfIntroductionFinder.find(in: InquiryLines("I'm Interested in a custom home")) == nil)
        #expect(SelfIntroductionFinder.find(in: InquiryLines("My name is on the deed")) == nil)
    }
}
