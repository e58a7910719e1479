@testable import Extraction
import LeadModel
import MIME
import Testing

/// Session 21: out-of-office replies known by their text alone (no header, no responder
/// subject) are auto-replies; a person who is away but writes about a project, a long
/// inquiry, a builder's note above a forward stay leads.
@Suite("Out-of-office replies by their text")
struct OutOfOfficeTextTests: ExtractsWithRepositorySpecs {
    // MARK: - 2. Out-of-office replies by their text

    @Test(arguments: [
        "Thank you for your message. I am currently out of the office on vacation and will be returning Monday, November 30th. I will have limited access to email. If this is urgent, please contact my team lead, Marcus, at 512-555-0186.",
        "I am out of the office until Monday, November 23rd. If you need immediate assistance, please contact Tina at 512-555-0142.",
        "Hello,\n\nI\u{2019}m away from my desk until Tuesday and will respond when I return.",
        "Hi,\nThanks for your email! I will be out of the office from Nov 20 through Nov 27, returning Monday the 30th. For anything urgent call 512-555-0101.",
        "Thank you for your email, I am currently on annual leave with limited access to email until 4 January.",
        "Please note that I am out of the office\nuntil Monday. In my absence please contact Dana at dana@title.example.",
        "Good afternoon - I'll be traveling until Friday. I will get back to you as soon as I can.",
        "Our office is closed for the Thanksgiving holiday and will reopen on Monday, November 30.",
        // Spanish (session 22).
        "Hola,\n\nEstoy fuera de la oficina hasta el lunes 23 de noviembre con acceso limitado al correo. Si es urgente, llame al 512-555-0177.",
        "Gracias por su mensaje. Actualmente me encuentro de vacaciones y regresaré el 30 de noviembre.",
        "Buenos días, estaré fuera de la oficina hasta el viernes. Para asuntos urgentes comuníquese con Tina al 512-555-0142.",
    ])
    func outOfOfficeTextIsAnAutoReply(_ body: String) throws {
        let reason = try Self.ignoredReason("""
            From: Jenna Holt <jholt@realty.example>
            To: info@builder.example
            Subject: Re: Lot 22 Ridgeview - buyer walkthrough
            Content-Type: text/plain; charset=UTF-8

            \(body)

            Jenna Holt
            """)
        #expect(reason?.hasPrefix("auto-reply (out-of-office text") == true, "\(reason ?? "a lead")")
    }

    @Test(arguments: [
        // A homeowner away this week, with a project.
        "I'm out of the office this week, but we want to build a 3 bedroom home on our lot in Wimberley. Call me at 512-555-0174.",
        "I am out of the office until Friday. We are looking for a builder for a custom home, budget around 700k. 512-555-0174",
        // No return date and no one to ask: a person's own words.
        "I am out of the office today. Can you send me the brochure? 512-555-0174",
        // The statement does not open the text.
        "We met at the Parade of Homes. I am out of the office until Monday, please call me at 512-555-0174 then.",
        // Spanish: away, but with a project; a homeowner's own words.
        "Hola, estoy fuera de la oficina esta semana pero queremos construir una casa en nuestro terreno en Kyle. Llámeme al 512-555-0174.",
        "Hola, estoy buscando un constructor para una casa nueva. Mi número es 512-555-0174.",
        // A builder's own note above a forwarded lead.
        "I'm out of the office until Monday, can you call this person back?\n\n---------- Forwarded message ---------\nFrom: Ann Lee <ann.lee@example.org>\nSubject: New home\n\nWe want to build on our lot in Kyle. 512-555-0175",
    ])
    func awayButAnInquiryStaysALead(_ body: String) throws {
        let outcome = try Self.extract("""
            From: Derek Alvarez <derek.alvarez81@example.org>
            To: info@builder.example
            Subject: New home in Wimberley
            Content-Type: text/plain; charset=UTF-8

            \(body)

            Derek Alvarez
            """)
        #expect(outcome.lead != nil, "\(outcome)")
    }

    @Test func aLongInquiryThatMentionsBeingAwayStaysALead() throws {
        let filler = String(repeating: "We have been saving for years and have looked at many floor plans. ", count: 20)
        let outcome = try Self.extract("""
            From: Derek Alvarez <derek.alvarez81@example.org>
            To: info@builder.example
            Subject: Re: our call
            Content-Type: text/plain; charset=UTF-8

            I am out of the office until Monday, so please call my cell 512-555-0174. \(filler)
            """)
        #expect(outcome.lead != nil)
    }

    @Test func theStatementReaderSaysWhichPredicate() {
        #expect(OutOfOfficeText.statement(in: "I am currently out of the office until Monday.", subject: nil) == "out of the office")
        #expect(OutOfOfficeText.statement(in: "Hi Travis, I am out of the office? No, I'm in. Call me.", subject: nil) == nil)
        #expect(OutOfOfficeText.statement(in: "I am out of the office until Monday.", subject: "Fwd: New lead") == nil)
        #expect(OutOfOfficeText.statement(in: "I am outstanding until Monday.", subject: nil) == nil)
        #expect(OutOfOfficeText.statement(in: "Is the lot still available?", subject: nil) == nil)
    }
}
