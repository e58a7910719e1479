@testable import Extraction
import Foundation
import LeadModel
import MIME
import Testing

// Who the prospect of a direct inquiry is, and which contact details are theirs (round 2
// of exploratory testing, /tmp/explore-r2-*): a realtor's or architect's message for a
// client, a household's display name, a text from an SMS gateway, a made-up forward.

/// A message (CRLF lines) with the given headers and text.
private func lead(_ headers: [String], _ body: String, identity: BuilderIdentity = BuilderIdentity()) throws -> ExtractedLead {
    let raw = (headers + ["Content-Type: text/plain; charset=utf-8", "", body]).joined(separator: "\r\n")
        .replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
    return try #require(LeadExtractor(specs: SpecSet(specs: [])).extract(from: MIMEMessage.parse(Array(raw.utf8)), builder: identity).lead)
}

@Suite("Written for a client")
struct WrittenForAClientTests {
    static let realtor = ["From: Stephanie Vaughn <stephanie@vaughnrealty.example.com>", "To: info@brennanhomes.example.com",
                          "Subject: Referral"]

    @Test func aRealtorsClientsAreTheLead() throws {
        let found = try lead(Self.realtor, """
            Hi Mike,

            I have clients, José and María Núñez, who just closed on a lot in Leander.

            José's cell is 512-555-0127 and his email is jose.nunez@example.org. They are
            expecting your call.

            Best,

            Stephanie Vaughn
            REALTOR® | Vaughn Realty Group
            Cell: 512-555-0111
            """)
        #expect(found.firstName == "José")
        #expect(found.lastName == "Núñez")
        #expect(found.email == "jose.nunez@example.org")
        #expect(found.phone == "+15125550127")
        #expect(found.needsReview)
        #expect(found.reviewReasons.contains {
            $0.hasPrefix("written for someone else (\"i have clients\") by Stephanie Vaughn <stephanie@vaughnrealty.example.com>")
        })
    }

    @Test func anArchitectsOwnerContact() throws {
        let found = try lead(["From: Jennifer Park <jpark@parkarchitecture.example.com>", "To: mike@brennanhomes.example.com",
                              "Subject: Bid request"], """
            Mike,

            We're wrapping up CDs for a 3,900 sf new home at 3800 Pinnacle Rd, Austin, TX 78746, and
            the owners (Luis and Andrea
            Sandoval) would like bids by July 15.

            Owner contact: Luis Sandoval, 512-555-0188, luis.sandoval@example.com

            Regards,

            Jennifer Park, AIA
            T 512.555.0142
            """)
        #expect(found.firstName == "Luis")
        #expect(found.lastName == "Sandoval")
        #expect(found.email == "luis.sandoval@example.com")
        #expect(found.phone == "+15125550188")
        #expect(found.reviewReasons.contains { $0.contains("by Jennifer Park <jpark@parkarchitecture.example.com>") })
    }

    @Test func aClientCopiedInGivesTheirAddressAndTheWritersPhoneIsNotTheirs() throws {
        let found = try lead(["From: \"Derek Lowe | Compass\" <derek.lowe@compass.example.com>", "To: info@brennanhomes.example.com",
                              "Cc: Amy Sorensen <amy.sorensen@example.com>", "Subject: Intro"], """
            Hi Mike,

            Introducing you to my client Amy Sorensen (cc'd), who is under contract on a lot.
            She'd like to talk to a couple of builders before closing. Amy's cell is
            830-555-0115.

            I'll let you two take it from here.

            Derek Lowe
            REALTOR | Compass
            (512) 555-0119
            """)
        #expect(found.firstName == "Amy")
        #expect(found.lastName == "Sorensen")
        #expect(found.email == "amy.sorensen@example.com")
        #expect(found.phone == "+18305550115")
        #expect(found.reviewReasons.contains { $0.contains("by Derek Lowe <derek.lowe@compass.example.com>") })
    }

    @Test func labelledClientDetails() throws {
        let found = try lead(Self.realtor, """
            Hi Mike, referral below. They want a custom home on their lot, budget $700-800k.

            Client: José Núñez
            Phone: 512-555-0127
            Email: jose.nunez@example.org

            Thanks!
            Stephanie Vaughn
            Cell: 512-555-0111
            """)
        #expect(found.firstName == "José")
        #expect(found.lastName == "Núñez")
        #expect(found.email == "jose.nunez@example.org")
        #expect(found.phone == "+15125550127")
        #expect(found.reviewReasons.contains { $0.contains("by Stephanie Vaughn <stephanie@vaughnrealty.example.com>") })
    }

    /// An address on the lines after the client's name is theirs, though it does not spell it;
    /// a colleague's at the writer's domain is not.
    @Test func anAddressBesideTheClientsNameIsTheirs() throws {
        let body = """
            Hi Mike, referral below.

            Client: Bob Smith
            Phone: 512-555-0127
            Email: %EMAIL%

            Thanks!
            Stephanie Vaughn
            """
        #expect(try lead(Self.realtor, body.replacingOccurrences(of: "%EMAIL%", with: "rs1234@example.org")).email == "rs1234@example.org")
        #expect(try lead(Self.realtor, body.replacingOccurrences(of: "%EMAIL%", with: "office@vaughnrealty.example.com")).email == nil)
    }

    /// The client's name without any contact of theirs: the writer's, said so.
    @Test func aClientWithoutContactDetailsKeepsTheWritersWithAReason() throws {
        let found = try lead(Self.realtor, """
            Hi Mike,

            My clients, Tom and Ana Reyes, want to build on their lot in Kyle this spring.
            Can you call me to set up a meeting?

            Best,
            Stephanie Vaughn
            Cell: 512-555-0111
            """)
        #expect(found.firstName == "Tom")
        #expect(found.lastName == "Reyes")
        #expect(found.email == "stephanie@vaughnrealty.example.com")
        #expect(found.phone == "+15125550111")
        #expect(found.reviewReasons.contains { $0.hasSuffix("contact details are the writer's, not the client's") })
    }

    /// The writer's own number in the text, away from any mention of the client, is not put
    /// with the client's name.
    @Test func theWritersNumberIsNotTheClients() throws {
        let found = try lead(Self.realtor, """
            Hi Mike,

            My client Tom Reyes wants to build on his lot in Kyle, tom.reyes@example.org.

            Call me at 512-555-0111 to talk it over.

            Best,
            Stephanie Vaughn
            """)
        #expect(found.firstName == "Tom")
        #expect(found.email == "tom.reyes@example.org")
        #expect(found.phone == nil)
    }

    @Test(arguments: [
        "My wife and I want to build a custom home on our lot in Kyle. Call me at 512-555-0127.",
        "I am writing for my parents, who own a lot in Kyle. Call me at 512-555-0127.",
    ])
    func aHomeownersOwnMessageIsUnaffected(_ body: String) throws {
        let found = try lead(["From: Tom Reyes <tom.reyes@example.org>", "To: info@brennanhomes.example.com", "Subject: Custom home"], body)
        #expect(found.firstName == "Tom")
        #expect(found.email == "tom.reyes@example.org")
        #expect(found.phone == "+15125550127")
        #expect(!found.needsReview)
    }

    @Test func namesAfterCues() {
        #expect(ClientReferral.clientName(in: "I have clients, José and María Núñez, who")?.name.first == "José")
        #expect(ClientReferral.clientName(in: "the owners (Luis and Andrea\nSandoval) would")?.name.last == "Sandoval")
        #expect(ClientReferral.clientName(in: "Client: Jose Nunez\nPhone: 512-555-0127")?.name.last == "Nunez")
        #expect(ClientReferral.clientName(in: "my client is looking for a lot") == nil)
        #expect(ClientReferral.clientName(in: "my client Amy wants a lot") == nil)
    }
}

