@testable import Extraction
import MIME
import LeadModel
import Testing

/// The referral reading's byte paths (a name after a cue, a phone lead-in's words, the
/// tokens holding an "@") against the Character readings they stand for.
@Suite("Client referral: byte paths against Characters")
struct ReferralFastPathTests {
    static let namePieces = [
        "Alan", "Meyer", "Beth", "Conroy", "and", "&", "y", "O'Neil", "Smith-Jones", "J.", "Dr.", "Inc", "Homes", " ", "  ", "\t",
        "\n", "\r\n", ",", ".", "'s", "José", "Núñez", "é", "\u{2019}s", "\u{A0}", "—", "😀", "x", "LLC", "the", "\u{301}",
    ]

    static func generated(_ pieces: [String], seed: UInt64, count: Int, length: Int) -> [String] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in (0..<generator.below(length)).map { _ in generator.pick(pieces) }.joined() }
    }

    @Test func aNameAfterACueReadsAsItsCharactersDo() {
        var texts = Self.generated(Self.namePieces, seed: 11, count: 6000, length: 9)
        texts += ["Alan Meyer and Beth Conroy, who\u{2019}ll call", "Alan Meyer — they’re great", "José Núñez y Ana Ruiz"]
        var read = 0
        for text in texts {
            for overLines in [false, true] {
                var copy = text
                let bytes = copy.withUTF8 { ClientReferral.nameAfter($0, overLines: overLines) }
                let characters = ClientReferral.nameAfter(Array(text), overLines: overLines)
                #expect(bytes?.0 == characters?.0 && bytes?.1 == characters?.1 && bytes?.2 == characters?.2,
                        "\(text.debugDescription) overLines \(overLines)")
                if bytes != nil { read += 1 }
            }
        }
        #expect(read > 200, "the generated texts hold names: \(read)")
    }

    /// ``ClientReferral/saysWritersOwn(_:)`` as it read every lead-in before its byte path.
    static func writersOwnByCharacters(_ leadIn: String) -> Bool {
        guard !leadIn.isEmpty else { return false }
        let utf8 = leadIn.utf8
        var sentence = Substring(leadIn)
        if let end = utf8.indices.dropLast().last(where: { index in
            let byte = utf8[index]
            return (byte == 0x2E || byte == 0x21 || byte == 0x3F) && utf8[utf8.index(after: index)] == 0x20
        }) {
            sentence = leadIn[utf8.index(after: end)...]
        }
        var split = sentence.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "’" })
        if sentence.startIndex == leadIn.startIndex, leadIn.unicodeScalars.count >= PhoneMatch.maximumLeadIn, !split.isEmpty {
            split.removeFirst()
        }
        let words = Set(split)
        if !words.isDisjoint(with: ["me", "i", "i'm", "i’m", "mine"]) { return true }
        let clientWords: Set<Substring> = [
            "client", "client's", "client’s", "clients", "buyer", "buyers", "buyer's", "owner", "owners", "owner's", "customer",
            "his", "her", "their", "them", "him",
        ]
        return words.contains("my") && words.isDisjoint(with: clientWords)
    }

    @Test func aPhoneLeadInReadsAsItsCharactersDo() {
        let pieces = ["call", "me", "Me", "I", "i'm", "I'm", "my", "My", "cell", "client's", "clients", "his", "their", "at", "mine",
                      " ", ". ", "! ", "? ", ".", ",", ":", "-", "2", "'", "x", "reach", "buyer's", "owner", "ho", "é", "’"]
        var leadIns = Self.generated(pieces, seed: 12, count: 20_000, length: 14)
        leadIns += ["Please call me any time at my cell, at ", "me in Dripping Springs, their number is ", "custom home in x"]
        var writers = 0
        for leadIn in leadIns {
            let expected = Self.writersOwnByCharacters(leadIn)
            #expect(ClientReferral.saysWritersOwn(leadIn) == expected, "\(leadIn.debugDescription)")
            if expected { writers += 1 }
        }
        #expect(writers > 2_000 && writers < 18_000, "\(writers)")
    }

    @Test func theTokensHoldingAnAtAreTheCharacterSplits() {
        let pieces = ["a@b.co", "@", "x", " ", "  ", "\t", "mailto:", "<", ">", "é", "\u{301}", ".", "\r\n", "jane@x.org,", "@@"]
        for line in Self.generated(pieces, seed: 13, count: 8000, length: 8) {
            let expected = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
                .filter { $0.utf8.contains(0x40) && ($0.utf8.allSatisfy { $0 < 0x80 } || $0.contains("@")) }.map(String.init)
            #expect(ClientReferral.tokensWithAt(line) == expected, "\(line.debugDescription)")
        }
    }
}

/// ``LeadExtractor/withoutWritersSignature(_:writer:)`` on the bytes of ASCII text against
/// its reading of Character lines.
@Suite("A writer's signature cut on bytes")
struct WritersSignatureFastPathTests {
    static func byCharacters(_ body: String, writer: Mailbox?) -> String {
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        let trimmed = lines.map { ValueNormalizer.trimmingWhitespace(String($0)) }
        var cut = trimmed.lastIndex { $0 == "--" }
        if cut == nil, let name = writer?.name.map(ValueNormalizer.trimmingWhitespace), name.utf8.contains(0x20) {
            let lowered = name.lowercased()
            cut = trimmed.lastIndex { $0.lowercased().hasPrefix(lowered) }
        }
        guard let cut, cut > 0, trimmed[..<cut].contains(where: { !$0.isEmpty }) else { return body }
        return lines[..<cut].joined(separator: "\n")
    }

    @Test func theCutIsTheCharacterReadings() {
        let pieces = ["Mike Brennan", "mike brennan", "MIKE BRENNAN | Brennan Homes", "Mike", "--", "-- ", " --", "\n", "\r\n", "\r",
                      " ", "\t", "Call me at 512-555-0160.", "x", "", "é", "Thanks,", "-", "Mike Brennan\u{301}"]
        let writers: [Mailbox?] = [nil, Mailbox(name: "Mike Brennan", address: "mike@x.example"), Mailbox(name: " mike brennan ", address: ""),
                                   Mailbox(name: "Mike", address: ""), Mailbox(name: "José Núñez", address: "")]
        var generator = SplitMix64(seed: 21)
        var cuts = 0
        for _ in 0..<12_000 {
            let body = (0..<generator.below(9)).map { _ in generator.pick(pieces) }.joined()
            let writer = generator.pick(writers)
            let expected = Self.byCharacters(body, writer: writer)
            #expect(LeadExtractor.withoutWritersSignature(body, writer: writer) == expected, "\(body.debugDescription) \(String(describing: writer))")
            if expected != body { cuts += 1 }
        }
        #expect(cuts > 100, "some bodies are cut: \(cuts)")
    }
}
