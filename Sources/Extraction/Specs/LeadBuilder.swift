import Foundation
import LeadModel
import MIME

/// A lead under construction: writes normalised values with their provenance, keeps
/// relay addresses and proxied phones out of `email` and `phone`.
struct LeadBuilder {
    /// Longest `message` kept, in characters.
    static let maximumMessageLength = 10_000

    var lead: ExtractedLead
    /// Email domains whose addresses are marketplace relays.
    var relayDomains: [String] {
        didSet { relayDomainsAreASCII = Self.allASCII(relayDomains) }
    }
    /// Whether every relay domain is ASCII: ``isRelay(_:)`` then compares bytes (a non-ASCII
    /// domain may equal ASCII text as Characters while its bytes differ).
    private var relayDomainsAreASCII: Bool
    /// Phones of the detected source are call-tracking numbers.
    var phonesAreProxied = false
    /// The builder's side of the conversation, lowercase: the mailboxes the inquiry was sent
    /// to and the forwarder's. Never the prospect's email, whichever rule reads one (a form
    /// whose Reply-To is the builder's own mailbox, the recipient named in a notice's text).
    var builderAddresses = BuilderMailboxes()
    /// Whether a rule already settled the phone without a lead value (a proxied phone: the
    /// only field settled so, hence a flag rather than a set of fields).
    private var phoneIsSettled = false

    init(lead: ExtractedLead, relayDomains: [String]) {
        self.lead = lead
        self.relayDomains = relayDomains
        self.relayDomainsAreASCII = Self.allASCII(relayDomains)
        // Room for a lead's provenance entries up front: the table is not regrown field by field.
        self.lead.fields.reserveCapacity(24)
    }

    /// Whether the field already has a value (rules for it are then skipped).
    func has(_ field: LeadField) -> Bool {
        switch field {
        case .sourceLeadId: return lead.sourceLeadId != nil
        case .name: return lead.firstName != nil || lead.lastName != nil
        case .firstName: return lead.firstName != nil
        case .lastName: return lead.lastName != nil
        case .email: return lead.email != nil
        case .phone: return phoneIsSettled || lead.phone != nil
        case .phoneExtension: return lead.phoneExtension != nil
        case .street: return lead.address?.street != nil
        case .city: return lead.address?.city != nil
        case .state: return lead.address?.state != nil
        case .postalCode: return lead.address?.postalCode != nil
        case .address: return !(lead.address?.isEmpty ?? true)
        case .projectType: return lead.projectType != nil
        case .budget: return lead.budgetLow != nil || lead.budgetHigh != nil
        case .budgetLow: return lead.budgetLow != nil
        case .budgetHigh: return lead.budgetHigh != nil
        case .timeline: return lead.timeline != nil
        case .lotStatus: return lead.lotStatus != nil
        case .financing: return lead.financing != nil
        case .message: return lead.message != nil
        case .subject: return lead.subject != nil
        }
    }