@Suite("Display names")
struct DisplayNameTests {
    @Test func aHouseholdYieldsToTheSignaturesPerson() throws {
        let found = try lead(["From: The Hendersons <hendersonfamily@example.com>", "To: info@brennanhomes.example.com",
                              "Subject: Addition"], """
            Hello,

            We are looking to add a primary suite onto our house. Best number to reach us is
            Carol's cell, 512-555-0158.

            Jim and Carol Henderson
            """)
        #expect(found.firstName == "Jim")
        #expect(found.lastName == "Henderson")
    }

    @Test func aHouseholdWithoutSignatureGivesNoFirstName() throws {
        let found = try lead(["From: The Hendersons <hendersonfamily@example.com>", "To: info@brennanhomes.example.com",
                              "Subject: Addition"], "We want to add a primary suite. Call 512-555-0158.")
        #expect(found.firstName == nil)
        #expect(found.lastName == "Henderson")
    }

    @Test(arguments: [
        ("Derek Lowe | Compass", "Derek Lowe"), ("Jane Doe - Doe Realty", "Jane Doe"), ("Jane Doe – Doe Realty", "Jane Doe"),
        ("Mary Smith-Jones", "Mary Smith-Jones"), ("| Compass", "| Compass"),
    ])
    func aCompanyAfterTheNameIsDropped(_ displayName: String, _ expected: String) {
        #expect(GenericExtractor.withoutCompanyTail(displayName) == expected)
    }

