import Extraction
import LeadModel
import Testing

@Suite("Inquiry heuristics")
struct HeuristicsTests {
    @Test func fillsEveryKindFromAHomeownersMessage() throws {
        let text = """
        Hello,

        My husband and I bought a half-acre lot off Bee Creek Road in Austin
        (ZIP 78704) and we are looking for a builder for a single-story custom
        home, around 2,800 sq ft, 4 bedrooms. Our budget is roughly $650,000 and
        we would like to break ground in spring 2027. We are pre-approved for a construction loan.

        Could someone call me to set up a meeting? The best number is
        (512) 555-0143, any weekday after 3pm.

        Thanks,
        Maria Gonzalez
        """
        let lead = HeuristicsTestSupport.filled(text)
        #expect(lead.phone == "+15125550143")
        #expect(lead.fields["phone"] == FieldProvenance(rule: "heuristic: phone number", location: "body line 9"))
        #expect(lead.address == PostalAddress(postalCode: "78704"))
        #expect(lead.fields["postal_code"]?.location == "body line 4")
        #expect(lead.budgetLow == 650_000)
        #expect(lead.budgetHigh == 650_000)
        #expect(lead.fields["budget"] == FieldProvenance(rule: "heuristic: budget phrase", location: "body line 5"))
        #expect(lead.timeline == "spring 2027")
        #expect(lead.fields["timeline"]?.location == "body line 6")
        #expect(lead.projectType == "custom_home")
        #expect(lead.lotStatus == "own_lot")
        #expect(lead.fields["lot_status"]?.location == "body line 3")
        #expect(lead.financing == "pre_approved")
        #expect(lead.firstName == "Maria")
        #expect(lead.lastName == "Gonzalez")
        #expect(lead.fields["first_name"] == FieldProvenance(rule: "heuristic: signature name", location: "body line 12"))
    }

    @Test func neverOverwritesKnownFields() {
        let known = ExtractedLead(
            firstName: "Ana", phone: "+17375550100", address: PostalAddress(city: "Austin"), projectType: "remodel",
            budgetLow: 1, budgetHigh: 2, timeline: "asap", lotStatus: "looking", financing: "cash")
        let lead = HeuristicsTestSupport.filled("Budget $650k, spring 2027, custom home, we own a lot, pre-approved.\nCall 512-555-0143\nThanks,\nMaria Gonzalez", known)
        #expect(lead.phone == "+17375550100")
        #expect(lead.projectType == "remodel")
        #expect(lead.budgetLow == 1)
        #expect(lead.timeline == "asap")
        #expect(lead.lotStatus == "looking")
        #expect(lead.financing == "cash")
        #expect(lead.firstName == "Ana")
        #expect(lead.lastName == nil)
        #expect(lead.fields.isEmpty)
    }

    // MARK: - Phones

    @Test(arguments: [
        ("My cell is 512.555.0143.", "+15125550143", nil),
        ("Office: 512-555-0143 x204", "+15125550143", "204"),
        ("call +1 512 555 0143 ext. 12 anytime", "+15125550143", "12"),
        ("Fax: 512-555-0100\nCell: 512-555-0143", "+15125550143", nil),
        ("Phone: +44 20 7946 0958", "+442079460958", nil),
        ("reach me on +44 20 7946 0958 in the evening", "+442079460958", nil),
    ] as [(String, String, String?)])
    func phones(_ text: String, _ number: String, _ phoneExtension: String?) {
        let lead = HeuristicsTestSupport.filled(text)
        #expect(lead.phone == number, "\(text)")
        #expect(lead.phoneExtension == phoneExtension)
    }

    @Test(arguments: [
        "We close on 2026-05-12 and our ZIP is 78704.",
        "> Call me at 512-555-0143",
        "Order #5125550143 arrived",
        "Budget is $512,555,014",
        "Dates: 05/12/2026 or 12.05.2026",
    ])
    func notPhones(_ text: String) {
        #expect(HeuristicsTestSupport.filled(text).phone == nil, "\(text)")
    }

    @Test func relayNumbersAreNotThePhone() {
        let lead = ExtractedLead(contactChannels: [ContactChannel(kind: .phone, value: "+15125550100", isRelay: true)])
        #expect(HeuristicsTestSupport.filled("Call 512-555-0100 or my cell 512-555-0143", lead).phone == "+15125550143")
    }

    // MARK: - Addresses

