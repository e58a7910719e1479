@testable import Extraction
import LeadModel
import MIME
import Testing

/// What the not-a-lead rules got wrong (exploratory testing, session 16): real leads
/// ignored for an out-of-office phrase inside a homeowner's subject, for `Precedence: junk`
/// set by a person's mail client, or for list headers of a group address; and calendar
/// replies kept because the `method` was only in the calendar body.
@Suite("Classification, session 16")
struct ClassificationSession16Tests: ExtractsWithRepositorySpecs {
    private static func mail(subject: String, headers: String = "", body: String = "Back Monday.") -> String {
        """
        From: Mark Dunn <mark.dunn@example.com>
        To: greg@example.net
        Subject: \(subject)
        \(headers)Content-Type: text/plain; charset=utf-8

        \(body)
        """
    }

    // MARK: - Out-of-office phrase in a person's subject

    @Test func anOutOfOfficePhraseInsideAHomeownersSubjectIsALead() throws {
        let lead = try Self.lead(Self.mail(
            subject: "Building a home office addition - out of office space!",
            headers: "X-Auto-Response-Suppress: All\n",
            body: "Greg, we need a 400 sq ft home office addition at 15 Elm St, Bee Cave TX 78738. 512-555-0177.\n\nMark Dunn"))
        #expect(lead.email == "mark.dunn@example.com")
        #expect(lead.source == "direct_inquiry")
    }

    @Test(arguments: [
        // Not at the start, or not a whole word: a person's words.
        ("Building an addition - out of office space!", nil),
        ("Our home is out of the office district", nil),
        ("Out of offices to rent, we want to build", nil),
        ("Re: Out of office until Monday", nil),
        ("They're out of office today", nil),
        ("Home office \u{2013} respuesta automática", nil),
        // What a vacation responder writes.
        ("Out of office until Monday", "out of office"),
        ("  OUT OF THE OFFICE - back 11/30", "out of the office"),
        ("Out of office", "out of office"),
        ("I'm out of office until Monday", "out of office"),
        ("We are  out of the office", "out of the office"),
        ("I\u{2019}m out of office", "out of office"),
        ("Abwesenheitsnotiz bis 30.11.", "abwesenheitsnotiz"),
        ("Réponse automatique - absent", "réponse automatique"),
    ] as [(String, String?)])
    func anOutOfOfficePhraseCountsOnlyAtTheSubjectStart(_ subject: String, _ phrase: String?) {
        let reason = NotALeadClassifier.reason(for: Self.message(Self.mail(subject: subject, headers: "X-Auto-Response-Suppress: All\n")))
        #expect(reason == phrase.map { "auto-reply (subject \"\($0)\", X-Auto-Response-Suppress: all)" }, "\(subject)")
    }