    @Test(arguments: [
        ("The Hendersons", "Henderson"), ("The Okafor Family", "Okafor"), ("Garcia family", "Garcia"),
        ("The Henderson's", "Henderson"), ("The Van Dykes", "Van Dykes"), ("The Smiths", "Smith"), ("The Lynches", "Lynch"),
        ("The Jones", "Jones"), ("Smith Household", "Smith"), ("Smith Family Trust", "Smith"), ("The Garcia-Lopez Family", "Garcia-Lopez"),
    ])
    func householdSurnames(_ displayName: String, _ expected: String) {
        #expect(GenericExtractor.householdSurname(displayName) == expected)
    }

    @Test(arguments: ["Jane Doe", "Theo Smith", "The", "Jane The Doe", "The Builders Group", "Family Trust"])
    func notHouseholds(_ displayName: String) {
        #expect(GenericExtractor.householdSurname(displayName) == nil)
    }

    /// A company's display name, or an SMS gateway's number, gives no person's name
    /// (round 3, defects 11 and 12).
    @Test(arguments: ["Acme Corp", "Hill Country Homes LLC", "+15125550198", "(512) 555-0198"])
    func noPersonsName(_ displayName: String) throws {
        #expect(GenericExtractor.isNoPersonsName(displayName))
        let found = try lead(["From: \"\(displayName)\" <office@acme.example.com>", "To: info@brennanhomes.example.com", "Subject: Quote"],
                             "We want a quote for a new home. 512-555-0184.")
        #expect(found.firstName == nil)
        #expect(found.lastName == nil)
    }

    @Test(arguments: ["Jane Doe", "Co Nguyen", "Mary-Kate Olsen-Reyes", "José"])
    func aPersonsName(_ displayName: String) {
        #expect(!GenericExtractor.isNoPersonsName(displayName))
    }
}

@Suite("SMS gateway senders")
struct SMSGatewaySenderTests {
    @Test func theLocalPartIsThePhone() throws {
        let found = try lead(["From: 5125550107@mms.att.net", "To: leads@intake.example.com", "Subject: "],
                             "Hi this is Carlos Mendez, got your sign at the Elgin lot. Text me back")
        #expect(found.phone == "+15125550107")
        #expect(found.fields["phone"]?.rule.contains("mms.att.net") == true)
        #expect(found.email == "5125550107@mms.att.net")
        #expect(found.contactChannels.contains(ContactChannel(kind: .email, value: "5125550107@mms.att.net")))
    }

