@testable import Extraction
import Foundation
import LeadModel
import Testing

/// A one-line inquiry signed on its phone's line (`Do you build in Kyle? - Dana
/// 512-555-0144`), and a last name from the sender's address for a first name signed alone.
@Suite("A sign-off on the phone's line, and a last name from the address")
struct PhoneLineSignOffTests {
    static let rule = "heuristic: signature name beside the phone"

    @Test(arguments: [
        ("Do you build in Kyle? - Dana 512-555-0144", "Dana", nil),
        ("Do you build in Kyle? Thanks, Dana 512-555-0144", "Dana", nil),
        ("Do you build in Kyle? Thank you, Dana Ellis (512) 555-0144", "Dana", "Ellis"),
        ("Do you build in Kyle? Best, Dana - 512.555.0144", "Dana", nil),
        ("Do you build in Kyle?  -- Dana Ellis, cell 512-555-0144", "Dana", "Ellis"),
        ("Do you build in Kyle? \u{2014} Dana 512-555-0144", "Dana", nil),
        ("Looking to build on our lot in Buda. Thanks, José Martínez 512-555-0144", "José", "Martínez"),
        ("Any lots left in Kyle? Thanks! - Dana at 512-555-0144", "Dana", nil),
        ("Do you build in Kyle?\nThanks, Dana 512-555-0144", "Dana", nil),
        ("Do you build in Kyle? - Dana 512-555-0144\n\nSent from my iPhone", "Dana", nil),
    ] as [(String, String, String?)])
    func aNameOnThePhonesLine(_ text: String, _ first: String, _ last: String?) {
        let lead = HeuristicsTestSupport.filled(text)
        #expect(lead.firstName == first && lead.lastName == last, "\(String(describing: lead.firstName)) \(String(describing: lead.lastName))")
        #expect(lead.fields["first_name"]?.rule == Self.rule)
        #expect(lead.phone == "+15125550144")
    }

    @Test(arguments: [
        "Do you build in Kyle - Hays County 512-555-0144",
        "Do you build in Kyle? - Call 512-555-0144",
        "Do you build in Kyle? Thanks - 512-555-0144",
        "Do you build in Kyle? - Hill Country Homes 512-555-0144",
        "Do you build in Kyle? Thanks, Dripping Springs 512-555-0144",
        "Budget 400-500k - Dana 512-555-0144",
        "Do you build in Kyle? My number is 512-555-0144",
        "Do you build in Kyle? - Dana 512-555-0144\nWe have a lot already.",
        "Do you build in Kyle? - Dana 555-0144",
        "Do you build in Kyle? - Greg's cell 512-555-0144",
        "Do you build in Kyle? Thanks, the lot owner 512-555-0144",
    ])
    func noNameOnThePhonesLine(_ text: String) {
        let lead = HeuristicsTestSupport.filled(text)
        #expect(lead.fields["first_name"]?.rule != Self.rule, "\(String(describing: lead.firstName))")
    }

    @Test(arguments: [
        ("dana.k.ellis@gmail.com", "Ellis"), ("dana_ellis@yahoo.com", "Ellis"), ("dana.ellis77@gmail.com", "Ellis"),
        ("Dana.Ellis@example.org", "Ellis"), ("dana-mcdonald@gmail.com", "McDonald"), ("dana.ellis+builders@gmail.com", "Ellis"),
    ])
    func aLastNameFromTheAddress(_ email: String, _ last: String) {
        #expect(SignatureNameFinder.surname(signedFirst: "Dana", email: email) == last)
    }

    @Test(arguments: [
        "dkellis@gmail.com", "danaellis@gmail.com", "mark.dana@gmail.com", "dana@gmail.com", "dana.and.mark@gmail.com",
        "dana.homes@gmail.com", "dana.tx@gmail.com", "dana.k@gmail.com", "dana.dana@gmail.com", "dana.ellis.home@gmail.com",
        "dana.j.k.ellis@gmail.com", "dana2.ellis@gmail.com", "dana.sales@example.com", "dana.family@gmail.com",
        "dana.jjj@gmail.com", "danielle.ellis@gmail.com",
    ])
    func noLastNameFromTheAddress(_ email: String) {
        #expect(SignatureNameFinder.surname(signedFirst: "Dana", email: email) == nil)
    }

    @Test(arguments: [
        "Do you build in Kyle? - Dana 512-555-0144",
        "Do you build in Kyle?\n\n- Dana\n512-555-0144",
        "Do you build in Kyle? Thanks, Dana 512-555-0144",
        "Hi, this is Dana. Do you build in Kyle? 512-555-0144",
    ])
    func theSendersAddressGivesTheLastName(_ body: String) throws {
        let lead = try HeuristicsTestSupport.lead(from: "dana.k.ellis@gmail.com", body)
        #expect(lead.firstName == "Dana" && lead.lastName == "Ellis", "\(String(describing: lead.firstName)) \(String(describing: lead.lastName))")
        #expect(lead.fields["last_name"]?.rule.hasPrefix("heuristic: the email address's last word") == true)
        #expect(lead.fields["last_name"]?.location == "From header")
    }

    @Test(arguments: ["dkellis@gmail.com", "danaellis@gmail.com", "mark.dana@gmail.com"])
    func otherAddressesGiveNoLastName(_ sender: String) throws {
        let lead = try HeuristicsTestSupport.lead(from: sender, "Do you build in Kyle? - Dana 512-555-0144")
        #expect(lead.firstName == "Dana" && lead.lastName == nil, "\(String(describing: lead.lastName))")
    }
}

/// The same sign-off after the last sentence of a line above the phone, or closing the text.
@Suite("A sign-off after the last sentence")
struct LastSentenceSignOffTests {
    @Test(arguments: [
        ("Hi, interested in your plans. Thanks, Sam\n512-555-0144", "Sam", nil),
        ("Do you build in Kyle? - Dana Ellis\n512-555-0144", "Dana", "Ellis"),
        ("Do you build in Kyle? Best, Dana.", "Dana", nil),
        ("Any lots left in Kyle? Thanks! - Dana", "Dana", nil),
    ] as [(String, String, String?)])
    func aName(_ text: String, _ first: String, _ last: String?) {
        let lead = HeuristicsTestSupport.filled(text)
        #expect(lead.firstName == first && lead.lastName == last, "\(String(describing: lead.firstName)) \(String(describing: lead.lastName))")
        #expect(lead.fields["first_name"]?.rule == "heuristic: signature name after the last sentence")
    }

    @Test(arguments: [
        "We are in Kyle. Thanks, Hays County\n512-555-0144",
        "We are in Kyle - Hays County",
        "Please call. Thanks, Call Me",
        "Do you build in Kyle? - Dana\nWe have a lot.\n512-555-0144",
        "Do you build in Kyle? Thanks, Dana\n\nWe have a lot in Buda.",
        "Is the lot on Elm available? - Greg's\n512-555-0144",
        "Saw your sign at the Kyle Crossing lot - Hill Country Homes",
    ])
    func noName(_ text: String) {
        let lead = HeuristicsTestSupport.filled(text)
        #expect(lead.firstName == nil && lead.lastName == nil, "\(String(describing: lead.firstName)) \(String(describing: lead.lastName))")
    }
}
