import Foundation
public import LeadModel
public import MIME

/// The direct-inquiry extractor: a homeowner writing in their own words. The prospect is
/// the sender (for a forward, the innermost original's sender, never the forwarder), the
/// phone the first US number in their text, the message the text itself.
///
/// ``LeadExtractor`` uses this path when no spec matches and the sender is a person; use
/// ``LeadExtractor`` for everything else.
public struct GenericExtractor: Sendable {
    /// Longest `message` kept, in characters.
    public static let maximumMessageLength = LeadBuilder.maximumMessageLength

    /// The `source` written on every lead this extractor produces.
    public static let sourceName = "direct_inquiry"


    /// The phone is looked for in the first 32 KiB of the prospect's text: people give it
    /// near the top, and a huge body then costs nothing more.
    static let phoneSearchBytes = 32 * 1024

    /// Creates the extractor.
    public init() {}

    /// A lead, or the reason the message is not one.
    public func extract(from message: MIMEMessage) -> ExtractionOutcome {
        if let reason = Self.autoSubmittedReason(message) {
            return .ignored(reason: reason)
        }
        let inquiry = Inquiry(message: message)
        var builder = LeadBuilder(
            lead: ExtractedLead(source: Self.sourceName, isForwarded: inquiry.isForwarded), relayDomains: [])
        Self.fillDirectInquiry(&builder, inquiry)
        if let subject = SubjectCleaner.clean(inquiry.subject) {
            builder.set(.subject, raw: subject, hint: .trim,
                        provenance: FieldProvenance(rule: "subject without prefixes", location: inquiry.subjectSource))
        }
        builder.finishChannels()
        if builder.lead.email == nil && builder.lead.phone == nil {
            return .ignored(reason: "no contact details: no sender address or phone number")
        }
        return .lead(builder.lead)
    }

    /// Sender name and address, the first phone in the prospect's text, and the text.
    static func fillDirectInquiry(_ builder: inout LeadBuilder, _ inquiry: Inquiry) {
        builder.lead.source = sourceName
        let body = ValueNormalizer.trimmingWhitespace(inquiry.body)
        if let written = inquiry.sender?.name {
            let displayName = withoutCompanyTail(written)
            if let surname = householdSurname(displayName) {
                fillHouseholdName(&builder, surname: surname, body: body, inquiry)
            } else if isNoPersonsName(displayName) {
                // A company's ("Acme Corp") or a phone number's (an SMS gateway's "+15125550198"):
                // no first and last name; the text's signature may give one.
            } else {
                builder.set(.name, raw: displayName, hint: .name,
                            provenance: FieldProvenance(rule: "sender display name", location: inquiry.nameSource))
            }
        }
        if let address = inquiry.sender?.address, Self.holdsAt(address) {
            builder.set(.email, raw: address, hint: .email,
                        provenance: FieldProvenance(rule: "sender address", location: inquiry.addressSource))
            if let (gateway, digits) = smsGatewaySender(address) {
                // Kept as the email too: a reply to it reaches the prospect's phone as a text.
                builder.set(.phone, raw: digits, hint: .phone,
                            provenance: FieldProvenance(rule: "SMS gateway sender (\(gateway)): the number is the address's local part",
                                                        location: inquiry.addressSource))
            }
        }

        // Line numbers refer to the trimmed text, i.e. to the `message` field.
        let searched = SpecPattern.bounded(body, maxBytes: phoneSearchBytes)
        let phoneText = inquiry.isForwarded ? searched : Inquiry.blankingQuotedLines(searched)
        // (Not a fax, nor a number the text calls the reader's: "I tried your office at ...".)
        if !builder.has(.phone), let phone = PhoneFinder.prospectPhone(in: phoneText) {
            if builder.phonesAreProxied {
                builder.addChannel(ContactChannel(kind: .phone, value: phone.number, isRelay: true))
            } else {
                // The provenance (and its location text) only for a phone that is kept.
                let rule = phone.cellListedAfter != nil ? "phone pattern\(phone.cellNote)"
                    : phone.isNANP ? "phone pattern" : "labelled phone, not NANP"
                let provenance = FieldProvenance(rule: rule, location: "\(inquiry.bodySource) line \(phone.line)")
                builder.lead.phone = phone.number
                builder.lead.fields["phone"] = provenance
                if let phoneExtension = phone.phoneExtension, !builder.has(.phoneExtension) {
                    builder.lead.phoneExtension = phoneExtension
                    builder.lead.fields["phone_extension"] = provenance
                }
            }
        }
        if !body.isEmpty {
            builder.set(.message, raw: body, hint: .trim,
                        provenance: FieldProvenance(rule: "prospect text", location: inquiry.messageSource))
        }
    }