    @Test(arguments: ["15125550107@vtext.com", "5125550107@tmomail.net"])
    func otherGateways(_ address: String) {
        #expect(GenericExtractor.smsGatewaySender(address)?.digits.hasSuffix("5125550107") == true)
    }

    @Test(arguments: ["5125550107@example.com", "512555010@vtext.com", "carlos@vtext.com", "25125550107@vtext.com"])
    func notGateways(_ address: String) {
        #expect(GenericExtractor.smsGatewaySender(address) == nil)
    }
}

@Suite("Forwards naming another recipient")
struct ForeignForwardTests {
    /// ``LeadExtractor/foreignAddressee(_:forwarder:)`` of the outermost original's To and
    /// Cc, as the extractor asks it.
    static func foreignAddressee(_ message: MIMEMessage, forwarder: String) -> String? {
        guard let original = message.forwarded.last else { return nil }
        return LeadExtractor.foreignAddressee(original.to + original.cc, forwarder: forwarder)
    }

    static func forward(to recipient: String) -> MIMEMessage {
        let raw = """
            From: Bob Stone <bob.stone@other.example.net>
            To: Greg Walsh <greg@hillcountryhomes.example.com>
            Subject: Fwd: Custom home
            Content-Type: text/plain

            ---------- Forwarded message ---------
            From: Victim Person <victim@example.org>
            Date: Mon, Nov 9, 2026 at 8:01 PM
            Subject: Custom home
            To: <\(recipient)>

            Please call me about a custom home on my lot, 512-555-0144.
            """
        return MIMEMessage.parse(Array(raw.replacingOccurrences(of: "\n", with: "\r\n").utf8))
    }

    @Test func mailToSomeoneElse() {
        #expect(Self.foreignAddressee(Self.forward(to: "info@hillcountryhomes.example.com"), forwarder: "bob.stone@other.example.net")
            == "info@hillcountryhomes.example.com")
    }

    @Test(arguments: ["info@other.example.net", "bob.stone@other.example.net", "sales@mail.other.example.net"])
    func mailToTheForwardersSide(_ recipient: String) {
        #expect(Self.foreignAddressee(Self.forward(to: recipient), forwarder: "bob.stone@other.example.net") == nil)
    }

    /// A chain (a relative forwarded it to the builder, who forwards it on): the original sent
    /// to the forwarder decides, not the innermost one.
    @Test func aChainOfForwardsIsReadAtTheForwardersLevel() throws {
        let url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("fixtures/mime/forward-outlook-desktop-es-of-yahoo.eml")
        let message = MIMEMessage.parse([UInt8](try Data(contentsOf: url)))
        #expect(Self.foreignAddressee(message, forwarder: "ana@buildersco.example") == nil)
    }
}

// Round 3 of exploratory testing (/tmp/explore-r3-referral): a homeowner's own message made
// worse by the client rule, and a homeowner's follow-up taken for the builder's own mail.

@Suite("Not written for a client after all")
struct NotWrittenForAClientTests {
    static let homeowner = ["From: Sanjay Patel <sanjay.patel@example.net>", "To: info@brennanhomes.example.com", "Subject: Referred by Dave Ross"]

    /// A client who sent the writer to the builder is no prospect (defect 2).
    @Test(arguments: [
        "My client Dave Ross gave me your name - he says you built his home in 2023.\nWe bought a lot in Lakeway. Call me at 512-555-0165.",
        "I was referred by my client Dave Ross. We bought a lot in Lakeway. Call me at 512-555-0165.",
        "My client Dave Ross (you built his house in 2023) gave me\nyour name. We bought a lot in Lakeway.\n\nCall me at 512-555-0165.",
    ])
    func aReferringClientIsNotTheLead(_ body: String) throws {
        let found = try lead(Self.homeowner, "Hi Mike,\n\n\(body)\n\nSanjay")
        #expect(found.firstName == "Sanjay")
        #expect(found.lastName == "Patel")
        #expect(found.email == "sanjay.patel@example.net")
        #expect(found.phone == "+15125550165")
        #expect(found.reviewReasons.isEmpty, "a referrer's mention is no sign of a realtor: \(found.reviewReasons)")
    }

