@testable import Extraction
import Foundation
import LeadModel
import MIME
import Testing

/// A prospect forwarding mail someone else sent them, with their own inquiry on top, is the
/// lead; the original's writer (their realtor, a competitor, their spouse) is not. Found by
/// exploratory testing: the competitor's bid made the competitor the lead.
@Suite("A prospect forwarding someone else's mail")
struct ForwardersOwnInquiryTests {
    static let extractor = LeadExtractor(specs: SpecSet(specs: []))

    static func outcome(from: String, note: String, originalFrom: String, originalTo: String, originalBody: String,
                        identity: BuilderIdentity = BuilderIdentity()) -> ExtractionOutcome {
        let raw = """
            From: \(from)\r
            To: info@hillcountryhomes.example\r
            Subject: Fwd: lot info\r
            Content-Type: text/plain; charset=utf-8\r
            \r
            \(note)\r
            \r
            ---------- Forwarded message ---------\r
            From: \(originalFrom)\r
            Subject: lot info\r
            To: \(originalTo)\r
            \r
            \(originalBody)\r

            """
        return extractor.extract(from: MIMEMessage.parse(Array(raw.utf8)), builder: identity)
    }

    static let realtorsMail = "Hi Marcus, here's the survey for the lot. 2.1 acres, no HOA. Call me with questions: 512-555-0138\r\n\r\nKim Lawson, REALTOR"

