@testable import MIME
import Testing

/// The inline-forward scan skips `block(at:)` on lines whose first content byte is not in
/// `InlineForwardParser.blockInitials`; these check, line by line, that no line it skips
/// would have started a block (so the skip changes no result), on every separator and
/// `From` label spelling behind every possible first byte.
@Suite("Forward scan: block initials")
struct ForwardBlockInitialsTests {
    static let headerLines = "\nDate: Mon, 1 Jan 2024 10:00\nTo: b@y.com\nSubject: Kitchen\n\nBody"

    static let starts: [String] = [
        "From: Ann <a@x.com>", "from:Ann", "FROM : Ann", "De : Ann <a@x.com>", "Von: Ann", "Da: Ann",
        "Van: Ann", "Från: Ann", "Fra: Ann", "*From:* Ann", "**From:** Ann", "\u{00A0}From: Ann",
        "\u{202F}From: Ann", "\tFrom: Ann", " From: Ann",
        "---------- Forwarded message ---------", "-------- Original Message --------",
        "-----Original Message-----", "----- Forwarded Message ----- From: Ann <a@x.com>To: b@y.com",
        "________________________________", "Begin forwarded message:", "begin forwarded message :",
        "Début du message réexpédié :", "Debut du message reexpedie:", "Anfang der weitergeleiteten Nachricht:",
        "Inicio del mensaje reenviado:", "Inizio messaggio inoltrato:", "*Begin forwarded message:*",
    ]

    @Test("a line that starts a block starts with a byte of blockInitials")
    func skippedLinesStartNoBlock() {
        var blocks = 0
        for start in Self.starts {
            let prefixes: [[UInt8]] = [[]] + (0...255).map { [UInt8($0)] } + [Array("> ".utf8), Array(">> ".utf8)]
            for prefix in prefixes {
                let text = String(decoding: prefix + Array((start + Self.headerLines).utf8), as: UTF8.self)
                InlineForwardParser.withLines(text) { lines in
                    var contactForm: Bool?
                    guard InlineForwardParser.block(at: 0, in: lines, text: text, contactForm: &contactForm) != nil else { return }
                    blocks += 1
                    let line = lines[0]
                    #expect(line.contentStart < line.end)
                    if line.contentStart < line.end {
                        #expect(InlineForwardParser.blockInitials[Int(lines.bytes[line.contentStart])], "\(text.debugDescription)")
                    }
                }
            }
        }
        // The cases above do find blocks (the check is not vacuous).
        #expect(blocks > 100)
    }

    @Test("the same originals with and without the skip, on texts built around every initial")
    func sameOriginals() {
        var withOriginals = 0
        for start in Self.starts {
            let text = "Hi, see below.\n\n" + start + Self.headerLines
            let found = InlineForwardParser.parse(text, subject: "Fwd: Kitchen", limits: MIMELimits())
            let reference = ReferenceInlineForwardParser.parse(text, subject: "Fwd: Kitchen", limits: MIMELimits())
            if !found.isEmpty { withOriginals += 1 }
            #expect(found == reference, "\(text.debugDescription)")
        }
        #expect(withOriginals > Self.starts.count / 2)
    }
}
