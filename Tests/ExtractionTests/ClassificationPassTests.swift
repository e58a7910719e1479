@testable import Extraction
import Foundation
import MIME
import Testing

/// The classification work folded into the spec literals' pass: the spam rule's pitch
/// prefilter read from ``DetectionLiterals`` extra slots, scanner slots with variants, the
/// literals of required groups and the sender-pattern prefilter, each against what it
/// shortcuts.
@Suite struct ClassificationPassTests {
    static let phrases = SpamRule.pitchPhrases.flatMap(\.phrases)

    /// A spec set's literals with the pitch slots, as ``SpecSet`` builds them.
    static let literals = SpecSet(specs: []).detectionLiterals

    /// What the spam rule's full check confirms: each phrase as a word of the lowercased
    /// joined text.
    static func confirmedCount(subject: String, body: String) -> Int {
        let lower = (subject + "\n" + body).lowercased()
        return phrases.filter { SpamRule.containsWord(lower, $0) }.count
    }

    static func rulesOut(subject: String, body: String) -> Bool {
        SpamRule.rulesOutPitch(subject: subject, text: body, subjectPresence: literals.presence(in: subject),
                               textPresence: literals.presence(in: body), from: literals.extraStart)
    }

    /// "No pitch" only when the full check confirms fewer than two phrases.
    static func check(subject: String, body: String, sourceLocation: SourceLocation = #_sourceLocation) {
        if rulesOut(subject: subject, body: body) {
            #expect(confirmedCount(subject: subject, body: body) < 2, "\(subject.debugDescription) / \(body.debugDescription)",
                    sourceLocation: sourceLocation)
        }
    }

    @Test func exactAnswers() {
        #expect(Self.rulesOut(subject: "New lead", body: "Kitchen remodel, budget $40k"))
        #expect(!Self.rulesOut(subject: "", body: "We do backlinks."))  // that and maybe "nft" (not scanned)
        #expect(!Self.rulesOut(subject: "", body: "We do SEO."))       // "seo" and maybe "nft"
        #expect(Self.rulesOut(subject: "", body: "nft"))
        #expect(Self.rulesOut(subject: "Seoul", body: "nft"))          // "seo" before a letter
        #expect(!Self.rulesOut(subject: "", body: "We do SEO and backlinks."))
        #expect(!Self.rulesOut(subject: "SEO", body: "nft"))           // "seo" at the subject's end
        #expect(!Self.rulesOut(subject: "x", body: "nft seo"))          // ... and at the text's end
        #expect(!Self.rulesOut(subject: "seo\u{E9}", body: "nft"))     // a non-ASCII byte after it
        #expect(!Self.rulesOut(subject: "", body: "organic traffic, guest post"))
        // Not decided here: a case-folding hazard, or more than 20,000 bytes.
        #expect(!Self.rulesOut(subject: "\u{212A}", body: "hello"))
        #expect(!Self.rulesOut(subject: "", body: String(repeating: "a", count: 20_000)))
        #expect(Self.rulesOut(subject: "", body: String(repeating: "a", count: 19_999)))
        // Literals made without the pitch slots decide nothing.
        let plain = DetectionLiterals(folded: ["new lead"], exact: [])
        #expect(!SpamRule.rulesOutPitch(subject: "", text: "", subjectPresence: plain.presence(in: ""),
                                        textPresence: plain.presence(in: ""), from: plain.extraStart))
    }

    @Test func agreesOnRandomTexts() {
        var generator = SplitMix64(seed: 0xC1A5_5E5)
        let pieces = Self.phrases + Self.phrases.map { $0.uppercased() } + [
            " ", " ", "  ", "\n", "\r\n", "-", ".", ",", "1", "9", "a", "Z", "x", "_", "'", "\u{E9}", "\u{301}",
            "\u{0600}", "\u{2019}", "\u{00A0}", "\u{1F600}", "ing", "s", "\u{65E5}", "\t", "seo", "SEO", "nft", "eo",
        ]
        var ruledOut = 0
        for _ in 0..<4_000 {
            var subject = ""
            var body = ""
            for _ in 0..<generator.below(4) { subject += generator.pick(pieces) }
            for _ in 0..<generator.below(12) { body += generator.pick(pieces) }
            Self.check(subject: subject, body: body)
            if Self.rulesOut(subject: subject, body: body) { ruledOut += 1 }
        }
        #expect(ruledOut > 100)
    }

    /// On every fixture the extractor's order (header rules, then the literal pass, then the
    /// content check only when that pass cannot rule it out) gives the classifier's verdict.
    @Test func extractorAgreesWithTheClassifierOnEveryFixture() throws {
        let specs = try SpecTestSupport.repositorySpecs()
        let messages = ClassificationShortcutTests.fixtureMessages()
        var ruledOut = 0
        for (path, message) in messages {
            let view = InquiryView(message: message)
            let presence = LiteralPresence(literals: specs.detectionLiterals, view: view)
            // Nothing is decided before the text's literal pass is made.
            #expect(!presence.rulesOutPitch(), "\(path)")
            _ = presence.text
            if presence.rulesOutPitch() {
                ruledOut += 1
                #expect(SpamRule.contentVerdict(message) == nil, "\(path)")
                #expect(SpamRule.mayHaveNoPitch(subject: message.subject ?? "", body: message.text ?? ""), "\(path)")
            }
            let headers = ClassificationHeaders(message.headers)
            #expect(NotALeadClassifier.verdict(for: message, headers: headers)
                    == (NotALeadClassifier.verdictBeforeContent(for: message, headers: headers) ?? SpamRule.verdict(message, headers)),
                    "\(path)")
        }
        #expect(ruledOut > 100)
    }

    // MARK: - Scanner slots

    @Test func variantsMarkTheirSlot() {
        let scanner = FoldedLiteralScanner(variants: [[Array("kitchen".utf8)], [Array("seo ".utf8), Array("seo.".utf8)], [Array("bath".utf8)]])
        func found(_ text: String) -> [Bool] { Array(text.utf8).withUnsafeBufferPointer { scanner.occurrences(in: $0) } }
        #expect(scanner.slotCount == 3)
        #expect(found("SEO. Kitchen") == [true, true, false])
        #expect(found("seo bath") == [false, true, true])
        #expect(found("seoul seo") == [false, false, false])
        var marked = [false, false, false]
        for part in ["a seo.", "BATH"] {
            Array(part.utf8).withUnsafeBufferPointer { scanner.markOccurrences(in: $0, into: &marked) }
        }
        #expect(marked == [false, true, true])
    }

    @Test func variantsMatchAReference() {
        var generator = SplitMix64(seed: 77)
        let groups: [[String]] = [["new lead"], ["seo ", "seo.", "seo\n"], ["kitchen", "bath", "new "], ["project #"], ["lead"]]
        let scanner = FoldedLiteralScanner(variants: groups.map { $0.map { Array($0.utf8) } })
        let pieces = ["new", " ", "lead", "SEO", "seo", ".", "\n", "kit", "chen", "BATH", "project", " #", "x", "\u{E9}", "Lead"]
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<generator.below(10) { text += generator.pick(pieces) }
            let folded = String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
            let expected = groups.map { group in group.contains { folded.utf8.firstRange(of: Array($0.utf8)) != nil } }
            let actual = Array(text.utf8).withUnsafeBufferPointer { scanner.occurrences(in: $0) }
            #expect(actual == expected, "\(text.debugDescription)")
        }
    }

    // MARK: - Literals of required groups

    @Test func groupLiterals() {
        func literals(_ source: String) -> [String]? { SpecPatternLiterals(source: source)?.alternatives }
        #expect(literals(#"(?i)\b(?:invoice|receipt|Billing)\b"#) == ["invoice", "receipt", "billing"])
        #expect(literals(#"\b(?:Invoice|receipt)\b"#) == ["Invoice", "receipt"])
        #expect(literals(#"(?i)\b(?:review request|new review|left you a (?:x|y)review)\b"#) == ["review request", "new review", "left you a "])
        #expect(literals(#"(?i)x(a|bb)"#) == nil)                  // an inner alternative without a run
        #expect(literals(#"(?i)\b(?:invoice|receipt)?\b"#) == nil) // optional
        #expect(literals(#"(?i)(?:invoice|receipt)*"#) == nil)
        #expect(literals(#"(?i)(?:invoice|receipt){0,2}"#) == nil)
        #expect(literals(#"(?i)(?!invoice|receipt)x"#) == nil)     // a negative look-ahead requires nothing
        #expect(literals(#"(?i)new (?:opportunity|lead)"#) == ["new "])  // a run of its own is kept
        #expect(literals(#"(?i)\bscore\b|(?:news|digest)\b"#) == ["score", "news", "digest"])
        #expect(literals(#"(?i)^(?:[^@]*[._+-])?(?:no-?reply|info)(?:[._+-][^@]*)?@"#) == ["reply", "info"])
    }

    /// A pattern matches only text that holds one of its literals (folded under `(?i)`).
    @Test func groupLiteralsAreRequired() throws {
        let sources = [#"(?i)\b(?:invoice|receipt|billing statement|payment (?:failed|received))\b"#,
                       #"(?i)\b(?:review request|new review|left you a review)\b"#,
                       #"\b(?:Invoice|Receipt)\b|x(?:ab|cd)y"#, #"(?i)(ab|cd)+ef"#]
        let pieces = ["invoice", "Invoice", "INVOICE", "receipt", "billing", " statement", "payment ", "failed", "received",
                      "review", " request", "new ", "left you a ", "x", "ab", "cd", "y", "ef", " ", "-", "\u{E9}"]
        var generator = SplitMix64(seed: 99)
        for source in sources {
            let pattern = try SpecPattern(source)
            let literals = try #require(pattern.literals)
            for _ in 0..<1_500 {
                var text = ""
                for _ in 0..<generator.below(8) { text += generator.pick(pieces) }
                guard pattern.matches(text) else { continue }
                let searched = literals.isCaseInsensitive ? text.lowercased() : text
                #expect(literals.alternatives.contains { searched.contains($0) }, "\(source) on \(text.debugDescription)")
            }
        }
    }

    // MARK: - Sender patterns

    @Test func senderLiteralsNeverSkipAMatch() throws {
        let specs = try SpecTestSupport.repositorySpecs()
        let patterns = specs.detectors.flatMap(\.senderPatterns)
        #expect(!patterns.isEmpty)
        let locals = ["jane", "noreply", "no-reply", "NoReply", "info", "web", "wordpress", "forms", "x.alerts", "sales+x",
                      "jane.doe", "contact-us", "hello_there", "inquiries", "j\u{E9}r\u{F4}me", "\u{212A}elvin", "mailer", "a.b.c"]
        let domains = ["gmail.com", "example.com", "Mail.Example.org", "b\u{FC}ro.de"]
        var skipped = 0
        for pattern in patterns {
            let prefilter = try #require(pattern.literals.map(SenderLiterals.init))
            for local in locals {
                for domain in domains {
                    let address = "\(local)@\(domain)".lowercased()
                    if !prefilter.mayOccur(in: address) {
                        skipped += 1
                        #expect(!pattern.matches(address), "\(pattern.source) on \(address)")
                    }
                }
            }
        }
        #expect(skipped > 0)
    }
}

