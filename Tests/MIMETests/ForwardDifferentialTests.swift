import Foundation
@testable import MIME
import Testing

/// The inline-forward and quoted-reply scanners against their reference implementation
/// (`ReferenceForwardParser.swift`, the String-based code they replaced): the same originals,
/// field for field, and the same reply split, on every corpus message's text and on generated
/// texts built from the pieces the scanners react to (labels, separators, quote markers,
/// fillers, no-break spaces, combining marks, CRLF).
@Suite("Forward scanners against the reference")
struct ForwardDifferentialTests {
    /// `<repo>`, found from this file's path (symlinks resolved, as in the golden tests).
    static let repository: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every `.eml` of the lead and MIME corpora.
    static func corpus() -> [URL] {
        var found: [URL] = []
        for relative in ["parsers/fixtures", "fixtures"] {
            let base = repository.appendingPathComponent(relative)
            guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where url.pathExtension == "eml" { found.append(url) }
        }
        return found.sorted { $0.path < $1.path }
    }

    private func expectSame(_ text: String, subject: String?, limits: MIMELimits = MIMELimits(),
                            _ comment: Comment, sourceLocation: SourceLocation = #_sourceLocation) {
        let current = ForwardedOriginal.inlineForwards(in: text, subject: subject, limits: limits)
        let reference = ReferenceInlineForwardParser.parse(text, subject: subject, limits: limits)
        #expect(current == reference, comment, sourceLocation: sourceLocation)
        let split = QuotedReply.split(text)
        let referenceSplit = ReferenceQuotedReply.split(text)
        #expect(split.newText == referenceSplit.newText && split.quoted == referenceSplit.quoted, comment,
                sourceLocation: sourceLocation)
    }

    @Test func corpusTexts() throws {
        let files = Self.corpus()
        #expect(files.count > 100)
        var forwards = 0
        for url in files {
            let message = MIMEMessage.parse(Array(try Data(contentsOf: url)))
            guard let text = message.text else { continue }
            forwards += ReferenceInlineForwardParser.parse(text, subject: message.subject, limits: MIMELimits()).count
            expectSame(text, subject: message.subject, "\(url.lastPathComponent)")
            expectSame(text, subject: nil, "\(url.lastPathComponent) without subject")
            // The same text with CRLF line ends and with everything quoted once more.
            expectSame(text.replacingOccurrences(of: "\n", with: "\r\n"), subject: message.subject,
                       "\(url.lastPathComponent) CRLF")
            let quoted = text.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(separator: "\n")
            expectSame(quoted, subject: message.subject, "\(url.lastPathComponent) quoted")
            expectSame(text, subject: message.subject, limits: MIMELimits(maximumForwardDepth: 1),
                       "\(url.lastPathComponent) depth 1")
        }
        // The corpus does exercise the scanners.
        #expect(forwards > 20)
    }

    /// Pieces of lines the scanners look at, in the shapes clients (and hostile input) give.
    static let pieces: [String] = [
        "From:", "from :", "De :", "De\u{A0}:", "Von:", "*From:*", "**Sent:**", "Sent:", "Date:", "Datum:", "To:",
        "À :", "à:", "Cc:", "CC:", "Kopie:", "Subject:", "Objet\u{202F}:", "Betreff:", "Asunto:", "Reply-To:",
        "Enviado el:", "Envoyé le :", "ämne:", "Ämne:", "Från:", "Para:", "An:", "A:", "Da:", "Data:",
        "---------- Forwarded message ---------", "-------- Original Message --------", "-----Original Message-----",
        "----- Forwarded Message -----", "----- Forwarded Message ----- From: A <a@x.example>To: b@y.example Sent: Mon CDTSubject: Hi",
        "-----Mensaje original-----", "--- Message d’origine ---", "________________________________", "__________ x",
        "Begin forwarded message:", "Début du message réexpédié :", "begin forwarded message :",
        "On Mon, May 11, 2026 at 9:14 AM Jane <jane@x.example> wrote:", "On Monday", "Jane wrote:", "wrote:",
        "Le mar. 12 mai 2026, Jean a écrit :", "El lun, 11 may 2026, Lucía escribió:", "Am 12.05.2026 schrieb Jonas:",
        "Jane Doe <jane@example.com>", "Sales <sales@x.example>; Info <info@x.example>;", "\"Doe, Jane\" <j@x.example>",
        "Website Forms <forms@x.example> On Behalf Of Maria Lopez", "Name [mailto:n@x.example]", "Info",
        "Mon, May 11, 2026 at 9:14 AM", "RE: question", "Fwd: lot", "a@b.example (Comment)",
        ">", "> ", ">>", "> >", "\t", " ", "  ", "\u{A0}", "\u{202F}", "*", "é", "e\u{301}", " \u{301}", "\u{301}",
        "sent from a contact form on x", "Hello,", "call 512-555-0143", ":", ",", ";", "<", ">x", "[", "(", "\"", "@",
        "\r", "日本語", "👍🏽",
    ]

    static func generatedText(_ random: inout SplitMix64) -> String {
        var text = ""
        let lineCount = Int(random.next() % 30) + 1
        for line in 0..<lineCount {
            if line > 0 { text += random.next() % 5 == 0 ? "\r\n" : "\n" }
            let pieceCount = Int(random.next() % 4)
            for index in 0..<pieceCount {
                if index > 0, random.next() % 2 == 0 { text += " " }
                text += pieces[Int(random.next() % UInt64(pieces.count))]
            }
        }
        return text
    }

    @Test func generatedTexts() {
        var random = SplitMix64(seed: 0xF0_4A2D)
        let subjects: [String?] = [nil, "RE: x", "Fwd: y", "Hello"]
        for round in 0..<6000 {
            let text = Self.generatedText(&random)
            expectSame(text, subject: subjects[round % subjects.count], "round \(round): \(text.debugDescription)")
        }
    }

    /// Shapes that hit the less common branches: Yahoo's glued block, HTML label and value
    /// cells on separate lines, wrapped recipients, nested and quoted forwards.
    @Test(arguments: [
        "----- Forwarded Message -----\nFrom: A <a@x.example>To: b@y.example <b@y.example>Sent: Monday, May 11, 2026, 09:14:03 AM CDTSubject: Hi To: you\n\nBody",
        "Note\n\nFrom:\nJane <j@x.example>\nSent:\nMonday\nTo:\nInfo\nSubject:\nLot\n\nBody",
        "From: Jane <j@x.example>\nSent: Monday\nTo: A <a@x.example>,\nB <b@x.example>;\n  C <c@x.example>\nSubject: x\nBody right under",
        "top\n> ---------- Forwarded message ---------\n> From: A <a@x.example>\n> Date: Mon\n> Subject: s\n>\n> > Begin forwarded message:\n> >\n> > From: B <b@x.example>\n> > Date: Tue\n> > Subject: t\n> >\n> > inner\n> outer",
        "On Mon, May 11, 2026, Jane <j@x.example> wrote:\n> quoted\n> -----Original Message-----\n> From: X <x@x.example>\n> Sent: Mon\n> To: Y\n> Subject: RE: z\n>\n> deeper",
        "From: Website <w@x.example>\nDate: Monday\nSubject: Contact\n\nThis e-mail was sent from a contact form on Example",
        "-----Original Message-----\nFrom: *Jane Doe* <jane@x.example>\nSent: Mon\nTo: *Info*\nCc: a@x.example; b@x.example\nSubject: RE: x\n\nbody",
        " From: Jane\n \u{301}continued\nDate: x\nTo: y\n\nbody",
    ])
    func shapes(_ text: String) {
        for subject in [nil, "RE: x", "FW: y"] as [String?] {
            expectSame(text, subject: subject, "\(text.debugDescription) \(subject ?? "nil")")
            expectSame(text.replacingOccurrences(of: "\n", with: "\r\n"), subject: subject, "CRLF \(text.debugDescription)")
        }
    }

    /// Pieces of `From`, `To` and `Cc` values, for the recipient and sender readers.
    static let addressPieces: [String] = [
        "a@x.example", "B.Doe@X.Example", "Info", "Jane", "Doe", "Jane Doe", "<", ">", "<a@x.example>", "<>", "<<a@x>>",
        ",", ", ", ";", "; ", " ", "  ", "\t", "\r\n", "\n", "\"", "\"Doe, Jane\"", "(", ")", "(Comment)", "[", "]",
        "[mailto:a@x.example]", "mailto:a@x.example", ":", "Team:", "\\", "@", "@x", "a@", "*", "**Jane**", "é", "Díaz",
        "e\u{301}", "@\u{301}", " \u{301}", "\u{A0}", "=?utf-8?q?J=C3=A9r=C3=B4me?=", "'Info'", "a@x.example.",
        " On Behalf Of ", " on behalf of ", " im Auftrag von ", " de la part de ", " EN NOMBRE DE ", "x.example", "日本",
    ]

    @Test func recipientsAndSenders() {
        var random = SplitMix64(seed: 0xADD2E55)
        for round in 0..<20000 {
            var value = ""
            for _ in 0..<Int(random.next() % 7) {
                value += Self.addressPieces[Int(random.next() % UInt64(Self.addressPieces.count))]
            }
            #expect(ForwardHeaderFields.recipients(value) == ReferenceForwardHeaderFields.recipients(value),
                    "round \(round): \(value.debugDescription)")
            let sender = ForwardHeaderFields.sender(value)
            let reference = ReferenceForwardHeaderFields.sender(value)
            #expect(sender.author == reference.author && sender.onBehalf == reference.onBehalf,
                    "round \(round): \(value.debugDescription)")
            if let fast = ForwardHeaderFields.simpleRecipients(value) {
                #expect(fast == AddressListParser.parse(value).mailboxes, "round \(round): \(value.debugDescription)")
            }
        }
    }

    @Test func addresses() {
        let pieces = ["a", "B", "@", "@x", ".", ">", "]", ";", ",", ":", "<", " ", "\t", "\n", "\r", "mailto:", "MailTo:",
                      "x.Example", "é", "\"", "jane.doe", "@route:", "MAILTO", "e\u{301}"]
        var random = SplitMix64(seed: 0xADD5)
        for round in 0..<30000 {
            var text = ""
            for _ in 0..<Int(random.next() % 9) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
            #expect(ForwardAddress.normalized(text) == AddressListParser.normalizedAddress(text), "round \(round): \(text.debugDescription)")
        }
    }

    @Test func subjectPrefixes() {
        let pieces = ["RE", "Re", "re", "FW", "Fwd", "WG", "AW", "TR", "RV", "i", "Réf", "RÉP", "SV", ":", " :", " ", "\t", "[",
                      "]", "[2]", "Re[2]", "\u{A0}", "\u{301}", "\r\n", "\r", "x", "Antwort", "DOORST", "lot question", "é", "😀"]
        var random = SplitMix64(seed: 0x5B1)
        for round in 0..<20000 {
            var subject = ""
            for _ in 0..<Int(random.next() % 6) { subject += pieces[Int(random.next() % UInt64(pieces.count))] }
            #expect("\(ForwardSubjectPrefix.classify(subject))" == "\(ReferenceForwardSubjectPrefix.classify(subject))",
                    "round \(round): \(subject.debugDescription)")
        }
        #expect(ForwardSubjectPrefix.classify(nil) == .none)
    }
}
