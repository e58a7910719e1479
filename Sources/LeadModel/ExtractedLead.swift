/// A prospective customer's contact details and inquiry, as recovered from one message.
///
/// Every optional field is encoded as an explicit JSON `null` when absent so the
/// shape of the JSON never depends on what a particular message happened to contain.
public struct ExtractedLead: Sendable, Equatable, Codable {
    /// Lowercase source slug: `houzz`, `zillow`, `angi`, `homeadvisor`, `thumbtack`, `porch`,
    /// `yelp`, `buildzoom`, `nextdoor`, `google_lsa`, `facebook`, `website_form`,
    /// `direct_inquiry` or `other`.
    public var source: String
    /// Which spec or form kind (`"wordpress_cf7"`), or for `other` what identifies the
    /// unknown sender (its domain), so repeated ad-hoc sources can be noticed.
    public var sourceDetail: String?
    /// The marketplace's own id for the lead; with `source` it makes the lead idempotent.
    public var sourceLeadId: String?
    /// The prospect's given name, when it could be told apart from the family name.
    public var firstName: String?
    /// The prospect's family name (everything after the first name token).
    public var lastName: String?
    /// The prospect's own address (never a marketplace relay): domain lowercased.
    public var email: String?
    /// E.164 (`+15125550143`) for valid NANP numbers, otherwise the digits as written.
    public var phone: String?
    /// The extension that followed the phone number, digits only.
    public var phoneExtension: String?
    /// The project or home address the prospect gave.
    public var address: PostalAddress?
    /// `custom_home`, `new_build`, `remodel`, `addition`, `adu`, ... or as the source says it.
    public var projectType: String?
    /// Budget bounds in whole dollars; equal when a single figure was given.
    public var budgetLow: Int?
    public var budgetHigh: Int?
    /// The prospect's timeline as they put it, lightly normalised (`"spring 2027"`, `"asap"`).
    public var timeline: String?
    /// `own_lot`, `under_contract`, `looking`.
    public var lotStatus: String?
    /// `pre_approved`, `cash`, `need_to_sell`, ...
    public var financing: String?
    /// The inquiry's subject, with reply/forward prefixes removed.
    public var subject: String?
    /// What the prospect wrote, trimmed; for a forward, the original's words.
    public var message: String?
    /// Whether the prospect's message reached us as a forward (inline or attached).
    public var isForwarded: Bool
    /// Set for leads a person should look at (unknown source, partial extraction); set it
    /// with ``flagForReview(_:)``, which records why.
    public var needsReview: Bool
    /// Why the lead needs review, one sentence each, in the order found (empty when it does
    /// not): what a person reading the review queue is told.
    public var reviewReasons: [String]
    /// Every way to reach the prospect, relays flagged.
    public var contactChannels: [ContactChannel]
    /// Field name (`"first_name"`, `"email"`, `"phone"`, ...) to where its value came from.
    public var fields: [String: FieldProvenance]

    /// Creates a lead; every field defaults to empty so callers only name what they found.
    /// (Inlinable: called across modules, the initializer copied the finished lead once more
    /// and destroyed the original, every reference retained and released.)
    @inlinable
    public init(
        source: String = "direct_inquiry",
        sourceDetail: String? = nil,
        sourceLeadId: String? = nil,
        firstName: String? = nil,
        lastName: String? = nil,
        email: String? = nil,
        phone: String? = nil,
        phoneExtension: String? = nil,
        address: PostalAddress? = nil,
        projectType: String? = nil,
        budgetLow: Int? = nil,
        budgetHigh: Int? = nil,
        timeline: String? = nil,
        lotStatus: String? = nil,
        financing: String? = nil,
        subject: String? = nil,
        message: String? = nil,
        isForwarded: Bool = false,
        needsReview: Bool = false,
        reviewReasons: [String] = [],
        contactChannels: [ContactChannel] = [],
        fields: [String: FieldProvenance] = [:]
    ) {
        self.source = source
        self.sourceDetail = sourceDetail
        self.sourceLeadId = sourceLeadId
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.phone = phone
        self.phoneExtension = phoneExtension
        self.address = address
        self.projectType = projectType
        self.budgetLow = budgetLow
        self.budgetHigh = budgetHigh
        self.timeline = timeline
        self.lotStatus = lotStatus
        self.financing = financing
        self.subject = subject
        self.message = message
        self.isForwarded = isForwarded
        self.needsReview = needsReview
        self.reviewReasons = reviewReasons
        self.contactChannels = contactChannels
        self.fields = fields
    }