    /// "On behalf of" in a footer's disclaimer names a firm, below the signature (defect 3).
    @Test func aDisclaimerNamesNoClient() throws {
        let found = try lead(["From: \"Collins, Patrick\" <pcollins@bakerhollis.example.com>", "To: info@brennanhomes.example.com",
                              "Subject: New home"], """
            Hello,

            My wife and I closed on a lot in Lakeway. My cell is 512-555-0161.

            Patrick Collins
            Partner | Baker Hollis LLP
            T 512-555-0300

            This email is sent on behalf of Baker Hollis LLP and may be privileged.
            """)
        #expect(found.firstName == "Patrick")
        #expect(found.lastName == "Collins")
        #expect(found.phone == "+15125550161")
        #expect(found.reviewReasons.isEmpty, "a footer's \"on behalf of\" is no sign of a realtor: \(found.reviewReasons)")
        #expect(ClientReferral.clientName(in: "sent on behalf of Baker Hollis LLP and") == nil)
        #expect(ClientReferral.clientName(in: "on behalf of Acme Homes Group, Inc") == nil)
    }

    /// The writer naming themself after a cue keeps their lead as it is, unflagged (defects 4, 5).
    @Test(arguments: [
        ("Priya Raman <priya.raman@example.net>", "Client: Priya Raman, in case you need our file. My cell is 512-555-0177.\n\nPriya"),
        ("Greg Whitfield <gw@example.net>", "Owner contact: Greg Whitfield\nPhone: 512-555-0177\n\nGreg"),
        ("gwhitfield@example.net", "Owner contact: Greg Whitfield\nPhone: 512-555-0177\n\nGreg"),
        ("Mark Brown <mb1972@example.net>", "We are the owners (Mark and Lisa Brown) of the lot.\n\nReach us at my cell, 512-555-0177.\n\nThanks,\nMark"),
    ])
    func theWriterNamedAsTheClient(_ from: String, _ body: String) throws {
        let found = try lead(["From: \(from)", "To: info@brennanhomes.example.com", "Subject: Our lot"], body)
        let address = from.split(whereSeparator: { $0 == "<" || $0 == ">" }).last.map(String.init) ?? ""
        #expect(found.email == address)
        #expect(found.phone == "+15125550177")
        #expect(!found.needsReview)
    }

    /// A client without contact details: the writer's own number, given in the text, stays (defect 5).
    @Test func theWritersNumberInTheTextStaysWhenTheClientHasNone() throws {
        let found = try lead(["From: David Okafor <d.okafor@example.net>", "To: info@brennanhomes.example.com", "Subject: ADU"], """
            Hello,

            I'm writing on behalf of Grace Okafor, my mother, who wants to build a small
            ADU behind her house.

            You can reach me at 512-555-0115 - I'm handling this for her.

            David Okafor
            """)
        #expect(found.firstName == "Grace")
        #expect(found.email == "d.okafor@example.net")
        #expect(found.phone == "+15125550115")
        #expect(found.reviewReasons.contains { $0.hasSuffix("contact details are the writer's, not the client's") })
    }

