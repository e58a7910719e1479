public import LeadModel

/// The facts about a lead that routing looks at.
///
/// Build it from an ``LeadModel/ExtractedLead`` with ``init(lead:)``, or from a stored lead's
/// columns with the memberwise initializer. Values need not be normalised: states may be
/// names or codes, ZIPs may be ZIP+4, project types and sources any case.
public struct RoutingInput: Sendable, Hashable, Codable {
    /// State code or name of the project (or the prospect's) address.
    public var state: String?
    /// City of the address.
    public var city: String?
    /// ZIP5 or ZIP+4 of the address.
    public var postalCode: String?
    /// Project-type slug (`custom_home`, `remodel`, ...).
    public var projectType: String?
    /// Source slug (`houzz`, `website_form`, ...).
    public var source: String?
    /// Budget bounds in whole dollars; equal for a single figure, either may be open.
    public var budgetLow: Int?
    public var budgetHigh: Int?

    /// Creates an input from stored columns.
    public init(
        state: String? = nil, city: String? = nil, postalCode: String? = nil, projectType: String? = nil,
        source: String? = nil, budgetLow: Int? = nil, budgetHigh: Int? = nil
    ) {
        self.state = state
        self.city = city
        self.postalCode = postalCode
        self.projectType = projectType
        self.source = source
        self.budgetLow = budgetLow
        self.budgetHigh = budgetHigh
    }

    /// The routing facts of an extracted lead (its address, project type, source and budget).
    public init(lead: ExtractedLead) {
        self.init(
            state: lead.address?.state, city: lead.address?.city, postalCode: lead.address?.postalCode,
            projectType: lead.projectType, source: lead.source, budgetLow: lead.budgetLow, budgetHigh: lead.budgetHigh
        )
    }

    enum CodingKeys: String, CodingKey {
        case state, city
        case postalCode = "postal_code"
        case projectType = "project_type"
        case source
        case budgetLow = "budget_low"
        case budgetHigh = "budget_high"
    }
}
