public import Foundation
public import LeadModel

/// One person as the matcher sees them: an incoming lead, an existing lead of the same
/// builder (a candidate), or a row of a bulk import.
///
/// The stored properties are the values as given; the comparable forms (email matching
/// keys, E.164 numbers, folded names, ZIP5, USPS street key) are computed once, in the
/// initialiser, through LeadModel's normalisers, so that scoring a candidate does no parsing.
///
/// Relay values (a marketplace's masked address, a proxied or call-tracking number) are kept
/// with ``isEmailRelay`` / ``isPhoneRelay`` set: they make no blocking key and never count as
/// evidence for or against a match.
public struct PersonRecord: Sendable, Hashable, Identifiable {
    /// The lead's id (for an incoming lead not yet written: the id it will get).
    public let id: UUID
    /// The builder (tenant) the lead belongs to. Records of two builders are never compared.
    public let builderID: UUID
    public let firstName: String?
    public let lastName: String?
    /// `Jr.`, `Sr.`, `II`, `III` ... When nil and the last name ends with a generational
    /// suffix (`"Hale Jr."`), it is split off the last name.
    public let suffix: String?
    public let email: String?
    public let phone: String?
    public let street: String?
    public let city: String?
    public let state: String?
    public let postalCode: String?
    /// ``email`` is a marketplace relay: never evidence.
    public let isEmailRelay: Bool
    /// ``phone`` is a proxied or call-tracking number: never evidence.
    public let isPhoneRelay: Bool
    /// Further non-relay addresses known for this lead (an existing lead that absorbed
    /// inquiries written from another address). Each makes a key and counts as evidence.
    public let alternateEmails: [String]
    /// Further non-relay numbers known for this lead.
    public let alternatePhones: [String]

    /// Comparable forms, computed once.
    private(set) var normalized: Normalized

    /// Creates a record from values as they come (an import row, stored lead columns). Every
    /// value is normalised here; an unparseable email or phone simply makes no key.
    public init(
        id: UUID, builderID: UUID,
        firstName: String? = nil, lastName: String? = nil, suffix: String? = nil,
        email: String? = nil, phone: String? = nil,
        street: String? = nil, city: String? = nil, state: String? = nil, postalCode: String? = nil,
        isEmailRelay: Bool = false, isPhoneRelay: Bool = false,
        alternateEmails: [String] = [], alternatePhones: [String] = []
    ) {
        self.id = id
        self.builderID = builderID
        let split = Self.splittingSuffix(lastName: lastName, suffix: suffix)
        self.firstName = firstName.flatMap(Self.nonEmpty)
        self.lastName = split.last
        self.suffix = split.suffix
        self.email = email.flatMap(Self.nonEmpty)
        self.phone = phone.flatMap(Self.nonEmpty)
        self.street = street.flatMap(Self.nonEmpty)
        self.city = city.flatMap(Self.nonEmpty)
        self.state = state.flatMap(Self.nonEmpty)
        self.postalCode = postalCode.flatMap(Self.nonEmpty)
        self.isEmailRelay = isEmailRelay
        self.isPhoneRelay = isPhoneRelay
        self.alternateEmails = alternateEmails
        self.alternatePhones = alternatePhones
        self.normalized = Normalized()
        self.normalized = Normalized(self)
    }

    /// Creates a record from an extracted lead.
    ///
    /// `email` and `phone` are the lead's own (``ExtractedLead`` keeps relays out of them);
    /// when the lead has no own address or number but a relay channel, the relay is recorded
    /// (flagged). Other non-relay channels become ``alternateEmails`` / ``alternatePhones``.
    ///
    /// - Parameters:
    ///   - lead: The extracted lead.
    ///   - id: The lead's id.
    ///   - builderID: Its builder.
    ///   - suffix: A generational suffix when the caller has it (``ExtractedLead`` has no
    ///     suffix field; `PersonNameNormalizer.parse` gives one).
    public init(lead: ExtractedLead, id: UUID, builderID: UUID, suffix: String? = nil) {
        let emails = lead.contactChannels.filter { $0.kind == .email }
        let phones = lead.contactChannels.filter { $0.kind == .phone }
        var email = lead.email
        var emailRelay = false
        if email == nil, let relay = emails.first(where: \.isRelay) {
            email = relay.value
            emailRelay = true
        }
        var phone = lead.phone
        var phoneRelay = phone.map { value in phones.contains { $0.isRelay && $0.value == value } } ?? false
        if phone == nil, let relay = phones.first(where: \.isRelay) {
            phone = relay.value
            phoneRelay = true
        }
        let otherEmails = emails.filter { !$0.isRelay && $0.value != lead.email }.map(\.value)
        let otherPhones = phones.filter { !$0.isRelay && $0.value != lead.phone }.map(\.value)
        self.init(
            id: id, builderID: builderID,
            firstName: lead.firstName, lastName: lead.lastName, suffix: suffix,
            email: email, phone: phone,
            street: lead.address?.street, city: lead.address?.city, state: lead.address?.state,
            postalCode: lead.address?.postalCode,
            isEmailRelay: emailRelay, isPhoneRelay: phoneRelay,
            alternateEmails: otherEmails, alternatePhones: otherPhones
        )
    }