    /// The builder, a recipient, is never the client's address, even sharing their first
    /// name (defect 6); a client copied in still is.
    @Test(arguments: ["mike@brennanhomes.example.com", "mikebrennan@gmail.com"])
    func theBuildersAddressIsNotTheClients(_ builder: String) throws {
        let found = try lead(["From: Stephanie Vaughn <stephanie@vaughnrealty.example.com>", "To: Mike Brennan <\(builder)>",
                              "Cc: Jenna Ruiz <jenna@brennanhomes.example.com>", "Subject: Client"], """
            Hi Mike,

            My client Mike Torres is looking for a builder for his lot in Salado.
            His cell is 254-555-0113.

            Best,
            Stephanie Vaughn
            Cell: 512-555-0111
            """)
        #expect(found.firstName == "Mike")
        #expect(found.lastName == "Torres")
        #expect(found.email == nil)
        #expect(found.phone == "+12545550113")
    }
}

@Suite("A prospect forwarding their own mail")
struct ProspectsOwnForwardTests {
    static let followUp = """
        Hi Mike, I sent this to your info@ address last week but haven't heard back.

        ---------- Forwarded message ---------
        From: Heather Quinn <hquinn@example.net>
        Date: Fri, Nov 13, 2026 at 2:01 PM
        Subject: Building inquiry
        To: <info@brennanhomes.example.com>

        Hi, we own a lot in Spicewood and want to build next year. Call me at 512-555-0146.

        Heather Quinn
        """

    /// Their earlier mail to the builder, resent to the builder: a follow-up from the
    /// prospect, with or without the builder's mailboxes known (defect 1).
    @Test(arguments: [BuilderIdentity(), BuilderIdentity(mailboxes: ["@brennanhomes.example.com"])])
    func aFollowUpIsTheProspects(_ identity: BuilderIdentity) throws {
        let found = try lead(["From: Heather Quinn <hquinn@example.net>", "To: mike@brennanhomes.example.com", "Subject: Fwd: Building inquiry"],
                             Self.followUp, identity: identity)
        #expect(found.firstName == "Heather")
        #expect(found.email == "hquinn@example.net")
        #expect(found.phone == "+15125550146")
        #expect(!found.needsReview)
    }

    /// The builder forwarding mail he sent a prospect to his own intake address is still his own.
    @Test func theBuildersOwnForwardIsStillHis() throws {
        let raw = """
            From: Mike Brennan <mike@brennanhomes.example.com>
            To: leads@brennanhomes.example.com
            Subject: Fwd: Your lot

            ---------- Forwarded message ---------
            From: Mike Brennan <mike@brennanhomes.example.com>
            Date: Fri, Nov 13, 2026 at 2:01 PM
            Subject: Your lot
            To: Heather Quinn <hquinn@example.net>

            Heather, thanks for the call. Mike Brennan, 512-555-0100
            """
        let inquiry = Inquiry(message: MIMEMessage.parse(Array(raw.replacingOccurrences(of: "\n", with: "\r\n").utf8)))
        #expect(inquiry.originalIsForwardersOwn)
        #expect(inquiry.sender?.address == "hquinn@example.net")
    }
}

@Suite("How writers name their client")
struct ClientNameFormTests {
    /// The forms of defect 8 of round 3: a verb or a possessive between the cue and the
    /// name, a title, the name at the start of the next line, two people.
    @Test(arguments: [
        ("My client is Robert Haines. He just closed on a lot.", "Robert", "Haines"),
        ("My clients are Tom and Dana Whitaker and they're interested", "Tom", "Whitaker"),
        ("My client's name is Sarah Jennings. She has a lot", "Sarah", "Jennings"),
        ("Client: Dr. Kevin Walsh\nPhone: 830-555-0104", "Kevin", "Walsh"),
        ("I'd like to introduce you to my clients, \nRyan and Kelsey Brooks. They are", "Ryan", "Brooks"),
        ("I represent Carla Mendez, the owner of the lot", "Carla", "Mendez"),
        ("My clients Alan Meyer and Beth Conroy just bought a lot", "Alan", "Meyer"),
    ])
    func nameForms(_ text: String, _ first: String, _ last: String) {
        let found = ClientReferral.clientName(in: text)
        #expect(found?.name.first == first)
        #expect(found?.name.last == last)
    }

