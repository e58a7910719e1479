public import Foundation
public import LeadModel

/// One CSV row as a lead: the same normalisers as email intake, provenance `import`.
public struct ImportRow: Sendable {
    /// 1-based data row number (the header is row 0), as the report shows it.
    public let row: Int
    /// Line of the file the row starts on.
    public let line: Int
    public let lead: ExtractedLead
    /// From the created_at / received_at column, else nil (the import time).
    public let createdAt: Date?
    /// Problems that did not stop the row (an unreadable date, a phone that is not one).
    public let warnings: [String]

    /// Whether the row has anything to identify a person by.
    public var hasIdentity: Bool {
        self.lead.firstName != nil || self.lead.lastName != nil || self.lead.email != nil || self.lead.phone != nil
    }

    public init(row: Int, line: Int, fields: [String], columns: ImportColumns) {
        self.row = row
        self.line = line
        var warnings: [String] = []
        var lead = ExtractedLead(source: "import")
        var provenance: [String: FieldProvenance] = [:]
        func note(_ field: String, _ column: ImportColumns.Field) {
            provenance[field] = FieldProvenance(rule: "import column \(column.rawValue)", location: "line \(line)")
        }
        if let first = columns.value(.firstName, in: fields) {
            let split = FieldNormalizer.personName(first)
            lead.firstName = split.first ?? first
            note("first_name", .firstName)
            // A whole name in the first-name column ("Garcia, Ana", "Ana Garcia") with the
            // last-name column empty: a common export mistake.
            if columns.value(.lastName, in: fields) == nil, first.contains(",") || first.contains(" "), let last = split.last {
                lead.lastName = last
                note("last_name", .firstName)
            }
        }
        if let last = columns.value(.lastName, in: fields) {
            lead.lastName = FieldNormalizer.personName("X " + last).last ?? last
            note("last_name", .lastName)
        }
        if lead.firstName == nil, lead.lastName == nil, let name = columns.value(.name, in: fields) {
            let split = FieldNormalizer.personName(name)
            lead.firstName = split.first
            lead.lastName = split.last
            if split.first != nil { note("first_name", .name) }
            if split.last != nil { note("last_name", .name) }
        }
        if let email = columns.value(.email, in: fields) {
            if let normalized = FieldNormalizer.email(email) {
                lead.email = normalized
                note("email", .email)
            } else {
                warnings.append("email '\(email.prefix(80))' is not an address; left out")
            }
        }
        if let phone = columns.value(.phone, in: fields) {
            if let normalized = FieldNormalizer.phone(phone) {
                lead.phone = normalized.number
                lead.phoneExtension = normalized.extension
                note("phone", .phone)
            } else {
                warnings.append("phone '\(phone.prefix(40))' is not a phone number; left out")
            }
        }
        var address = PostalAddress()
        if let street = columns.value(.street, in: fields) {
            if columns.index[.city] == nil, let parsed = FieldNormalizer.address(street) {
                address = parsed
            } else {
                address.street = street
            }
            note("street", .street)
        }
        if let city = columns.value(.city, in: fields) { address.city = city; note("city", .city) }
        if let state = columns.value(.state, in: fields) { address.state = FieldNormalizer.state(state) ?? state; note("state", .state) }
        if let zip = columns.value(.postalCode, in: fields) {
            address.postalCode = FieldNormalizer.postalCode(zip) ?? zip
            note("postal_code", .postalCode)
        }
        if !address.isEmpty { lead.address = address }
        if let source = columns.value(.source, in: fields) {
            lead.source = Self.slug(source)
            lead.sourceDetail = source
        }
        if let type = columns.value(.projectType, in: fields) {
            lead.projectType = FieldNormalizer.projectType(type) ?? Self.slug(type)
            note("project_type", .projectType)
        }
        if let budget = columns.value(.budget, in: fields), let range = FieldNormalizer.budget(budget) {
            lead.budgetLow = range.low
            lead.budgetHigh = range.high
            note("budget", .budget)
        }
        if let timeline = columns.value(.timeline, in: fields) { lead.timeline = FieldNormalizer.timeline(timeline) ?? timeline }
        if let message = columns.value(.message, in: fields) { lead.message = message }
        lead.fields = provenance
        self.lead = lead
        var createdAt: Date?
        if let text = columns.value(.createdAt, in: fields) {
            createdAt = Self.date(text)
            if createdAt == nil { warnings.append("date '\(text.prefix(40))' not understood; the import time is used") }
        }
        self.createdAt = createdAt
        self.warnings = warnings
    }

    static func slug(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                out.unicodeScalars.append(scalar)
            } else if !out.hasSuffix("_") && !out.isEmpty {
                out.append("_")
            }
        }
        while out.hasSuffix("_") { out.removeLast() }
        return out.isEmpty ? "import" : String(out.prefix(64))
    }

    /// `2025-03-14`, `2025-03-14T10:20[:30][Z]` (or with a space), or US `3/14/2025[ 10:20]`,
    /// read as UTC. Hand-written: formatters cost more per row than the rest of the row.
    static func date(_ text: String) -> Date? {
        var numbers: [Int] = []
        var separators: [Character] = []
        var current: Int?
        for character in text {
            if let digit = character.wholeNumberValue, character.isASCII {
                current = (current ?? 0) * 10 + digit
                if current! > 100_000 { return nil }
            } else {
                if let value = current { numbers.append(value) }
                current = nil
                if character != "Z" { separators.append(character) }
            }
        }
        if let value = current { numbers.append(value) }
        let year: Int, month: Int, day: Int
        guard numbers.count >= 3 else { return nil }
        if separators.first == "-" {
            (year, month, day) = (numbers[0], numbers[1], numbers[2])
        } else if separators.first == "/" {
            (month, day) = (numbers[0], numbers[1])
            year = numbers[2] < 100 ? 2000 + numbers[2] : numbers[2]
        } else {
            return nil
        }
        let hour = numbers.count > 3 ? numbers[3] : 0
        let minute = numbers.count > 4 ? numbers[4] : 0
        let second = numbers.count > 5 ? numbers[5] : 0
        guard (1900...2200).contains(year), (1...12).contains(month), (1...31).contains(day),
              (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        // Days from 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3_600 + minute * 60 + second))
    }
}
