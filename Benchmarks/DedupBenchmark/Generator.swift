import Foundation
import LeadModel

/// What the generator did to a record, for the error breakdown.
struct NoiseTags: OptionSet, Hashable {
    let rawValue: UInt32
    static let nickname = NoiseTags(rawValue: 1 << 0)
    static let typo = NoiseTags(rawValue: 1 << 1)
    static let swapped = NoiseTags(rawValue: 1 << 2)
    static let relayEmail = NoiseTags(rawValue: 1 << 3)
    static let relayPhone = NoiseTags(rawValue: 1 << 4)
    static let noReply = NoiseTags(rawValue: 1 << 5)
    static let salesPhone = NoiseTags(rawValue: 1 << 6)
    static let realtor = NoiseTags(rawValue: 1 << 7)
    static let gmailVariant = NoiseTags(rawValue: 1 << 8)
    static let secondContact = NoiseTags(rawValue: 1 << 9)
    static let missingName = NoiseTags(rawValue: 1 << 10)
}

/// Who a generated person is, for the error breakdown.
enum PersonKind: String, CaseIterable {
    case plain, spouse, junior, senior, namesake, crossBuilder = "cross-builder"
}

/// One generated record: the raw values as an import row or an extracted lead would carry
/// them, its builder, and its true identity (one person at one builder).
struct GeneratedRecord {
    var builder: Int
    var identity: Int
    /// The identity of the family's first person (spouses, Jr/Sr, namesakes share it).
    var family: Int
    var kind: PersonKind
    var tags: NoiseTags
    var firstName: String?
    var lastName: String?
    var suffix: String?
    var email: String?
    var emailRelay = false
    var phone: String?
    var phoneRelay = false
    var street: String?
    var city: String?
    var state: String?
    var postalCode: String?
}

private struct Address {
    var number: Int
    var directional: Int?  // index into Vocabulary.directionals
    var name: String
    var suffix: Int
    var unit: String?
    var city: Int
    var zip: String
}

private struct Person {
    var identity: Int
    var family: Int = 0
    /// Where the person lives (a cross-builder twin keeps the home of the original).
    var metro: Int = 0
    var builder: Int
    var kind: PersonKind
    var given: Int  // index into Vocabulary.givenNames
    var last: String
    var suffix: String?
    var suffixWritten: Double
    var emails: [String]
    var phones: [String]  // ten digits
    var address: Address
    var recordCount: Int
}

/// Builds a seeded data set of lead records across builders with known identities and the
/// noise of issue 6. The rates are in the code below and summarised in the comment at the top
/// of main.swift.
struct LeadGenerator {
    var random: SeededRandom
    let builderCount: Int
    private var usedEmails = Set<String>()
    private var usedPhones = Set<String>()
    private var givenTable: [Double] = []
    private var surnameTable: [Double] = []
    private var nextIdentity = 0

    init(seed: UInt64, builders: Int) {
        self.random = SeededRandom(seed: seed)
        self.builderCount = builders
    }

    /// About `total` records, builder `b` getting a share ∝ 1/(b+1) (one big builder, a long tail).
    mutating func generate(total: Int) -> [GeneratedRecord] {
        let weights = (0..<self.builderCount).map { 1.0 / Double($0 + 1) }
        let sum = weights.reduce(0, +)
        var people: [Person] = []
        var builderRecordTargets = weights.map { Int((Double(total) * $0 / sum).rounded()) }
        builderRecordTargets[0] += total - builderRecordTargets.reduce(0, +)
        var recordsPerBuilder = [Int](repeating: 0, count: self.builderCount)
        for builder in 0..<self.builderCount {
            while recordsPerBuilder[builder] < builderRecordTargets[builder] {
                for person in self.makeFamily(builder: builder) {
                    people.append(person)
                    recordsPerBuilder[person.builder] += person.recordCount
                }
            }
        }
        var records: [GeneratedRecord] = []
        records.reserveCapacity(total + total / 10)
        for person in people {
            for _ in 0..<person.recordCount { records.append(self.makeRecord(person)) }
        }
        self.random.shuffle(&records)
        return records
    }

    // MARK: People