    /// This lead after absorbing `other` (an inquiry merged into it, or a lead merged into
    /// it), the way the storage layer keeps a survivor: empty fields filled from `other`,
    /// known ones kept; every non-relay email and phone of `other` kept as an alternate (a
    /// relay one replaced by a personal one). The id and builder stay this record's.
    public func absorbing(_ other: PersonRecord) -> PersonRecord {
        var emails = self.alternateEmails
        var phones = self.alternatePhones
        var email = self.email, emailRelay = self.isEmailRelay
        var phone = self.phone, phoneRelay = self.isPhoneRelay
        var otherEmails = other.alternateEmails
        if let e = other.email, !other.isEmailRelay { otherEmails.insert(e, at: 0) }
        for e in otherEmails {
            if email == nil || emailRelay { email = e; emailRelay = false } else if e != email, !emails.contains(e) { emails.append(e) }
        }
        var otherPhones = other.alternatePhones
        if let p = other.phone, !other.isPhoneRelay { otherPhones.insert(p, at: 0) }
        for p in otherPhones {
            if phone == nil || phoneRelay { phone = p; phoneRelay = false } else if p != phone, !phones.contains(p) { phones.append(p) }
        }
        return PersonRecord(
            id: self.id, builderID: self.builderID,
            firstName: self.firstName ?? other.firstName, lastName: self.lastName ?? other.lastName,
            suffix: self.suffix ?? other.suffix, email: email, phone: phone,
            street: self.street ?? other.street, city: self.city ?? other.city, state: self.state ?? other.state,
            postalCode: self.postalCode ?? other.postalCode, isEmailRelay: emailRelay, isPhoneRelay: phoneRelay,
            alternateEmails: emails, alternatePhones: phones
        )
    }

    public static func == (lhs: PersonRecord, rhs: PersonRecord) -> Bool {
        lhs.id == rhs.id && lhs.builderID == rhs.builderID && lhs.firstName == rhs.firstName
            && lhs.lastName == rhs.lastName && lhs.suffix == rhs.suffix && lhs.email == rhs.email
            && lhs.phone == rhs.phone && lhs.street == rhs.street && lhs.city == rhs.city
            && lhs.state == rhs.state && lhs.postalCode == rhs.postalCode
            && lhs.isEmailRelay == rhs.isEmailRelay && lhs.isPhoneRelay == rhs.isPhoneRelay
            && lhs.alternateEmails == rhs.alternateEmails && lhs.alternatePhones == rhs.alternatePhones
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(self.id)
        hasher.combine(self.builderID)
    }

    /// Generational suffixes (lowercase, dots removed) → key used for comparison.
    static let generationalSuffixes: [String: String] = [
        "jr": "jr", "junior": "jr", "sr": "sr", "senior": "sr",
        "i": "i", "ii": "ii", "2nd": "ii", "iii": "iii", "3rd": "iii", "iv": "iv", "4th": "iv", "v": "v",
    ]

    private static func nonEmpty(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    private static func splittingSuffix(lastName: String?, suffix: String?) -> (last: String?, suffix: String?) {
        guard let last = lastName.flatMap(nonEmpty) else { return (nil, suffix.flatMap(nonEmpty)) }
        if let suffix = suffix.flatMap(nonEmpty) { return (last, suffix) }
        var words = last.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        guard words.count >= 2, let tail = words.last,
              generationalSuffixes[tail.lowercased().filter { $0 != "." }] != nil, tail.lowercased() != "i" else {
            return (last, nil)
        }
        words.removeLast()
        return (words.joined(separator: " "), tail)
    }
}
