@testable import Extraction
@testable import LeadModel
import Testing

/// Phones, budgets and addresses a third round of exploratory testing found read from the
/// wrong place: a number glued across a line break to an apartment or lot number, the
/// builder's text quoted on the prospect's own line, and another person's or the builder's
/// place or number taken for the writer's.
@Suite("Heuristics: glued numbers, inline quotations, whose place (round 3)")
struct PlacesRound3Tests {
    private func lead(_ text: String) -> ExtractedLead {
        var lead = ExtractedLead()
        InquiryHeuristics.fill(&lead, from: text, location: "body")
        return lead
    }

    // MARK: - A bare three-digit number ending a line

    @Test func designatorEndingALineIsNoAreaCode() {
        #expect(lead("We're at 300 Bowie St, Apt 214\n555-0144 is our old landline, best is my cell 512-555-0188.").phone
                == "+15125550188")
        #expect(lead("Hi, I need my condo bathroom redone. I'm in unit 512\n555-0144 is the gate code line, my cell is 737-555-0188.").phone
                == "+17375550188")
        #expect(lead("the lot is 0.25 ac, tax id 737\n555 0144 parcel. Call me at 512-555-0197.").phone == "+15125550197")
        #expect(lead("Lot 27 Block 512\n555 0144 ext 2 is my office but cell 512-555-0186 is better").phone == "+15125550186")
        #expect(PhoneNumberScanner().phones(in: "Suite #512\n555-0144").isEmpty)
    }

    @Test func areaCodeWrittenAsOneStillWraps() {
        #expect(lead("Call me at 512\n555-0193").phone == "+15125550193")
        #expect(lead("My cell: 512\n555-0193").phone == "+15125550193")
        #expect(lead("Reach me at\n512\n555-0193").phone == "+15125550193")
        #expect(lead("Apt 4, phone 512-\n555-0193").phone == "+15125550193")
        #expect(lead("Unit 4, (512)\n555-0193").phone == "+15125550193")
        #expect(lead("Unit 4, +1 512\n555-0193").phone == "+15125550193")
    }

    // MARK: - The builder's text quoted on the prospect's line

    @Test func quotationAfterACueOnItsOwnLineIsTheBuilders() {
        let curly = lead("""
            Your ad in Austin Home magazine says “Custom homes from $350/sq ft. Call Brennan Homes today
            at 512-555-0100 or visit brennanhomes.com.” Is that still accurate?

            We have a half-acre lot in Buda. My number is 512-555-0135.
            """)
        #expect(curly.phone == "+15125550135")
        let noPhone = lead("""
            I saw on your website: "We build custom homes from $600,000 in the Hill Country. Call us
            at 512-555-0100." We're interested but our budget is more like $450-500k. Possible?
            """)
        #expect(noPhone.phone == nil)
        #expect(noPhone.budgetLow == 450_000 && noPhone.budgetHigh == 500_000)
        let brochure = lead("""
            Hello! Your brochure said "Questions? Email design@example.com or call (512) 555-0100,
            homes from $499K." I'd like a brochure mailed to me.
            """)
        #expect(brochure.phone == nil)
        #expect(brochure.budgetLow == nil && brochure.budgetHigh == nil)
    }

    @Test func prospectsWordsAfterTheClosingMarkStay() {
        let inline = """
            Hi, your website says "Call 512-555-0100 for a free estimate" so here I am, but I'd rather you
            call me: 512-555-0116. We want a 3 bed home, budget $380k.
            """
        #expect(lead(inline).phone == "+15125550116")
        #expect(PhoneFinder.prospectPhone(in: inline)?.number == "+15125550116")
        let sameLine = "Your ad: \"From $300k, call 512-555-0100\" My cell is 512-555-0116."
        #expect(lead(sameLine).phone == "+15125550116")
        #expect(PhoneFinder.prospectPhone(in: sameLine)?.number == "+15125550116")
        let onClose = lead("""
            I read this on your website:
            "Brennan Homes builds on your lot from $285/sq ft. Call 512-555-0100 today." Our budget is about $480k.
            Thanks, Paige
            """)
        #expect(onClose.budgetLow == 480_000)
        #expect(onClose.phone == nil)
    }

    @Test func moreCuesCiteTheBuilder() {
        #expect(lead("Saw your facebook ad: \"ADUs starting at $149,900! Text 512-555-0100\"\n\nIs that real? Text me back 512-555-0170.").phone
                == "+15125550170")
        let houzz = lead("Your Houzz profile says:\n\"Brennan Homes | 512-555-0100 | Projects $500k - $3M\"\n\nOur land in Spicewood, maybe $900k.\nBen, 830-555-0114")
        #expect(houzz.phone == "+18305550114")
        #expect(houzz.budgetLow == 900_000)
        #expect(lead("I saw your yard sign on Parmer Lane:\n“Another Brennan Home — Call 512-555-0100”\n\nThanks, Irene  (512) 555-0195").phone
                == "+15125550195")
        #expect(lead("Your email said: \"Give me a call at 512-555-0100 about the $48,500 estimate.\"\nI'm at 737-555-0165.").phone
                == "+17375550165")
        #expect(lead("You wrote: \"call 512-555-0100\". My cell is 737-555-0165.").phone == "+17375550165")
        // A quotation no cue gives to the builder is the prospect's own text.
        #expect(lead("My wife says \"call 512-555-0100 after 5\".").phone == "+15125550100")
    }

    // MARK: - Someone else's place, the builder's place

    private static let ours = " We live at 1907 Alameda Dr, Austin, TX 78704 and want a similar remodel.\nBudget 200k."

    private func street(_ before: String) -> String? {
        lead(before + " 4410 Avenue G, Austin, TX 78751." + Self.ours).address?.street
    }

    @Test func relativesAndFriendsPlaceIsTheirs() {
        #expect(street("My mother lives at") == "1907 Alameda Dr")
        #expect(street("My parents live at") == "1907 Alameda Dr")
        #expect(street("My brother-in-law lives at") == "1907 Alameda Dr")
        #expect(street("Our friends the Smiths live at") == "1907 Alameda Dr")
        #expect(street("You built my parents' home at") == "1907 Alameda Dr")
        #expect(street("My neighbor's lot at") == "1907 Alameda Dr")
        // The writer among the subject: the writer's own.
        #expect(street("My wife and I live at") == "4410 Avenue G")
    }

    @Test func buildersOwnPlaceIsNeverTheProspects() {
        #expect(street("We toured your model home at") == "1907 Alameda Dr")
        #expect(street("Your office at") == "1907 Alameda Dr")
        #expect(street("We drove by your job site at") == "1907 Alameda Dr")
        #expect(street("We met you at the parade of homes house at") == "1907 Alameda Dr")
        #expect(street("We liked a lot of what you did at") == "1907 Alameda Dr")
        #expect(street("We saw your sign on the build site at") == "1907 Alameda Dr")
        // The writer's lot after the builder's homes is the site.
        #expect(street("We'd like one of your homes on our lot at") == "4410 Avenue G")
    }

    // MARK: - Someone else's number

    @Test func peopleOfTheWritersNumbersGiveWay() {
        #expect(lead("Our realtor Dana Fields (512-555-0111) showed us a lot.\nYou can reach me at 737-555-0162.").phone
                == "+17375550162")
        #expect(lead("Please reach my son Kevin at 512-555-0107. I don't have a cell phone; my home number is 512-555-0108.").phone
                == "+15125550108")
        #expect(lead("Mary Fox\nRealtor: Joe Pike 512-555-0122\nMe: 512-555-0123").phone == "+15125550123")
        #expect(lead("Contractor friend who referred us: Mike Salas, 512-555-0103\nMy cell: 512-555-0104").phone == "+15125550104")
        #expect(lead("You can reach her at 512-555-0106 if you want a reference.\nMy number is 512-555-0118.").phone
                == "+15125550118")
        #expect(lead("Best to call my husband at 512-555-0148, he handles it. My cell is 512-555-0149.").phone == "+15125550149")
        // With only that number, it is the contact there is.
        #expect(lead("Please reach my son Kevin at 512-555-0107.").phone == "+15125550107")
        // The writer among the people named: the writer's own.
        #expect(lead("My wife and I are at 512-555-0107, her office 512-555-0108.").phone == "+15125550107")
    }

    @Test func cueOnTheLineBeforeNamesTheNumber() {
        let wrapped = "Hi, my brother recommended you and we'd like an ADU. His number\nis 512-555-0181 if you need a reference. You can reach me at 512-555-0180."
        #expect(lead(wrapped).phone == "+15125550180")
        #expect(PhoneFinder.prospectPhone(in: wrapped)?.number == "+15125550180")
        #expect(lead("Our realtor:\n512-555-0181\nMine:\n512-555-0180").phone == "+15125550180")
        // A signature's name on the line before is no other person.
        #expect(lead("Mary Fox\n512-555-0181\nOffice 512-555-0180").phone == "+15125550181")
    }
}

