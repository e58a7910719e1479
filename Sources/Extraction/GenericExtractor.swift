import Foundation
public import LeadModel
public import MIME

/// The first, source-agnostic extractor: takes the prospect from the sender (or, for a
/// forward, from the innermost original's sender, never the forwarder), the first US
/// phone number in the inquiry text, and the text itself.
public struct GenericExtractor: Sendable {
    /// Longest `message` kept, in characters.
    public static let maximumMessageLength = 10_000

    /// The `source` written on every lead this extractor produces.
    public static let sourceName = "email"

    private let phoneScanner = PhoneNumberScanner()

    /// Creates the extractor.
    public init() {}

    /// A lead, or the reason the message is not one.
    public func extract(from message: MIMEMessage) -> ExtractionOutcome {
        if let autoSubmitted = autoSubmittedValue(message) {
            return .ignored(reason: "auto-submitted message (\(autoSubmitted))")
        }
        let inquiry = Inquiry(message: message)
        var lead = ExtractedLead(source: Self.sourceName, isForwarded: inquiry.original != nil)
        var sources: [String: String] = [:]

        let (firstName, lastName) = PersonNameSplitter.split(inquiry.sender?.name)
        if let firstName {
            lead.firstName = firstName
            sources["first_name"] = inquiry.nameSource
        }
        if let lastName {
            lead.lastName = lastName
            sources["last_name"] = inquiry.nameSource
        }
        if let address = inquiry.sender?.address, address.contains("@") {
            lead.email = address
            sources["email"] = inquiry.addressSource
        }

        let body = inquiry.body.trimmingCharacters(in: .whitespacesAndNewlines)
        // Line numbers refer to the trimmed text, i.e. to the `message` field.
        let phoneText = inquiry.original == nil ? Inquiry.blankingQuotedLines(body) : body
        if let phone = phoneScanner.firstPhone(in: phoneText) {
            lead.phone = phone.number
            let pattern = phone.isNANP ? "phone pattern" : "labelled phone, not NANP"
            let provenance = "\(inquiry.bodySource) line \(phone.line) (\(pattern))"
            sources["phone"] = provenance
            if let phoneExtension = phone.phoneExtension {
                lead.phoneExtension = phoneExtension
                sources["phone_extension"] = provenance
            }
        }
        if !body.isEmpty {
            lead.message = String(body.prefix(Self.maximumMessageLength))
            sources["message"] = inquiry.messageSource
        }
        if let subject = SubjectCleaner.clean(inquiry.subject) {
            lead.subject = subject
            sources["subject"] = inquiry.subjectSource
        }
        lead.fieldSources = sources

        if lead.email == nil && lead.phone == nil {
            return .ignored(reason: "no contact details: no sender address or phone number")
        }
        return .lead(lead)
    }

    /// RFC 3834: any `Auto-Submitted` value other than `no` marks machine-sent mail.
    /// Returns a sanitised token for the reason text, or nil for human mail.
    private func autoSubmittedValue(_ message: MIMEMessage) -> String? {
        guard let raw = message.header("Auto-Submitted") else { return nil }
        let token = raw.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
        let value = token.trimmingCharacters(in: .whitespaces).lowercased()
        if value == "no" { return nil }
        let safe = value.unicodeScalars.prefix(40).filter {
            ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-"
        }
        return safe.isEmpty ? "unspecified" : String(String.UnicodeScalarView(safe))
    }
}
