@testable import Extraction
import Foundation
import LeadModel
import MIME
import Testing

/// Session 19: "I have two clients ... The first is Jim Parker, 512-555-0190. The second, Sue
/// Ortiz, ...": the first client as the writer introduces them is the lead, flagged as one
/// of several (naming the second), with contact details from the first client's own part of
/// the text only.
@Suite("Several clients introduced one by one")
struct OrderedClientsReferralTests {
    private static let headers = ["From: Karen Doyle <karen@doylerealty.example>", "To: info@buildersco.example", "Subject: Two referrals"]
    private static let signature = "\n\nKaren Doyle\nDoyle Realty\n512-555-0100"

    private func lead(_ body: String) throws -> ExtractedLead {
        let raw = (Self.headers + ["Content-Type: text/plain; charset=utf-8", "", "Hi Mike,\n\n" + body + Self.signature])
            .joined(separator: "\r\n").replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
        return try #require(LeadExtractor(specs: SpecSet(specs: [])).extract(from: MIMEMessage.parse(Array(raw.utf8))).lead)
    }

    @Test func theFirstIsTheLeadAndTheSecondIsNamedInTheFlag() throws {
        let found = try lead("I have two clients looking to build in the Hill Country. The first is Jim Parker, 512-555-0190. The second, Sue Ortiz, 512-555-0191, has a lot in Wimberley.")
        #expect(found.firstName == "Jim" && found.lastName == "Parker" && found.phone == "+15125550190")
        #expect(found.fields["first_name"]?.rule == "client named by the writer (\"the first is\")")
        #expect(found.fields["phone"]?.rule == "client's phone in text" && found.fields["phone"]?.location == "body line 3")
        #expect(found.reviewReasons == [
            "written for someone else (\"two clients\") by Karen Doyle <karen@doylerealty.example>: the lead is the client's, Jim Parker; the message names another client too, Sue Ortiz: their details may be mixed in",
        ])
    }

    @Test(arguments: [
        "I have a couple of clients looking to build.\n\nThe first is Jim Parker. He owns a lot in Kyle, cell 512-555-0190, jim.parker@example.net.\n\nThe second is Sue Ortiz, 512-555-0191.",
        "I have two clients for you.\nFirst client: Jim Parker, 512-555-0190, jim.parker@example.net\nSecond client: Sue Ortiz, 512-555-0191, sue@example.org",
        "I have a few clients looking for lots.\nClient 1: Jim Parker, jim.parker@example.net, 512-555-0190\nClient 2: Sue Ortiz, sue@example.org, 512-555-0191",
        "I have two clients. The first is Jim Parker and his wife Ann, 512-555-0190 or jim.parker@example.net. The other is Sue Ortiz (512-555-0191).",
    ])
    func theFirstClientsOwnDetails(_ body: String) throws {
        let found = try lead(body)
        #expect(found.firstName == "Jim" && found.lastName == "Parker")
        #expect(found.phone == "+15125550190" && found.email == "jim.parker@example.net", "\(found.phone ?? "-") \(found.email ?? "-")")
        #expect(found.reviewReasons.count == 1 && found.reviewReasons[0].contains("Sue Ortiz"), "\(found.reviewReasons)")
    }

    /// A number after the second's lead, or one the writer calls theirs, is not the first
    /// client's: the lead keeps the writer's contact, flagged so.
    @Test(arguments: [
        "I have two clients looking to build. The first is Jim Parker. The second, Sue Ortiz, 512-555-0191, has a lot in Wimberley.",
        "I have two clients looking to build. The first is Jim Parker; call me at 512-555-0100 about him.",
    ])
    func noNumberOfTheFirstsOwn(_ body: String) throws {
        let found = try lead(body)
        #expect(found.firstName == "Jim" && found.lastName == "Parker")
        #expect(found.phone == "+15125550100" && found.fields["phone"]?.rule == "the writer's phone (the client's unknown)")
        #expect(found.email == "karen@doylerealty.example")
        #expect(found.reviewReasons.count == 1 && found.reviewReasons[0].hasSuffix("contact details are the writer's, not the client's"),
                "\(found.reviewReasons)")
    }

    /// No client introduced as the first by name: the lead stays the writer's, flagged as
    /// before (session 18).
    @Test(arguments: [
        "I have two clients who are both looking to build. Jim and Sue Parker want a custom home, 512-555-0190.",
        "I have two clients. The first is interested in a lot in Kyle, 512-555-0190.",
        "I have two clients. The first is Dripping Springs based, 512-555-0190.",
        "I have two clients. The first is Jim, 512-555-0190.",
    ])
    func noFirstClientNamed(_ body: String) throws {
        let found = try lead(body)
        #expect(found.firstName == "Karen" && found.phone == "+15125550100", "\(found.firstName ?? "-") \(found.phone ?? "-")")
        #expect(found.reviewReasons == ["written for someone else (\"two clients\"): the sender may be a realtor or an architect, not the prospect"])
    }

    /// A phone's lead-in says it is the writer's by its own sentence only.
    @Test(arguments: [
        ("I have two clients. The first is Jim, ", false), ("Thanks. Call me at ", true), ("I have two clients. My cell is ", true),
        ("We met last week! His cell is ", false), ("call me at ", true),
    ])
    func theWritersOwnNumberBySentence(_ leadIn: String, _ writers: Bool) {
        #expect(ClientReferral.saysWritersOwn(leadIn) == writers, "\(leadIn)")
    }

    /// A homeowner's "the first is" with no several-clients cue is no client at all.
    @Test func noCueNoClient() throws {
        let raw = "From: Jim Parker <jim@example.net>\r\nTo: info@buildersco.example\r\nSubject: Two lots\r\nContent-Type: text/plain\r\n\r\n"
            + "We have two lots in mind. The first is Ridge View Dr, the second Saddle Creek.\r\nCall 512-555-0190.\r\n\r\nJim"
        let found = try #require(LeadExtractor(specs: SpecSet(specs: [])).extract(from: MIMEMessage.parse(Array(raw.utf8))).lead)
        #expect(found.firstName == "Jim" && found.reviewReasons.isEmpty)
    }
}
