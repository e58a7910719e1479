import LeadModel

/// What a lead must look like for a rule to apply.
///
/// Every condition is optional: an empty list (or no `budget`) means "any". Conditions of
/// different kinds must all hold; within one list any entry may match. `zips` and
/// `zip_prefixes` together form one ZIP condition: the lead's ZIP5 is listed **or** starts
/// with a listed prefix. A lead without the value a condition asks about (no ZIP, no project
/// type, no budget) does not match that condition.
///
/// ```yaml
/// when:
///   states: [TX]                  # USPS codes or names ("Texas")
///   cities: [Austin, Round Rock]  # case and punctuation ignored
///   zips: ["78610"]               # ZIP5
///   zip_prefixes: ["787", "7866"] # 1 to 5 leading digits
///   project_types: [custom_home]  # LeadModel project-type slugs
///   sources: [houzz, website_form]
///   budget: {min: 800k, max: 3M}  # either bound may be left out
/// ```
public struct RoutingConditions: Sendable, Hashable, Codable {
    /// Two-letter USPS codes.
    public var states: [String]
    /// City names; compared case-insensitively with punctuation ignored (`St. Louis` = `st louis`).
    public var cities: [String]
    /// Exact ZIP5 codes.
    public var zips: [String]
    /// Leading digits of a ZIP5 (`787` covers 78701–78799).
    public var zipPrefixes: [String]
    /// Project-type slugs (`custom_home`, `remodel`, ...; see `ProjectTypeVocabulary`).
    public var projectTypes: [String]
    /// Source slugs (`houzz`, `zillow`, `website_form`, ...).
    public var sources: [String]
    /// A budget range the lead's budget must overlap.
    public var budget: BudgetCondition?

    /// Creates conditions; every argument defaults to "any".
    public init(
        states: [String] = [], cities: [String] = [], zips: [String] = [], zipPrefixes: [String] = [],
        projectTypes: [String] = [], sources: [String] = [], budget: BudgetCondition? = nil
    ) {
        self.states = states
        self.cities = cities
        self.zips = zips
        self.zipPrefixes = zipPrefixes
        self.projectTypes = projectTypes
        self.sources = sources
        self.budget = budget
    }

    /// True when no condition is set (the rule matches every lead).
    public var isEmpty: Bool {
        states.isEmpty && cities.isEmpty && zips.isEmpty && zipPrefixes.isEmpty && projectTypes.isEmpty
            && sources.isEmpty && budget == nil
    }

    /// The source slugs leads can carry (the list `ExtractedLead.source` documents).
    public static let knownSources: Set<String> = [
        "houzz", "zillow", "angi", "homeadvisor", "thumbtack", "porch", "yelp", "buildzoom",
        "nextdoor", "google_lsa", "facebook", "website_form", "direct_inquiry", "other",
    ]

    enum CodingKeys: String, CodingKey {
        case states, cities, zips
        case zipPrefixes = "zip_prefixes"
        case projectTypes = "project_types"
        case sources, budget
    }

    /// Decodes conditions; absent keys mean "any".
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        states = try c.decodeIfPresent([String].self, forKey: .states) ?? []
        cities = try c.decodeIfPresent([String].self, forKey: .cities) ?? []
        zips = try c.decodeIfPresent([String].self, forKey: .zips) ?? []
        zipPrefixes = try c.decodeIfPresent([String].self, forKey: .zipPrefixes) ?? []
        projectTypes = try c.decodeIfPresent([String].self, forKey: .projectTypes) ?? []
        sources = try c.decodeIfPresent([String].self, forKey: .sources) ?? []
        budget = try c.decodeIfPresent(BudgetCondition.self, forKey: .budget)
    }

    /// Encodes only the conditions that are set, so stored JSON reads like the file.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if !states.isEmpty { try c.encode(states, forKey: .states) }
        if !cities.isEmpty { try c.encode(cities, forKey: .cities) }
        if !zips.isEmpty { try c.encode(zips, forKey: .zips) }
        if !zipPrefixes.isEmpty { try c.encode(zipPrefixes, forKey: .zipPrefixes) }
        if !projectTypes.isEmpty { try c.encode(projectTypes, forKey: .projectTypes) }
        if !sources.isEmpty { try c.encode(sources, forKey: .sources) }
        try c.encodeIfPresent(budget, forKey: .budget)
    }
}

/// A budget range for a rule, in whole dollars; either bound may be open.
///
/// Semantics: the rule matches when the lead's range **overlaps** this one, bounds inclusive.
/// A lead's single figure is the range [figure, figure]; "under 500k" (high only) is
/// [0, 500,000]; "over 1M" (low only) is [1,000,000, ∞). A lead with no budget at all does
/// not match a rule that has a budget condition.
public struct BudgetCondition: Sendable, Hashable, Codable {
    /// Lowest budget, inclusive; nil: no lower bound.
    public var min: Int?
    /// Highest budget, inclusive; nil: no upper bound.
    public var max: Int?

    /// Creates a range.
    public init(min: Int? = nil, max: Int? = nil) {
        self.min = min
        self.max = max
    }

    /// Whether the lead's budget (`low`...`high`, either open) overlaps this range.
    /// Nil when the lead has no budget.
    public func overlaps(low: Int?, high: Int?) -> Bool? {
        guard low != nil || high != nil else { return nil }
        let leadLow = low ?? 0
        let leadHigh = high ?? Int.max
        return leadLow <= (max ?? Int.max) && leadHigh >= (min ?? 0)
    }

    /// `$800,000 or more`, `up to $500,000`, `$500,000–$800,000`.
    public var description: String {
        switch (min, max) {
        case let (low?, high?): "\(Money.format(low))–\(Money.format(high))"
        case let (low?, nil): "\(Money.format(low)) or more"
        case let (nil, high?): "up to \(Money.format(high))"
        case (nil, nil): "any budget"
        }
    }
}

/// Dollar formatting for explanations.
enum Money {
    /// `$1,250,000`.
    static func format(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return (value < 0 ? "-$" : "$") + grouped
    }

    /// A lead's budget as it reads: `$650,000`, `$500,000–$700,000`, `up to $500,000`, `$1,000,000 or more`.
    static func range(low: Int?, high: Int?) -> String {
        switch (low, high) {
        case let (low?, high?) where low == high: format(low)
        case let (low?, high?): "\(format(low))–\(format(high))"
        case let (low?, nil): "\(format(low)) or more"
        case let (nil, high?): "up to \(format(high))"
        case (nil, nil): "none"
        }
    }
}