extension PlacesRound3Tests {
    @Test func leadInWithCurlyApostropheStillNamesAnotherPerson() {
        #expect(PhoneFinder.namesAnotherPersons("Greg\u{2019}s number is "))
        #expect(PhoneFinder.namesAnotherPersons("Our realtor Dana Fields ("))
        #expect(!PhoneFinder.namesAnotherPersons("My cell is "))
        #expect(!PhoneFinder.namesAnotherPersons("Café phone: "))
    }
}

extension PlacesRound3Tests {
    @Test func floorSaidNegatedIsACeiling() {
        for text in ["We don't want to spend more than 90k.", "I can't spend more than $90,000.", "We do not want to go over 90k.",
                     "We don’t want to spend more than 90k but could stretch."] {
            let found = lead("Hi, looking for a quote on a kitchen remodel. " + text)
            #expect(found.budgetLow == nil, "\(text)")
            #expect(found.budgetHigh == 90_000, "\(text)")
        }
        let maxBudget = lead("Hi, looking for a quote on a kitchen remodel. Max budget 90k.")
        #expect(maxBudget.budgetLow == nil && maxBudget.budgetHigh == 90_000)
        // Not negated: still a floor.
        let over = lead("Our budget is over 900k.")
        #expect(over.budgetLow == 900_000 && over.budgetHigh == nil)
    }

