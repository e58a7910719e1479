@testable import Extraction
@testable import LeadModel
import Testing

/// Phones, budgets and addresses exploratory testing found read from the wrong place: a
/// neighbour's number and house, a house number taken for a budget, the current home over
/// the lot, a number wrapped over two lines, and the builder's own website quoted back.
@Suite("Heuristics: whose phone, budget and address (session 16)")
struct PlacesSession16Tests {
    private func lead(_ text: String) -> ExtractedLead {
        var lead = ExtractedLead()
        InquiryHeuristics.fill(&lead, from: text, location: "body")
        return lead
    }

    private static let neighbours = """
        My neighbor Greg (cc'd) and I are both looking to build backyard ADUs and
        thought we might get a better price doing both at once. I'm at 1108 Cedar
        Ave, Austin 78702 and Greg is at 1110 Cedar Ave. Budget is around $200k each.

        Greg's number is 512-555-0176. Mine is 512-555-0175.

        Tom Alvarez
        """

    // MARK: - Budget

    @Test func houseNumberAfterAQualifierFurtherBackIsNoBudget() {
        let found = lead("I'm at 12 Oak Dr and Greg is at 1110 Cedar Ave. Budget is open.")
        #expect(found.budgetLow == nil && found.budgetHigh == nil)
    }

    @Test func budgetOfEachHouseIsTheBudget() {
        let found = lead(Self.neighbours)
        #expect(found.budgetLow == 200_000)
        #expect(found.budgetHigh == 200_000)
        // A qualifier right before a bare number still makes it the budget.
        #expect(lead("Our budget is in the 600s.").budgetLow == 600_000)
        // "each" after a small price is still not the budget.
        #expect(lead("Budget for windows is $500 each.").budgetLow == nil)
    }

    // MARK: - Phone

    @Test func anotherPersonsNumberGivesWayToTheWriters() {
        #expect(lead(Self.neighbours).phone == "+15125550175")
        #expect(lead("His cell is 512-555-0176, my cell is 512-555-0175.").phone == "+15125550175")
        #expect(lead("My wife's phone: 512-555-0176\nMine: 512-555-0175").phone == "+15125550175")
        #expect(PhoneFinder.prospectPhone(in: "Greg's number is 512-555-0176. Mine is 512-555-0175.")?.number == "+15125550175")
        // With only another person's number, it is the contact there is.
        #expect(lead("Please call my husband's cell 512-555-0176.").phone == "+15125550176")
        // "Here's my number" is the writer's own.
        #expect(lead("Here's my number 512-555-0176, or my wife at 512-555-0175.").phone == "+15125550176")
    }

    @Test func numberWrappedAfterItsAreaCodeIsRead() {
        let found = lead("Thinking 250-300k. Can you call me at (512)\n555-0193?\n\nDev")
        #expect(found.phone == "+15125550193")
        #expect(found.fields["phone"]?.location == "body line 1")
        #expect(lead("Call me at 512-\n555-0193 after 5.").phone == "+15125550193")
        #expect(lead("Call me at 512\n  555-0193").phone == "+15125550193")
        // The next line must start with the rest of a number.
        #expect(lead("We have 512\nsq ft 555-0193 of patio").phone == nil)
        // A number after a wrapped one keeps its own line.
        let two = PhoneNumberScanner().phones(in: "call (512)\n555-0193 or\n512-555-0194")
        #expect(two.map(\.line) == [1, 3])
    }

    // MARK: - Builder's text quoted

    private static let quotesWebsite = """
        Hi,

        I saw this on your website:

        "Build On Your Lot: Brennan Homes builds custom homes from $285 per square
        foot on your land anywhere in Travis, Hays and Williamson counties. Call
        512-555-0100 or email mike@example.net to schedule a free lot
        evaluation. Homes from $650,000."

        Does that price include the foundation? We have a lot in Kyle (Plum Creek
        area) and would want around 2,400 sq ft.

        Lauren
        """

    @Test func quotationOfTheBuildersWebsiteGivesNoPhoneOrBudget() {
        let found = lead(Self.quotesWebsite)
        #expect(found.phone == nil)
        #expect(found.budgetLow == nil && found.budgetHigh == nil)
        #expect(PhoneFinder.prospectPhone(in: Self.quotesWebsite) == nil)
        // The prospect's own number after the quotation is still read.
        let withOwn = Self.quotesWebsite + "\n512-555-0177"
        #expect(PhoneFinder.prospectPhone(in: withOwn)?.number == "+15125550177")
        #expect(lead(withOwn).phone == "+15125550177")
        // A quotation not said to be the builder's is the prospect's text.
        let unquoted = "My wife said:\n\n\"Call 512-555-0100 about a budget of $650,000.\""
        #expect(lead(unquoted).phone == "+15125550100")
        // A quotation left open ends at its paragraph.
        let text = "Your ad says:\n\"Homes from $650,000 on your lot.\n\nMy cell is 512-555-0177, budget $500k."
        let open = lead(text)
        #expect(open.phone == "+15125550177")
        #expect(open.budgetLow == 500_000)
    }

    // MARK: - Address

    @Test func writersAddressOverAnotherPersons() {
        let found = lead(Self.neighbours)
        #expect(found.address == PostalAddress(street: "1108 Cedar Ave", city: "Austin", postalCode: "78702"))
        let stated = lead("Greg is at 1110 Cedar Ave, Austin, TX 78702 and we live at 1108 Cedar Ave, Austin, TX 78702.")
        #expect(stated.address?.street?.hasPrefix("1108 Cedar") == true)
        // Another person's place, the only one given, is kept (it may be the site).
        let only = lead("My mother lives at 12 Oak Dr, Austin, TX 78704 and we want an ADU in her yard.")
        #expect(only.address?.street?.hasPrefix("12 Oak Dr") == true)
    }

    @Test func lotOverTheCurrentHome() {
        let wrapped = lead("""
            We currently live at 5512 Shoal Creek Blvd, Austin, TX 78756 and plan to sell
            that house once the new one is done. The lot we bought is at 240 Bella Vista
            Cv, Georgetown, TX 78628 (about 0.75 acre).
            """)
        #expect(wrapped.address == PostalAddress(street: "240 Bella Vista Cv", city: "Georgetown", state: "TX", postalCode: "78628"))
        #expect(wrapped.fields["street"]?.rule.contains("lot or build site") == true)
        let labelled = lead("""
            Current address: 1800 Lavaca St Apt 1402, Austin, TX 78701
            Lot address: 3021 County Road 110, Hutto, TX 78634
            """)
        #expect(labelled.address?.city == "Hutto")
        #expect(labelled.address?.postalCode == "78634")
        // A city and ZIP without a state after the street's comma.
        let noState = lead("We live at 12 Oak Dr, Round Rock 78664 now.")
        #expect(noState.address == PostalAddress(street: "12 Oak Dr", city: "Round Rock", postalCode: "78664"))
        // A street ending its line is not run into the next line's first word.
        let ended = lead("We live at 12 Oak Dr\nDr. Smith referred us to you.")
        #expect(ended.address?.street == "12 Oak Dr")
        // One address: it is kept, whatever it is.
        let one = lead("Current address: 1800 Lavaca St, Austin, TX 78701")
        #expect(one.address?.city == "Austin")
        #expect(one.fields["street"]?.rule == "heuristic: street address")
    }
}