    // MARK: - Names and numbers in the sender's mailbox

    /// `displayName` without a company written after the person's name: `Derek Lowe |
    /// Compass`, `Jane Doe - Doe Realty`, `Jane Doe – Doe Realty` give the text before the
    /// bar or the spaced dash (a hyphenated name, `Smith-Jones`, has no spaces around its
    /// dash). Unchanged when nothing is left before it.
    static func withoutCompanyTail(_ displayName: String) -> String {
        var copy = displayName
        let cut: Int? = copy.withUTF8 { bytes in
            // "|", or " - ", " – " (E2 80 93), " — " (E2 80 94).
            for index in bytes.indices {
                if bytes[index] == UInt8(ascii: "|") { return index }
                guard bytes[index] == 0x20, index > 0 else { continue }
                let rest = bytes[(index + 1)...]
                if rest.starts(with: [UInt8(ascii: "-"), 0x20]) || rest.starts(with: [0xE2, 0x80, 0x93, 0x20])
                    || rest.starts(with: [0xE2, 0x80, 0x94, 0x20]) {
                    return index
                }
            }
            return nil
        }
        guard let cut else { return displayName }
        let kept = ValueNormalizer.trimmingWhitespace(String(decoding: displayName.utf8.prefix(cut), as: UTF8.self))
        return kept.isEmpty ? displayName : kept
    }

    /// The surname of a household's display name: `The Hendersons`, `The Henderson's`, `The
    /// Okafor Family`, `Garcia family`, `Smith Household`, `Smith Family Trust` → `Henderson`,
    /// `Henderson`, `Okafor`, `Garcia`, `Smith`, `Smith`; `The Van Dykes` → `Van Dykes` (an
    /// `es` plural is unsure: ``singular(_:)``); nil for any other name. Such a name is no person's: "The" is no first name, and a plural
    /// ("the Hendersons") is the family, not its surname.
    static func householdSurname(_ displayName: String) -> String? {
        // Two to four words, the first "The" or the last "Family"/"Household"/"Trust": a
        // byte check first.
        var copy = displayName
        let mayBe = copy.withUTF8 { bytes in
            FoldedSearch.contains(bytes, "the ") || FoldedSearch.contains(bytes, " family") || FoldedSearch.contains(bytes, " household")
        }
        guard mayBe else { return nil }
        var words = displayName.split(whereSeparator: PersonNameSplitter.isWhitespace).map(String.init)
        guard (2...4).contains(words.count) else { return nil }
        let startsWithThe = words[0].lowercased() == "the"
        if startsWithThe { words.removeFirst() }
        var named = false
        if words.count >= 2, words[words.count - 1].lowercased() == "trust", words[words.count - 2].lowercased() == "family" {
            words.removeLast()
        }
        if words.count >= 2, ["family", "household"].contains(words[words.count - 1].lowercased()) {
            words.removeLast()
            named = true
        }
        guard startsWithThe || named else { return nil }
        // One surname, or a particle and a surname ("Van Dykes", "De La Cruz" is one too many).
        if words.count == 2, !surnameParticles.contains(words[0].lowercased()) { return nil }
        guard (1...2).contains(words.count), var surname = words.last, surname.first?.isLetter == true else { return nil }
        if surname.hasSuffix("'s") || surname.hasSuffix("’s") {
            surname.removeLast(2)
        } else if !named {
            surname = singular(surname)
        }
        guard surname.count >= 2 else { return nil }
        words[words.count - 1] = surname
        return words.joined(separator: " ")
    }

    /// Lowercase words that start a surname of two words.
    private static let surnameParticles: Set<String> = ["van", "von", "de", "del", "della", "la", "le", "da", "di", "du", "st.", "st", "mac", "o'"]

