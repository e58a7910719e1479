@testable import Extraction
import Foundation
import MIME
import Testing

/// The byte paths of classification, subject cleaning, detection set-up and the
/// extractor's own steps, against the Character-level code they shortcut.
@Suite struct ClassificationShortcutTests {
    /// Subjects that probe the byte path's edges: whitespace kinds, CR LF, brackets,
    /// case, colon position, stacked prefixes, non-ASCII.
    static let subjects: [String] = [
        "", " ", "Re:", "re: hello", "RE: Hello", "  Re :  x", "Re[2]: x", "Fwd(3): x", "AW: WG: x", "Antw: x",
        "Fw: Re: Fwd: x", "SV:x", "VS: x", "TR: RV: x", "Subject: x", "Re", "Re x: y", "Réponse: x", "Re: Réponse",
        "\tRe:\tx\t", "\r\nRe: x", "Re:\r\n x", "Re\r: x", "Fwd: \u{00A0}x", "\u{00A0}Re: x", "Re:   ", "Fwd:",
        "Re: re: RE: rE: x", String(repeating: "Re: ", count: 25) + "x", "Re [x]: y", "(Re): y", "Re(: y", "abcdefghij: x",
        "abcdefghi: x", "Fwd : x", "F w d: x", "re\u{301}: x", "Re: x\u{0}", "\u{0}Re: x", "RE:RE:RE:", "Antwort: x",
        "Out of Office: x", "Automatic reply: x", "  automatic  reply : x", " :Automatic reply: x", "AUTO: x",
        "Out of office reply", "ooo : back monday", "Réponse automatique : x", "Abwesenheitsnotiz: x", "自动回复: x",
        "Out of the office: x", "Auto:", "auto", "  ", " : ", "Re: Out of office: x", "Vacation reply:x",
        "Fwd: Pricing \u{2013} Round Rock", "Re:\u{301} x", "Re :\u{301}", "RE: FW: \u{fc}n\u{ef}code", "Re:\u{A0}x",
        "Aw: \u{65E5}\u{672C}", "Re: 12345678\u{e9}", "abcdefghi\u{e9}: x", "Re: abcdef\u{301}: x", "Re: abcdefgh\u{301}: x",
        "Re: abcdefg\u{301}: x", "Re:abcdefg:\u{301}", "Fwd: Re: Casa nueva \u{2013} \u{201C}Cedar Park\u{201D}",
        " \u{301}Re: x", "Re: \r\n Fwd: x", "Re:\r x", "Re\r\n: x", "Fw: Re: x \u{2013}", "\u{2003}Re: x", "Re: \u{2003}x \u{2003}",
    ]

    @Test func subjectCleanerByteAndCharacterPathsAgree() {
        for subject in Self.subjects {
            #expect(SubjectCleaner.isReply(subject) == SubjectCleaner.characterIsReply(subject), "\(subject.debugDescription)")
            #expect(SubjectCleaner.clean(subject) == SubjectCleaner.characterClean(subject), "\(subject.debugDescription)")
        }
        #expect(SubjectCleaner.clean("Re: Fwd[2]:  New lead ") == "New lead")
        #expect(SubjectCleaner.isReply("  ANTW: x"))
        #expect(!SubjectCleaner.isReply("Fwd: Re: x"))
        #expect(SubjectCleaner.clean("Re: ") == nil)
    }

