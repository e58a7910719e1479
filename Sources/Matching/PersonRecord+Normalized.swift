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
        }

        /// ZIP3, or nil.
        var zip3: String? { self.zip5.map { String($0.prefix(3)) } }
        var hasName: Bool { !self.first.isEmpty || !self.last.isEmpty }
    }
}
