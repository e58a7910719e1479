@testable import Extraction
import LeadModel
import MIME
import Testing

/// Session 21: business mail a person writes to the builder that is no homeowner's sales
/// inquiry (a vendor's quote for the builder's job, an accounting system's invoice, a job
/// application, a crew looking for work, a permit office's notice, an Outlook recall) is
/// ignored; mixed signals are kept and flagged; homeowners using the same words stay clean
/// leads.
@Suite("Business mail that is no sales inquiry")
struct NotASalesInquiryTests: ExtractsWithRepositorySpecs {
    // MARK: - 3. Business mail that is no sales inquiry

    @Test func anOutlookRecallIsIgnored() throws {
        #expect(try Self.ignoredReason("""
            From: Travis Whitfield <travis@hillcountryhomes.example>
            To: leads@hillcountryhomes.example
            Subject: Recall: FW: New home in Dripping Springs
            Content-Type: text/plain; charset=us-ascii

            Travis Whitfield would like to recall the message, "FW: New home in Dripping Springs".
            """) == "Outlook message recall (subject \"Recall:\")")
        #expect(try Self.ignoredReason("""
            From: Mónica Reyes <monica@hillcountryhomes.example>
            To: leads@hillcountryhomes.example
            Subject: Recuperar: RV: Casa nueva en Kyle
            Content-Type: text/plain; charset=utf-8

            Mónica Reyes desea recuperar el mensaje "RV: Casa nueva en Kyle".
            """) == "Outlook message recall (subject \"Recuperar:\")")
        // "Recall:" without Outlook's sentence is a person's subject.
        #expect(try Self.lead("""
            From: Ann Lee <ann.lee@example.org>
            To: info@builder.example
            Subject: Recall: we met at the parade of homes
            Content-Type: text/plain; charset=UTF-8

            We want to build on our lot in Kyle. 512-555-0175
            """).phone == "+15125550175")
    }

    @Test(arguments: [
        ("Kyle Brennan <kbrennan@lumber.example>", "Quote #Q-88213 - framing package, Lot 14 Ridgeview",
         "Hi Travis,\n\nAttached is our quote for the framing package for the Ridgeview plan (2,850 sf). Total comes to $68,412.50 before tax, good for 30 days. Lead time is 2-3 weeks.",
         "a vendor's or trade's quote or bid for the builder's job, not a sales inquiry"),
        ("Arturo Mendez <arturo@concrete.example>", "Foundation bid - Dripping Springs custom home",
         "Travis,\n\nHere is our bid for the slab on the Dripping Springs custom home: post-tension slab, $14.25 per sq ft, total $48,450. We can start the week of Dec 7.",
         "a vendor's or trade's quote or bid for the builder's job, not a sales inquiry"),
        ("Tyler Benson <tyler.benson.pm@example.org>", "Application - Assistant Superintendent position",
         "I saw your posting on Indeed and would like to apply. My resume is attached.",
         "a job application (a resume for a position), not a sales inquiry"),
        ("Luis Herrera <herreraframing@example.org>", "Framing crew available",
         "Hello, we are a framing crew of 8 with 12 years experience building custom homes. We are looking for work starting in January.",
         "a trade or crew offering its work to the builder, not a sales inquiry"),
        ("Nate Fisher <nate@fisherplumbing.example>", "Plumbing for your builds",
         "Hi, I own Fisher Plumbing in Kyle. We do new construction rough-ins and trim-outs and would love to bid your next build. We are licensed and insured. Can I send our rates?",
         "a trade or crew offering its work to the builder, not a sales inquiry"),
        ("QuickBooks <quickbooks@notification.intuit.com>", "Invoice 10592 from Hill Country Dumpsters",
         "Your invoice is attached. Amount due: $1,240.00",
         "an invoice or payment notice from an accounting system (notification.intuit.com)"),
        // A lender's pitch with two pitch phrases and the lender's trade.
        ("Derek Simms <dsimms@homeloans.example>", "Construction loan program for your buyers",
         "I'm a loan officer with Austin Home Loans. We just launched a construction loan, great for your custom home buyers. Happy to pre-approve any of your prospects.",
         "a vendor's pitch to the builder (a lender or a supplier after the builder's buyers), not a sales inquiry"),
        ("Jason Reyes <jreyes@texaslending.example>", "Construction loan options",
         "I'm a loan officer with Texas Lending Partners. We offer one-time close construction loans with 5% down, and we'd love to be a preferred lender for your buyers. Can we set up 15 minutes next week?",
         "a vendor's pitch to the builder (a lender or a supplier after the builder's buyers), not a sales inquiry"),
        // A supplier's notice about an order the builder placed.
        ("Home Depot Pro <pro@homedepot.example>", "Your Pro Xtra order has shipped",
         "Order #W123456789 has shipped. Track your package: 2 items in this shipment. Estimated delivery Tue, Nov 24.",
         "a supplier's order or shipping notice (an order the builder placed), not a sales inquiry"),
        ("84 Lumber <orders@84lumber.example>", "Order confirmation 5521-889",
         "Thank you for your order. Order number 5521-889: 2x6x16 #2 SYP (120), delivery to Lot 14 Ridgeview.",
         "a supplier's order or shipping notice (an order the builder placed), not a sales inquiry"),
        // A realtor offering the builder a listed lot.
        ("Linda Cho <linda@chorealtygroup.example>", "Lot for sale - perfect for a custom build",
         "I have a 1.2 acre lot listed at 14 Ridge Top Ln, Dripping Springs, TX 78620 that would be perfect for one of your custom builds. Happy to send the survey if you have a buyer in mind.",
         "a realtor's listing offered to the builder (a lot or a home for sale), not a sales inquiry"),
        ("Dan Price <dan@hillsiderealty.example>", "Just listed: 3 lots in Wimberley",
         "Just listed three wooded lots in Wimberley, asking price $120k each. Great for a builder's next spec or for your next build.",
         "a realtor's listing offered to the builder (a lot or a home for sale), not a sales inquiry"),
        ("Development Services <devservices@cityofkyle.gov>", "Permit 2026-BP-01433 - Comments issued",
         "Applicant: Hill Country Homes\nPermit No.: 2026-BP-01433\n\nPlan review comments have been issued for the above permit.",
         "a permit office's notice about a permit (government sender)"),
    ])
    func businessMailIsIgnored(_ from: String, _ subject: String, _ body: String, _ reason: String) throws {
        #expect(try Self.ignoredReason("""
            From: \(from)
            To: info@builder.example
            Subject: \(subject)
            Content-Type: text/plain; charset=UTF-8

            \(body)

            512-555-0140
            """) == reason)
    }

    @Test(arguments: [
        // A lender's pitch with one pitch phrase: flagged, kept.
        ("Derek Simms <dsimms@homeloans.example>", "Construction loans",
         "I'm a loan officer with Austin Home Loans. We just launched a construction loan, great for your custom home buyers.",
         "vendor's pitch"),
        // Two pitch phrases and a lender's trade beside a homeowner's words: flagged, kept.
        ("Derek Simms <dsimms@homeloans.example>", "Construction loan program for your buyers",
         "I'm a loan officer and we want to build our own home on our lot in Kyle too. We offer construction loans for your buyers and your prospects.",
         "homeowner's inquiry"),
        // A quote beside a homeowner's words.
        ("Ann Lee <ann.lee@example.org>", "Our other quote",
         "Here is our bid for the lot from the other builder: $210 per sq ft, good for 30 days. We want to build on our lot in Kyle.",
         "homeowner's inquiry"),
        // A trade's offer without saying what it is.
        ("Sam Ortiz <sam.ortiz@example.org>", "Work",
         "Hi, I am looking for work this winter, anything helps.",
         "looking for work"),
        // A government sender about a permit, without a permit file's wording.
        ("Jo Reyes <jreyes@traviscountytx.gov>", "Question",
         "Do you pull the permit for a new home yourselves?",
         "government address"),
        // A lot offered to the builder without a listing's words.
        ("Marcus Reed <mreed@reedrealty.example>", "Two acres off FM 150",
         "The owners of two acres off FM 150 asked me to reach out. It would be ideal for a builder who does custom homes on acreage.",
         "realtor's listing"),
        // A listing offered beside a homeowner's words.
        ("Ann Lee <ann.lee@example.org>", "Our lot",
         "Our lot is for sale if you have a buyer in mind, or we want to build on our lot with you next year.",
         "homeowner's inquiry"),
        // An invoice from no accounting system.
        ("Hill Country Dumpsters <ar@dumpsters.example>", "Invoice 10592",
         "Your invoice is attached. Amount due: $1,240.00. Please remit payment.",
         "invoice sent to the builder"),
    ])
    func mixedBusinessMailIsKeptAndFlagged(_ from: String, _ subject: String, _ body: String, _ reasonPart: String) throws {
        let lead = try Self.lead("""
            From: \(from)
            To: info@builder.example
            Subject: \(subject)
            Content-Type: text/plain; charset=UTF-8

            \(body)

            512-555-0133
            """)
        #expect(lead.needsReview)
        #expect(lead.reviewReasons.contains { $0.contains(reasonPart) }, "\(lead.reviewReasons)")
    }

    @Test func aForwardedLendersPitchIsKeptAndFlagged() throws {
        let lead = try Self.lead("""
            From: Travis Whitfield <travis@hillcountryhomes.example>
            To: leads@hillcountryhomes.example
            Subject: Fwd: Construction loan program for your buyers
            Content-Type: text/plain; charset=UTF-8

            ---------- Forwarded message ---------
            From: Derek Simms <dsimms@homeloans.example>
            Subject: Construction loan program for your buyers

            I'm a loan officer with Austin Home Loans. We offer a construction loan for your buyers and your prospects. 512-555-0123
            """)
        #expect(lead.reviewReasons.contains { $0.contains("vendor's pitch") && $0.contains("It came forwarded") }, "\(lead.reviewReasons)")
    }

    @Test(arguments: [
        // A homeowner asking the builder to bid their plans.
        ("Can you bid our plans?", "Hi, attached are our architect's plans for a 3,400 sq ft custom home on our lot in Driftwood. Can you bid it? Looking to start spring 2027."),
        // What permits do we need.
        ("Permits", "We own a lot in Kyle and want to build a custom home. What permits do we need? Is the permit included in your price?"),
        // A loan officer building their own home.
        ("New home", "My wife and I want to build a custom home on our land in Dripping Springs, budget $800k.\n\nJohn Carter\nSenior Loan Officer, NMLS 123456"),
        // A framer building their own house.
        ("Building our house", "I'm a framer by trade and my crew can frame it, but we want you to build our house on our lot in Buda."),
        // An architect's invoice attached by a homeowner.
        ("Invoice from our architect", "Attached is the invoice from our architect for the plans, amount due $4,000. We want to build this spring."),
        // A homeowner who is hiring a builder.
        ("Hiring a builder", "We are hiring a builder for our new home in Leander. Budget 650k."),
        // A homeowner praising one of the builder's homes, with their realtor: no listing offered.
        ("Parade of homes", "We toured one of your custom homes with our realtor last weekend and loved it. Can you build something similar in Leander? Our realtor has a few lots listed we like."),
        // A homeowner asking for bids on their next home.
        ("Quote", "We'd like you to bid on our plans. Is your next opening in the spring?"),
    ])
    func homeownersUsingTheseWordsStayCleanLeads(_ subject: String, _ body: String) throws {
        let lead = try Self.lead("""
            From: Nate Goodwin <nate.goodwin@example.org>
            To: info@builder.example
            Subject: \(subject)
            Content-Type: text/plain; charset=UTF-8

            \(body)

            512-555-0199
            """)
        #expect(lead.source == "direct_inquiry")
        #expect(!lead.reviewReasons.contains { $0.contains("builder's job") || $0.contains("pitch") || $0.contains("invoice") || $0.contains("permit") || $0.contains("job application") || $0.contains("looking for work") || $0.contains("listing") || $0.contains("offers work") })
    }

    @Test func governmentDomains() {
        #expect(NotASalesInquiryRule.isGovernmentDomain("cityofkyle.gov"))
        #expect(NotASalesInquiryRule.isGovernmentDomain("ci.austin.tx.us"))
        #expect(!NotASalesInquiryRule.isGovernmentDomain("smithbuilders.us"))
        #expect(!NotASalesInquiryRule.isGovernmentDomain("governor-homes.com"))
    }

    @Test func permitNumbersInTheSubject() {
        #expect(NotASalesInquiryRule.namesPermitNumber("Permit 2026-BP-01433 - Comments issued"))
        #expect(NotASalesInquiryRule.namesPermitNumber("RE: permit #BP1433"))
        #expect(!NotASalesInquiryRule.namesPermitNumber("What permits do we need?"))
    }

    /// A homeowner's words about delivery or an order stay a clean lead.
    @Test func homeownersSpeakingOfOrdersStayLeads() throws {
        let lead = try Self.lead("""
            From: Nate Goodwin <nate.goodwin@example.org>
            To: info@builder.example
            Subject: New home
            Content-Type: text/plain; charset=UTF-8

            We want to build on our lot in Kyle. Can you give us an estimated delivery date for a new home? 512-555-0199
            """)
        #expect(lead.source == "direct_inquiry" && !lead.needsReview, "\(lead.reviewReasons)")
    }

    /// A supplier's rep writing of a price change for the builder's jobs is ignored; a
    /// homeowner who says prices are going up stays a clean lead.
    @Test func suppliersPriceNotice() throws {
        #expect(try Self.ignoredReason("""
            From: Sam Patel <sam@buildersupplyco.example>
            To: mike@builder.example
            Subject: Lumber pricing update
            Content-Type: text/plain; charset=UTF-8

            Hi Mike, quick note that framing lumber prices are going up 4% on Dec 1. Let me know if you want to lock in pricing for your next starts. Sam Patel, Builder Supply Co.
            """) == "a supplier's price notice to the builder (prices for the builder's jobs), not a sales inquiry")
        let lead = try Self.lead("""
            From: Jane Roe <jane.roe@example.org>
            To: info@builder.example
            Subject: Remodel
            Content-Type: text/plain; charset=UTF-8

            With prices going up every month we want to start our kitchen remodel soon. Can you give us a quote? 512-555-0191
            """)
        #expect(lead.source == "direct_inquiry" && !lead.needsReview, "\(lead.reviewReasons)")
    }

    /// Each order-notice and price-notice phrase holds a trigger literal: the gate lets its
    /// message through.
    @Test func orderNoticesPassTheGate() {
        for (group, phrases) in NotASalesInquiryRule.groups where group == .orderNotice || group == .priceNotice {
            for phrase in phrases {
                #expect(NotASalesInquiryRule.triggerLiterals.contains { phrase.contains($0) }, "\(phrase)")
            }
        }
    }

    /// Every phrase is lowercase and at least four bytes: the literal pass finds shorter
    /// ones only by looking at every position.
    @Test func phrasesSuitTheLiteralPass() {
        for phrase in NotASalesInquiryRule.triggerLiterals {
            #expect(phrase == phrase.lowercased() && phrase.utf8.count >= 4, "\(phrase)")
        }
    }
}