    @Test(arguments: ["My client is looking for a lot", "My clients are ready to build", "my clients,\nthe Browns, want"])
    func noNameAfterTheForm(_ text: String) {
        #expect(ClientReferral.clientName(in: text) == nil)
    }

    /// "My client is ..." gives the lead the client's name and number, not the realtor's.
    @Test func aClientNamedWithIs() throws {
        let found = try lead(WrittenForAClientTests.realtor, """
            Good morning,

            My client is Robert Haines. He just closed on 1.5 acres in Georgetown.
            You can reach him at 512-555-0191.

            Thank you,
            Stephanie Vaughn
            512-555-0111
            """)
        #expect(found.firstName == "Robert")
        #expect(found.lastName == "Haines")
        #expect(found.phone == "+15125550191")
        #expect(found.email == nil)
    }
}

@Suite("Clients in Spanish, relatives, households")
struct ClientReferralRound3Tests {
    /// A Spanish realtor's "Mis clientes, Javier y Rosa Domínguez" (defect 7).
    @Test func aSpanishRealtorsClients() throws {
        let found = try lead(["From: =?UTF-8?Q?Luc=C3=ADa_Fern=C3=A1ndez?= <lucia@casasreales.example.com>",
                              "To: info@brennanhomes.example.com", "Subject: Clientes"], """
            Hola Mike,

            Mis clientes, Javier y Rosa Domínguez, compraron un terreno en Manor y
            quieren construir una casa. El celular de Javier es
            512-555-0155 y su correo es javi.dominguez@example.com.

            Saludos,
            Lucía Fernández
            Cel. 512-555-0156
            """)
        #expect(found.firstName == "Javier")
        #expect(found.lastName == "Domínguez")
        #expect(found.email == "javi.dominguez@example.com")
        #expect(found.phone == "+15125550155")
        #expect(found.reviewReasons.contains { $0.hasPrefix("written for someone else (\"mis clientes\")") })
        #expect(ClientReferral.clientName(in: "Mi cliente es Juan Pérez.")?.name.last == "Pérez")
    }

    /// A relative naming their parents: the lead stays the writer's, flagged (defect 10).
    @Test func aRelativeWritingForTheirParentsIsFlaggedOnly() throws {
        let found = try lead(["From: Emily Miller <emily.miller@example.net>", "To: info@brennanhomes.example.com", "Subject: Parents"], """
            Hi,

            My parents, Frank and Joan Miller, are retiring to Horseshoe Bay and want to
            build on the lot they bought there. Please call my dad at 830-555-0114.

            Thank you,
            Emily
            """)
        #expect(found.firstName == "Emily")
        #expect(found.email == "emily.miller@example.net")
        #expect(found.phone == "+18305550114")
        #expect(found.reviewReasons.contains { $0.hasPrefix("written for a relative (\"my parents\") by Emily Miller") })
    }

    /// A household of a two-word surname (defect 11).
    @Test func aHouseholdWithAParticle() throws {
        let found = try lead(["From: The Van Dykes <vandykes@example.net>", "To: info@brennanhomes.example.com", "Subject: Lot"],
                             "We want to build on our lot. Call 512-555-0175.")
        #expect(found.firstName == nil)
        #expect(found.lastName == "Van Dykes")
    }
}

@Suite("The cue of a message written for someone else")
struct WritesForSomeoneElseTests {
    /// Every phrase passes the prefilter (a part of it) and is found, capitals folded.
    @Test(arguments: [
        "my client", "our client", "my buyer", "our buyer", "on behalf of", "my customer", "i represent", "representing",
        "i have clients", "i have a client", "the owners (", "the owner (", "owner contact:", "client:",
        "mis clientes", "mis clientas", "mi cliente", "mi clienta", "de parte de", "en nombre de",
        "my parents", "my mother", "my father", "my mom", "my dad",
    ])
    func eachPhraseIsFound(_ phrase: String) {
        #expect(LeadExtractor.writesForSomeoneElse("Hello,\n\nWe think \(phrase) Xavier") == phrase)
        #expect(LeadExtractor.writesForSomeoneElse("HELLO, \(phrase.uppercased()) X") == phrase)
    }