    @Test(arguments: [
        ("The lot is at 1420 Oak Hollow Dr, Austin, TX 78704.",
         PostalAddress(street: "1420 Oak Hollow Dr", city: "Austin", state: "TX", postalCode: "78704")),
        ("1420 Oak Hollow Drive\nAustin, Texas 78704-1234",
         PostalAddress(street: "1420 Oak Hollow Drive", city: "Austin", state: "TX", postalCode: "78704-1234")),
        ("Address: 88 Ridge Rd Apt 4, Santa Fe, NM 87501",
         PostalAddress(street: "88 Ridge Rd Apt 4", city: "Santa Fe", state: "NM", postalCode: "87501")),
        ("We live at 500 W 5th St in town", PostalAddress(street: "500 W 5th St")),
        ("We are in Dripping Springs, TX 78620 now", PostalAddress(city: "Dripping Springs", state: "TX", postalCode: "78620")),
        ("our zip code is 78704", PostalAddress(postalCode: "78704")),
        ("Address is 4508 Avenue F, Austin TX 78751.", PostalAddress(street: "4508 Avenue F", city: "Austin", state: "TX", postalCode: "78751")),
        ("a 600 sq ft ADU in our backyard in San Marcos, TX. Hoping to start", PostalAddress(city: "San Marcos", state: "TX")),
        ("We live in Round Rock, Texas and our ZIP is 78681", PostalAddress(city: "Round Rock", state: "TX", postalCode: "78681")),
        ("Our place is at 1200 Highway 71 W", PostalAddress(street: "1200 Highway 71 W")),
    ])
    func addresses(_ text: String, _ expected: PostalAddress) {
        #expect(HeuristicsTestSupport.filled(text).address == expected, "\(text)")
    }

    @Test(arguments: [
        "around 2800 Sq Ft with 4 bedrooms",
        "about 2,800 sq ft, 3 car garage",
        "We have 2 kids and 1 dog",
        "Call me at 512-555-0143",
        "We need 3 Bedrooms and 2 Baths",
    ])
    func notAddresses(_ text: String) {
        #expect(HeuristicsTestSupport.filled(text).address == nil, "\(text)")
    }

    @Test func addressFillsOnlyMissingPartsOfTheSamePlace() {
        let partial = ExtractedLead(address: PostalAddress(postalCode: "78704"))
        let lead = HeuristicsTestSupport.filled("It's 1420 Oak Hollow Dr, Austin, TX 78704", partial)
        #expect(lead.address == PostalAddress(street: "1420 Oak Hollow Dr", city: "Austin", state: "TX", postalCode: "78704"))
        #expect(lead.fields["postal_code"] == nil)
        #expect(lead.fields["street"]?.rule == "heuristic: street address")
        let elsewhere = ExtractedLead(address: PostalAddress(postalCode: "10001"))
        #expect(HeuristicsTestSupport.filled("It's 1420 Oak Hollow Dr, Austin, TX 78704", elsewhere).address == PostalAddress(postalCode: "10001"))
    }

    // MARK: - Budgets

    @Test(arguments: [
        ("Our budget is $500k-700k.", 500_000, 700_000),
        ("Budget: around 650k", 650_000, 650_000),
        ("We're thinking $1.2M all in", 1_200_000, 1_200_000),
        ("we can spend $400,000 to $450,000", 400_000, 450_000),
        ("budget under 800", nil, 800_000),
        ("Budget is between 1 and 1.5 million", 1_000_000, 1_500_000),
        ("Budget\n$750K+", 750_000, nil),
        ("We got a $50 gift card from Houzz. Budget is about $900k.", 900_000, 900_000),
        ("We paid $200k for the lot; the build budget is $650k", 650_000, 650_000),
        ("We're looking to remodel our 1962 ranch. Budget is flexible but hoping to stay around $250k.", 250_000, 250_000),
        ("budget is 2M", 2_000_000, 2_000_000),
        ("We'd like to build a 3 bedroom home – budget around $480,000.", 480_000, 480_000),
        // Without a budget word, money needs a mark other than a bare one-letter M.
        ("Looking at something near $3M for the house", 3_000_000, 3_000_000),
        ("A custom home around 1.5 million on our lot", 1_500_000, 1_500_000),
        ("hoping for 2-3m all in, budget wise", 2_000_000, 3_000_000),
    ] as [(String, Int?, Int?)])
    func budgets(_ text: String, _ low: Int?, _ high: Int?) {
        let lead = HeuristicsTestSupport.filled(text)
        #expect(lead.budgetLow == low, "\(text)")
        #expect(lead.budgetHigh == high, "\(text)")
    }