    @Test func subjectCleanerAgreesOnRandomASCII() {
        var generator = SplitMix64(seed: 7)
        let pieces = ["Re", "re", "FWD", "fw", "aw", "antw", ":", " ", "\t", "[", "]", "(", "x", "lead", "\r\n", "\n", "é", "\u{301}",
                      "\u{A0}", "\r", "\u{2013}", "abcdefgh"]
        for _ in 0..<3000 {
            let subject = (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(SubjectCleaner.isReply(subject) == SubjectCleaner.characterIsReply(subject), "\(subject.debugDescription)")
            #expect(SubjectCleaner.clean(subject) == SubjectCleaner.characterClean(subject), "\(subject.debugDescription)")
        }
    }

    /// What ``AutoReplyRule`` did with the subject before the byte path.
    private static func referenceSubjectPrefix(_ subject: String) -> String? {
        let lowered = subject.lowercased()
        let replaced = lowered.replacing(" :", with: ":")
        return OutOfOfficeSubjects.prefix(of: replaced.drop(while: { $0 == " " }))
    }

    @Test func autoReplySubjectBytePathAgrees() {
        var generator = SplitMix64(seed: 11)
        let pieces = ["Out", " of ", "office", ":", " :", "  ", " ", "AUTO", "automatic reply", "\r\n", "ooo", "x"]
        var subjects = Self.subjects
        for _ in 0..<3000 {
            subjects.append((0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        var decided = 0
        for subject in subjects {
            guard let fast = AutoReplyRule.asciiSubjectPrefix(subject) else {
                #expect(!subject.utf8.allSatisfy { $0 < 0x80 }, "\(subject.debugDescription) not decided")
                continue
            }
            decided += 1
            #expect(fast == Self.referenceSubjectPrefix(subject), "\(subject.debugDescription)")
        }
        #expect(decided > 3000)
        #expect(AutoReplyRule.asciiSubjectPrefix("  Automatic Reply : away") == .some("automatic reply:"))
    }

    /// The subject steps of ``AutoReplyRule`` before the byte path, whole.
    private static func referenceSubjectVerdict(_ subject: String, suppress: String?) -> NotALeadVerdict? {
        let lowered = subject.lowercased()
        let replaced = lowered.replacing(" :", with: ":")
        if let prefix = OutOfOfficeSubjects.prefix(of: replaced.drop(while: { $0 == " " })) {
            let shown = prefix.hasSuffix(":") ? String(prefix.dropLast()) : prefix
            return NotALeadVerdict(kind: .autoReply, reason: "auto-reply (subject \"\(shown)\")")
        }
        // (Session 16: a phrase counts only at the subject's start, see `leadingPhrase(of:)`.)
        if let suppress, let phrase = OutOfOfficeSubjects.leadingPhrase(of: replaced.drop(while: { $0 == " " })) {
            return NotALeadVerdict(kind: .autoReply,
                                   reason: "auto-reply (subject \"\(phrase)\", X-Auto-Response-Suppress: \(HeaderToken.safe(suppress, limit: 20)))")
        }
        return nil
    }

    @Test func autoReplySubjectVerdictBytePathAgrees() {
        var generator = SplitMix64(seed: 13)
        let pieces = ["Out", " of ", "office", "the ", ":", " :", "  ", " ", "AUTO", "reply", "\r\n", "OOO", "x", "Abwesenheitsnotiz"]
        var subjects = Self.subjects
        for _ in 0..<3000 {
            subjects.append((0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        var found = 0
        for subject in subjects {
            for suppress in [nil, "All", "  OOF,  AutoReply!! ", ""] as [String?] {
                guard let fast = AutoReplyRule.asciiSubjectVerdict(subject, suppress: suppress) else { continue }
                let expected = Self.referenceSubjectVerdict(subject, suppress: suppress)
                #expect(fast == expected, "\(subject.debugDescription) \(String(describing: suppress))")
                if expected != nil { found += 1 }
            }
        }
        #expect(found > 500)
    }

    @Test func outOfOfficePrefixOfNonASCIISubjectsAgrees() {
        var subjects = ["réponse automatique: x", "re\u{301}ponse automatique: x", "auto\u{301}: x", "autoreply: é", "é auto:",
                        "自动回复: x", "自動回覆:", "\u{212A}auto: x", "ﬀ auto:", "automatic reply: ✓", "a\u{301}uto: x",
                        "out of office: 🏖️", "abwesenheitsnotiz: für", "respuesta automática: x", "respuesta automatica: ü"]
        var generator = SplitMix64(seed: 19)
        let pieces = ["auto", ":", " ", "reply", "é", "\u{301}", "out of office", "réponse automatique", "自动回复", "x", "\u{212A}"]
        for _ in 0..<2000 {
            subjects.append((0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for subject in subjects {
            let lowered = Substring(subject.lowercased())
            #expect(OutOfOfficeSubjects.prefix(of: lowered) == OutOfOfficeSubjects.prefixes.first { lowered.hasPrefix($0) },
                    "\(subject.debugDescription)")
        }
    }

    @Test func headerTokenBytePathAgrees() {
        var generator = SplitMix64(seed: 17)
        let pieces = ["All", " ", "  ", "OOF", ",", ";", "auto-replied", "_x.", "(", "\t", "\r\n", "é", "K", "\u{212A}", "9", "!"]
        var values = ["", " ", "unspecified", String(repeating: "abc ", count: 40), String(repeating: " ", count: 100) + "x"]
        for _ in 0..<3000 {
            values.append((0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for value in values {
            for limit in [0, 1, 5, 20, 40, 60] {
                #expect(HeaderToken.safe(value, limit: limit) == HeaderToken.characterSafe(value, limit: limit),
                        "\(value.debugDescription) \(limit)")
            }
        }
    }

    @Test func autoReplyVerdictFromSubject() {
        let message = MIMEMessage(subject: "  OUT OF OFFICE : back soon", from: [Mailbox(name: nil, address: "a@b.example")], text: "x")
        #expect(NotALeadClassifier.reason(for: message) == "auto-reply (subject \"out of office\")")
        let lead = MIMEMessage(subject: "Kitchen remodel", from: [Mailbox(name: nil, address: "a@b.example")], text: "x")
        #expect(NotALeadClassifier.reason(for: lead) == nil)
    }

    @Test func leadMetaPrefixSearchAgrees() {
        var generator = SplitMix64(seed: 3)
        let pieces = ["lead_", "LEAD_", "lea", "d_", "_", "<meta name=", "x", "Lead", "\u{e9}", "utm_source", "le_ad"]
        var texts = ["", "lead", "lead_", "_lead_", "LeAd_x", "xlead_", "lea_d", "l_", "____"]
        for _ in 0..<2000 {
            texts.append((0..<Int.random(in: 0...30, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        texts.append(String(repeating: "a_", count: 5000) + "lead_")
        for text in texts {
            #expect(LeadMetaTags.containsLeadPrefix(text) == LeadMetaTags.referenceContainsLeadPrefix(text), "\(text.prefix(80).debugDescription)")
        }
    }

    @Test func automatedSenderByteAndCharacterPathsAgree() {
        var addresses = [
            "", "@", "noreply@x.com", "NoReply@x.com", "no-reply@x", "jane@x.com", "wordpress@site.com", "Word.Press@x",
            "site.notifications@x.com", "a+leads@x.com", "forms-bot@x", "form@x", "formation@x", "x_do_not_reply@y",
            "mailer-daemon", "mailer-daemon@x", "MAILER@x", "a..b@x", "news@x", "newsletters@x", "ÿnoreply@x", "noreply",
            "a@b@noreply", "website@x", "web.site@x", "do.not.reply@x", "donotreply@x", "x-notify-y@z", "\r\nform@x",
        ]
        var generator = SplitMix64(seed: 5)
        let pieces = ["no", "reply", "-", "_", ".", "+", "form", "FORMS", "lead", "x", "@", "auto", "bounce", "é", "Alert"]
        for _ in 0..<3000 {
            addresses.append((0..<Int.random(in: 0...7, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for address in addresses {
            #expect(LeadExtractor.isAutomated(Mailbox(name: nil, address: address)) == LeadExtractor.characterIsAutomated(address),
                    "\(address.debugDescription)")
        }
        #expect(LeadExtractor.isAutomated(Mailbox(name: nil, address: "Notifications.Site@x.com")))
        // A later automated word beside a plain one is a person's (`tom.mailer@`): session 15.
        #expect(!LeadExtractor.isAutomated(Mailbox(name: nil, address: "Site.Notifications@x.com")))
        #expect(!LeadExtractor.isAutomated(Mailbox(name: nil, address: "jane.doe@x.com")))
        #expect(!LeadExtractor.isAutomated(nil))
    }

    @Test func bounceSendersStillFound() {
        for (address, reason) in [("MAILER-DAEMON@mx.example", "bounce (From: mailer-daemon)"),
                                  ("PostMaster@mx.example", "bounce (From: postmaster)"),
                                  ("postmaster", "bounce (From: postmaster)"),
                                  ("Mailer-Daemon", "bounce (From: mailer-daemon)"),
                                  ("postmasters@mx.example", nil), ("jane@mx.example", nil), ("", nil)] as [(String, String?)] {
            let message = MIMEMessage(subject: "Undelivered", from: [Mailbox(name: nil, address: address)], text: "x")
            #expect(NotALeadClassifier.reason(for: message) == reason, "\(address)")
        }
    }

    @Test func multipartReportContentTypes() {
        let cases: [(String, String?)] = [
            ("multipart/report; report-type=delivery-status; boundary=x", "delivery status notification (multipart/report)"),
            (" ;(Multipart/REPORT;report-type=disposition-notification", "read receipt (disposition notification)"),
            ("multipart/report", "report (multipart/report)"),
            ("multipart/reports; report-type=delivery-status", nil),
            ("multipart/repor", nil), ("multipart/mixed; boundary=\"report\"", nil), ("text/plain; charset=utf-8", nil),
            ("multipart/report\u{301}; report-type=delivery-status", nil), ("mültipart/report", nil),
            ("multipart/report; x=é; report-type=delivery-status", "delivery status notification (multipart/report)"),
        ]
        for (contentType, reason) in cases {
            let message = MIMEMessage(headers: [MIMEHeader(name: "Content-Type", value: contentType, rawValue: contentType)],
                                      subject: "x", from: [Mailbox(name: nil, address: "a@b.example")], text: "x")
            #expect(NotALeadClassifier.reason(for: message) == reason, "\(contentType)")
        }
    }

    @Test func spamBoundedTextBytePathAgrees() {
        let long = String(repeating: "abc de\r\n", count: 3000)
        let cases: [(String, String)] = [
            ("", ""), ("Subject\r", "\nbody"), ("Subject\r", "body"), ("s", long), ("s\r", long), (long, long),
            ("s", String(repeating: "x", count: 19_998) + "\u{301}tail"), ("s", String(repeating: "x", count: 19_999) + "\u{301}"),
            ("s", String(repeating: "x", count: 20_000) + "\u{301}"), ("é", "body"), ("s", "bödy"),
            ("s", String(repeating: "\r\n", count: 10_001) + "x"), ("s", String(repeating: "\r", count: 20_001)),
            ("s", String(repeating: "x", count: 19_997) + "\r\n\r\n"), ("s\r", String(repeating: "x", count: 19_999) + "é"),
        ]
        var decided = 0
        for (subject, body) in cases {
            let expected = SpamRule.characterBoundedText(subject: subject, body: body)
            if let fast = SpamRule.asciiBoundedText(subject: subject, body: body) {
                decided += 1
                #expect(fast == expected && fast.utf8.elementsEqual(expected.utf8), "\(subject.prefix(20).debugDescription) / \(body.prefix(20).debugDescription) \(body.utf8.count)")
            }
        }
        #expect(decided == 9)
    }

    @Test func quotedLineBlankingBytePathAgrees() {
        var texts = ["", ">", "> x", "a\n> b\nc", " \t> quoted\r\nnot a break\n>", ">\u{338} not quoted?\n> yes",
                     "\r\n> x", "x\r\n> y\n  >z", " \u{301}> x", ">\r\n", "\n\n>\n", "é\n> é\n>é", "a > b"]
        var generator = SplitMix64(seed: 23)
        let pieces = [">", " ", "\t", "\n", "\r\n", "\r", "x", "é", "\u{301}", "\u{338}", "quoted", "\u{A0}"]
        for _ in 0..<3000 {
            texts.append((0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for text in texts {
            let fast = Inquiry.blankingQuotedLines(text)
            let expected = text.utf8.contains(UInt8(ascii: ">")) ? Inquiry.characterBlankingQuotedLines(text) : text
            #expect(fast.utf8.elementsEqual(expected.utf8), "\(text.debugDescription)")
        }
    }

    // MARK: Detection

    /// Every fixture message of the repository, parsed.
    static func fixtureMessages() -> [(String, MIMEMessage)] {
        let root = SpecTestSupport.parsersDirectory.deletingLastPathComponent()
        var result: [(String, MIMEMessage)] = []
        for directory in ["parsers/fixtures", "fixtures/email", "fixtures/mime"] {
            let url = root.appendingPathComponent(directory)
            guard let walker = FileManager.default.enumerator(atPath: url.path) else { continue }
            for case let path as String in walker where path.hasSuffix(".eml") {
                guard let data = FileManager.default.contents(atPath: url.appendingPathComponent(path).path) else { continue }
                result.append(("\(directory)/\(path)", MIMEMessage.parse(Array(data))))
            }
        }
        return result
    }

    private static func referenceDetect(_ specs: SpecSet, _ message: MIMEMessage) -> String? {
        let view = InquiryView(message: message)
        let presence = LiteralPresence(literals: specs.detectionLiterals, view: view)
        return specs.referenceDetect(view, SenderFacts(view), presence)?.name
    }

    private static func indexedDetect(_ specs: SpecSet, _ message: MIMEMessage) -> String? {
        let view = InquiryView(message: message)
        return specs.detect(view, presence: LiteralPresence(literals: specs.detectionLiterals, view: view))?.name
    }

    @Test func indexedDetectionAgreesOnEveryFixture() throws {
        let specs = try SpecTestSupport.repositorySpecs()
        #expect(specs.senderIndex != nil)
        let messages = Self.fixtureMessages()
        #expect(messages.count > 150)
        var detected = 0
        for (path, message) in messages {
            let expected = Self.referenceDetect(specs, message)
            #expect(Self.indexedDetect(specs, message) == expected, "\(path)")
            if expected != nil { detected += 1 }
        }
        #expect(detected > 50)
    }

    /// Senders and Reply-To addresses around the listed ones: subdomains, look-alikes,
    /// case, non-ASCII, no "@", several "@".
    static let senderAddresses = [
        "", "x", "x@", "@houzz.com", "noreply@houzz.com", "noreply@mail.houzz.com", "noreply@nothouzz.com",
        "noreply@houzz.com.evil", "NoReply@Mail.HOUZZ.com", "a@b@houzz.com", "a@houzz.com@b", "x@convo.zillow.com",
        "x@zillow.com", "x@messages.thumbtack.com", "localservices-noreply@google.com", "LocalServices-NoReply@Google.com",
        "x@google.com", "x@awexpress.google.com", "x@.houzz.com", "x@houzz..com", "x@hou\u{17F}zz.com", "x@h\u{00F6}uzz.com",
        "wordpress@site.example", "forms@jotform.com", "x@wix.com", "x@wixforms.com.", "x@squarespace.info",
        "x@messaging.yelp.com", "x@yelp.com", "no-reply@site.example", "jane@gmail.com", "x@\u{212A}houzz.com",
    ]

    @Test func indexedDetectionAgreesOnSendersAndReplyTo() throws {
        var specSets = [try SpecTestSupport.repositorySpecs()]
        // A set with sender addresses, Reply-To domains, empty and non-ASCII entries.
        let yaml: [(String, Int, String)] = [
            ("a-addr", 50, "  sender_addresses: [noreply@houzz.com, x@h\u{00F6}uzz.com]"),
            ("b-reply", 50, "  reply_to_domains: [convo.zillow.com, houzz.com]\n  subjects: ['(?i)lead']"),
            ("c-both", 50, "  sender_domains: [mail.houzz.com]\n  body_markers: ['(?i)interested']"),
            ("d-content", 50, "  subjects: ['(?i)new lead']"),
            ("e-pattern", 40, "  sender_patterns: ['(?i)^no-?reply@']"),
            ("f-low", 30, "  sender_domains: [com]"),
            ("g-unicode", 50, "  sender_domains: [h\u{00F6}uzz.com]"),
        ]
        specSets.append(SpecSet(specs: try yaml.map { name, priority, detect in
            try SpecSet.parse(yaml: """
                source: other
                name: \(name)
                version: "1"
                priority: \(priority)
                detect:
                \(detect)
                """, name: name)
        }))
        let subjects = ["New lead from Jane", "Hello", "Invoice"]
        let texts = ["Jane is interested in working with you", "hi"]
        var compared = 0
        for specs in specSets {
            for sender in Self.senderAddresses {
                for replyTo in ["", "x@convo.zillow.com", "y@Messages.Thumbtack.com", "z@houzz.com", "w@h\u{00F6}uzz.com"] {
                    for subject in subjects {
                        for text in texts {
                            let message = MIMEMessage(subject: subject, from: [Mailbox(name: nil, address: sender)],
                                                      replyTo: replyTo.isEmpty ? [] : [Mailbox(name: nil, address: replyTo)], text: text)
                            #expect(Self.indexedDetect(specs, message) == Self.referenceDetect(specs, message),
                                    "\(sender) / \(replyTo) / \(subject) / \(text)")
                            compared += 1
                        }
                    }
                }
            }
        }
        #expect(compared > 1000)
    }

    @Test func setsTooLargeToIndexAskEveryDetector() throws {
        let specs = SpecSet(specs: try (0..<70).map { number in
            try SpecSet.parse(yaml: """
                source: other
                name: spec-\(number)
                version: "1"
                priority: 50
                detect:
                  sender_domains: [site\(number).example]
                """, name: "spec-\(number)")
        })
        #expect(specs.senderIndex == nil)
        let message = MIMEMessage(subject: "x", from: [Mailbox(name: nil, address: "a@mail.site42.example")], text: "x")
        #expect(specs.detectedSpec(for: message)?.name == "spec-42")
    }

    @Test func senderIndexFindsListedDomainsAndAddresses() throws {
        let specs = try SpecTestSupport.repositorySpecs()
        guard let index = specs.senderIndex else { return }
        let houzz = try #require(specs.specs.firstIndex { $0.name == "houzz" })
        let google = try #require(specs.specs.firstIndex { $0.name == "google-lsa" })
        let zillow = try #require(specs.specs.firstIndex { $0.name == "zillow" })
        func asks(_ index: Int, _ found: SenderIndex.Candidates) -> Bool { found.asked & (1 << UInt64(index)) != 0 }
        let houzzMail = index.candidates(senderAddress: "noreply@mail.houzz.com") { [] }
        #expect(asks(houzz, houzzMail))
        #expect(houzzMail.senderMatched & (1 << UInt64(houzz)) != 0)
        #expect(!asks(houzz, index.candidates(senderAddress: "noreply@nothouzz.com") { [] }))
        #expect(asks(google, index.candidates(senderAddress: "localservices-noreply@google.com") { [] }))
        #expect(!asks(google, index.candidates(senderAddress: "x@google.com") { [] }))
        #expect(asks(zillow, index.candidates(senderAddress: "a@b.example") { ["Q@CONVO.ZILLOW.COM"] }))
        #expect(!asks(zillow, index.candidates(senderAddress: "a@b.example") { ["q@zillow.com"] }))
        #expect(asks(houzz, index.candidates(senderAddress: "x@h\u{00F6}uzz.com") { [] }), "non-ASCII: every sender-side spec")
    }
}