    private mutating func recordCount() -> Int {
        let u = self.random.unit()
        if u < 0.55 { return 1 }
        if u < 0.80 { return 2 }
        if u < 0.91 { return 3 }
        if u < 0.96 { return 4 }
        return 5 + self.random.below(4)
    }

    private mutating func newIdentity() -> Int {
        defer { self.nextIdentity += 1 }
        return self.nextIdentity
    }

    private mutating func makeFamily(builder: Int) -> [Person] {
        var family: [Person] = []
        let metro = Vocabulary.metros[builder % Vocabulary.metros.count]
        let given = self.random.zipf(Vocabulary.givenNames.count, exponent: 0.7, table: &self.givenTable)
        let last = self.makeSurname()
        var main = Person(identity: self.newIdentity(), builder: builder, kind: .plain, given: given, last: last,
                          suffix: nil, suffixWritten: 0, emails: [], phones: [],
                          address: self.makeAddress(metro: metro), recordCount: self.recordCount())
        main.metro = builder % Vocabulary.metros.count
        main.emails = [self.makeEmail(first: Vocabulary.givenNames[given].0, last: last)]
        main.phones = [self.makePhone(metro: metro)]
        if self.random.chance(0.10) { main.emails.append(self.makeEmail(first: Vocabulary.givenNames[given].0, last: last, work: true)) }
        if self.random.chance(0.08) { main.phones.append(self.makePhone(metro: metro)) }

        let roll = self.random.unit()
        if roll < 0.10 {
            // Spouse: another given name, same home, sharing the email, the phone or both.
            var spouse = main
            spouse.identity = self.newIdentity()
            spouse.kind = .spouse
            repeat {
                spouse.given = self.random.zipf(Vocabulary.givenNames.count, exponent: 0.7, table: &self.givenTable)
            } while self.compatible(spouse.given, main.given)
            if self.random.chance(0.15) { spouse.last = self.makeSurname() }
            spouse.recordCount = self.recordCount()
            let share = self.random.unit()
            let ownEmail = self.makeEmail(first: Vocabulary.givenNames[spouse.given].0, last: spouse.last)
            let ownPhone = self.makePhone(metro: metro)
            spouse.emails = share < 0.35 || share >= 0.85 ? [main.emails[0]] : [ownEmail]
            spouse.phones = share >= 0.35 ? [main.phones[0]] : [ownPhone]
            family.append(spouse)
        } else if roll < 0.13 {
            // Jr and Sr: same given and family name.
            main.kind = .senior
            main.suffix = "Sr."
            main.suffixWritten = 0.5
            var junior = main
            junior.identity = self.newIdentity()
            junior.kind = .junior
            junior.suffix = "Jr."
            junior.suffixWritten = 0.85
            junior.recordCount = self.recordCount()
            junior.emails = [self.makeEmail(first: Vocabulary.givenNames[given].0, last: last)]
            junior.phones = [self.makePhone(metro: metro)]
            if self.random.chance(0.3) { junior.phones.append(main.phones[0]) }
            if self.random.chance(0.5) { junior.address = self.makeAddress(metro: metro) }
            family.append(junior)
        } else if roll < 0.15 {
            // Namesake: the same name in another city of the metro.
            var namesake = main
            namesake.identity = self.newIdentity()
            namesake.kind = .namesake
            namesake.recordCount = self.recordCount()
            namesake.emails = [self.makeEmail(first: Vocabulary.givenNames[given].0, last: last)]
            namesake.phones = [self.makePhone(metro: metro)]
            repeat { namesake.address = self.makeAddress(metro: metro) } while namesake.address.city == main.address.city
            family.append(namesake)
        }
        if self.builderCount > 1, self.random.chance(0.04) {
            // The same person inquires at another builder: a separate identity there.
            var twin = main
            twin.identity = self.newIdentity()
            twin.kind = .crossBuilder
            twin.builder = (builder + 1 + self.random.below(self.builderCount - 1)) % self.builderCount
            twin.recordCount = self.recordCount()
            family.append(twin)
        }
        main.family = main.identity
        for index in family.indices { family[index].family = main.identity }
        return [main] + family
    }

