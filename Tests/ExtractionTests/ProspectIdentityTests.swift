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
        #expect(found.lastName == "Hendersons")
    }

    @Test(arguments: [
        ("Derek Lowe | Compass", "Derek Lowe"), ("Jane Doe - Doe Realty", "Jane Doe"), ("Jane Doe – Doe Realty", "Jane Doe"),
        ("Mary Smith-Jones", "Mary Smith-Jones"), ("| Compass", "| Compass"),
    ])
    func aCompanyAfterTheNameIsDropped(_ displayName: String, _ expected: String) {
        #expect(GenericExtractor.withoutCompanyTail(displayName) == expected)
    }

    @Test(arguments: [
        ("The Hendersons", "Hendersons"), ("The Okafor Family", "Okafor"), ("Garcia family", "Garcia"),
    ])
    func householdSurnames(_ displayName: String, _ expected: String) {
        #expect(GenericExtractor.householdSurname(displayName) == expected)
    }

    @Test(arguments: ["Jane Doe", "Theo Smith", "The", "Jane The Doe"])
    func notHouseholds(_ displayName: String) {
        #expect(GenericExtractor.householdSurname(displayName) == nil)
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
        #expect(LeadExtractor.foreignAddressee(Self.forward(to: "info@hillcountryhomes.example.com"), forwarder: "bob.stone@other.example.net")
            == "info@hillcountryhomes.example.com")
    }

    @Test(arguments: ["info@other.example.net", "bob.stone@other.example.net", "sales@mail.other.example.net"])
    func mailToTheForwardersSide(_ recipient: String) {
        #expect(LeadExtractor.foreignAddressee(Self.forward(to: recipient), forwarder: "bob.stone@other.example.net") == nil)
    }

    /// A chain (a relative forwarded it to the builder, who forwards it on): the original sent
    /// to the forwarder decides, not the innermost one.
    @Test func aChainOfForwardsIsReadAtTheForwardersLevel() throws {
        let url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("fixtures/mime/forward-outlook-desktop-es-of-yahoo.eml")
        let message = MIMEMessage.parse([UInt8](try Data(contentsOf: url)))
        #expect(LeadExtractor.foreignAddressee(message, forwarder: "ana@buildersco.example") == nil)
    }
}
