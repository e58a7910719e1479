@testable import Extraction
import LeadModel
import MIME
import Testing

/// Session 21: marketplace account mail (summaries, performance reports, balances, cards,
/// budgets, lead credits, tips newsletters) is ignored by the specs' `ignore` rules, with a
/// reason naming the marketplace and the kind; lead alerts stay leads.
@Suite("Marketplace account mail")
struct MarketplaceAccountMailTests: ExtractsWithRepositorySpecs {
    // MARK: - 1. Marketplace account mail

    @Test(arguments: [
        ("Angi <noreply@angi.com>", "Your weekly Angi Leads summary", "Angi summary or performance report"),
        ("Angi <noreply@angi.com>", "Your lead credit request was approved", "Angi lead credit notice"),
        ("Angi <noreply@angi.com>", "Your monthly performance report", "Angi summary or performance report"),
        ("Houzz Pro <pro@houzz.com>", "Houzz Pro: your November performance", "Houzz summary or performance report"),
        ("HomeAdvisor <pronotifications@homeadvisor.com>", "Action needed: your account balance is low", "HomeAdvisor account notice"),
        ("HomeAdvisor <pronotifications@homeadvisor.com>", "The credit card on file is expiring", "HomeAdvisor account notice"),
        // (An older rule takes a payment subject first.)
        ("HomeAdvisor <pronotifications@homeadvisor.com>", "Your payment method was declined", "HomeAdvisor billing notice"),
        ("Google Local Services <local-services-noreply@google.com>", "Your Local Services ads budget was reached", "Google Local Services account notice"),
        ("Google Local Services <local-services-noreply@google.com>", "Your ads are paused", "Google Local Services account notice"),
        ("Thumbtack <no-reply@thumbtack.com>", "Your Thumbtack credit card will expire soon", "Thumbtack account notice"),
        ("Thumbtack <marketing@thumbtack.com>", "5 ways to win more home building jobs this winter", "Thumbtack newsletter"),
        ("Zillow <no-reply@zillow.com>", "New construction trends for builders in Austin", "Zillow market report"),
        ("Porch <pro@porch.com>", "Your weekly Porch Pro summary", "Porch summary or performance report"),
        ("Yelp <no-reply@yelp.com>", "Your lead credit was issued", "Yelp lead credit notice"),
    ])
    func marketplaceAccountMailIsIgnored(_ from: String, _ subject: String, _ reason: String) throws {
        #expect(try Self.ignoredReason("""
            From: \(from)
            To: office@builder.example
            Subject: \(subject)
            Content-Type: text/plain; charset=UTF-8

            Hi Hill Country Homes, here is an update about your account. Questions? Call (877) 555-0100.
            """) == reason)
    }

    /// Lead alerts of each marketplace keep their lead: none of the new rules reads their subjects.
    @Test(arguments: [
        ("Angi <leads@angi.com>", "New Exact Match lead: Build a Custom Home - Weekly Walkthrough"),
        ("Thumbtack <no-reply@thumbtack.com>", "New direct lead: Rachel Kim needs Home Additions"),
        ("HomeAdvisor <newlead@homeadvisor.com>", "New Lead: Build a New Home - Carlos Mendoza-Ruiz"),
    ])
    func leadAlertsStayLeads(_ from: String, _ subject: String) throws {
        let outcome = try Self.extract("""
            From: \(from)
            To: office@builder.example
            Subject: \(subject)
            Content-Type: text/plain; charset=UTF-8

            Customer Information
            Name: Rachel Kim
            Email: rachel.kim@example.org
            Phone: (512) 555-0161
            Comments: We want a 2 story addition on our lot.
            """)
        #expect(outcome.lead != nil, "\(outcome)")
    }

    /// An account-mail rule on the subject alone waits for the template's rules: a lead alert
    /// whose subject holds the words ("credit card" in a task name) keeps its contact.
    @Test func aDetectedLeadWhoseSubjectReadsLikeAccountMailIsKept() throws {
        let lead = try Self.lead("""
            From: HomeAdvisor <newlead@homeadvisor.com>
            To: office@builder.example
            Subject: New Lead: Build a New Home - weekly summary of needs
            Content-Type: text/plain; charset=UTF-8

            Customer Information
            Name: Carlos Mendoza
            Email: carlos.mendoza@example.org
            Phone: (512) 555-0162
            Lead #: 512345679
            """)
        #expect(lead.email == "carlos.mendoza@example.org")
        #expect(lead.needsReview)
    }
}
