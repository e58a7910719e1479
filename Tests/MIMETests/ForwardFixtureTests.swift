import Foundation
import MIME
import Testing

/// The `fixtures/mime/forward-*.eml` messages, checked field by field (the golden JSON
/// covers the contract; these name what a user of the forward would notice).
@Suite("Forward fixtures")
struct ForwardFixtureTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        var fixture: String
        var from: Mailbox
        var date: String
        var subject: String
        var bodyStart: String
        var chain = 1
        var testDescription: String { fixture }
    }

    static let expectations: [Expected] = [
        Expected(fixture: "forward-gmail-en", from: Mailbox(name: "Jane Doe", address: "jane.doe@example.com"),
                 date: "Mon, May 11, 2026 at 9:14 AM", subject: "Custom home on our lot in Dripping Springs",
                 bodyStart: "Hello,\n\nWe own 2.3 acres"),
        Expected(fixture: "forward-gmail-es", from: Mailbox(name: "Lucía Fernández", address: "lucia.fernandez@example.es"),
                 date: "lun, 11 may 2026 a las 9:14", subject: "Casa nueva en San Marcos", bodyStart: "Hola,\n\nQueremos"),
        Expected(fixture: "forward-gmail-fr", from: Mailbox(name: "Jean Dupont", address: "jean.dupont@example.fr"),
                 date: "mar. 12 mai 2026 à 15:41", subject: "Projet de maison", bodyStart: "Bonjour,\n\nNous avons"),
        Expected(fixture: "forward-gmail-de", from: Mailbox(name: "Jonas Weber", address: "jonas.weber@example.de"),
                 date: "Di., 12. Mai 2026 um 19:03 Uhr", subject: "Anfrage Neubau", bodyStart: "Guten Tag,\n\nwir möchten"),
        Expected(fixture: "forward-outlook-desktop-mailto", from: Mailbox(name: "Sarah Miller", address: "sarah.miller@example.net"),
                 date: "Tuesday, May 12, 2026 10:34 AM", subject: "Lot question", bodyStart: "Hi,\n\nDo you build"),
        Expected(fixture: "forward-outlook-on-behalf", from: Mailbox(name: "Marcus Green", address: ""),
                 date: "Wednesday, May 13, 2026 8:47 AM", subject: "Question about the Magnolia plan",
                 bodyStart: "Can the Magnolia plan"),
        Expected(fixture: "forward-outlook-desktop-de", from: Mailbox(name: "Anna Schmidt", address: "anna.schmidt@example.de"),
                 date: "Mittwoch, 13. Mai 2026 21:48", subject: "Anfrage Einfamilienhaus",
                 bodyStart: "Sehr geehrte Damen und Herren,"),
        Expected(fixture: "forward-outlook-web-html-only", from: Mailbox(name: "Kelly Ng", address: "kelly.ng@example.com"),
                 date: "Friday, May 15, 2026 12:58 PM", subject: "Pricing for the Laurel", bodyStart: "Hi there,"),
        Expected(fixture: "forward-outlook-web-fr", from: Mailbox(name: "Claire Martin", address: "claire.martin@example.fr"),
                 date: "vendredi 15 mai 2026 10:41", subject: "Demande de devis", bodyStart: "Bonjour,\n\nJe souhaite"),
        Expected(fixture: "forward-apple-mail-en", from: Mailbox(name: "Rob Nguyen", address: "rob.nguyen@example.com"),
                 date: "May 10, 2026 at 7:45:12 PM CDT", subject: "New build inquiry", bodyStart: "Hi,\n\nWe are relocating"),
        Expected(fixture: "forward-apple-ios-quoted", from: Mailbox(name: "Priya Raman", address: "priya.raman@example.net"),
                 date: "May 10, 2026 at 9:02:33\u{202F}PM CDT", subject: "Lot in Liberty Hill",
                 bodyStart: "Hello,\nWe have a 1 acre lot in Liberty Hill and would like a quote for the Cypress plan."),
        Expected(fixture: "forward-apple-mail-fr", from: Mailbox(name: "Sophie Leroy", address: "sophie.leroy@example.fr"),
                 date: "16 mai 2026 à 10:05:41 UTC+2", subject: "Construction à Annecy", bodyStart: "Bonjour,\n\nNous cherchons"),
        Expected(fixture: "forward-yahoo-glued", from: Mailbox(name: "Bill Turner", address: "bturner@example.com"),
                 date: "Sunday, May 10, 2026, 06:12:45 PM CDT", subject: "Kitchen and bath addition",
                 bodyStart: "Linda, can you pass this"),
        Expected(fixture: "forward-thunderbird-es", from: Mailbox(name: "Carlos Ruiz", address: "carlos.ruiz@example.mx"),
                 date: "Tue, 12 May 2026 17:20:11 -0500", subject: "Cotización casa en Kyle", bodyStart: "Buenas tardes,"),
        Expected(fixture: "forward-of-forward-nested", from: Mailbox(name: "Angela Brooks", address: "angela.brooks@example.org"),
                 date: "Saturday, May 16, 2026 10:20 AM", subject: "Estimate for a barndominium",
                 bodyStart: "Good morning,", chain: 2),
        Expected(fixture: "forward-outlook-desktop-es-of-yahoo", from: Mailbox(name: "Elena Díaz", address: "elena.diaz@example.com"),
                 date: "domingo, 17 de mayo de 2026, 21:03:10 CDT", subject: "Casa en Buda",
                 bodyStart: "Queremos construir en Buda", chain: 2),
        Expected(fixture: "forward-rfc822-base64", from: Mailbox(name: "Wong, Tina", address: "tina.w@example.com"),
                 date: "Sat, 16 May 2026 14:12:33 -0500", subject: "Building a home in Cedar Park", bodyStart: "Hello,\n\nWe would like"),
    ]

    static func message(_ fixture: String) throws -> MIMEMessage {
        let directory = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("fixtures/mime", isDirectory: true)
        let bytes = [UInt8](try Data(contentsOf: directory.appendingPathComponent(fixture + ".eml")))
        return MIMEMessage.parse(bytes)
    }

    @Test(arguments: expectations)
    func innermostOriginalIsRecovered(_ expected: Expected) throws {
        let message = try Self.message(expected.fixture)
        #expect(message.forwarded.count == expected.chain)
        let original = try #require(message.forwarded.first)
        #expect(original.from == expected.from)
        #expect(original.date == expected.date)
        #expect(original.subject == expected.subject)
        #expect(original.body.hasPrefix(expected.bodyStart), "body: \(original.body.prefix(80))")
        // The forwarder's signature never leaks into the original.
        #expect(!original.body.contains("buildersco.example"))
    }

    @Test func recipientsAndNotesAreKeptApart() throws {
        let gmail = try #require(try Self.message("forward-gmail-en").forwarded.first)
        #expect(gmail.to.map(\.address) == ["info@buildersco.example"])
        #expect(gmail.cc == [Mailbox(name: "Robert Doe", address: "rob.doe@example.com")])
        #expect(gmail.leadingText.contains("512-555-0100"))
        #expect(!gmail.body.contains("512-555-0100"))

        let yahoo = try #require(try Self.message("forward-yahoo-glued").forwarded.first)
        #expect(yahoo.cc.map(\.address) == ["aturner@example.com"])

        let onBehalf = try #require(try Self.message("forward-outlook-on-behalf").forwarded.first)
        #expect(onBehalf.sentOnBehalfBy?.address == "noreply@buildersco.example")
        #expect(onBehalf.to.map(\.address) == ["sales@buildersco.example", "info@buildersco.example"])
        #expect(onBehalf.cc.map(\.address) == ["tom@buildersco.example"])
    }

    @Test func forwardOfForwardListsEachLevelWithItsOwnText() throws {
        let chain = try Self.message("forward-of-forward-nested").forwarded
        #expect(chain.map(\.from?.address) == ["angela.brooks@example.org", "frontdesk@buildersco.example"])
        #expect(chain.last?.body == "Mike, this came to the general inbox over the weekend.\n\nFront Desk | Builders Co. | 512-555-0100")
        #expect(chain.last?.leadingText == "Adding to the system.")
        let mixed = try Self.message("forward-outlook-desktop-es-of-yahoo").forwarded
        #expect(mixed.map(\.style) == [.yahoo, .outlookOriginalMessage])
    }

    @Test func attachedOriginalHasTheSameFieldsAsInline() throws {
        let original = try #require(try Self.message("forward-rfc822-base64").forwarded.first)
        #expect(original.style == .attachedMessage)
        #expect(original.to.map(\.address) == ["info@buildersco.example"])
        #expect(original.cc.map(\.address) == ["kevin.w@example.com"])
        #expect(original.body.hasSuffix("after 5 pm.\n\nTina"))
    }

    @Test func replyAndContactFormAreNotForwards() throws {
        let reply = try Self.message("forward-not-gmail-reply")
        #expect(reply.forwarded.isEmpty)
        let split = QuotedReply.split(reply.text ?? "")
        #expect(split.newText == "Hi Sam,\n\nYes, Saturday morning works for a site visit.\n\nPriya")
        #expect(split.quoted?.contains("512-555-0102") == true)

        let form = try Self.message("forward-not-contact-form")
        #expect(form.forwarded.isEmpty)
        #expect(form.text?.hasPrefix("From: Jane Doe <jane.doe@example.com>") == true)
    }
}
