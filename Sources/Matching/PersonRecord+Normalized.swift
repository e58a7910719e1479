import LeadModel

extension PersonRecord {
    /// The comparable forms of a record's values, computed once per record.
    struct Normalized: Sendable {
        /// Matching keys of the non-relay addresses (primary first).
        var emailKeys: [String] = []
        /// E.164 of the non-relay numbers (primary first), extensions dropped.
        var phoneKeys: [String] = []
        /// Folded given name (`"bob"`), empty when unknown.
        var first: String = ""
        /// Folded family name (`"vanderberg"`), empty when unknown.
        var last: String = ""
        var firstBytes: [UInt8] = []
        var lastBytes: [UInt8] = []
        /// ``NicknameTable/formalNames(for:)`` of the given name.
        var firstFormalNames: [String] = []
        /// ``NicknameTable/variants(of:)`` of the given name other than itself (formal names and
        /// their nicknames), as bytes; empty for a name not in the table.
        var firstVariants: [[UInt8]] = []
        /// Generational suffix key (`jr`, `sr`, `ii`, ...), nil when none was written.
        var suffix: String?
        var zip5: String?
        /// Folded city (`"roundrock"`).
        var city: String?
        var state: String?
        /// House number as written, uppercased (`"1420"`, `"1420B"`).
        var streetNumber: String?
        /// USPS street name without number and unit (`"OAK HOLLOW DR"`).
        var streetName: String?
        /// Unit (`"4"` of `"# 4"`).
        var unit: String?
        /// For a record without a given name: the given names its email addresses spell out
        /// around the family name (`james.lewis82@…` of `- Lewis` → `james`; `nelsond@…` of
        /// `- Nelson` → the initial `d`), each with the address's matching key. Empty otherwise.
        var emailGivenNames: [(emailKey: String, given: Normalized)] = []

        init() {}

        init(_ record: PersonRecord) {
            if let email = record.email, !record.isEmailRelay, let key = EmailNormalizer.matchingKey(email) {
                self.emailKeys.append(key)
            }
            for email in record.alternateEmails {
                if let key = EmailNormalizer.matchingKey(email), !self.emailKeys.contains(key) { self.emailKeys.append(key) }
            }
            if let phone = record.phone, !record.isPhoneRelay, let number = PhoneNormalizer.normalize(phone) {
                self.phoneKeys.append(number.e164)
            }
            for phone in record.alternatePhones {
                if let number = PhoneNormalizer.normalize(phone), !self.phoneKeys.contains(number.e164) { self.phoneKeys.append(number.e164) }
            }
            var firstName = record.firstName
            var lastName = record.lastName
            // A whole name in the first-name field ("John Smith", last empty).
            if lastName == nil, let whole = firstName {
                let words = whole.split(separator: " ")
                if words.count >= 2 {
                    firstName = String(words[0])
                    lastName = words.dropFirst().joined(separator: " ")
                }
            }
            self.first = firstName.map(NameFolding.letters) ?? ""
            self.last = lastName.map(NameFolding.letters) ?? ""
            self.firstBytes = Array(self.first.utf8)
            self.lastBytes = Array(self.last.utf8)
            self.firstFormalNames = self.first.isEmpty ? [] : NicknameTable.formalNames(for: self.first)
            self.firstVariants = self.first.isEmpty ? [] : NicknameTable.variants(of: self.first).filter { $0 != self.first }.map { Array($0.utf8) }
            self.suffix = record.suffix.flatMap { PersonRecord.generationalSuffixes[$0.lowercased().filter { $0 != "." && $0 != " " }] }
            self.zip5 = record.postalCode.flatMap(PostalCodeNormalizer.zip5)
            self.city = record.city.map(NameFolding.letters).flatMap { $0.isEmpty ? nil : $0 }
            self.state = record.state.flatMap { USStates.code(for: $0) ?? $0.uppercased() }
            if let street = record.street, let key = USAddressKey.street(street) {
                var words = key.split(separator: " ").map(String.init)
                if let hash = words.firstIndex(of: "#") {
                    let unitWords = words[(hash + 1)...]
                    self.unit = unitWords.isEmpty ? nil : unitWords.joined(separator: " ")
                    words.removeSubrange(hash...)
                }
                if let first = words.first, first.first?.isNumber == true, words.count >= 2 {
                    self.streetNumber = first
                    self.streetName = words.dropFirst().joined(separator: " ")
                } else if !words.isEmpty {
                    self.streetName = words.joined(separator: " ")
                }
            }
            if self.first.isEmpty, self.last.utf8.count >= 3 {
                for key in self.emailKeys {
                    if let given = Self.givenName(inEmailKey: key, familyName: self.last) {
                        self.emailGivenNames.append((key, Self.givenOnly(given)))
                    }
                }
            }
        }

        /// Words that stand beside a family name in an address but are not given names
        /// (`smithfamily@`, `thesmiths@`).
        static let nonNames: Set<String> = ["family", "fam", "home", "homes", "house", "team", "the", "and",
                                            "mrs", "realty", "info", "contact", "mail", "email", "office", "jr", "sr"]

        /// The given name (or initial) an email's local part spells out around `familyName`:
        /// `jameslewis`, `james.lewis82`, `james_lewis`, `jlewis`, `lewisj` (digits, dots and
        /// underscores ignored). Nil when the family name is not at either end, or what is left
        /// is two letters, longer than 12, or a word like `family`.
        static func givenName(inEmailKey key: String, familyName: String) -> String? {
            guard let at = key.firstIndex(of: "@") else { return nil }
            let letters = NameFolding.letters(String(key[..<at]))
            guard letters.utf8.count > familyName.utf8.count else { return nil }
            let rest: Substring
            if letters.hasSuffix(familyName) {
                rest = letters.dropLast(familyName.count)
            } else if letters.hasPrefix(familyName) {
                rest = letters.dropFirst(familyName.count)
            } else {
                return nil
            }
            let count = rest.utf8.count
            guard count == 1 || (3...12).contains(count), !nonNames.contains(String(rest)) else { return nil }
            return String(rest)
        }

        /// A record's comparable given-name fields for `name` only (to compare an
        /// email-derived given name with ``NameComparison/compareGiven(_:_:)``).
        static func givenOnly(_ name: String) -> Normalized {
            var n = Normalized()
            n.first = name
            n.firstBytes = Array(name.utf8)
            n.firstFormalNames = NicknameTable.formalNames(for: name)
            n.firstVariants = NicknameTable.variants(of: name).filter { $0 != name }.map { Array($0.utf8) }
            return n
        }

        /// ZIP3, or nil.
        var zip3: String? { self.zip5.map { String($0.prefix(3)) } }
        var hasName: Bool { !self.first.isEmpty || !self.last.isEmpty }
    }
}