    /// A surname: 60% from the list of common ones (Zipf), 40% a rarer one built from
    /// syllables. In the US the 400 commonest surnames cover about 40% of people and Smith
    /// about 0.8%; a list alone would make namesakes ten times likelier than they are.
    private mutating func makeSurname() -> String {
        if self.random.chance(0.6) {
            return Vocabulary.surnames[self.random.zipf(Vocabulary.surnames.count, exponent: 0.8, table: &self.surnameTable)]
        }
        let onsets = ["B", "C", "D", "F", "G", "H", "K", "L", "M", "N", "P", "R", "S", "T", "V", "W", "Br", "Ch", "Kr", "St", "Tr", "Gr", "Bl", "Sch"]
        let middles = ["a", "e", "i", "o", "u", "ar", "er", "or", "an", "en", "in", "on", "al", "el", "ol", "ay", "ow"]
        let endings = ["son", "ton", "ley", "man", "berg", "ski", "ez", "ard", "ell", "ick", "ford", "wood", "ner", "field", "stein", "ova", "ini", "ridge", "land", "well"]
        var name = self.random.pick(onsets) + self.random.pick(middles)
        if self.random.chance(0.4) { name += self.random.pick(["d", "g", "l", "m", "n", "r", "s", "t", "v", "z"]) + self.random.pick(middles) }
        return name + self.random.pick(endings)
    }

    private func compatible(_ a: Int, _ b: Int) -> Bool {
        let x = Vocabulary.givenNames[a], y = Vocabulary.givenNames[b]
        if x.0 == y.0 { return true }
        let xs = Set([x.0.lowercased()] + x.1.map { $0.lowercased() })
        let ys = Set([y.0.lowercased()] + y.1.map { $0.lowercased() })
        return !xs.isDisjoint(with: ys)
    }

    private mutating func makeAddress(metro: Vocabulary.Metro) -> Address {
        let city = self.random.below(metro.cities.count)
        return Address(
            number: 100 + self.random.below(19_900),
            directional: self.random.chance(0.15) ? self.random.below(4) : nil,
            name: self.random.pick(Vocabulary.streetNames),
            suffix: self.random.below(Vocabulary.streetSuffixes.count),
            unit: self.random.chance(0.08) ? String(1 + self.random.below(400)) : nil,
            city: city,
            zip: self.random.pick(metro.cities[city].zips)
        )
    }

    private mutating func makeEmail(first: String, last: String, work: Bool = false) -> String {
        let f = first.lowercased().filter(\.isLetter)
        let l = last.lowercased().filter(\.isLetter)
        var domain = "gmail.com"
        if work {
            domain = self.random.pick(Vocabulary.workDomains)
        } else {
            var u = self.random.unit()
            for (candidate, p) in Vocabulary.personalDomains {
                u -= p
                if u < 0 { domain = candidate; break }
            }
            if u >= 0 { domain = "\(l)family.net" }
        }
        let patterns = [
            "\(f).\(l)", "\(f)\(l)", "\(f.prefix(1))\(l)", "\(f).\(l)\(10 + self.random.below(90))", "\(f)_\(l)",
            "\(f)\(l.prefix(1))\(self.random.below(1000))", "\(l)\(f.prefix(1))", "\(f)\(1950 + self.random.below(55))",
        ]
        var local = self.random.pick(patterns)
        var address = local + "@" + domain
        // Unique as a mailbox (Gmail ignores dots: john.smith and johnsmith are one person).
        while self.usedEmails.contains(EmailNormalizer.matchingKey(address) ?? address) {
            local += String(self.random.below(10))
            address = local + "@" + domain
        }
        self.usedEmails.insert(EmailNormalizer.matchingKey(address) ?? address)
        return address
    }

    private mutating func makePhone(metro: Vocabulary.Metro) -> String {
        while true {
            let number = self.random.pick(metro.areaCodes) + String(2 + self.random.below(8)) + String(format: "%02d", self.random.below(100))
                + String(format: "%04d", self.random.below(10_000))
            if number.count == 10, !self.usedPhones.contains(number) {
                self.usedPhones.insert(number)
                return number
            }
        }
    }

    // MARK: Builder-wide shared values

    private func salesOfficePhone(builder: Int) -> String {
        let metro = Vocabulary.metros[builder % Vocabulary.metros.count]
        return metro.areaCodes[0] + "55" + String(format: "%01d", builder % 10) + "0100"
    }

