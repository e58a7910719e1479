import Foundation
import HTMLText
import LeadModel

/// The lead metadata convention: `<meta name="lead_email" content="...">` tags that some
/// lead senders put in their HTML (head or body). They survive template redesigns, so their
/// values are read before any spec rule and win over it.
enum LeadMetaTags {
    /// Tag name (lowercased) → the field it fills and the hint applied.
    static let fields: [String: (field: LeadField, hint: NormalizeHint?)] = [
        "lead_name": (.name, nil),
        "lead_first_name": (.firstName, nil),
        "lead_last_name": (.lastName, nil),
        "lead_email": (.email, nil),
        "lead_phone": (.phone, nil),
        "lead_property_address": (.address, nil),
        "lead_address": (.address, nil),
        "lead_street": (.street, nil),
        "lead_city": (.city, nil),
        "lead_state": (.state, nil),
        "lead_zip": (.postalCode, nil),
        "lead_postal_code": (.postalCode, nil),
        "lead_message": (.message, nil),
        "lead_comments": (.message, nil),
        "lead_id": (.sourceLeadId, nil),
        "lead_min_price": (.budgetLow, .trim),
        "lead_max_price": (.budgetHigh, .trim),
        "lead_budget": (.budget, nil),
        "lead_price": (.budget, nil),
        "lead_time_frame": (.timeline, nil),
        "lead_timeline": (.timeline, nil),
        "lead_type": (.projectType, nil),
        "lead_project_type": (.projectType, nil),
        "lead_lot_status": (.lotStatus, nil),
        "lead_financing": (.financing, nil),
    ]

    /// The `lead_*` tags of the view's HTML, name lowercased, read from the document the
    /// view shares with table rows and `xpath:` rules. The document is searched only when
    /// the text `lead_` occurs in the HTML at all.
    static func tags(in view: InquiryView) -> [(name: String, content: String)] {
        guard let html = view.html, containsLeadPrefix(html) else { return [] }
        return tags(of: view.htmlDocument)
    }

    private static func tags(of document: HTMLDocument?) -> [(name: String, content: String)] {
        document?.metaValues(prefix: "lead_").map { ($0.name.lowercased(), $0.content) } ?? []
    }

    /// Writes the tags' values on the lead; returns the `lead_source` tag's value, if any.
    static func apply(_ tags: [(name: String, content: String)], to builder: inout LeadBuilder) -> String? {
        var leadSource: String?
        for (name, content) in tags {
            if name == "lead_source" {
                leadSource = ValueNormalizer.trimmed(content)
                continue
            }
            guard let (field, hint) = fields[name], !builder.has(field) else { continue }
            // lead_type is "buyer"/"seller" for real-estate senders: use it only when it
            // names a project type of the vocabulary (FieldNormalizer.projectType keeps any
            // short text, "Buyer" too: exploratory testing saw project_type "buyer").
            if name == "lead_type", ProjectTypeVocabulary.vocabulary.bestSlug(in: content) == nil { continue }
            builder.set(field, raw: content, hint: hint, provenance: FieldProvenance(rule: "meta \(name)", location: "HTML meta tag"))
        }
        return leadSource
    }

    /// Whether `html` holds `lead_` in any ASCII case.
    static func containsLeadPrefix(_ html: String) -> Bool {
        if let found = html.utf8.withContiguousStorageIfAvailable({ containsLeadPrefix(bytes: $0) }) { return found }
        return Array(html.utf8).withUnsafeBufferPointer { containsLeadPrefix(bytes: $0) }
    }

    /// A `_` preceded by `lead` in any case: memchr finds each `_` (many bytes per
    /// instruction), and only those are compared.
    private static func containsLeadPrefix(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 5, let base = bytes.baseAddress else { return false }
        var index = 4
        while index < bytes.count {
            guard let found = memchr(base + index, 0x5F, bytes.count - index) else { return false }
            index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            if bytes[index - 4] | 0x20 == 0x6C, bytes[index - 3] | 0x20 == 0x65,
               bytes[index - 2] | 0x20 == 0x61, bytes[index - 1] | 0x20 == 0x64 {
                return true
            }
            index += 1
        }
        return false
    }

    /// The byte-at-a-time search the memchr one replaces, for tests.
    static func referenceContainsLeadPrefix(_ html: String) -> Bool {
        let bytes = Array(html.utf8)
        guard bytes.count >= 5 else { return false }
        var index = 4
        while index < bytes.count {
            if bytes[index] == 0x5F,
               bytes[index - 4] | 0x20 == 0x6C, bytes[index - 3] | 0x20 == 0x65,
               bytes[index - 2] | 0x20 == 0x61, bytes[index - 1] | 0x20 == 0x64 {
                return true
            }
            index += 1
        }
        return false
    }
}