    @Test func mostTextsSayNone() {
        #expect(LeadExtractor.writesForSomeoneElse("We are the homeowners and want a custom home; call me.") == nil)
    }
}

/// Round 3: a realtor naming two clients in one message got one lead, with the second
/// client's budget, and no word of the second.
@Suite("Two clients in one referral")
struct TwoClientsInOneReferralTests {
    @Test func theSecondClientIsNamedInTheReason() throws {
        let found = try lead(["From: Jane Doe <jane.doe@kw.example.com>", "To: info@brennanhomes.example.com", "Subject: Two clients"], """
            Hi Mike,

            My client Alan Meyer has a lot in Buda and wants a 2,500 sq ft ranch.
            His cell is 512-555-0171.

            My client Beth Conroy is looking at lots in Kyle, budget about $500k.
            Her email is bconroy@example.net, cell 512-555-0172.

            Thanks,
            Jane Doe
            Cell 512-555-0160
            """)
        #expect(found.firstName == "Alan" && found.phone == "+15125550171")
        #expect(found.reviewReasons.contains { $0.hasSuffix("the message names another client too, Beth Conroy: their details may be mixed in") },
                "\(found.reviewReasons)")
    }

    static let karen = ["From: Karen Doyle <karen@doylerealty.example>", "To: info@buildersco.example", "Subject: Two referrals"]

    /// "two clients" named no client: the lead was the realtor's name with the first
    /// client's phone, unflagged (session 18).
    @Test func twoClientsNamedLaterKeepTheWritersOwnContact() throws {
        let found = try lead(Self.karen, """
            Hi Mike,

            I have two clients who are both looking to build. Jim and Sue Parker want a custom home in Dripping Springs, their number is 512-555-0190. Separately, Raj Patel is looking at a lot in Bee Cave, 512-555-0191.

            Karen Doyle
            Doyle Realty
            512-555-0100
            """)
        #expect(found.firstName == "Karen" && found.phone == "+15125550100", "the writer's name with the writer's number")
        #expect(found.fields["phone"]?.rule == "the writer's phone (no client named)")
        #expect(found.reviewReasons == ["written for someone else (\"two clients\"): the sender may be a realtor or an architect, not the prospect"])
    }

    @Test(arguments: ["I have two clients for you: Jim and Sue Parker want a custom home, 512-555-0190.",
                      "I have a couple of clients, Jim and Sue Parker, who want a custom home. Their cell is 512-555-0190."])
    func theFirstOfSeveralClientsIsTheLeadFlaggedSo(_ sentence: String) throws {
        let found = try lead(Self.karen, "Hi Mike,\n\n\(sentence)\nRaj Patel is looking at a lot in Bee Cave.\n\nKaren Doyle\nDoyle Realty\n512-555-0100")
        #expect(found.firstName == "Jim" && found.lastName == "Parker" && found.phone == "+15125550190")
        #expect(found.reviewReasons.count == 1)
        #expect(found.reviewReasons.first?.hasSuffix("the writer speaks of more than one client: another's details may be mixed in") == true,
                "\(found.reviewReasons)")
    }

    /// A lead-in cut at its 40 characters began inside "home": its "me" made a client's
    /// number the writer's own.
    @Test func aLeadInCutInsideAWordIsNotTheWriters() {
        #expect(!ClientReferral.saysWritersOwn("me in Dripping Springs, their number is "))
        #expect(ClientReferral.saysWritersOwn("call me at "))
        #expect(ClientReferral.saysWritersOwn("Please call me any time at my cell, at "), "a full-length lead-in's later words still count")
    }
}
