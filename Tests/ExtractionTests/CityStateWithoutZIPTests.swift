@testable import Extraction
@testable import LeadModel
import Testing

/// Session 19: a city and state after a street without a ZIP (`1420 Ridge View Dr, Dripping
/// Springs, TX.`), on the street's line or alone on the next.
@Suite("City and state without a ZIP")
struct CityStateWithoutZIPTests {
    private func address(_ text: String) -> PostalAddress? { HeuristicsTestSupport.filled(text).address }

    @Test(arguments: [
        ("We want to build on our lot at 1420 Ridge View Dr, Dripping Springs, TX. Budget around 650k.",
         PostalAddress(street: "1420 Ridge View Dr", city: "Dripping Springs", state: "TX")),
        ("We own Lot 23 Hillside Ct, Bee Cave TX and would like a quote.",
         PostalAddress(street: "Lot 23, Hillside Ct", city: "Bee Cave", state: "TX")),
        ("Our house is at 123 Oak St, Austin, Texas", PostalAddress(street: "123 Oak St", city: "Austin", state: "TX")),
        ("We're at 500 W 5th St Austin TX", PostalAddress(street: "500 W 5th St", city: "Austin", state: "TX")),
        ("The lot is 12 Elm Ct, Charleston, West Virginia.", PostalAddress(street: "12 Elm Ct", city: "Charleston", state: "WV")),
        ("Site: 88 Canyon Rd, Santa Fe, New Mexico; we'd like a quote", PostalAddress(street: "88 Canyon Rd", city: "Santa Fe", state: "NM")),
        ("We own 4508 Avenue F, Austin TX.", PostalAddress(street: "4508 Avenue F", city: "Austin", state: "TX")),
        ("We live at 12 Oak Dr, The Woodlands, TX", PostalAddress(street: "12 Oak Dr", city: "The Woodlands", state: "TX")),
        ("The lot (1420 Ridge View Dr, Kyle, TX) is cleared.", PostalAddress(street: "1420 Ridge View Dr", city: "Kyle", state: "TX")),
        ("Build site: 1420 Ridge View Dr Apt 4, Kyle, TX, and we'd start in May",
         PostalAddress(street: "1420 Ridge View Dr Apt 4", city: "Kyle", state: "TX")),
        ("We are at 77 Pecan Ln, Kansas City Missouri!", PostalAddress(street: "77 Pecan Ln", city: "Kansas City", state: "MO")),
        ("Our place: 9 Lake Rd, Nevada, TX", PostalAddress(street: "9 Lake Rd", city: "Nevada", state: "TX")),
        ("We own 15 Elm St, Salem OR and love it", PostalAddress(street: "15 Elm St", city: "Salem", state: "OR")),
        ("The lot is at 1420 Ridge View Dr\nKyle, Texas", PostalAddress(street: "1420 Ridge View Dr", city: "Kyle", state: "TX")),
        ("1420 Ridge View Dr\nWimberley, TX", PostalAddress(street: "1420 Ridge View Dr", city: "Wimberley", state: "TX")),
        ("We live at 1420 Ridge View Dr.\nWimberley, TX.", PostalAddress(street: "1420 Ridge View Dr.", city: "Wimberley", state: "TX")),
        ("We bought Lot 14 on Ridge View Drive\nDripping Springs, TX", PostalAddress(street: "Lot 14, Ridge View Drive", city: "Dripping Springs", state: "TX")),
        ("Our lot is at 40 Pine St, St. Louis, MO.", PostalAddress(street: "40 Pine St", city: "St. Louis", state: "MO")),
        ("We are at 40 Pine St, Ft. Worth, TX", PostalAddress(street: "40 Pine St", city: "Ft. Worth", state: "TX")),
        ("Site: 1420 Ridge View Dr, Kyle, TX: flat lot, no trees.", PostalAddress(street: "1420 Ridge View Dr", city: "Kyle", state: "TX")),
        ("Site: 1420 Ridge View Dr, Kyle, TX - flat lot, no trees.", PostalAddress(street: "1420 Ridge View Dr", city: "Kyle", state: "TX")),
        ("Our lot is at 1420 Ridge View Dr, Austin, TX Our budget is 500k.", PostalAddress(street: "1420 Ridge View Dr", city: "Austin", state: "TX")),
        ("We own 1420 Ridge View Dr, Dripping Springs, TX We want to start in spring.",
         PostalAddress(street: "1420 Ridge View Dr", city: "Dripping Springs", state: "TX")),
        ("We own 1420 Ridge View Dr, Cañon City, CO and want to build.", PostalAddress(street: "1420 Ridge View Dr", city: "Cañon City", state: "CO")),
        ("Lot address: 1420 Ridge View Dr, Dripping Springs, TX, USA", PostalAddress(street: "1420 Ridge View Dr", city: "Dripping Springs", state: "TX")),
        ("Greg is at 1110 Cedar Ave and we live at 1108 Cedar Ave, Kyle, TX", PostalAddress(street: "1108 Cedar Ave", city: "Kyle", state: "TX")),
        ("I'm at 1108 Cedar\nAve, Kyle, TX and would like a call.", PostalAddress(street: "1108 Cedar Ave", city: "Kyle", state: "TX")),
    ])
    func aCityAndStateAfterAStreet(_ text: String, _ expected: PostalAddress) {
        #expect(address(text) == expected, "\(text.debugDescription)")
    }

