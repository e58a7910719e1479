/// Which CSV column holds which lead field, decided from the header row by name.
///
/// Header names are compared lowercased with spaces, dashes and dots as underscores, so
/// `First Name`, `first-name` and `first_name` are one column. A header that names nothing
/// known is ignored (and reported as a warning); a header without any identity column (a
/// name, an email or a phone) is refused before anything is written.
public struct ImportColumns: Sendable, Equatable {
    public enum Field: String, Sendable, CaseIterable {
        case firstName = "first_name", lastName = "last_name", name, email, phone, street, city, state
        case postalCode = "postal_code", source, createdAt = "created_at", projectType = "project_type"
        case budget, message, timeline
    }

    /// Accepted header names (normalised) per field.
    static let aliases: [Field: [String]] = [
        .firstName: ["first_name", "firstname", "first", "given_name"],
        .lastName: ["last_name", "lastname", "last", "surname", "family_name"],
        .name: ["name", "full_name", "fullname", "contact", "contact_name", "customer", "customer_name"],
        .email: ["email", "e_mail", "email_address", "emailaddress", "mail"],
        .phone: ["phone", "phone_number", "phonenumber", "mobile", "mobile_phone", "cell", "cell_phone", "telephone", "tel"],
        .street: ["street", "address", "street_address", "address1", "address_1", "address_line_1", "property_address"],
        .city: ["city", "town"],
        .state: ["state", "province", "st", "region"],
        .postalCode: ["zip", "zip_code", "zipcode", "postal_code", "postalcode", "postcode"],
        .source: ["source", "lead_source", "leadsource", "origin"],
        .createdAt: ["created_at", "created", "received_at", "received", "date", "created_date", "date_created"],
        .projectType: ["project_type", "project", "type_of_project"],
        .budget: ["budget", "price_range", "budget_range"],
        .message: ["message", "notes", "note", "comments", "comment", "inquiry"],
        .timeline: ["timeline", "timeframe", "time_frame"],
    ]

    /// Field → column index.
    public let index: [Field: Int]
    /// Header names no field uses, as written.
    public let ignored: [String]

    /// Maps `header`. Throws when no identity column is present or a field is named twice.
    public init(header: [String]) throws(ImportError) {
        var lookup: [String: Field] = [:]
        for (field, names) in Self.aliases { for name in names { lookup[name] = field } }
        var index: [Field: Int] = [:]
        var ignored: [String] = []
        for (position, raw) in header.enumerated() {
            let name = Self.normalised(raw)
            guard let field = lookup[name] else {
                if !name.isEmpty { ignored.append(raw.trimmingSpaces) }
                continue
            }
            if let earlier = index[field] {
                throw ImportError("columns \(earlier + 1) ('\(header[earlier].trimmingSpaces)') and \(position + 1) ('\(raw.trimmingSpaces)') both hold \(field.rawValue)")
            }
            index[field] = position
        }
        guard [.firstName, .lastName, .name, .email, .phone].contains(where: { index[$0] != nil }) else {
            throw ImportError("no identity column: the header needs a name (first_name/last_name or name), email or phone column; found \(header.map(\.trimmingSpaces).joined(separator: ", "))")
        }
        self.index = index
        self.ignored = ignored
    }

    /// The value of `field` in `fields`, trimmed; nil when absent or empty.
    public func value(_ field: Field, in fields: [String]) -> String? {
        guard let position = self.index[field], position < fields.count else { return nil }
        let value = fields[position].trimmingSpaces
        return value.isEmpty ? nil : value
    }

    static func normalised(_ header: String) -> String {
        var out = ""
        var lastUnderscore = false
        for scalar in header.trimmingSpaces.lowercased().unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                out.unicodeScalars.append(scalar)
                lastUnderscore = false
            } else if !lastUnderscore && !out.isEmpty {
                out.append("_")
                lastUnderscore = true
            }
        }
        while out.hasSuffix("_") { out.removeLast() }
        return out
    }
}

/// A CSV that cannot be imported; the message names what is wrong.
public struct ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
