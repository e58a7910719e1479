@testable import Extraction
import LeadModel
import Testing

/// A first name alone on the text's last line, taken when the sender's address starts with
/// it; a display name's last initial spelled out by the signature; a project type named only
/// in the subject.
@Suite("Names and project type the text gives only with the sender's address or subject")
struct LoneFirstNameTests {
    @Test(arguments: [
        ("sarah.whitfield@yahoo.com", "Hello, we're interested in a kitchen remodel. Budget around 150 grand.\n\nSarah", "Sarah", "Whitfield" as String?),
        ("austin.jones@gmail.com", "Looking for a quote on a remodel in our home.\n\nAustin\n\nSent from my iPhone", "Austin", "Jones"),
        ("dana88@gmail.com", "Can you build on a sloped lot in Wimberley?\n\nDana", "Dana", nil),
    ])
    func loneNameTheAddressStartsWith(_ sender: String, _ body: String, _ first: String, _ last: String?) throws {
        let lead = try HeuristicsTestSupport.lead(from: sender, body)
        #expect(lead.firstName == first)
        #expect(lead.lastName == last)
    }

    /// A word the address does not start with, a closing, or a name with no text above it.
    @Test(arguments: [
        ("sarah.whitfield@yahoo.com", "Hello, we're interested in a kitchen remodel in Georgetown.\n\nGeorgetown"),
        ("mike.r@gmail.com", "Can you call me about a remodel?\n\nThanks"),
        ("pat.lee@gmail.com", "Hello, we're interested in a kitchen remodel.\n\nSarah"),
        ("sarah.whitfield@yahoo.com", "Hello, we're interested in a kitchen remodel. Sarah"),
    ])
    func noLoneName(_ sender: String, _ body: String) throws {
        #expect(try HeuristicsTestSupport.lead(from: sender, body).firstName == nil)
    }

    /// A name typed in lowercase above the phone, under a bare address that spells it.
    @Test(arguments: [("kelly.nguyen@gmail.com", "Kelly" as String?), ("kelly_nguyen@gmail.com", "Kelly"), ("k.nguyen@gmail.com", nil)])
    func lowercaseNameTheAddressSpells(_ sender: String, _ first: String?) throws {
        let lead = try HeuristicsTestSupport.lead(
            from: sender, "we want a bathroom remodel, can someone call me\n\nkelly nguyen\n512 555 0184")
        #expect(lead.firstName == first)
        #expect(lead.lastName == (first == nil ? nil : "Nguyen"))
    }

    @Test func displayNamesLastInitialSpelledOutBySignature() throws {
        let lead = try HeuristicsTestSupport.lead(
            from: "Priya N <priya.n@gmail.com>",
            "Do you build detached ADUs? Budget is $180-220K.\n\nThanks!\nPriya Nair\n(512) 555 0177")
        #expect(lead.firstName == "Priya")
        #expect(lead.lastName == "Nair")
        #expect(lead.fields["last_name"]?.rule.contains("signature") == true)
    }

    /// Another first name in the signature leaves the initial.
    @Test func otherFirstNameKeepsInitial() throws {
        let lead = try HeuristicsTestSupport.lead(
            from: "Priya N <priya.n@gmail.com>",
            "Do you build detached ADUs? Budget is $180-220K.\n\nThanks!\nNina Nair")
        #expect(lead.lastName == "N.")
    }

    @Test(arguments: [
        ("ADU question", "Do you build these? We'd like 600 sq ft for my parents.", "adu"),
        ("Custom home inquiry", "We'd love to talk about what we have in mind. When are you free?", "custom_home"),
        ("Kitchen remodel", "We want to build a new home on our lot in Kyle.", "new_build"),
    ])
    func projectTypeFromSubjectWhenTextNamesNone(_ subject: String, _ body: String, _ type: String) throws {
        let lead = try HeuristicsTestSupport.lead(from: "Pat Lee <pat.lee@gmail.com>", body, subject: subject)
        #expect(lead.projectType == type)
    }

    /// A household's display name and a sign-off with a first name alone, or a couple under
    /// that surname: the first name signed; another surname signed gives none.
    @Test(arguments: [
        ("Nguyen Family <thenguyens@gmail.com>", "We're thinking about adding an ADU over our garage. Is that something you do?\n\nThanks, Linh", "Linh" as String?),
        ("The Pattersons <pattersonfam@gmail.com>", "We want to build on our lot in Kyle.\n\nThanks,\nJim and Lori Patterson", "Jim"),
        ("The Pattersons <pattersonfam@gmail.com>", "We want to build on our lot in Kyle.\n\nThanks,\nJim Smith", nil),
    ])
    func householdsSignedFirstName(_ sender: String, _ body: String, _ first: String?) throws {
        let lead = try HeuristicsTestSupport.lead(from: sender, body)
        #expect(lead.firstName == first)
        #expect(lead.lastName != nil)
    }
}
