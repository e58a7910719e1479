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
        if let displayName = inquiry.sender?.name {
            builder.set(.name, raw: displayName, hint: .name,
                        provenance: FieldProvenance(rule: "sender display name", location: inquiry.nameSource))
        }
        if let address = inquiry.sender?.address, Self.holdsAt(address) {
            builder.set(.email, raw: address, hint: .email,
                        provenance: FieldProvenance(rule: "sender address", location: inquiry.addressSource))
        }

        let body = ValueNormalizer.trimmingWhitespace(inquiry.body)
        // Line numbers refer to the trimmed text, i.e. to the `message` field.
        let searched = SpecPattern.bounded(body, maxBytes: phoneSearchBytes)
        let phoneText = inquiry.isForwarded ? searched : Inquiry.blankingQuotedLines(searched)
        // (Not a fax, nor a number the text calls the reader's: "I tried your office at ...".)
        if !builder.has(.phone), let phone = PhoneFinder.prospectPhone(in: phoneText) {
            if builder.phonesAreProxied {
                builder.addChannel(ContactChannel(kind: .phone, value: phone.number, isRelay: true))
            } else {
                // The provenance (and its location text) only for a phone that is kept.
                let rule = phone.isNANP ? "phone pattern" : "labelled phone, not NANP"
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