    /// Whether `address` is at a relay domain.
    func isRelay(_ address: String) -> Bool {
        guard !relayDomains.isEmpty else { return false }
        // An ASCII address: its domain is the bytes after the last "@", lowercased
        // (``domainOf(_:)``), compared from a stack copy.
        var copy = address
        if let relay = copy.withUTF8({ bytes -> Bool? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            guard let at = bytes.lastIndex(of: UInt8(ascii: "@")), at + 1 < bytes.count else { return false }
            if relayDomainsAreASCII {
                // ASCII suffixes: compared with the domain's bytes folded as they are read.
                let domainBytes = UnsafeBufferPointer(rebasing: bytes[(at + 1)...])
                return relayDomains.contains { Self.isASCIIDomain(folding: domainBytes, within: $0) }
            }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count - at) { lower in
                for index in (at + 1)..<bytes.count {
                    let byte = bytes[index]
                    lower[index - at - 1] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                }
                let domainBytes = UnsafeBufferPointer(rebasing: lower[0..<(bytes.count - at - 1)])
                return relayDomains.contains { Self.isDomain(domainBytes, within: $0) { String(decoding: domainBytes, as: UTF8.self) } }
            }
        }) {
            return relay
        }
        guard let addressDomain = domainOf(address) else { return false }
        var domainCopy = addressDomain
        return domainCopy.withUTF8 { domainBytes in
            relayDomains.contains { Self.isDomain(domainBytes, within: $0) { addressDomain } }
        }
    }

    /// Whether `address` is one of ``builderAddresses`` (compared without case).
    func isBuilderAddress(_ address: String) -> Bool {
        builderAddresses.contains(address)
    }

    /// Whether every string is ASCII (see ``SpecPattern/isASCII(_:)``: known without reading
    /// the bytes of a native string, and the relay domains are set for every message).
    private static func allASCII(_ strings: [String]) -> Bool {
        strings.allSatisfy(SpecPattern.isASCII)
    }

    /// ``isDomain(_:within:_:)`` for an ASCII suffix and the domain whose lowercase is
    /// `domainBytes` with A-Z folded (a "." byte stays one), without making that lowercase
    /// copy: the lengths decide most suffixes, the bytes the rest.
    @inline(__always)
    private static func isASCIIDomain(folding domainBytes: UnsafeBufferPointer<UInt8>, within suffix: String) -> Bool {
        let length = suffix.utf8.count
        let extra = domainBytes.count - length
        guard extra == 0 || (extra > 0 && domainBytes[extra - 1] == UInt8(ascii: ".")) else { return false }
        @inline(__always) func folded(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        return suffix.utf8.withContiguousStorageIfAvailable { suffixBytes in
            for offset in 0..<length where folded(domainBytes[extra + offset]) != suffixBytes[offset] { return false }
            return true
        } ?? UnsafeBufferPointer(rebasing: domainBytes[extra...]).lazy.map(folded).elementsEqual(suffix.utf8)
    }

    /// `domain(_:isWithin:)` of the domain whose bytes are `domainBytes`: for ASCII domain
    /// and suffix a byte comparison (a "." byte is a "." Character there, so
    /// `hasSuffix("." + suffix)` compares bytes); otherwise asked of the domain as text.
    private static func isDomain(
        _ domainBytes: UnsafeBufferPointer<UInt8>, within suffix: String, _ addressDomain: () -> String
    ) -> Bool {
        var copy = suffix
        return copy.withUTF8 { suffixBytes in
            guard !domainBytes.contains(where: { $0 >= 0x80 }), !suffixBytes.contains(where: { $0 >= 0x80 }) else {
                return domain(addressDomain(), isWithin: suffix)
            }
            let extra = domainBytes.count - suffixBytes.count
            guard extra == 0 || (extra > 0 && domainBytes[extra - 1] == UInt8(ascii: ".")) else { return false }
            return UnsafeBufferPointer(rebasing: domainBytes[extra...]).elementsEqual(suffixBytes)
        }
    }

    /// Normalises `raw` for `field` and writes what is still empty.
    ///
    /// - Returns: Whether the field is now settled (the rule chain for it stops).
    @discardableResult
    mutating func set(_ field: LeadField, raw: String, hint: NormalizeHint?, provenance: FieldProvenance) -> Bool {
        let hint = hint ?? field.defaultHint
        switch field {
        case .name:
            let raw = Self.withoutFormatCharacters(raw)
            let (first, last) = hint == .name ? ValueNormalizer.personName(raw)
                : ValueNormalizer.personName(ValueNormalizer.text(raw, hint: hint) ?? "")
            guard first != nil || last != nil else { return false }
            if lead.firstName == nil, let first { lead.firstName = first; lead.fields["first_name"] = provenance }
            if lead.lastName == nil, let last { lead.lastName = last; lead.fields["last_name"] = provenance }
            return true
        case .email:
            guard let email = ValueNormalizer.text(raw, hint: hint) else { return false }
            if isRelay(email) {
                addChannel(ContactChannel(kind: .email, value: email, isRelay: true))
                return false
            }
            // (Not the prospect's: the chain goes on to the next rule.)
            if NoReplyAddress.isNoReply(email) || isBuilderAddress(email) { return false }
            lead.email = email
            lead.fields["email"] = provenance
            return true
        case .phone:
            guard hint == .phone else { return writeText(field, raw, hint, provenance) }
            guard let (number, phoneExtension) = ValueNormalizer.phone(raw) else { return false }
            if phonesAreProxied {
                addChannel(ContactChannel(kind: .phone, value: number, isRelay: true))
                phoneIsSettled = true
                return true
            }
            lead.phone = number
            lead.fields["phone"] = provenance
            if let phoneExtension, lead.phoneExtension == nil {
                lead.phoneExtension = phoneExtension
                lead.fields["phone_extension"] = provenance
            }
            // ("Phone: 512-555-0147 or 512-555-0148": the second number is a channel too.)
            if raw.utf8.count >= 20, raw.utf8.count <= 200, Self.hasTwentyDigits(raw) {
                for other in PhoneFinder.scanner.phones(in: raw).dropFirst().prefix(3) where other.number != number {
                    addChannel(ContactChannel(kind: .phone, value: other.number))
                }
            }
            return true
        case .phoneExtension:
            let digits = raw.filter(\.isNumber)
            guard !digits.isEmpty, digits.count <= 7 else { return false }
            lead.phoneExtension = String(digits)
            lead.fields["phone_extension"] = provenance
            return true
        case .street, .city, .state, .postalCode:
            guard let value = ValueNormalizer.text(raw, hint: hint) else { return false }
            var address = lead.address ?? PostalAddress()
            switch field {
            case .street: address.street = value
            case .city: address.city = value
            case .state: address.state = value
            default: address.postalCode = value
            }
            lead.address = address
            lead.fields[field.rawValue] = provenance
            return true
        case .address:
            let parsed = hint == .address ? ValueNormalizer.address(raw)
                : ValueNormalizer.trimmed(raw).map { PostalAddress(street: ValueNormalizer.text($0, hint: hint)) }
            guard let parsed, !parsed.isEmpty else { return false }
            var address = lead.address ?? PostalAddress()
            // Each part the lead lacks and the parse has, in this order (street, city,
            // state, postal code): written directly, without key paths.
            if Self.fill(&address.street, parsed.street) { lead.fields["street"] = provenance }
            if Self.fill(&address.city, parsed.city) { lead.fields["city"] = provenance }
            if Self.fill(&address.state, parsed.state) { lead.fields["state"] = provenance }
            if Self.fill(&address.postalCode, parsed.postalCode) { lead.fields["postal_code"] = provenance }
            lead.address = address
            return true
        case .budget, .budgetLow, .budgetHigh:
            let range: (low: Int?, high: Int?)?
            if hint == .budget {
                range = ValueNormalizer.budget(raw)
            } else {
                // "650000", "$650,000.00": whole dollars.
                let digits = raw.split(separator: ".").first.map { $0.filter(\.isNumber) } ?? ""
                range = Int(digits).map { ($0, $0) }
            }
            guard let range else { return false }
            var wrote = false
            if field != .budgetHigh, lead.budgetLow == nil, let low = field == .budgetLow ? (range.low ?? range.high) : range.low {
                lead.budgetLow = low
                lead.fields["budget_low"] = provenance
                wrote = true
            }
            if field != .budgetLow, lead.budgetHigh == nil, let high = field == .budgetHigh ? (range.high ?? range.low) : range.high {
                lead.budgetHigh = high
                lead.fields["budget_high"] = provenance
                wrote = true
            }
            return wrote
        case .sourceLeadId, .firstName, .lastName, .projectType, .timeline, .lotStatus, .financing, .subject:
            return writeText(field, raw, hint, provenance)
        case .message:
            guard let text = ValueNormalizer.trimmed(raw) else { return false }
            let value = hint == .lowercase ? text.lowercased() : text
            // A text of at most that many bytes has at most that many characters: kept whole.
            let kept = value.utf8.count <= Self.maximumMessageLength ? value : String(value.prefix(Self.maximumMessageLength))
            lead.message = kept
            lead.fields["message"] = provenance
            return true
        }
    }

    /// `text` without invisible format characters (zero-width spaces and joiners, bidi
    /// marks and overrides, U+FEFF): a name written "\u{202E}yeltihW" shows reversed, one with
    /// a byte-order mark does not match the same name elsewhere. ASCII text has none.
    static func withoutFormatCharacters(_ text: String) -> String {
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
        func isFormat(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF: return true
            default: return false
            }
        }
        guard text.unicodeScalars.contains(where: isFormat) else { return text }
        var kept = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !isFormat(scalar) { kept.append(scalar) }
        return String(kept)
    }

    /// Adds a way to reach the prospect (once).
    mutating func addChannel(_ channel: ContactChannel) {
        if !lead.contactChannels.contains(channel) { lead.contactChannels.append(channel) }
    }

    /// Whether `text` has at least 20 ASCII digits (room for two NANP numbers).
    private static func hasTwentyDigits(_ text: String) -> Bool {
        var digits = 0
        for byte in text.utf8 where byte &- 0x30 < 10 {
            digits += 1
            if digits == 20 { return true }
        }
        return false
    }

    /// Adds the lead's own email and phone as (non-relay) channels, after the relays.
    mutating func finishChannels() {
        var channels: [ContactChannel] = []
        // One allocation for all of them, not one per growth step.
        channels.reserveCapacity(2 + lead.contactChannels.count)
        if let email = lead.email { channels.append(ContactChannel(kind: .email, value: email)) }
        if let phone = lead.phone { channels.append(ContactChannel(kind: .phone, value: phone)) }
        for channel in lead.contactChannels where !channels.contains(channel) { channels.append(channel) }
        lead.contactChannels = channels
    }

    /// Sets an empty address part to `value`; whether it did.
    private static func fill(_ part: inout String?, _ value: String?) -> Bool {
        guard part == nil, let value else { return false }
        part = value
        return true
    }

    /// Writes the normalised text value of a field held as one `String?` on the lead.
    /// (A switch on the field, not a key path: key path access goes through the runtime.)
    private mutating func writeText(
        _ field: LeadField, _ raw: String, _ hint: NormalizeHint, _ provenance: FieldProvenance
    ) -> Bool {
        guard let value = ValueNormalizer.text(raw, hint: hint) else { return false }
        switch field {
        case .sourceLeadId: lead.sourceLeadId = value
        case .firstName: lead.firstName = value
        case .lastName: lead.lastName = value
        case .phone: lead.phone = value
        case .projectType: lead.projectType = value
        case .timeline: lead.timeline = value
        case .lotStatus: lead.lotStatus = value
        case .financing: lead.financing = value
        case .subject: lead.subject = value
        default:
            // (Only the callers above reach here, with these fields.)
            assertionFailure("\(field) is not a single text field")
            return false
        }
        lead.fields[field.rawValue] = provenance
        return true
    }
}