/// ``OutOfOfficeSubjects/startsNoPrefix(_:)`` against the Character steps it skips.
@Suite struct OutOfOfficeFirstByteTests {
    /// What ``AutoReplyRule`` finds for a subject without X-Auto-Response-Suppress.
    static func referencePrefix(_ subject: String) -> String? {
        let lowered = subject.lowercased().replacing(" :", with: ":")
        return OutOfOfficeSubjects.prefix(of: lowered.drop(while: { $0 == " " }))
    }

    @Test func neverSkipsAPrefix() {
        var subjects = ClassificationShortcutTests.subjects + OutOfOfficeSubjects.prefixes.map { $0 + " x" }
            + OutOfOfficeSubjects.prefixes.map { $0.uppercased() + "\u{E9}" }
            + ["K\u{301}itchen \u{2013} x", "New lead \u{2013} Caf\u{E9}", "\u{212A}", "\u{130}x", "\r\nauto: x", "Ooo:\u{301}",
               "A\u{301}uto: x", "\u{1F600} auto:", "Out of office\u{2019}", "rÉponse automatique: x", "RÉPONSE AUTOMATIQUE : x"]
        var generator = SplitMix64(seed: 31)
        let pieces = ["auto", "Auto", ":", " :", " ", "r\u{E9}ponse", "R\u{C9}PONSE", " automatique", "ooo", "x", "\u{301}", "\u{2013}",
                      "\u{212A}", "K", "自动回复", "Out of office", "\r\n", "\u{A0}"]
        for _ in 0..<3_000 { subjects.append((0..<generator.below(6)).map { _ in generator.pick(pieces) }.joined()) }
        var skipped = 0
        for subject in subjects where OutOfOfficeSubjects.startsNoPrefix(subject) {
            skipped += 1
            #expect(Self.referencePrefix(subject) == nil, "\(subject.debugDescription)")
        }
        #expect(skipped > 100)
        #expect(!OutOfOfficeSubjects.startsNoPrefix("Auto: x"))
        #expect(!OutOfOfficeSubjects.startsNoPrefix(" New"))
        #expect(OutOfOfficeSubjects.startsNoPrefix("New lead \u{2013} x"))
    }
}
