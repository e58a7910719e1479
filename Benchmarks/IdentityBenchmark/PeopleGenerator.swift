import Foundation

/// Seeded, deterministic people and noisy repeat inquiries, for the identity benchmark.
/// (The dedup quality benchmark, `dedup-bench`, has the thorough generator; this one only
/// needs realistic shapes and volumes for timing.)
struct PeopleGenerator {
    struct Person {
        var first: String
        var last: String
        var email: String?
        var phone: String?
        var street: String?
        var city: String
        var state: String
        var zip: String
    }

    private var state: UInt64

    init(seed: UInt64) { self.state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }

    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    static let firsts = ["James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
                         "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Carlos", "Karen",
                         "Daniel", "Lisa", "Matthew", "Nancy", "Anthony", "Betty", "Mark", "Sandra", "Steven", "Ashley",
                         "Priya", "Wei", "Aisha", "Mateo", "Sofia", "Omar", "Elena", "Kenji", "Fatima", "Lucas"]
    static let nicknames = ["Robert": "Bob", "William": "Bill", "Elizabeth": "Liz", "Richard": "Rick", "Joseph": "Joe",
                            "Thomas": "Tom", "Michael": "Mike", "James": "Jim", "Jennifer": "Jen", "Daniel": "Dan"]
    static let syllables = ["ka", "ro", "mi", "lan", "der", "son", "vel", "tor", "ash", "ber", "win", "gal", "mor", "tes",
                            "qui", "nel", "dor", "sta", "pen", "hal", "rid", "cor", "fen", "lox", "bra", "vin", "sel", "dun"]
    static let commonLasts = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
                              "Martinez", "Hernandez", "Lopez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson"]
    static let streets = ["Oak Hollow", "Ranch Road", "Mesa Verde", "Cedar Bend", "Live Oak", "Bluebonnet", "Pecan Grove",
                          "Hill Country", "River Bend", "Sunset Ridge", "Limestone", "Maple", "Willow Creek", "Stone Canyon"]
    static let suffixes = ["Dr", "Ln", "Rd", "St", "Trl", "Ct", "Way", "Blvd"]
    static let places: [(String, String, String)] = [
        ("Austin", "TX", "787"), ("Round Rock", "TX", "786"), ("San Antonio", "TX", "782"), ("Dallas", "TX", "752"),
        ("Nashville", "TN", "372"), ("Franklin", "TN", "370"), ("Denver", "CO", "802"), ("Boise", "ID", "837"),
        ("Phoenix", "AZ", "850"), ("Raleigh", "NC", "276"), ("Charlotte", "NC", "282"), ("Tampa", "FL", "336"),
    ]

    mutating func person(index: Int) -> Person {
        let first = Self.firsts[below(Self.firsts.count)]
        let last = below(10) < 4
            ? (0..<(2 + below(2))).map { _ in Self.syllables[below(Self.syllables.count)] }.joined().capitalized
            : Self.commonLasts[below(Self.commonLasts.count)]
        let place = Self.places[below(Self.places.count)]
        let zip = place.2 + String(format: "%02d", below(100))
        let email = below(10) < 8 ? "\(first.lowercased()).\(last.lowercased())\(index)@\(["gmail.com", "yahoo.com", "outlook.com", "icloud.com"][below(4)])" : nil
        let phone = below(10) < 7 ? String(format: "+1%03d%03d%04d", 201 + below(700), 200 + below(700), index % 10_000) : nil
        let street = below(10) < 6 ? "\(100 + below(9800)) \(Self.streets[below(Self.streets.count)]) \(Self.suffixes[below(Self.suffixes.count)])" : nil
        return Person(first: first, last: last, email: email, phone: phone, street: street, city: place.0, state: place.1, zip: zip)
    }

    /// The same person writing again: a nickname, another phone format, a dropped field.
    mutating func repeatInquiry(of person: Person) -> Person {
        var p = person
        if below(3) == 0, let nick = Self.nicknames[p.first] { p.first = nick }
        if below(4) == 0 { p.email = nil }
        if below(4) == 0 { p.street = nil }
        if below(5) == 0, let email = p.email, email.hasSuffix("@gmail.com") {
            p.email = email.replacingOccurrences(of: ".", with: "", options: [], range: email.startIndex..<email.firstIndex(of: "@")!)
        }
        return p
    }
}
