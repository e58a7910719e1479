@testable import MIME
import Testing

/// An inline forward keeps its `To`/`Cc` lines as written until they are read: reading,
/// setting and comparing must give what parsed lists give.
@Suite("Forwarded original: recipients read on demand")
struct ForwardRecipientListTests {
    static let text = """
        FYI

        ---------- Forwarded message ---------
        From: Jane Doe <jane@example.com>
        Date: Mon, May 11, 2026 at 9:14 AM
        Subject: Kitchen remodel
        To: Info <info@builder.example>, sales@builder.example
        Cc: Bob Doe <bob@example.com>

        Hello, we would like a quote.
        """

    @Test("recipients read as the parsed lists, and equal an original built from them")
    func readAndCompare() throws {
        let original = try #require(InlineForwardParser.parse(Self.text, limits: MIMELimits()).first)
        // The reference parser builds its originals with parsed lists.
        let reference = try #require(ReferenceInlineForwardParser.parse(Self.text, limits: MIMELimits()).first)
        let to = reference.to
        #expect(to.map(\.address) == ["info@builder.example", "sales@builder.example"])
        #expect(original.to == to)
        #expect(original.to == original.to)
        #expect(original.cc == [Mailbox(name: "Bob Doe", address: "bob@example.com")])
        #expect(original.cc == reference.cc)
        let built = ForwardedOriginal(
            from: original.from, date: original.date, subject: original.subject, to: to,
            cc: [Mailbox(name: "Bob Doe", address: "bob@example.com")], body: original.body,
            style: original.style, leadingText: original.leadingText, sentOnBehalfBy: original.sentOnBehalfBy)
        #expect(original == built)
        var changed = original
        changed.to = []
        #expect(changed.to == [])
        #expect(changed != built)
        #expect(changed.cc == built.cc)
    }
}
