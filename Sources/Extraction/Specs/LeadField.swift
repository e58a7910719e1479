/// A field a spec rule (or a lead metadata tag) can fill, named as in the spec files and in
/// ``LeadModel/ExtractedLead/fields``.
public enum LeadField: String, Sendable, Hashable, CaseIterable, Comparable {
    case sourceLeadId = "source_lead_id"
    /// A whole name, split into `first_name` and `last_name`.
    case name
    case firstName = "first_name"
    case lastName = "last_name"
    case email
    case phone
    case phoneExtension = "phone_extension"
    case street
    case city
    case state
    case postalCode = "postal_code"
    /// A whole address, split into street, city, state and postal code.
    case address
    case projectType = "project_type"
    /// A budget phrase, read into `budget_low` and `budget_high`.
    case budget
    case budgetLow = "budget_low"
    case budgetHigh = "budget_high"
    case timeline
    case lotStatus = "lot_status"
    case financing
    case message
    case subject

    public static func < (lhs: LeadField, rhs: LeadField) -> Bool {
        let order = allCases
        return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
    }

    /// The hint applied when a rule names none.
    var defaultHint: NormalizeHint {
        switch self {
        case .phone: .phone
        case .email: .email
        case .name: .name
        case .state: .state
        case .postalCode: .postalCode
        case .address: .address
        case .budget, .budgetLow, .budgetHigh: .budget
        case .projectType: .projectType
        case .timeline: .timeline
        case .lotStatus: .lotStatus
        case .financing: .financing
        default: .trim
        }
    }

    /// Hints that make sense for this field; others are a load error.
    func accepts(_ hint: NormalizeHint) -> Bool {
        switch hint {
        case .trim, .lowercase: true
        case .name: self == .name
        case .address: self == .address
        case .budget: self == .budget || self == .budgetLow || self == .budgetHigh
        case .phone: self == .phone
        default: self != .name && self != .address && self != .budget && self != .budgetLow && self != .budgetHigh
            && self != .phone
        }
    }
}

/// How a raw value is cleaned before it is written on the lead (`normalize:` in a spec).
public enum NormalizeHint: String, Sendable, Hashable, CaseIterable {
    case phone, email, name, state
    case postalCode = "postal_code"
    case address, budget
    case projectType = "project_type"
    case timeline
    case lotStatus = "lot_status"
    case financing, trim, lowercase
}