    @Test func theCityAndStateComeWithTheStreetsRule() {
        let fields = HeuristicsTestSupport.filled("We want to build on our lot at 1420 Ridge View Dr, Dripping Springs, TX. Budget around 650k.").fields
        let expected = FieldProvenance(rule: "heuristic: street address", location: "body line 1")
        #expect(fields["street"] == expected && fields["city"] == expected && fields["state"] == expected)
    }

    /// A state word in a sentence, codes that are words, a street followed by a sentence, a
    /// company's line, a city without a state: the city and state stay empty (as before).
    @Test(arguments: [
        ("We moved from Texas and want to build at 1420 Ridge View Dr.", PostalAddress(street: "1420 Ridge View Dr.")),
        ("We moved to Austin TX last year.", nil),
        ("1420 Ridge View Dr and we love it", PostalAddress(street: "1420 Ridge View Dr")),
        ("1420 Ridge View Dr and we love it in Texas", PostalAddress(street: "1420 Ridge View Dr")),
        ("We live at 1420 Ridge View Dr, Call me, OK", PostalAddress(street: "1420 Ridge View Dr")),
        ("We live at 1420 Ridge View Dr. Austin, TX is where we work.", PostalAddress(street: "1420 Ridge View Dr.")),
        ("We live at 1420 Ridge View Blvd. Previously Boston, MA.", PostalAddress(street: "1420 Ridge View Blvd.")),
        ("We live at 1420 Ridge View Dr, Dripping Springs and want to build.", PostalAddress(street: "1420 Ridge View Dr")),
        ("Our lot is at 1420 Ridge View Dr, Austin, Tx.", PostalAddress(street: "1420 Ridge View Dr")),
        ("Is 12 Oak Dr OK? We like it.", PostalAddress(street: "12 Oak Dr")),
        ("We saw 12 Oak Dr Austin OR Round Rock homes", PostalAddress(street: "12 Oak Dr")),
        ("We saw 12 Oak Dr, Mike. OK?", PostalAddress(street: "12 Oak Dr")),
        ("We'd like 12 Oak Dr, Thanks ME", PostalAddress(street: "12 Oak Dr")),
        ("We own 12 Sol St, San Juan, PR", PostalAddress(street: "12 Sol St")),
        ("Brennan Homes LLC, 2601 Network Blvd, Austin, TX", nil),
        ("We toured 1420 Ridge View Dr\nAustin, TX is where we work now", PostalAddress(street: "1420 Ridge View Dr")),
        ("We toured 1420 Ridge View Dr\nThanks, OK", PostalAddress(street: "1420 Ridge View Dr")),
        ("We toured 1420 Ridge View Dr\nJim Smith", PostalAddress(street: "1420 Ridge View Dr")),
        ("Lot is 3021 County Road 110, Williamson County, TX", PostalAddress(street: "3021 County Road 110")),
        ("Stop by 12 Oak Dr, Jim, OK? Thanks", PostalAddress(street: "12 Oak Dr")),
        ("Stop by 12 Oak Dr, Jim, OK Thanks", PostalAddress(street: "12 Oak Dr")),
        ("We own 1420 Ridge View Dr, Austin TX We want to start.", PostalAddress(street: "1420 Ridge View Dr")),
        ("Our lot (Lot 7, Block B) on Saddle Creek Trail, Dripping Springs is cleared.", PostalAddress(street: "Lot 7, Block B, Saddle Creek Trail")),
    ] as [(String, PostalAddress?)])
    func nearMissesKeepNoCityOrState(_ text: String, _ expected: PostalAddress?) {
        #expect(address(text) == expected, "\(text.debugDescription)")
    }
}