    @Test func theForwarderAskingForTheirOwnHomeIsTheProspect() throws {
        let lead = try #require(Self.outcome(
            from: "Marcus Delgado <mdelgado77@gmail.com>",
            note: "Hi, we're under contract on this lot and would like you to build our custom home on it. Budget around $750k. Can you call me at 737-555-0123?\r\n\r\nMarcus Delgado",
            originalFrom: "Kim Lawson <kim@kimlawsonhomes.example>", originalTo: "Marcus Delgado <mdelgado77@gmail.com>",
            originalBody: Self.realtorsMail).lead)
        #expect(lead.email == "mdelgado77@gmail.com")
        #expect(lead.firstName == "Marcus" && lead.lastName == "Delgado")
        #expect(lead.phone == "+17375550123", "his own number, not his realtor's")
        #expect(lead.budgetLow == 750_000)
        #expect(lead.message?.hasPrefix("Hi, we're under contract") == true)
        #expect(lead.fields["phone"]?.location?.hasPrefix("forwarder's own note") == true)
        #expect(lead.reviewReasons.contains { $0.hasPrefix("mdelgado77@gmail.com forwarded mail kim@kimlawsonhomes.example sent them") })
    }

    @Test func theHouseholdsOwnMailFillsWhatTheNoteLeftEmpty() throws {
        let note = "Sending you our wish list - my husband wrote it up. We'd love to meet. Ana 512-555-0124"
        let wishList = "4 bed, 3 bath, covered patio, 3 car garage. Budget 650-750k, we'd like to start next spring. Call me 512-555-0199 - Marcus"
        let lead = try #require(Self.outcome(
            from: "Ana Delgado <ana.delgado@gmail.com>", note: note,
            originalFrom: "Marcus Delgado <mdelgado77@gmail.com>", originalTo: "Ana Delgado <ana.delgado@gmail.com>",
            originalBody: wishList).lead)
        #expect(lead.firstName == "Ana" && lead.email == "ana.delgado@gmail.com")
        #expect(lead.phone == "+15125550124", "her number, from her note")
        #expect(lead.budgetLow == 650_000 && lead.budgetHigh == 750_000)
        #expect(lead.timeline != nil)
        #expect(lead.fields["budget_low"]?.location?.hasPrefix("forwarded original from the forwarder's household") == true)
        #expect(lead.projectType == nil, "a patio in the wish list is a feature of the home, not the project")

        // Session 23: a wish list giving the home's rooms and size describes a home to build.
        let sized = try #require(Self.outcome(
            from: "Ana Delgado <ana.delgado@gmail.com>", note: note,
            originalFrom: "Marcus Delgado <mdelgado77@gmail.com>", originalTo: "Ana Delgado <ana.delgado@gmail.com>",
            originalBody: "4 bed, 3 bath, covered patio, 3 car garage, about 2,900 sq ft. Budget 650-750k.").lead)
        #expect(sized.projectType == "new_build")
        #expect(sized.fields["project_type"]?.rule == "heuristic: home described by its rooms and size")

        // Someone else's mail (a realtor's, another surname) is not read for the prospect.
        let realtor = try #require(Self.outcome(
            from: "Ana Delgado <ana.delgado@gmail.com>", note: note,
            originalFrom: "Kim Lawson <kim@kimlawsonhomes.example>", originalTo: "Ana Delgado <ana.delgado@gmail.com>",
            originalBody: wishList).lead)
        #expect(realtor.budgetLow == nil && realtor.timeline == nil)
    }

    @Test func aBuildersForwardAboutTheProspectStaysTheOriginalsLead() throws {
        // The builder forwarding from the mailbox the prospect wrote to: the original went to
        // the forwarder too, but the note is about "him".
        for note in ["FYI new lead, can you call him?", "He called too, his cell is 512-555-0160. We'd love to build this one.",
                     "Lead from our website - can you follow up? We have a lot that fits.", ""] {
            let lead = try #require(Self.outcome(
                from: "Hill Country Homes <info@hillcountryhomes.example>", note: note,
                originalFrom: "Paul Jensen <pjensen@gmail.com>", originalTo: "info@hillcountryhomes.example",
                originalBody: "We want to build on our lot in Elgin. Can you call me at 512-555-0161? Paul").lead, "\(note)")
            #expect(lead.email == "pjensen@gmail.com", "\(note)")
            #expect(lead.isForwarded)
        }
    }

    @Test func aRealtorForwardingForClientsIsNotTakenAsTheProspect() throws {
        let lead = try #require(Self.outcome(
            from: "Kim Lawson <kim@kimlawsonhomes.example>",
            note: "My clients are under contract on this lot and we'd love to have you build their home. Can you call me?",
            originalFrom: "Marcus Delgado <mdelgado77@gmail.com>", originalTo: "Kim Lawson <kim@kimlawsonhomes.example>",
            originalBody: "Kim, can you send the lot info to a few builders? We want a custom home. 737-555-0123").lead)
        #expect(lead.email == "mdelgado77@gmail.com")
    }

    @Test func mailThatDidNotGoToTheForwarderIsReadAsBefore() throws {
        // The original went to someone else (a forward of the builder's inbox by an
        // assistant at another address): the forwarder is not its recipient.
        let lead = try #require(Self.outcome(
            from: "Marcus Delgado <mdelgado77@gmail.com>",
            note: "We're looking at this lot too, can you call me?",
            originalFrom: "Kim Lawson <kim@kimlawsonhomes.example>", originalTo: "Ana Delgado <ana.delgado@gmail.com>",
            originalBody: Self.realtorsMail).lead)
        #expect(lead.email == "kim@kimlawsonhomes.example")
    }

    @Test func theBuildersOwnAddressNeverForwardsAsAProspect() throws {
        let identity = BuilderIdentity(intakeAddresses: ["leads@hillcountryhomes.example"])
        let lead = try #require(Self.outcome(
            from: "Travis Whitfield <travis@hillcountryhomes.example>",
            note: "We'd love to build on our lot in Belterra for this family - can you call me?",
            originalFrom: "Paul Jensen <pjensen@gmail.com>", originalTo: "travis@hillcountryhomes.example",
            originalBody: "We want to build on your lot in Belterra. 512-555-0161. Paul", identity: identity).lead)
        #expect(lead.email == "pjensen@gmail.com")
    }

    @Test func theNoteMustSpeakOfTheWritersOwnProjectAndAsk() {
        #expect(ForwardersOwnInquiry.isOwnInquiry("Sending you our wish list for the house - my husband wrote it up. We\u{2019}d love to meet. Ana 512-555-0124"))
        #expect(ForwardersOwnInquiry.isOwnInquiry("this is the bid we got from another builder for our home on our lot. Can you beat it?"))
        #expect(!ForwardersOwnInquiry.isOwnInquiry("Can you beat this bid?"), "asks, but says nothing of the writer's own project")
        #expect(!ForwardersOwnInquiry.isOwnInquiry("We're under contract on this lot."), "their project, but asks nothing")
        #expect(!ForwardersOwnInquiry.isOwnInquiry("They want our custom home plans, can you call them?"))
        #expect(!ForwardersOwnInquiry.isOwnInquiry("FYI - we'd love to build for this client, can you call?"))
    }

    @Test func noteWordsMatchWholeWordsWhateverTheCaseAndApostrophe() {
        let table = PhraseTable(["we'd love", "our home", "he"])
        #expect(NoteWords("We\u{2019}d LOVE to meet!").contains(table))
        #expect(NoteWords("for OUR\tHOME, please").contains(table))
        #expect(NoteWords("...he.").contains(table))
        #expect(!NoteWords("your home, the hero, she").contains(table), "no phrase inside a longer word")
        #expect(!NoteWords("José\u{2014}our homes").contains(table))
        #expect(NoteWords("José\u{2014} our home").contains(table), "a dash of non-ASCII bytes stays in its word")
        #expect(!NoteWords("").contains(table) && !NoteWords("\u{E2}").contains(table))
    }
}