    // MARK: - The lot or build site beside the writer's home (round 3, defect 6)

    private func streetOf(_ text: String) -> String? { lead(text).address?.street }

    @Test func morePhrasingsNameTheBuildSite() {
        let home = "We live at 1907 Alameda Dr, Austin, TX 78704."
        let site = "305 Sycamore Trl, Georgetown, TX 78633."
        for phrase in [
            "The new house will go at", "Our homesite is", "Homesite:", "We're building at", "We bought the property at",
            "The property is at", "We purchased 2 acres at", "New construction address:", "The project address is",
            "We closed on", "Project location:",
        ] {
            #expect(streetOf("\(home) \(phrase) \(site)\nBudget 600k.") == "305 Sycamore Trl", "\(phrase)")
        }
        // The lot first, then the home, one line wrapped: the lot still.
        #expect(streetOf("""
            Hi - we live at 8802 Mesa Dr, Austin TX 78759 and recently bought a property at
            2601 Westover Rd, Austin TX 78703 that we want to tear down and rebuild.
            """) == "2601 Westover Rd")
    }

    @Test func writersPresentHomeGivesWayToTheirOtherStreet() {
        #expect(streetOf("We live at 1907 Alameda Dr, Austin, TX 78704. We own 305 Sycamore Trl, Georgetown, TX 78633.")
                == "305 Sycamore Trl")
        #expect(streetOf("Current address: 1907 Alameda Dr, Austin, TX 78704. Also 305 Sycamore Trl, Georgetown, TX 78633.")
                == "305 Sycamore Trl")
        #expect(streetOf("Our home at 1907 Alameda Dr, Austin, TX 78704 is too small; 305 Sycamore Trl, Georgetown, TX 78633 is ours too.")
                == "305 Sycamore Trl")
        // Another person's street is still not taken over the writer's home.
        #expect(streetOf("We live at 1907 Alameda Dr, Austin, TX 78704. Greg is at 305 Sycamore Trl, Georgetown, TX 78633.")
                == "1907 Alameda Dr")
        // A neighbour or relative named right before "at" ("My neighbor at ..."): theirs.
        #expect(streetOf("My neighbor at 2104 Oak Ridge Ln had you build their house. We're at 2108 Oak Ridge Ln, Cedar Park 78613.")
                == "2108 Oak Ridge Ln")
        #expect(streetOf("My parents at 2104 Oak Ridge Ln recommended you; we are at 2108 Oak Ridge Ln, Cedar Park 78613.")
                == "2108 Oak Ridge Ln")
        // The writer's workplace is neither the home nor the project.
        #expect(streetOf("I live at 1907 Alameda Dr, Austin, TX 78704; my office is at 305 Congress Ave, Austin, TX 78701.")
                == "1907 Alameda Dr")
        #expect(streetOf("We live at 1907 Alameda Dr, Austin, TX 78704. I work at 305 Congress Ave, Austin, TX 78701.")
                == "1907 Alameda Dr")
        // "our new home" is the project, not the present one.
        #expect(streetOf("We live at 1907 Alameda Dr, Austin, TX 78704. Our new home will be at 305 Sycamore Trl, Georgetown, TX 78633.")
                == "305 Sycamore Trl")
    }

    @Test func wordSuffixesAreStreetsBeforeCityStateZIP() {
        #expect(streetOf("""
            The lot is at 418 Windmill Run, Dripping Springs, TX 78620. We currently live at
            2204 Oak Crest Dr, Round Rock, TX 78681 and will stay there until the build is done.
            """) == "418 Windmill Run")
        for name in ["12 Deer Run", "12 Eagle Pass", "12 Shady Walk", "12 Lake Point", "12 Mill Row", "12 Oak Park"] {
            #expect(streetOf("Our address is \(name), Kyle, TX 78640.") == name, "\(name)")
        }
        // Without ", City, ST ZIP" after it a word suffix is no street.
        #expect(streetOf("We walked 12 Deer Run trails last year.") == nil)
        #expect(streetOf("I ran 5 Mill Run, then called you at 4 PM.") == nil)
    }

    // MARK: - Budgets: square feet, both ends, each house (round 3)

    @Test func squareFeetAreNeverMoney() {
        let owner = lead("""
            Project: New 3,400 sf residence
            Site: 55 Oak Hollow Ln, Wimberley, TX 78676
            Plans: complete, attached
            """)
        #expect(owner.budgetLow == nil && owner.budgetHigh == nil)
        #expect(lead("Project: New 3,400 s.f. residence").budgetLow == nil)
        #expect(lead("Project: New 3,400 sq. ft. residence").budgetLow == nil)
    }

    @Test func maxAndMinGiveBothEnds() {
        let both = lead("Hi, looking for a quote on a new home. Max budget 600k, min 500k.")
        #expect(both.budgetLow == 500_000 && both.budgetHigh == 600_000)
        let reversed = lead("Hi, looking for a quote on a new home. Min budget 500k, max 600k.")
        #expect(reversed.budgetLow == 500_000 && reversed.budgetHigh == 600_000)
        let onlyMax = lead("Hi, looking for a quote on a kitchen remodel. Max budget 90k.")
        #expect(onlyMax.budgetLow == nil && onlyMax.budgetHigh == 90_000)
    }

    @Test func moneyForEachHouseIsTheBudget() {
        #expect(lead("Hi, we want two homes built on our lots. We want two spec homes at about $300k each.").budgetLow == 300_000)
        #expect(lead("Hi, we want two homes built on our lots. $300k per house.").budgetLow == 300_000)
        // A lot's price, or a small price scaled by the budget word, is no house budget.
        #expect(lead("Budget for windows is $500 each.").budgetLow == nil)
        #expect(lead("The lots are $90k each, we would buy two.").budgetLow == nil)
    }

    // MARK: - Lot status (round 3)

    @Test func lotTheWriterBoughtIsOwned() {
        #expect(LotStatusVocabulary.status(in: "The lot we bought is in Leander.", acceptingShortAnswers: false) == "own_lot")
        #expect(LotStatusVocabulary.status(in: "We just purchased 8 acres near Bertram.", acceptingShortAnswers: false) == "own_lot")
        #expect(LotStatusVocabulary.status(in: "We closed on the lot last month.", acceptingShortAnswers: false) == "own_lot")
        #expect(LotStatusVocabulary.status(in: "The land we purchased last year is wooded.", acceptingShortAnswers: false) == "own_lot")
    }
}