    // Spelled out rather than left to an encoder key strategy, so the database,
    // the CLI and the golden files agree no matter how the encoder is configured.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case source
        case sourceDetail = "source_detail"
        case sourceLeadId = "source_lead_id"
        case firstName = "first_name"
        case lastName = "last_name"
        case email
        case phone
        case phoneExtension = "phone_extension"
        case address
        case projectType = "project_type"
        case budgetLow = "budget_low"
        case budgetHigh = "budget_high"
        case timeline
        case lotStatus = "lot_status"
        case financing
        case subject
        case message
        case isForwarded = "is_forwarded"
        case needsReview = "needs_review"
        case reviewReasons = "review_reasons"
        case contactChannels = "contact_channels"
        case fields
    }

    /// Decodes a lead; absent optional keys and `null` both mean "not found".
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        source = try c.decode(String.self, forKey: .source)
        sourceDetail = try c.decodeIfPresent(String.self, forKey: .sourceDetail)
        sourceLeadId = try c.decodeIfPresent(String.self, forKey: .sourceLeadId)
        firstName = try c.decodeIfPresent(String.self, forKey: .firstName)
        lastName = try c.decodeIfPresent(String.self, forKey: .lastName)
        email = try c.decodeIfPresent(String.self, forKey: .email)
        phone = try c.decodeIfPresent(String.self, forKey: .phone)
        phoneExtension = try c.decodeIfPresent(String.self, forKey: .phoneExtension)
        address = try c.decodeIfPresent(PostalAddress.self, forKey: .address)
        projectType = try c.decodeIfPresent(String.self, forKey: .projectType)
        budgetLow = try c.decodeIfPresent(Int.self, forKey: .budgetLow)
        budgetHigh = try c.decodeIfPresent(Int.self, forKey: .budgetHigh)
        timeline = try c.decodeIfPresent(String.self, forKey: .timeline)
        lotStatus = try c.decodeIfPresent(String.self, forKey: .lotStatus)
        financing = try c.decodeIfPresent(String.self, forKey: .financing)
        subject = try c.decodeIfPresent(String.self, forKey: .subject)
        message = try c.decodeIfPresent(String.self, forKey: .message)
        isForwarded = try c.decodeIfPresent(Bool.self, forKey: .isForwarded) ?? false
        needsReview = try c.decodeIfPresent(Bool.self, forKey: .needsReview) ?? false
        reviewReasons = try c.decodeIfPresent([String].self, forKey: .reviewReasons) ?? []
        contactChannels = try c.decodeIfPresent([ContactChannel].self, forKey: .contactChannels) ?? []
        fields = try c.decodeIfPresent([String: FieldProvenance].self, forKey: .fields) ?? [:]
    }

    /// Encodes every key, writing `null` for fields that were not found.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(source, forKey: .source)
        try c.encode(sourceDetail, forKey: .sourceDetail)
        try c.encode(sourceLeadId, forKey: .sourceLeadId)
        try c.encode(firstName, forKey: .firstName)
        try c.encode(lastName, forKey: .lastName)
        try c.encode(email, forKey: .email)
        try c.encode(phone, forKey: .phone)
        try c.encode(phoneExtension, forKey: .phoneExtension)
        try c.encode(address, forKey: .address)
        try c.encode(projectType, forKey: .projectType)
        try c.encode(budgetLow, forKey: .budgetLow)
        try c.encode(budgetHigh, forKey: .budgetHigh)
        try c.encode(timeline, forKey: .timeline)
        try c.encode(lotStatus, forKey: .lotStatus)
        try c.encode(financing, forKey: .financing)
        try c.encode(subject, forKey: .subject)
        try c.encode(message, forKey: .message)
        try c.encode(isForwarded, forKey: .isForwarded)
        try c.encode(needsReview, forKey: .needsReview)
        try c.encode(reviewReasons, forKey: .reviewReasons)
        try c.encode(contactChannels, forKey: .contactChannels)
        try c.encode(fields, forKey: .fields)
    }

    /// Marks the lead for a person's review and records why; a reason already recorded is
    /// not repeated.
    public mutating func flagForReview(_ reason: String) {
        needsReview = true
        if !reviewReasons.contains(reason) { reviewReasons.append(reason) }
    }
}