    private func callTrackingPhone(builder: Int) -> String {
        let metro = Vocabulary.metros[builder % Vocabulary.metros.count]
        return metro.areaCodes[0] + "55" + String(format: "%01d", builder % 10) + "0199"
    }

    private func realtor(builder: Int, _ n: Int) -> (email: String, phone: String) {
        let metro = Vocabulary.metros[builder % Vocabulary.metros.count]
        return ("agent\(n)@realty\(builder).com", metro.areaCodes[0] + "6" + String(format: "%02d", n + 20) + String(format: "%04d", 1000 + builder * 13))
    }

    // MARK: Records

    private mutating func makeRecord(_ person: Person) -> GeneratedRecord {
        let metro = Vocabulary.metros[person.metro]
        var tags: NoiseTags = []
        let marketplaceIndex: Int? = self.random.chance(0.25) ? self.random.below(Vocabulary.marketplaces.count) : nil
        let marketplace = marketplaceIndex.map { Vocabulary.marketplaces[$0] }

        // Name.
        let given = Vocabulary.givenNames[person.given]
        var first: String? = given.0
        if !given.1.isEmpty, self.random.chance(0.18) {
            first = self.random.pick(given.1)
            tags.insert(.nickname)
        }
        var last: String? = person.last
        if self.random.chance(0.07) { last = self.typo(last!); tags.insert(.typo) }
        if self.random.chance(0.04) { first = self.typo(first!); tags.insert(.typo) }
        let caseRoll = self.random.unit()
        if caseRoll < 0.1 { first = first?.uppercased(); last = last?.uppercased() } else if caseRoll < 0.2 { first = first?.lowercased(); last = last?.lowercased() }
        if self.random.chance(0.03) { swap(&first, &last); tags.insert(.swapped) }
        let missing = self.random.unit()
        if missing < 0.03 { first = nil; tags.insert(.missingName) } else if missing < 0.08 { last = nil; tags.insert(.missingName) }
        let suffix = person.suffix != nil && self.random.chance(person.suffixWritten) ? person.suffix : nil

        var record = GeneratedRecord(builder: person.builder, identity: person.identity, family: person.family, kind: person.kind, tags: [],
                                     firstName: first, lastName: last, suffix: suffix)

        // Email.
        let emailRoll = self.random.unit()
        let realtor = self.random.chance(0.015)
        if realtor {
            let agent = self.realtor(builder: person.builder, self.random.below(12))
            record.email = agent.email
            record.phone = self.formatPhone(agent.phone)
            tags.insert(.realtor)
        } else if let marketplace, self.random.chance(0.6) {
            record.email = self.randomHandle() + "@" + marketplace.relayDomain
            record.emailRelay = true
            tags.insert(.relayEmail)
        } else if emailRoll < 0.015 {
            record.email = Vocabulary.portalNoReply
            tags.insert(.noReply)
        } else if emailRoll < 0.195 {
            record.email = nil
        } else {
            var email = person.emails[0]
            if person.emails.count > 1, self.random.chance(0.4) { email = person.emails[1]; tags.insert(.secondContact) }
            let varied = self.vary(email: email)
            if varied != email { tags.insert(.gmailVariant) }
            record.email = varied
        }

        // Phone.
        if !realtor {
            let phoneRoll = self.random.unit()
            if let marketplaceIndex, self.random.chance(0.3) {
                let pool = marketplaceIndex * 20 + self.random.below(15)
                record.phone = self.formatPhone("800555" + String(format: "%04d", 2000 + pool))
                record.phoneRelay = true
                tags.insert(.relayPhone)
            } else if phoneRoll < 0.015 {
                record.phone = self.formatPhone(self.salesOfficePhone(builder: person.builder))
                tags.insert(.salesPhone)
            } else if phoneRoll < 0.02 {
                record.phone = self.formatPhone(self.callTrackingPhone(builder: person.builder))
                tags.insert(.salesPhone)
            } else if phoneRoll < 0.24 {
                record.phone = nil
            } else {
                var phone = person.phones[0]
                if person.phones.count > 1, self.random.chance(0.4) { phone = person.phones[1]; tags.insert(.secondContact) }
                record.phone = self.formatPhone(phone)
            }
        }

        // Address.
        let address = person.address
        let city = metro.cities[address.city]
        if !self.random.chance(0.45) { record.street = self.formatStreet(address) }
        if !self.random.chance(0.10) { record.city = self.random.chance(0.1) ? city.name.uppercased() : city.name }
        if !self.random.chance(0.12) { record.postalCode = self.random.chance(0.1) ? address.zip + "-" + String(1000 + self.random.below(9000)) : address.zip }
        if !self.random.chance(0.2) { record.state = self.random.chance(0.2) ? Self.stateName(metro.state) : metro.state }
        record.tags = tags
        return record
    }