    @Test(arguments: [
        "We got a $50 gift card from your booth.",
        "We paid $200,000 for the lot last year.",
        "Finishes around $250 per square foot seem right.",
        "Our rent is $3,000 a month.",
        "We want 4 bedrooms and 3 baths, 2800 sq ft.",
        "Call me at 512-555-0143 after 3pm",
        "Our house is worth $400k",
        "Is your calendar open for a build starting this fall? My cell is 512 555 0162.",
        "We'd like to build a 3 bedroom home in Cedar Park",
        "We want a 2 story house with a 3 car garage on 5 acres",
        // A one-letter M is also a brand, metres or minutes.
        "We would like a sunroom with 3M window film on the south side.",
        "Wir möchten ein Einfamilienhaus mit 140 m² bauen.",
        "Nous avons un terrain de 900 m² près de Lyon.",
        "The lot is 30 m wide and 2-3 m above the road.",
    ])
    func notBudgets(_ text: String) {
        let lead = HeuristicsTestSupport.filled(text)
        #expect(lead.budgetLow == nil && lead.budgetHigh == nil, "\(text)")
    }

    // MARK: - Timelines

    @Test(arguments: [
        ("We'd like to start in spring 2027.", "spring 2027"),
        ("Hoping to break ground in the next 6 months", "within 6 months"),
        ("We need this ASAP!", "asap"),
        ("Looking to build within a year", "within 1 year"),
        ("We want to move in by summer", "by summer"),
        ("Target Q3 2027 for construction", "q3 2027"),
        ("We plan to build next year", "next year"),
        ("We'd like to start building in 2027", "2027"),
        ("Timing is flexible", "flexible"),
    ])
    func timelines(_ text: String, _ canonical: String) {
        #expect(HeuristicsTestSupport.filled(text).timeline == canonical, "\(text)")
    }

    @Test(arguments: [
        "We bought the lot in spring 2024.",
        "We love summer evenings on the porch.",
        "Our kids are 5 and 8.",
        "We moved here in 2019.",
        "We may want a pool.",
        "We're flexible on finishes.",
        "Budget is flexible but hoping to stay around $250k.",
    ])
    func notTimelines(_ text: String) {
        #expect(HeuristicsTestSupport.filled(text).timeline == nil, "\(text)")
    }

    // MARK: - Project type, lot, financing

    @Test(arguments: [
        ("We want a custom home on our land", "custom_home"),
        ("Looking at new construction in Bastrop", "new_build"),
        ("We need a kitchen remodel", "kitchen_remodel"),
        ("Thinking about a room addition", "addition"),
        ("We'd like a casita for my mother", "adu"),
        ("A full renovation of a 1950s ranch", "remodel"),
        ("We'd love a custom home.\nMaybe a guest house later.", "custom_home"),
        ("Task: Build a Home Addition", "addition"),
        ("Looking for a quote to remodel two bathrooms and add a laundry room.", "bathroom_remodel"),
        ("We'd like to build a 3 bedroom home in Cedar Park", "new_build"),
    ])
    func projectTypes(_ text: String, _ slug: String) {
        #expect(HeuristicsTestSupport.filled(text).projectType == slug, "\(text)")
    }

    @Test(arguments: ["In addition, we have two dogs.", "We don't want a remodel", "Hi there, quick question.",
                      "a 3,500 sq ft home with a walkout basement"])
    func notProjectTypes(_ text: String) {
        #expect(HeuristicsTestSupport.filled(text).projectType == nil, "\(text)")
    }

    @Test(arguments: [
        ("We own a lot in Leander", "own_lot"), ("We have land already", "own_lot"), ("We have a lot under contract", "under_contract"),
        ("We are looking for a lot", "looking"), ("We don't have land yet", "looking"),
    ])
    func lotStatuses(_ text: String, _ slug: String) {
        #expect(HeuristicsTestSupport.filled(text).lotStatus == slug, "\(text)")
    }

    @Test(arguments: ["We have a lot of questions.", "Yes", "No", "We need a lot of storage."])
    func notLotStatuses(_ text: String) {
        #expect(HeuristicsTestSupport.filled(text).lotStatus == nil, "\(text)")
    }

    @Test(arguments: [
        ("We're pre-approved with our bank", "pre_approved"), ("We'll be paying cash", "cash"),
        ("We need to sell our current home first", "need_to_sell"), ("We'll need a construction loan", "construction_loan"),
    ])
    func financing(_ text: String, _ slug: String) {
        #expect(HeuristicsTestSupport.filled(text).financing == slug, "\(text)")
    }

    @Test(arguments: ["Cash", "Our cash flow is fine", "Hi"])
    func notFinancing(_ text: String) {
        #expect(HeuristicsTestSupport.filled(text).financing == nil, "\(text)")
    }

