import LeadModel
import Testing

@Suite("Normalisation: project type, timeline, lot status, financing")
struct NormalizationVocabularyTests {
    @Test(arguments: [
        ("Custom Home", "custom_home"), ("custom home build", "custom_home"), ("New Build", "new_build"),
        ("New Construction", "new_build"), ("New Home Construction", "new_build"), ("we want to build a house", "new_build"),
        ("Remodel", "remodel"), ("Home Renovation", "remodel"), ("Remodeling", "remodel"),
        ("Kitchen Remodel", "kitchen_remodel"), ("Kitchen Remodeling", "kitchen_remodel"), ("Bath Remodel", "bathroom_remodel"),
        ("Bathroom Renovation", "bathroom_remodel"), ("Home Additions", "addition"), ("Room Addition", "addition"),
        ("Addition", "addition"), ("ADU", "adu"), ("Guest House", "adu"), ("casita", "adu"), ("Accessory Dwelling Unit", "adu"),
        ("Barndominium", "barndominium"), ("Tear down and rebuild", "teardown_rebuild"), ("Finish our basement", "basement"),
        ("Deck", "deck_patio"), ("Build a Home Addition", "addition"), ("Remodel a Kitchen", "kitchen_remodel"),
        ("Remodel a Basement", "basement"), ("Whole House Remodel", "remodel"), ("Roofing", "roofing"), ("Solar Panel Install", "solar_panel_install"),
    ])
    func projectTypes(_ written: String, _ slug: String) {
        #expect(FieldNormalizer.projectType(written) == slug, "\(written)")
    }

    @Test func projectTypeRejectsLongUnknownText() {
        #expect(FieldNormalizer.projectType("we would like to talk to someone soon about it") == nil)
        #expect(FieldNormalizer.projectType("") == nil)
        #expect(ProjectTypeVocabulary.vocabulary.bestSlug(in: "In addition, we like big windows") == nil)
        #expect(ProjectTypeVocabulary.vocabulary.bestSlug(in: "a custom home with a casita") == "custom_home")
    }

    @Test(arguments: [
        ("ASAP", "asap"), ("as soon as possible", "asap"), ("Immediately", "asap"),
        ("spring 2027", "spring 2027"), ("Spring of 2027", "spring 2027"), ("spring '27", "spring 2027"),
        ("in the next 6 months", "within 6 months"), ("within six months", "within 6 months"),
        ("within a year", "within 1 year"), ("in the next year", "within 1 year"), ("in 3-6 months", "3-6 months"),
        ("3 to 6 months", "3-6 months"), ("1-3 months", "1-3 months"), ("by summer", "by summer"), ("Q3 2027", "q3 2027"),
        ("third quarter of 2027", "q3 2027"), ("next year", "next year"), ("this year", "this year"),
        ("end of the year", "end of year"), ("by the end of 2027", "by end of 2027"), ("March 2027", "march 2027"),
        ("by March", "by march"), ("early 2027", "early 2027"), ("late fall 2026", "late fall 2026"), ("next spring", "next spring"),
        ("2027", "2027"), ("No rush", "flexible"), ("just researching", "researching"), ("Autumn 2026", "fall 2026"),
        ("in a couple of months", "2 months"), ("More than 3 months", "more than 3 months"),
        ("more than 6 months", "more than 6 months"), ("less than 3 months", "within 3 months"), ("spring_2027", "spring 2027"),
        ("within_6_months", "within 6 months"), ("Next 3-6 months", "within 3-6 months"), ("0-3 Months", "0-3 months"), ("Within 12 months", "within 12 months"),
    ])
    func timelines(_ written: String, _ canonical: String) {
        #expect(FieldNormalizer.timeline(written) == canonical, "\(written)")
    }

    /// "by" reads the phrase after it: at the end of a text there is none (this used to trap).
    @Test func timelineEndingInByHasNoPhrase() {
        #expect(TimelinePhrase.parse("by") == nil)
        #expect(TimelinePhrase.parse("start in spring, or stop by") == "spring")
        #expect(FieldNormalizer.timeline("Feel free to stop by") == "feel free to stop by")
    }

    @Test func timelineKeepsShortUnknownValues() {
        #expect(FieldNormalizer.timeline("  After Permits  ") == "after permits")
        #expect(FieldNormalizer.timeline("") == nil)
        #expect(TimelinePhrase.parse("we may call you") == nil)
    }

    @Test(arguments: [
        ("I own a lot", "own_lot"), ("We have land", "own_lot"), ("we bought a half-acre lot off Bee Creek", "own_lot"),
        ("we own 5 acres", "own_lot"), ("We closed on a 1.2 acre lot", "own_lot"), ("we just bought a beautiful wooded lot", "own_lot"), ("Yes", "own_lot"), ("Lot owned", "own_lot"), ("on our lot in Austin", "own_lot"),
        ("Under contract", "under_contract"), ("we have a lot under contract", "under_contract"),
        ("looking for a lot", "looking"), ("Looking", "looking"), ("No", "looking"), ("we don't have a lot yet", "looking"),
        ("We do not own land", "looking"), ("need help finding land", "looking"),
    ])
    func lotStatuses(_ written: String, _ slug: String) {
        #expect(FieldNormalizer.lotStatus(written) == slug, "\(written)")
    }

    @Test(arguments: [
        "we have a lot of questions", "need a lot of space", "we need to find a builder", "our property has a pool", "",
        "I have a question about the lot next door", "we have been thinking about land prices",
    ])
    func lotStatusNegatives(_ written: String) {
        #expect(FieldNormalizer.lotStatus(written) == nil, "\(written)")
    }

    @Test(arguments: [
        ("Pre-approved", "pre_approved"), ("we are preapproved", "pre_approved"), ("Cash", "cash"),
        ("paying cash", "cash"), ("construction loan", "construction_loan"), ("need to sell current home", "need_to_sell"),
        ("we need to sell our house first", "need_to_sell"), ("pre-approved for a construction loan", "pre_approved"),
        ("prequalified", "pre_qualified"), ("need financing", "needs_financing"), ("not pre-approved yet", "needs_financing"),
    ])
    func financing(_ written: String, _ slug: String) {
        #expect(FieldNormalizer.financing(written) == slug, "\(written)")
    }

    @Test(arguments: ["cash flow is tight at work", "we sold our cash register", "", "hello"])
    func financingNegatives(_ written: String) {
        #expect(FieldNormalizer.financing(written) == nil, "\(written)")
    }
}