    private static func stateName(_ code: String) -> String {
        ["TX": "Texas", "CO": "Colorado", "NC": "North Carolina", "AZ": "Arizona", "TN": "Tennessee", "ID": "Idaho",
         "FL": "Florida", "GA": "Georgia"][code] ?? code
    }

    private mutating func randomHandle() -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        return String((0..<10).map { _ in letters[self.random.below(letters.count)] })
    }

    /// One keyboard-plausible edit: substitution, deletion, transposition or a doubled letter.
    private mutating func typo(_ word: String) -> String {
        var chars = Array(word)
        guard chars.count >= 3 else { return word }
        let i = 1 + self.random.below(chars.count - 1)
        switch self.random.below(4) {
        case 0:
            let vowels = Array("aeiou")
            chars[i] = chars[i].isUppercase ? Character(self.random.pick(vowels).uppercased()) : self.random.pick(vowels)
        case 1: chars.remove(at: i)
        case 2: if i < chars.count - 1 { chars.swapAt(i, i + 1) } else { chars.swapAt(i - 1, i) }
        default: chars.insert(chars[i], at: i)
        }
        return String(chars)
    }

    private mutating func vary(email: String) -> String {
        var (local, domain) = { let p = email.split(separator: "@"); return (String(p[0]), String(p[1])) }()
        if domain == "gmail.com" {
            if self.random.chance(0.25) {
                let bare = Array(local.filter { $0 != "." })
                var out = ""
                for (index, ch) in bare.enumerated() {
                    out.append(ch)
                    if index > 0, index < bare.count - 1, self.random.chance(0.2) { out.append(".") }
                }
                local = out
            }
            if self.random.chance(0.03) { domain = "googlemail.com" }
        }
        if self.random.chance(0.12) { local += "+" + self.random.pick(["zillow", "houzz", "homes", "leads", "build"]) }
        var result = local + "@" + domain
        if self.random.chance(0.08) { result = result.uppercased() }
        return result
    }

    private mutating func formatPhone(_ d: String) -> String {
        let a = d.prefix(3), b = d.dropFirst(3).prefix(3), c = d.suffix(4)
        var text: String
        switch self.random.below(7) {
        case 0: text = "(\(a)) \(b)-\(c)"
        case 1: text = "\(a)-\(b)-\(c)"
        case 2: text = "\(a).\(b).\(c)"
        case 3: text = "+1 \(a) \(b) \(c)"
        case 4: text = "1-\(a)-\(b)-\(c)"
        case 5: text = String(d)
        default: text = "+1\(d)"
        }
        if self.random.chance(0.03) { text += " x" + String(10 + self.random.below(900)) }
        return text
    }

    private mutating func formatStreet(_ address: Address) -> String {
        var words = [String(address.number)]
        if let directional = address.directional {
            let d = Vocabulary.directionals[directional]
            words.append(self.random.chance(0.5) ? d.0 : d.1)
        }
        words.append(address.name)
        let suffix = Vocabulary.streetSuffixes[address.suffix]
        words.append(self.random.chance(0.5) ? suffix.0 : (self.random.chance(0.3) ? suffix.1 + "." : suffix.1))
        if let unit = address.unit {
            words.append(self.random.pick(["Apt \(unit)", "#\(unit)", "Unit \(unit)", "Apartment \(unit)"]))
        }
        let text = words.joined(separator: " ")
        return self.random.chance(0.1) ? text.lowercased() : text
    }
}