    @Test func theSubjectPhraseBytePathAgreesWithTheCharacterPath() {
        var generator = SplitMix64(seed: 23)
        let pieces = ["Out", " of ", "office", "the ", "I'm ", "we are ", " ", ":", " :", "x", "1", "-", "\r\n", "Abwesenheitsnotiz", "OFFICES"]
        var subjects = ["out of office", "i'm out of office", "out of office1", "out of office-", "i'm", "we are out of the office!"]
        for _ in 0..<3000 {
            subjects.append((0..<Int.random(in: 0...7, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        var found = 0
        for subject in subjects {
            let lowered = subject.lowercased().replacing(" :", with: ":")
            let expected = OutOfOfficeSubjects.leadingPhrase(of: lowered.drop(while: { $0 == " " }))
            let fast = subject.utf8.withContiguousStorageIfAvailable { OutOfOfficeSubjects.leadingPhrase(ofASCIISubject: $0) }
            #expect(fast == .some(expected), "\(subject.debugDescription)")
            if expected != nil { found += 1 }
        }
        #expect(found > 100)
    }

    // MARK: - Precedence: junk

    @Test func precedenceJunkFromAPersonIsALead() throws {
        let lead = try Self.lead("""
            From: Dana Whitfield <dana.whitfield@example.com>
            To: Greg Walsh <greg@example.net>
            Subject: Custom home
            Precedence: junk
            Content-Type: text/plain; charset=utf-8

            We own a 1.2 acre lot in Dripping Springs, TX 78620 and want to build a custom home.
            Could you call me at (512) 555-0187?

            Dana Whitfield
            """)
        #expect(lead.email == "dana.whitfield@example.com")
        #expect(NotALeadClassifier.reason(for: Self.message(Self.mail(subject: "Custom home", headers: "Precedence: junk\n"))) == nil)
    }

    @Test func precedenceJunkWithAnotherSignOfAutomationIsBulkMail() throws {
        #expect(try Self.ignoredReason("""
            From: Jordan Lee <jordan@example.com>
            To: greg@example.net
            Subject: Lumber prices
            Precedence: junk
            List-Unsubscribe: <https://example.com/u>

            2x6 SYP is down 8%.
            """) == "bulk mail (Precedence: junk, List-Unsubscribe)")
        #expect(try Self.ignoredReason("""
            From: Supplier <noreply@example.com>
            To: greg@example.net
            Subject: Lumber prices
            Precedence: junk

            2x6 SYP is down 8%. Call 512-555-0100.
            """) == "bulk mail (Precedence: junk, automated sender)")
        #expect(NotALeadClassifier.reason(for: Self.message(Self.mail(
            subject: "Lumber prices", headers: "Precedence: junk\nAuto-Submitted: auto-generated\n")))
            == "bulk mail (Precedence: junk, Auto-Submitted)")
        #expect(NotALeadClassifier.reason(for: Self.message(Self.mail(
            subject: "Custom home", headers: "Precedence: junk\nAuto-Submitted: no\n"))) == nil)
    }

    @Test func aPersonsInquiryThroughAGroupWithListHeadersIsKeptForReview() throws {
        // A Workspace group as the builder's info@: List-Id and Precedence: list, nothing else
        // of list software's (round 2 of exploratory testing, l01).
        let lead = try Self.lead("""
            From: Dana Whitfield <dana.whitfield@example.com>
            To: info@example.net
            Subject: Custom home
            List-ID: <info.example.net>
            Mailing-list: list info@example.net; contact info+owners@example.net
            Precedence: list

            We own a lot in Dripping Springs, TX 78620 and want a custom home. Call me at (512) 555-0187.
            """)
        #expect(lead.email == "dana.whitfield@example.com")
        #expect(lead.reviewReasons.contains { $0.hasPrefix("came through a mailing list (List-Id info.example.net)") })
        // With List-Unsubscribe or from a program: list traffic, as before.
        #expect(try Self.ignoredReason("""
            From: Bob Member <bob@example.org>
            To: members@example.org
            Subject: Permitting changes
            List-Id: <members.example.org>
            List-Unsubscribe: <mailto:members-leave@example.org>
            Precedence: list

            The city changed its permitting rules. 512-555-0160.
            """) == "mailing list (List-Id members.example.org, Precedence: list)")
    }

    // MARK: - Calendar replies without a method parameter

    @Test func aCalendarBodySayingMethodReplyIsACalendarReply() throws {
        #expect(try Self.ignoredReason("""
            From: Dana Whitfield <dana.whitfield@example.com>
            To: Greg Walsh <greg@example.net>
            Subject: Accepted: Site visit - 418 Oak Hollow
            MIME-Version: 1.0
            Content-Type: text/calendar; charset=utf-8

            BEGIN:VCALENDAR
            METHOD:REPLY
            BEGIN:VEVENT
            ATTENDEE;PARTSTAT=ACCEPTED:mailto:dana.whitfield@example.com
            SUMMARY:Site visit
            END:VEVENT
            END:VCALENDAR
            """) == "calendar reply (text/calendar METHOD:REPLY)")
        // Base64, as Outlook sends it, inside multipart/alternative.
        let calendar = "BEGIN:VCALENDAR\r\nPRODID:-//Example//EN\r\nVERSION:2.0\r\nmethod: Reply\r\nBEGIN:VEVENT\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let encoded = Base64Lines.encode(Array(calendar.utf8))
        #expect(try Self.ignoredReason("""
            From: Dana Whitfield <dana.whitfield@example.com>
            To: Greg Walsh <greg@example.net>
            Subject: Accepted: Site visit
            MIME-Version: 1.0
            Content-Type: multipart/alternative; boundary="b"

            --b
            Content-Type: text/plain; charset=utf-8

            Accepted.
            --b
            Content-Type: text/calendar; charset=utf-8
            Content-Transfer-Encoding: base64

            \(encoded)
            --b--
            """) == "calendar reply (text/calendar METHOD:REPLY)")
    }

    @Test func aDamagedMethodParameterThatSaysReplyIsACalendarReply() throws {
        #expect(try Self.ignoredReason("""
            From: Dana Whitfield <dana.whitfield@example.com>
            To: Greg Walsh <greg@example.net>
            Subject: Accepted: Site visit @ Thu Nov 12
            Content-Type: text/calendar; charset=utf-8; method="REPLY\\"; x=

            BEGIN:VCALENDAR
            METHOD:REPLY
            END:VCALENDAR
            """) == "calendar reply (text/calendar method=REPLY)")
    }

    @Test func otherCalendarBodiesAndAttachedRepliesAreKept() throws {
        // An invitation from a person may be a new prospect.
        let request = try Self.lead("""
            From: Dana Whitfield <dana.whitfield@example.com>
            To: Greg Walsh <greg@example.net>
            Subject: Invitation: Custom home consult
            Content-Type: text/calendar; charset=utf-8

            BEGIN:VCALENDAR
            METHOD:REQUEST
            BEGIN:VEVENT
            DESCRIPTION:METHOD:REPLY is not this calendar's method
            END:VEVENT
            END:VCALENDAR
            """)
        #expect(request.email == "dana.whitfield@example.com")
        // An inquiry with a reply .ics attached (no method parameter) is an inquiry.
        #expect(try Self.ignoredReason("""
            From: Dana Whitfield <dana.whitfield@example.com>
            To: greg@example.net
            Subject: Custom home - and my availability
            Content-Type: multipart/mixed; boundary="M"

            --M
            Content-Type: text/plain; charset=utf-8

            Hi Greg, we'd like a custom home on our lot in Dripping Springs TX 78620. Call me at 512-555-0187.
            --M
            Content-Type: text/calendar; name="availability.ics"
            Content-Disposition: attachment; filename="availability.ics"

            BEGIN:VCALENDAR
            METHOD:REPLY
            END:VCALENDAR
            --M--
            """) == nil)
        // A METHOD past the bytes read is not looked for: a huge calendar is not read whole.
        let padding = String(repeating: "a", count: CalendarReplyRule.methodReadLimit)
        let late = try Self.lead("""
            From: Dana Whitfield <dana.whitfield@example.com>
            To: greg@example.net
            Subject: Site visit
            Content-Type: text/calendar; charset=utf-8

            BEGIN:VCALENDAR
            X-PAD:\(padding)
            METHOD:REPLY
            END:VCALENDAR
            """)
        #expect(late.email == "dana.whitfield@example.com")
        for (calendar, isReply) in [("METHOD:REPLYX\n", false), ("X-METHOD:REPLY\n", false), ("method:reply;x=1", true), ("\nMETHOD:\tREPLY \r\n", true)] {
            let bytes = Array(calendar.utf8)
            #expect(bytes.withUnsafeBufferPointer { CalendarReplyRule.methodIsReply(inCalendar: $0) } == isReply, "\(calendar)")
        }
    }
}

/// Base64 in 76-character lines, for building test messages.
private enum Base64Lines {
    static func encode(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let chunk = Array(bytes[index..<min(index + 3, bytes.count)])
            let value = chunk.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (16 - 8 * UInt32($1.offset)) }
            for position in 0..<4 {
                out.append(position <= chunk.count ? alphabet[Int(value >> (18 - 6 * UInt32(position)) & 63)] : UInt8(ascii: "="))
            }
            index += 3
        }
        var lines: [String] = []
        var start = 0
        while start < out.count {
            lines.append(String(decoding: out[start..<min(start + 76, out.count)], as: UTF8.self))
            start += 76
        }
        return lines.joined(separator: "\n")
    }
}