    /// A family's plural as its surname: `Hendersons` → `Henderson`, `Lynches` → `Lynch`.
    /// Unchanged when the plural is unsure: after `ss`, `us`, `is` (`Davis`), and an `es`
    /// after no hiss (`Jones`, `Hayes`: a surname's own ending as often as a plural's).
    static func singular(_ word: String) -> String {
        let lower = word.lowercased()
        guard lower.hasSuffix("s"), word.count >= 4, !lower.hasSuffix("ss"), !lower.hasSuffix("us"), !lower.hasSuffix("is") else { return word }
        if lower.hasSuffix("es") {
            let stem = lower.dropLast(2)
            let hisses = stem.hasSuffix("s") || stem.hasSuffix("x") || stem.hasSuffix("z") || stem.hasSuffix("ch") || stem.hasSuffix("sh")
            return hisses ? String(word.dropLast(2)) : word
        }
        return String(word.dropLast())
    }

    /// Last words of a company's display name, lowercase ("Acme Corp", "Hill Country LLC").
    private static let companyEndings: Set<String> = [
        "corp", "corp.", "corporation", "inc", "inc.", "llc", "llp", "pllc", "ltd", "ltd.", "co", "co.", "company", "group",
        "trust", "holdings", "partners", "associates", "properties", "enterprises", "industries",
    ]

    /// Words of an account's or a device's display name ("Home Office", "Ops Account",
    /// "iPhone"): a name of only these is no person's.
    private static let accountWords: Set<String> = [
        "office", "account", "accounts", "ops", "admin", "iphone", "ipad", "android", "mobile", "phone", "home", "work",
        "personal", "mail", "email", "info", "contact", "team", "main", "house", "desk", "user", "owner",
    ]

    /// ``accountWords`` looked up from a word's bytes in any ASCII case.
    private static let accountWordTable = ASCIIWordTable(accountWords.map { ($0, 1) })

