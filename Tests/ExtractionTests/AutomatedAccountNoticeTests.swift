@testable import Extraction
import LeadModel
import MIME
import Testing

/// A supplier's or service's automated notice about the builder's own account or order is
/// ignored; an unknown marketplace's or form service's lead notice from the same kind of
/// address stays an `other` lead for review.
@Suite("An automated notice about the builder's own account")
struct AutomatedAccountNoticeTests: ExtractsWithRepositorySpecs {
    private static func raw(from sender: String, subject: String, _ body: String, replyTo: String? = nil) -> String {
        "From: \(sender)\n" + (replyTo.map { "Reply-To: \($0)\n" } ?? "")
            + "To: leads@hillcountryhomes.example\nSubject: \(subject)\nContent-Type: text/plain; charset=utf-8\n\n\(body)"
    }

    @Test(arguments: [
        ("Ferguson <no-reply@ferguson.com>", "Your quote Q-88213 is ready",
         "Hello Builder,\n\nYour quote Q-88213 for plumbing fixtures (kitchen and 2 baths) is ready. Total: $14,212.50.\nView your quote: https://www.ferguson.com/quotes/Q-88213\n\nFerguson Enterprises\n1-800-638-8875",
         "ferguson.com", "your quote"),
        ("84 Lumber <notifications@84lumber.com>", "Delivery scheduled for Lot 14",
         "Your delivery for job Lot 14 Vista Ridge is scheduled for 11/25/2026 between 7-11 AM.\n\nQuestions? Call your store at (512) 555-0100.\n\n84 Lumber",
         "84lumber.com", "your delivery"),
        ("BuilderTrend <noreply@buildertrend.net>", "Your statement is available",
         "Your statement for November is available. Sign in to your account to view it.",
         "buildertrend.net", "your account"),
    ])
    func ignored(_ sender: String, _ subject: String, _ body: String, _ domain: String, _ notice: String) throws {
        #expect(try Self.ignoredReason(Self.raw(from: sender, subject: subject, body))
            == "an automated notice from \(domain) about the builder's own account or order (\"\(notice)\"), not a sales inquiry")
    }

    /// An unknown lead notice: a lead word, a homeowner's words or a Reply-To to the person
    /// keep it. (Label/value lines of a person are the generic form spec's: a form lead.)
    @Test(arguments: [
        ("New project request", "You have a new project request from Jane Doe in Austin, 512-555-0142. Log in to your account to respond.", nil as String?),
        ("New message", "Log in to your account to read it: \"We want to build on our lot in Kyle next spring. 512-555-0142\"", nil),
        ("New message", "Jane wrote: we'd like a price for a kitchen. See your account for more.", "Jane Doe <jane.doe@example.org>"),
    ])
    func keptForReview(_ subject: String, _ body: String, _ replyTo: String?) throws {
        let lead = try Self.lead(Self.raw(from: "Leads <noreply@newmarket.example>", subject: subject, body, replyTo: replyTo))
        #expect(lead.source == "other")
        #expect(lead.needsReview)
    }

    @Test func aFormOfAPersonIsAFormLead() throws {
        let lead = try Self.lead(Self.raw(from: "Leads <noreply@newmarket.example>", subject: "New submission",
                                          "Name: Jane Doe\nEmail: jane.doe@example.org\nPhone: 512-555-0142\nSee your account for more."))
        #expect(lead.source == "website_form")
        #expect(lead.email == "jane.doe@example.org")
    }

    /// A long notice is read at its top: a lead word past the first 8 KiB is not seen, and
    /// a notice phrase there is not either (the message stays an `other` lead).
    @Test func readsTheOpeningOnly() throws {
        let filler = String(repeating: "The weather is nice today for everyone here. ", count: 400)
        #expect(try Self.ignoredReason(Self.raw(from: "Supplier <no-reply@supplier.example>", subject: "Your order",
                                                filler + "A new lead: call 512-555-0142"))
            == "an automated notice from supplier.example about the builder's own account or order (\"your order\"), not a sales inquiry")
        let lead = try Self.lead(Self.raw(from: "Supplier <no-reply@supplier.example>", subject: "Hello",
                                          "Call 512-555-0142. " + filler + "Your order has a question."))
        #expect(lead.source == "other")
    }

    /// A person's address is not automated: the same words from a person are read as ever.
    @Test func aPersonsMailIsReadAsEver() throws {
        let lead = try Self.lead(Self.raw(from: "Dana Ortiz <dana.ortiz@gmail.com>", subject: "Your quote",
                                          "Hi, we got your quote for the kitchen remodel. Can we meet to go over it? 512-555-0142"))
        #expect(lead.source == "direct_inquiry")
        #expect(lead.phone == "+15125550142")
    }
}
