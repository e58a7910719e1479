import Matching
import Testing

@Suite("Blocking keys")
struct BlockingKeysTests {
    private func keys(_ record: PersonRecord, _ kind: MatchKey.Kind) -> Set<String> {
        Set(BlockingKeys.keys(for: record).filter { $0.kind == kind }.map(\.value))
    }

    private func share(_ a: PersonRecord, _ b: PersonRecord, _ kind: MatchKey.Kind) -> Bool {
        !keys(a, kind).isDisjoint(with: keys(b, kind))
    }

    @Test("Gmail dots, +tags and googlemail.com give one email key")
    func gmail() {
        let a = person(1, email: "J.Smith+zillow@gmail.com")
        let b = person(2, email: "jsmith@googlemail.com")
        #expect(keys(a, .email) == ["jsmith@gmail.com"])
        #expect(share(a, b, .email))
        // Dots matter outside Gmail.
        #expect(!share(person(3, email: "j.smith@yahoo.com"), person(4, email: "jsmith@yahoo.com"), .email))
    }

    @Test("Phone formats give one E.164 key, extension dropped", arguments: [
        "(512) 555-0143", "512.555.0143", "+1 512 555 0143", "1-512-555-0143", "5125550143", "512-555-0143 x204",
    ])
    func phoneFormats(written: String) {
        #expect(keys(person(1, phone: written), .phone) == ["+15125550143"])
    }

    @Test("Relays make no email or phone key")
    func relays() {
        let record = person(1, first: "Ann", last: "Lee", email: "x8f3k2@convo.zillow.com", phone: "800-555-2001",
                            emailRelay: true, phoneRelay: true)
        #expect(keys(record, .email).isEmpty)
        #expect(keys(record, .phone).isEmpty)
    }

    @Test("Nickname and phonetic spelling share the name+ZIP key")
    func nameZip() {
        let a = person(1, first: "Bob", last: "Smith", zip: "78704")
        let b = person(2, first: "Robert", last: "Smyth", zip: "78745")
        #expect(share(a, b, .nameZip))
        #expect(keys(a, .nameZip).contains("r|SM0|787"))
        // Without a ZIP the city stands in.
        #expect(share(person(3, first: "Bob", last: "Smith", city: "Austin", state: "TX"),
                      person(4, first: "Robert", last: "Smith", city: "AUSTIN", state: "Texas"), .nameZip))
    }

    @Test("A misspelt family name still meets through given name + ZIP5")
    func givenZip() {
        #expect(share(person(1, first: "Donald", last: "Herrera", zip: "33569"),
                      person(2, first: "Don", last: "Hrerera", zip: "33569"), .nameZip))
    }

    @Test("Swapped first and last names share the sorted-name key")
    func swapped() {
        let a = person(1, first: "John", last: "Smith")
        let b = person(2, first: "Smith", last: "Johnny")
        #expect(keys(a, .nameSorted) == ["johnathan smith"])
        #expect(share(a, b, .nameSorted))
    }

    @Test("Address abbreviations and units give one address key", arguments: [
        ("1420 Oak Hollow Drive, Apt. 4", "1420 oak hollow dr #4"), ("200 North Main Street", "200 N Main St"),
        ("55 Saddle Ridge Trail", "55 SADDLE RIDGE TRL."),
    ])
    func addresses(a: String, b: String) {
        #expect(share(person(1, street: a, zip: "78704"), person(2, street: b, city: "Austin"), .address))
    }

    @Test("Keys carry no duplicates and a record without values has none")
    func empty() {
        #expect(BlockingKeys.keys(for: person(1)).isEmpty)
        let record = person(2, first: "Ann", last: "Lee", email: "ann@x.com", phone: "5125550143", street: "1 Elm St", zip: "78704")
        let all = BlockingKeys.keys(for: record)
        #expect(Set(all).count == all.count)
        #expect(Set(all.map(\.kind)) == Set(MatchKey.Kind.allCases))
    }
}