    /// Whether every space-separated word of `bytes` is one of ``accountWords`` (in any case).
    private static func isAccountName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !bytes.isEmpty, bytes.count <= 40 else { return false }
        var start = 0
        var words = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x20 {
            if index > start {
                guard accountWordTable.value(foldingCaseOf: bytes, start..<index) != 0 else { return false }
                words += 1
            }
            start = index + 1
        }
        return words > 0
    }

    /// Whether a display name is a handle or initials, not a name: one word with a dot, an
    /// underscore or a digit (`jt.builds`, `rtaylor_77`), or two or three capitals (`RT`).
    private static func isHandleOrInitials(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !bytes.contains(0x20), !bytes.contains(where: { $0 >= 0x80 }) else { return false }
        if bytes.count >= 2, bytes.count <= 3, bytes.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) { return true }
        return bytes.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || ($0 >= 0x30 && $0 <= 0x39) }
            && bytes.contains { $0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A }
            && !(bytes.count <= 4 && bytes.last == UInt8(ascii: "."))
    }

    /// Whether a display name is no person's: a company's (its last word ``companyEndings``),
    /// an account's or device's (``accountWords``), a handle or initials
    /// (``isHandleOrInitials(_:)``), or one without a letter (an SMS gateway's `+15125550198`).
    static func isNoPersonsName(_ displayName: String) -> Bool {
        var copy = displayName
        return copy.withUTF8 { bytes in
            if isHandleOrInitials(bytes) || isAccountName(bytes) { return true }
            // (On the bytes: a byte of a non-ASCII Character counts as a letter.)
            guard bytes.contains(where: { $0 >= 0x80 || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) }) else { return true }
            var end = bytes.count
            while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            var start = end
            while start > 0, bytes[start - 1] != 0x20, bytes[start - 1] != 0x09 { start -= 1 }
            // A last word after another, no longer than the longest ending.
            guard start > 0, end - start <= 12 else { return false }
            return companyEndings.contains(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).lowercased())
        }
    }

    /// The name of a household's sender: a person named in the sign-off with the household's
    /// surname (`Jim and Carol Henderson` for `The Hendersons`: the first person named), else
    /// the surname alone as last name (never "The" as first name).
    private static func fillHouseholdName(_ builder: inout LeadBuilder, surname: String, body: String, _ inquiry: Inquiry) {
        if let found = SignatureNameFinder.householdMember(surname: surname, in: body) {
            let provenance = FieldProvenance(rule: "signature name with the household's surname",
                                             location: "\(inquiry.bodySource) line \(found.line)")
            builder.lead.firstName = found.value.first
            builder.lead.lastName = found.value.last
            builder.lead.fields["first_name"] = provenance
            builder.lead.fields["last_name"] = provenance
            return
        }
        // (A surname of two words, "Van Dyke", is read by the parser as a first and last name.)
        let parsed = PersonNameNormalizer.parse(surname)
        if let last = surname.contains(" ") ? surname : parsed?.last ?? parsed?.first {
            builder.lead.lastName = last
            builder.lead.fields["last_name"] = FieldProvenance(rule: "household display name", location: inquiry.nameSource)
        }
    }

    /// Carriers' email-to-SMS (and MMS) gateways: mail from `5125550107@mms.att.net` is a
    /// text message from the phone 512-555-0107.
    static let smsGatewayDomains: Set<String> = [
        "mms.att.net", "txt.att.net", "vtext.com", "vzwpix.com", "tmomail.net", "messaging.sprintpcs.com",
        "pm.sprint.com", "mymetropcs.com", "msg.fi.google.com", "mms.cricketwireless.net", "sms.cricketwireless.net",
        "myboostmobile.com", "sms.myboostmobile.com", "vmobl.com", "vmpix.com", "mmst5.tracfone.com", "message.ting.com",
        "email.uscc.net", "mms.uscc.net", "text.republicwireless.com", "mypixmessages.com", "mailmymobile.net",
    ]

    /// The gateway domain and the phone digits of an address at an SMS gateway whose local
    /// part is a US number (10 digits, or 11 with the leading 1), else nil.
    static func smsGatewaySender(_ address: String) -> (gateway: String, digits: String)? {
        // A gateway address starts with a digit; people's rarely do.
        guard let first = address.utf8.first, first >= 0x30, first <= 0x39,
              let at = address.lastIndex(of: "@") else { return nil }
        let local = address[..<at]
        guard local.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              local.utf8.count == 10 || (local.utf8.count == 11 && local.utf8.first == UInt8(ascii: "1")),
              let domain = domainOf(address), smsGatewayDomains.contains(domain) else { return nil }
        return (domain, String(local))
    }

    /// `address.contains("@")`: for ASCII the "@" byte is the answer; other text holds it
    /// only if its bytes do.
    private static func holdsAt(_ address: String) -> Bool {
        var copy = address
        let (hasByte, isASCII) = copy.withUTF8 { bytes in
            (bytes.contains(UInt8(ascii: "@")), !bytes.contains(where: { $0 >= 0x80 }))
        }
        guard hasByte else { return false }
        return isASCII || address.contains("@")
    }

    /// `auto-submitted message (auto-replied)` for an RFC 3834 automatic reply, else nil.
    /// (``NotALeadClassifier`` gives the full set of reasons; this is the minimum every
    /// path applies.)
    static func autoSubmittedReason(_ message: MIMEMessage) -> String? {
        autoSubmittedValue(message).map { "auto-submitted message (\($0))" }
    }

    /// RFC 3834's `auto-replied`: an automatic reply, never a lead. Other values
    /// (`auto-generated`, `auto-forwarded`) are not a reason on their own: marketplaces send
    /// lead notifications with them, and a builder's forwarding rule marks forwarded leads so.
    /// Returns a sanitised token for the reason text, or nil.
    private static func autoSubmittedValue(_ message: MIMEMessage) -> String? {
        guard let raw = message.header("Auto-Submitted") else { return nil }
        let token = raw.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
        let value = token.trimmingCharacters(in: .whitespaces).lowercased()
        guard value.hasPrefix("auto-repl") else { return nil }
        let safe = value.unicodeScalars.prefix(40).filter {
            ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-"
        }
        return safe.isEmpty ? "unspecified" : String(String.UnicodeScalarView(safe))
    }
}