/// The builder's side of a message: the mailboxes it was sent to (and, for a forward, the
/// forwarder's and the original's recipients), never the prospect's email. Held as the
/// message's own mailbox lists and compared without case when an email is set: most
/// messages set one email, so no lowercase copy or set of every recipient is made.
struct BuilderMailboxes {
    private var lists: [[Mailbox]] = []
    /// The inquiry's own sender, lowercase: never the builder's (a person may copy themselves).
    private var sender = ""
    /// The builder's configured mailboxes and intake addresses.
    private var identity = BuilderIdentity()

    init() {}

    /// The mailboxes of `lists`, except `sender` (lowercase), and every address of `identity`.
    init(_ lists: [[Mailbox]], except sender: String, identity: BuilderIdentity = BuilderIdentity()) {
        self.lists = lists
        self.sender = sender
        self.identity = identity
    }

    /// Whether `address` is one of them (A-Z folded for ASCII; lowercased otherwise).
    func contains(_ address: String) -> Bool {
        if !identity.isEmpty, identity.isBuilders(address) { return true }
        guard !lists.isEmpty, !Self.equal(address, sender) else { return false }
        return lists.contains { $0.contains { Self.equal($0.address, address) } }
    }

    private static func equal(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        var x = a
        var y = b
        let ascii: Bool? = x.withUTF8 { xb in
            y.withUTF8 { yb in
                for index in 0..<xb.count {
                    let p = xb[index], q = yb[index]
                    if p >= 0x80 || q >= 0x80 { return nil }
                    if (p >= 0x41 && p <= 0x5A ? p | 0x20 : p) != (q >= 0x41 && q <= 0x5A ? q | 0x20 : q) { return false }
                }
                return true
            }
        }
        return ascii ?? (a.lowercased() == b.lowercased())
    }
}