    // MARK: - Signature names

    @Test(arguments: [
        ("Hi,\nPlease call.\n\nThanks,\nMaria Gonzalez", "Maria", "Gonzalez"),
        ("Hi,\nPlease call.\nBest regards,\n\nJOHN SMITH", "John", "Smith"),
        ("Please call.\nThanks, Dana Lee", "Dana", "Lee"),
        ("Please call.\n- Maria", "Maria", nil),
        ("Please call.\nSincerely,\nJohn and Mary Smith", "John", "Smith"),
    ] as [(String, String?, String?)])
    func signatureNames(_ text: String, _ first: String?, _ last: String?) {
        let lead = HeuristicsTestSupport.filled(text)
        #expect(lead.firstName == first, "\(text)")
        #expect(lead.lastName == last, "\(text)")
    }

    @Test(arguments: [
        "Thanks,\nSent from my iPhone",
        "Thanks,\n512-555-0143",
        "Thanks for reading this. We want to build a home in Austin.",
        "Best,\nThe homeowner",
        "Regards,\njane@example.com",
    ])
    func notSignatureNames(_ text: String) {
        let lead = HeuristicsTestSupport.filled(text)
        #expect(lead.firstName == nil && lead.lastName == nil, "\(text)")
    }

    // MARK: - Self-introductions

    @Test(arguments: [
        ("My name is Sarah Johnson and my husband and I want to build.", "Sarah", "Johnson"),
        ("Hi, my name is Tanya Brooks. We're looking to build a custom home.", "Tanya", "Brooks"),
        ("Hello there, this is Dana Lee from Round Rock, we own a lot.", "Dana", "Lee"),
        ("This is Mike O'Neil - please call me back about an addition", "Mike", "O'Neil"),
        ("hi! my name is maria gonzalez, we want a quote", "Maria", "Gonzalez"),
        ("My name is Sarah and I'd like a quote", "Sarah", nil),
        // The introduction wins over the signature: it is the prospect's own full name.
        ("My name is Sarah Johnson.\nPlease call.\n\nThanks,\nSarah", "Sarah", "Johnson"),
    ] as [(String, String?, String?)])
    func selfIntroductions(_ text: String, _ first: String?, _ last: String?) {
        let lead = HeuristicsTestSupport.filled(text)
        #expect(lead.firstName == first, "\(text)")
        #expect(lead.lastName == last, "\(text)")
        #expect(lead.fields["first_name"]?.rule == "heuristic: self-introduction", "\(text)")
    }

    @Test(arguments: [
        "This is a custom home project on our lot.",
        "We think this is Great Value for a remodel",
        "My name is on the deed, we want to build",
        "Hi, this is about the lot on Oak Street",
        "my name is 512-555-0143",
        "The name is Bond",
    ])
    func notSelfIntroductions(_ text: String) {
        let lead = HeuristicsTestSupport.filled(text)
        #expect(lead.firstName == nil && lead.lastName == nil, "\(text)")
    }
}

/// The finders skip lines by what a byte scan finds in them; lines that are not ASCII are
/// read the same way, and must give what reading their words gives.
@Suite("Inquiry heuristics: lines that are not ASCII")
struct HeuristicsNonASCIITests {
    @Test func curlyApostrophesAndAccentsAroundKeywords() {
        let lead = HeuristicsTestSupport.filled("Bonjour! We’re paying cash — café owners\nOur lot in Bastrop is paid off, we’d like to start next spring")
        #expect(lead.financing == "cash")
        #expect(lead.lotStatus == "own_lot")
        #expect(lead.timeline == "next spring")
    }

    @Test func kelvinSignReadsAsK() {
        // KELVIN SIGN lowercases to "k": "\u{212A}itchen remodel" is a kitchen remodel.
        #expect(HeuristicsTestSupport.filled("Planning a \u{212A}itchen remodel this year").projectType == "kitchen_remodel")
    }

    @Test func phraseWrappedOntoALineStartingWithACombiningMark() {
        // The joining space takes the combining mark: the pair reads "we would pay cash".
        let lead = HeuristicsTestSupport.filled("we would pay\n\u{301}cash")
        #expect(lead.financing == "cash")
        #expect(lead.fields["financing"]?.location == "body line 1")
    }

    @Test func combiningMarkMakesAnotherWord() {
        // "cash" followed by a combining mark is another word: no financing phrase.
        #expect(HeuristicsTestSupport.filled("we would pay cash\u{301}").financing == nil)
    }
}
